"""Sorting residents' requests: train, evaluate and explain a TF-IDF + logistic regression model.

Plain Python (no Jupyter). The model is trained once per kernel
(`trained_model()` is cached) on a stratified 80/20 split of
widgets/data/demandes.csv with a fixed seed, so every learner sees the same
figures. `predict_message` never raises: bad input gets a French notice.

Why these settings: accents are stripped and text lower-cased, because
residents write « eclairage » as often as « éclairage »; only words of two
letters or more count (no digits: a street number says nothing about the
service); French function words are dropped so that explanations show words
that carry meaning. One feature per word keeps the explanation exact: the
weight of a word for a service is its TF-IDF value times the model's
coefficient for that word and service.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import time
import unicodedata
from dataclasses import dataclass
from importlib import resources

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from widgets.datasets.demandes.services import SERVICES

DATA_FILE = "demandes.csv"
SPLIT_SEED = 8
TEST_SHARE = 0.2
REGULARIZATION_C = 10.0
MAX_CHARS = 5_000
TOP_WORDS = 5
MAX_UNKNOWN = 10
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
_TOKEN = re.compile(TOKEN_PATTERN)

_FUNCTION_WORDS = """
au aux avec ce ces cet cette ca dans de des du elle elles en est et etre il ils je la le les
leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
sont sur ta te tes toi ton tu un une vos votre vous
"""
STOP_WORDS = tuple(_FUNCTION_WORDS.split())
"""French function words, written without accents as the model sees them."""


def normalize(text: str) -> str:
    """Lower case, accents removed: what the model reads."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Request:
    id: int
    message: str
    service: str
    ambiguous: bool
    second_service: str


@functools.cache
def load_requests() -> tuple[Request, ...]:
    """The shipped data set, read from the package (never from the working folder)."""
    text = resources.files("widgets").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return tuple(
        Request(
            id=int(row["id"]),
            message=row["message"],
            service=row["service"],
            ambiguous=row["ambigu"] == "1",
            second_service=row["service_secondaire"],
        )
        for row in csv.DictReader(io.StringIO(text))
    )


def build_pipeline() -> Pipeline:
    return Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(
                    preprocessor=normalize,
                    token_pattern=TOKEN_PATTERN,
                    stop_words=list(STOP_WORDS),
                    sublinear_tf=True,
                ),
            ),
            ("classifier", LogisticRegression(C=REGULARIZATION_C, max_iter=2_000)),
        ]
    )


@dataclass(frozen=True)
class ServiceSplit:
    service: str
    total: int
    train: int
    test: int


@dataclass(frozen=True)
class SplitSummary:
    total: int
    train: int
    test: int
    per_service: tuple[ServiceSplit, ...]


@dataclass(frozen=True)
class ServiceScore:
    service: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Evaluation:
    """How the model does on the test messages, which it never saw while learning."""

    services: tuple[str, ...]
    matrix: np.ndarray
    """matrix[i, j]: test messages of real service i that the model sent to service j."""
    accuracy: float
    macro_f1: float
    scores: tuple[ServiceScore, ...]
    test_requests: tuple[Request, ...]
    predictions: tuple[str, ...]

    @property
    def correct(self) -> int:
        return int(np.trace(self.matrix))

    @property
    def total(self) -> int:
        return int(self.matrix.sum())

    def score(self, service: str) -> ServiceScore:
        return self.scores[self.services.index(service)]


@dataclass(frozen=True)
class TrainedModel:
    pipeline: Pipeline
    services: tuple[str, ...]
    split: SplitSummary
    evaluation: Evaluation
    train_requests: tuple[Request, ...]
    train_seconds: float
    feature_names: tuple[str, ...]
    """The words the model knows, in the order of its features."""


def _split_summary(train: list[Request], test: list[Request]) -> SplitSummary:
    per_service = tuple(
        ServiceSplit(
            service,
            total=sum(r.service == service for r in train + test),
            train=sum(r.service == service for r in train),
            test=sum(r.service == service for r in test),
        )
        for service in SERVICES
    )
    return SplitSummary(len(train) + len(test), len(train), len(test), per_service)


