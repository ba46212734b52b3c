"""Sorting residents' requests: load the data, train and evaluate a TF-IDF + logistic regression.

Plain Python (no Jupyter). The model is trained once per kernel
(`trained_model()` is cached) on a stratified 80/20 split of the shipped data
set `demandes.csv` with a fixed seed, so every learner sees the same figures.
scikit-learn is imported only when a model is trained: the lesson trains it
in the background while the learner reads, and a caller meanwhile waits for it.

Why these settings: accents are stripped and text lower-cased, because
residents write « eclairage » as often as « éclairage »; only words of two
letters or more count (no digits: a street number says nothing about the
service); French function words are dropped so that explanations show words
that carry meaning.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from widgets.demandes.services import SERVICES
from widgets.shipped_data import load
from widgets.text import without_accents

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

SPLIT_SEED = 8
TEST_SHARE = 0.2
REGULARIZATION_C = 10.0
TOKEN_PATTERN = r"(?u)\b[^\W\d_]{2,}\b"
WORD = re.compile(TOKEN_PATTERN)
"""A word as the model counts it: two letters or more, no digit."""

_FUNCTION_WORDS = """
au aux avec ce ces cet cette ca dans de des du elle elles en est et etre il ils je la le les
leur lui ma mais me mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son
sont sur ta te tes toi ton tu un une vos votre vous
"""
STOP_WORDS = tuple(_FUNCTION_WORDS.split())
"""French function words, written without accents as the model sees them."""


def normalize(text: str) -> str:
    """Lower case, accents removed: what the model reads."""
    return without_accents(text)


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
    text = load("demandes", "demandes.csv").decode("utf-8")
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
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

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
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

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
    from sklearn.model_selection import train_test_split
    from threadpoolctl import threadpool_limits

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


_TRAINING = threading.Lock()


def trained_model() -> TrainedModel:
    """The course's model, trained once per kernel; a second caller waits for the first."""
    with _TRAINING:
        return _train_once()


@functools.cache
def _train_once() -> TrainedModel:
    return train_model()
