"""The risk score for benefit controls, trained once without the sensitive attribute.

The score model (one-hot encoding and a logistic regression, in one
scikit-learn Pipeline) is trained once on part of the households. Scores are
computed once on the held-out households and kept in a `ScoreTable`, which
answers for any threshold. scikit-learn is imported only when a model is
trained, so that the lesson's setup cell does not wait for it.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from widgets.controles import dataset
from widgets.controles.dataset import FEATURES, LABEL, NUMERIC, SENSITIVE
from widgets.controles.thresholds import ScoreTable

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

SPLIT_SEED = 1
TEST_SHARE = 0.4


def feature_matrix(columns: dict[str, np.ndarray], features: Sequence[str]) -> np.ndarray:
    """The chosen columns side by side, as scikit-learn reads them without pandas."""
    matrix = np.empty((len(columns[LABEL]), len(features)), dtype=object)
    for index, name in enumerate(features):
        matrix[:, index] = columns[name]
    return matrix


def score_pipeline(features: Sequence[str]) -> Pipeline:
    """One-hot encoding of categories, scaling of numbers, then a logistic regression.

    `class_weight="balanced"` spreads the scores over 0 to 1 although frauds
    are rare: the score ranks households, it is not a probability.
    """
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    categorical = [i for i, name in enumerate(features) if name not in NUMERIC]
    numeric = [i for i, name in enumerate(features) if name in NUMERIC]
    encode = ColumnTransformer(
        [
            ("categories", OneHotEncoder(handle_unknown="ignore"), categorical),
            ("nombres", StandardScaler(), numeric),
        ]
    )
    model = LogisticRegression(max_iter=2_000, class_weight="balanced")
    return Pipeline([("encodage", encode), ("modele", model)])


def split(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Training and test row numbers, stratified on the label, always the same."""
    from sklearn.model_selection import train_test_split

    rows = np.arange(len(labels))
    train, test = train_test_split(
        rows, test_size=TEST_SHARE, random_state=SPLIT_SEED, stratify=labels
    )
    return np.sort(train), np.sort(test)


@dataclass(frozen=True)
class Study:
    """A trained score model and its scores on the held-out households."""

    columns: dict[str, np.ndarray]
    features: tuple[str, ...]
    train: np.ndarray
    test: np.ndarray
    model: Pipeline
    table: ScoreTable
    auc: float
    training_seconds: float


def build_study(
    columns: dict[str, np.ndarray] | None = None,
    features: Sequence[str] = FEATURES,
) -> Study:
    """Train on the training rows, score the test rows once."""
    from sklearn.metrics import roc_auc_score

    columns = dataset.load() if columns is None else columns
    labels = columns[LABEL].astype(bool)
    train, test = split(labels)
    matrix = feature_matrix(columns, features)
    model = score_pipeline(features)
    start = time.perf_counter()
    model.fit(matrix[train], labels[train])
    seconds = time.perf_counter() - start
    scores = model.predict_proba(matrix[test])[:, 1]
    table = ScoreTable(scores, labels[test], columns[SENSITIVE][test])
    return Study(
        columns=columns,
        features=tuple(features),
        train=train,
        test=test,
        model=model,
        table=table,
        auc=float(roc_auc_score(labels[test], scores)),
        training_seconds=seconds,
    )


_TRAINING = threading.Lock()


def default_study() -> Study:
    """The study the lesson shows: shipped data, every feature but the sensitive one.

    Trained once per kernel, possibly in the background (see the lesson's `start`):
    a second caller waits for the first.
    """
    with _TRAINING:
        return _train_once()


@functools.cache
def _train_once() -> Study:
    return build_study()
