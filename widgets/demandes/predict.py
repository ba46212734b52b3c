"""« Essayez votre message » : the service the model picks for one message, and why.

`predict_message` never raises: bad input gets a French notice instead. One
feature per word keeps the explanation exact: the weight of a word for a
service is its TF-IDF value times the model's coefficient for that word and
service.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from widgets.demandes.model import STOP_WORDS, WORD, TrainedModel, normalize, trained_model
from widgets.french import format_number
from widgets.text import printable

MAX_CHARS = 5_000
TOP_WORDS = 5
MAX_UNKNOWN = 10


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
    for token in WORD.findall(text):
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
    text = printable(text)
    notice = ""
    if len(text) > MAX_CHARS:
        notice = (
            f"Votre message est très long ({format_number(len(text))} caractères) : seuls "
            f"les {format_number(MAX_CHARS)} premiers ont été lus."
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


def first_missorted(examples: Sequence[tuple[str, str]], model: TrainedModel) -> int | None:
    """The position of the first (message, expected service) the model sorts wrongly, if any."""
    for position, (message, expected) in enumerate(examples):
        if predict_message(message, model).service != expected:
            return position
    return None
