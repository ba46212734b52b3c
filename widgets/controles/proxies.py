"""Why removing the sensitive variable does not remove the disparity (plain Python).

Three versions of the same score model are trained on the same households:
with nationality among its variables, without it (the lesson's model), and
without nationality nor neighbourhood. For each, the scores on the held-out
households feed a `ScoreTable`, so any threshold is cheap.

Then two measures say which variables carry nationality into the score:
how well each variable alone lets one guess nationality, and how well a
small model guesses it from all the variables the score uses. Both are an
AUC: the chance that a household of the watched group ranks above one of
the reference group, 0.5 being pure chance.
"""

from __future__ import annotations

import functools
import threading
from dataclasses import dataclass

import numpy as np

from widgets.controles.dataset import GROUPS, SENSITIVE, WATCHED_GROUP
from widgets.controles.study import (
    Study,
    build_study,
    default_study,
    feature_matrix,
    score_pipeline,
)
from widgets.controles.thresholds import ScoreTable

AREA_COLUMNS = ("quartier",)


@dataclass(frozen=True)
class Variant:
    """One version of the score model and its scores on the test households."""

    key: str
    name: str
    features: tuple[str, ...]
    table: ScoreTable
    auc: float


@dataclass(frozen=True)
class Proxy:
    """One variable of the score, and how well it alone reveals nationality."""

    feature: str
    guess_auc: float


@dataclass(frozen=True)
class ProxyStudy:
    variants: tuple[Variant, ...]
    proxies: tuple[Proxy, ...]
    """Variables of the lesson's model, the most revealing first."""
    guess_auc: float
    """How well a model using all the score's variables guesses nationality."""
    mean_scores: dict[str, float]
    """Mean score of the lesson's model in each group."""


def _variant(key: str, name: str, study: Study) -> Variant:
    return Variant(key, name, study.features, study.table, study.auc)


def _single_variable_auc(
    values: np.ndarray, watched: np.ndarray, train: np.ndarray, test: np.ndarray
) -> float:
    """AUC of guessing the group from one variable, learnt on the training rows.

    A category is replaced by the share of the watched group among training
    households of that category; a number is used as it is, in the direction
    that guesses best.
    """
    from sklearn.metrics import roc_auc_score

    if values.dtype.kind in "iuf":
        auc = roc_auc_score(watched[test], values[test].astype(float))
        return float(max(auc, 1.0 - auc))
    categories, codes = np.unique(values, return_inverse=True)
    households = np.bincount(codes[train], minlength=len(categories))
    members = np.bincount(codes[train], weights=watched[train], minlength=len(categories))
    shares = np.where(households > 0, members / np.maximum(households, 1), watched[train].mean())
    return float(roc_auc_score(watched[test], shares[codes[test]]))


def _guess_auc(columns: dict[str, np.ndarray], study: Study, watched: np.ndarray) -> float:
    """AUC of a model that guesses nationality from every variable of the score."""
    from sklearn.metrics import roc_auc_score

    matrix = feature_matrix(columns, study.features)
    guesser = score_pipeline(study.features).fit(matrix[study.train], watched[study.train])
    return float(
        roc_auc_score(watched[study.test], guesser.predict_proba(matrix[study.test])[:, 1])
    )


def build_proxy_study(base: Study | None = None) -> ProxyStudy:
    """Train the two other versions and measure the proxies of the lesson's model."""
    base = default_study() if base is None else base
    columns = base.columns
    with_sensitive = build_study(columns, (*base.features, SENSITIVE))
    without_area = build_study(
        columns, tuple(name for name in base.features if name not in AREA_COLUMNS)
    )
    variants = (
        _variant("avec", "Avec la nationalité", with_sensitive),
        _variant("sans", "Sans la nationalité", base),
        _variant("sans_quartier", "Sans nationalité ni quartier", without_area),
    )
    watched = columns[SENSITIVE] == WATCHED_GROUP
    proxies = sorted(
        (
            Proxy(name, _single_variable_auc(columns[name], watched, base.train, base.test))
            for name in base.features
        ),
        key=lambda proxy: -proxy.guess_auc,
    )
    groups = base.table.groups
    mean_scores = {group: float(base.table.scores[groups == group].mean()) for group in GROUPS}
    return ProxyStudy(
        variants=variants,
        proxies=tuple(proxies),
        guess_auc=_guess_auc(columns, base, watched),
        mean_scores=mean_scores,
    )


_TRAINING = threading.Lock()


def default_proxy_study() -> ProxyStudy:
    """Built once per kernel, possibly in the background; a second caller waits for the first."""
    with _TRAINING:
        return _build_once()


@functools.cache
def _build_once() -> ProxyStudy:
    return build_proxy_study()