def _evaluate(pipeline: Pipeline, test: list[Request]) -> Evaluation:
    truth = [r.service for r in test]
    predicted = [str(p) for p in pipeline.predict([r.message for r in test])]
    precision, recall, f1, support = precision_recall_fscore_support(
        truth, predicted, labels=list(SERVICES), zero_division=0
    )
    scores = tuple(
        ServiceScore(s, float(p), float(r), float(f), int(n))
        for s, p, r, f, n in zip(SERVICES, precision, recall, f1, support, strict=True)
    )
    return Evaluation(
        services=SERVICES,
        matrix=confusion_matrix(truth, predicted, labels=list(SERVICES)),
        accuracy=float(accuracy_score(truth, predicted)),
        macro_f1=float(np.mean(f1)),
        scores=scores,
        test_requests=tuple(test),
        predictions=tuple(predicted),
    )


def train_model(
    requests: tuple[Request, ...] | None = None, seed: int = SPLIT_SEED
) -> TrainedModel:
    """Split (stratified by service), train on 80 %, evaluate on the other 20 %."""
    requests = load_requests() if requests is None else requests
    train, test = train_test_split(
        list(requests),
        test_size=TEST_SHARE,
        stratify=[r.service for r in requests],
        random_state=seed,
    )
    pipeline = build_pipeline()
    start = time.perf_counter()
    # One thread: on a matrix this small, several BLAS threads only get in each
    # other's way (seven times slower measured on two cores).
    with threadpool_limits(limits=1):
        pipeline.fit([r.message for r in train], [r.service for r in train])
    seconds = time.perf_counter() - start
    return TrainedModel(
        pipeline=pipeline,
        services=SERVICES,
        split=_split_summary(train, test),
        evaluation=_evaluate(pipeline, test),
        train_requests=tuple(train),
        train_seconds=seconds,
        feature_names=tuple(str(name) for name in pipeline[0].get_feature_names_out()),
    )


@functools.cache
def trained_model() -> TrainedModel:
    """The course's model, trained once per kernel."""
    return train_model()


@dataclass(frozen=True)
class ConfusedPair:
    first: str
    second: str
    first_as_second: int
    """Test messages of `first` that the model sent to `second`."""
    second_as_first: int

    @property
    def total(self) -> int:
        return self.first_as_second + self.second_as_first

    @property
    def largest_cell(self) -> tuple[str, str, int]:
        """(real service, predicted service, count) of the bigger of the two cells."""
        if self.first_as_second >= self.second_as_first:
            return self.first, self.second, self.first_as_second
        return self.second, self.first, self.second_as_first


def confused_pairs(evaluation: Evaluation) -> list[ConfusedPair]:
    """Every pair of services, the most confused first (both directions added)."""
    m = evaluation.matrix
    names = evaluation.services
    pairs = [
        ConfusedPair(names[i], names[j], int(m[i, j]), int(m[j, i]))
        for i in range(len(names))
        for j in range(i + 1, len(names))
    ]
    return sorted(pairs, key=lambda pair: -pair.total)


def most_confused_pair(evaluation: Evaluation) -> ConfusedPair:
    return confused_pairs(evaluation)[0]


def shared_words(model: TrainedModel, first: str, second: str, count: int = 5) -> list[str]:
    """Words frequent in the training messages of both services and rare in the others.

    Shown as residents wrote them most often (with accents when they used them).
    """
    per_service = {service: {} for service in model.services}
    spellings: dict[str, dict[str, int]] = {}
    for request in model.train_requests:
        seen = set()
        for token in _TOKEN.findall(request.message):
            key = normalize(token)
            if key in STOP_WORDS or key in seen:
                continue
            seen.add(key)
            counts = per_service[request.service]
            counts[key] = counts.get(key, 0) + 1
            forms = spellings.setdefault(key, {})
            forms[token.lower()] = forms.get(token.lower(), 0) + 1
    sizes = {s: sum(r.service == s for r in model.train_requests) for s in model.services}

    def share(service: str, key: str) -> float:
        return per_service[service].get(key, 0) / sizes[service]

    def specificity(key: str) -> float:
        others = max(share(s, key) for s in model.services if s not in (first, second))
        return min(share(first, key), share(second, key)) - others

    keys = sorted(per_service[first], key=lambda key: (-specificity(key), key))
    keys = [key for key in keys if specificity(key) > 0][:count]
    return [max(sorted(spellings[key]), key=lambda form: spellings[key][form]) for key in keys]


@dataclass(frozen=True)
class WordWeight:
    word: str
    """The word as the resident wrote it."""
    weight: float
    """TF-IDF value × coefficient: how much the word pushed towards the predicted service."""


@dataclass(frozen=True)
class Prediction:
    service: str | None
    """None when the message cannot be sorted; `notice` then says why."""
    probabilities: tuple[tuple[str, float], ...]
    words: tuple[WordWeight, ...]
    unknown_words: tuple[str, ...]
    notice: str
    text: str
    """The text the model read (cut to MAX_CHARS characters)."""


def _refusal(notice: str, text: str = "") -> Prediction:
    return Prediction(None, (), (), (), notice, text)


def _join(*sentences: str) -> str:
    return " ".join(sentence for sentence in sentences if sentence)


def _shorten(word: str, limit: int = 30) -> str:
    return word if len(word) <= limit else word[: limit - 1] + "…"


def _as_written(text: str) -> dict[str, str]:
    """Normalised word -> its first spelling in the message."""
    forms: dict[str, str] = {}
    for token in _TOKEN.findall(text):
        forms.setdefault(normalize(token), token)
    return forms


def predict_message(text: object, model: TrainedModel | None = None) -> Prediction:
    """The service the model picks for one message, its probabilities and its reasons."""
    if not isinstance(text, str):
        return _refusal("Le message doit être un texte, écrit entre guillemets.")
    if not text.strip():
        return _refusal(
            "Votre message est vide : écrivez quelques mots, par exemple "
            "« Lampadaire éteint rue Pasteur »."
        )
    model = model or trained_model()
    notice = ""
    if len(text) > MAX_CHARS:
        notice = (
            f"Votre message est très long ({len(text):,} caractères) : seuls les "
            f"{MAX_CHARS:,} premiers ont été lus.".replace(",", "\u202f")
        )
        text = text[:MAX_CHARS]
    forms = _as_written(text)
    if not forms:
        return _refusal(
            _join(
                notice,
                "Votre message ne contient aucun mot (seulement des chiffres, des symboles ou "
                "des émojis) : le modèle ne lit que des mots.",
            ),
            text,
        )
    vectorizer = model.pipeline.named_steps["tfidf"]
    unknown = tuple(
        _shorten(form)
        for key, form in forms.items()
        if key not in vectorizer.vocabulary_ and key not in STOP_WORDS
    )[:MAX_UNKNOWN]
    features = vectorizer.transform([text])
    if features.nnz == 0:
        reason = (
            "Le modèle ne connaît aucun mot de ce message : il n'a appris que les mots des "
            "messages d'entraînement. Il ne peut pas le trier."
        )
        return Prediction(None, (), (), unknown, _join(notice, reason), text)
    classifier = model.pipeline.named_steps["classifier"]
    probabilities = classifier.predict_proba(features)[0]
    by_service = dict(zip((str(c) for c in classifier.classes_), probabilities, strict=True))
    service = max(model.services, key=lambda s: by_service.get(s, 0.0))
    row = list(classifier.classes_).index(service)
    contributions = features.data * classifier.coef_[row, features.indices]
    names = model.feature_names
    ranked = sorted(zip(contributions, features.indices, strict=True), key=lambda item: -item[0])
    words = tuple(
        WordWeight(forms.get(names[index], names[index]), float(weight))
        for weight, index in ranked[:TOP_WORDS]
        if weight > 0
    )
    return Prediction(
        service=service,
        probabilities=tuple((s, float(by_service.get(s, 0.0))) for s in model.services),
        words=words,
        unknown_words=unknown,
        notice=notice,
        text=text,
    )
