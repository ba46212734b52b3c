"""What each threshold of a risk score does to whom: confusion matrices, overall and by group.

Scores are computed once (see `study.py`); a `ScoreTable` then sorts them by
group and by outcome, so that the confusion matrix at any threshold costs a
few binary searches: a slider never waits for the model. A household is
controlled when its score is at least the threshold. Plain Python and numpy.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from widgets.controles.dataset import GROUPS, REFERENCE_GROUP, WATCHED_GROUP
from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.text import shortened


class ThresholdError(AtelierError):
    """A threshold that cannot be used; the message says why, in French."""


def read_threshold(value: object) -> float:
    """A threshold between 0 and 1 from what a learner gave, or a French ThresholdError."""
    if isinstance(value, str):
        text = value.strip().replace(",", ".").replace("\u202f", "").replace(" ", "")
        if text.endswith("%"):
            raise ThresholdError(
                "le seuil s'écrit comme un nombre entre 0 et 1, sans le signe % : "
                "pour 35 %, écrivez 0.35."
            )
        try:
            value = float(text)
        except ValueError:
            raise ThresholdError(
                f"« {shortened(value)} » ne se lit pas comme un seuil. "
                "Écrivez un nombre entre 0 et 1, par exemple 0.5."
            ) from None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise ThresholdError("le seuil doit être un nombre entre 0 et 1, par exemple 0.5.")
    # Compared as given, converted to float last: float() of a huge int overflows.
    if value != value:
        raise ThresholdError(
            "le seuil n'est pas un nombre (nan) : choisissez un nombre entre 0 et 1."
        )
    if not 0.0 <= value <= 1.0:
        if value in (math.inf, -math.inf):
            given = "un nombre infini"
        elif abs(value) >= 1e6:
            given = "un nombre bien trop grand"
        else:
            given = format_number(float(value), 2)
        hint = " Pour un pourcentage, divisez par 100 : 35 % s'écrit 0.35." if value > 1 else ""
        raise ThresholdError(
            f"le seuil doit être compris entre 0 et 1 ; vous avez donné {given}.{hint}"
        )
    return float(value)


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Confusion:
    """What a threshold does to a set of households: the four cells of the confusion matrix."""

    controlled_frauds: int
    """Frauds found: controlled, and a fraud was found (true positives)."""
    controlled_honest: int
    """False alarms: honest households controlled (false positives)."""
    missed_frauds: int
    """Frauds not controlled (false negatives)."""
    spared_honest: int
    """Honest households left alone (true negatives)."""

    @property
    def households(self) -> int:
        return self.frauds + self.honest

    @property
    def frauds(self) -> int:
        return self.controlled_frauds + self.missed_frauds

    @property
    def honest(self) -> int:
        return self.controlled_honest + self.spared_honest

    @property
    def controlled(self) -> int:
        return self.controlled_frauds + self.controlled_honest

    @property
    def control_rate(self) -> float | None:
        return _share(self.controlled, self.households)

    @property
    def recall(self) -> float | None:
        """Share of the frauds that the controls find."""
        return _share(self.controlled_frauds, self.frauds)

    @property
    def false_alarm_rate(self) -> float | None:
        """Share of the honest households that are controlled anyway."""
        return _share(self.controlled_honest, self.honest)

    @property
    def precision(self) -> float | None:
        """Share of the controls that find a fraud."""
        return _share(self.controlled_frauds, self.controlled)


def _ratio(watched: float | None, reference: float | None) -> float | None:
    if watched is None or reference is None or reference == 0:
        return None
    return watched / reference


@dataclass(frozen=True)
class ThresholdReport:
    """A threshold, and its confusion matrix overall and for each group."""

    threshold: float
    overall: Confusion
    by_group: dict[str, Confusion]

    @property
    def false_alarm_ratio(self) -> float | None:
        """How many times more often an honest household of the watched group is controlled
        than one of the reference group (None when the reference group has no false alarm)."""
        return _ratio(
            self.by_group[WATCHED_GROUP].false_alarm_rate,
            self.by_group[REFERENCE_GROUP].false_alarm_rate,
        )

    @property
    def control_ratio(self) -> float | None:
        """The same comparison for control rates, whatever the outcome of the control."""
        return _ratio(
            self.by_group[WATCHED_GROUP].control_rate,
            self.by_group[REFERENCE_GROUP].control_rate,
        )


class ScoreTable:
    """Scores computed once; the confusion matrix at any threshold, overall and per group."""

    def __init__(self, scores: np.ndarray, frauds: np.ndarray, groups: np.ndarray) -> None:
        scores = np.asarray(scores, dtype=float)
        frauds = np.asarray(frauds, dtype=bool)
        groups = np.asarray(groups)
        if not (scores.shape == frauds.shape == groups.shape) or scores.ndim != 1:
            raise ValueError("scores, frauds and groups must be 1-D arrays of the same length")
        self.scores, self.frauds, self.groups = scores, frauds, groups
        self.group_names = tuple(GROUPS)
        self._sorted = {
            (group, fraud): np.sort(scores[(groups == group) & (frauds == fraud)])
            for group in self.group_names
            for fraud in (True, False)
        }

    def _at_least(self, group: str, fraud: bool, thresholds: np.ndarray) -> np.ndarray:
        ordered = self._sorted[(group, fraud)]
        return len(ordered) - np.searchsorted(ordered, thresholds, side="left")

    def _confusion(self, group: str, threshold: float) -> Confusion:
        point = np.array([threshold])
        found = int(self._at_least(group, True, point)[0])
        alarms = int(self._at_least(group, False, point)[0])
        return Confusion(
            controlled_frauds=found,
            controlled_honest=alarms,
            missed_frauds=len(self._sorted[(group, True)]) - found,
            spared_honest=len(self._sorted[(group, False)]) - alarms,
        )

    def report(self, threshold: object) -> ThresholdReport:
        """The report at one threshold; a French ThresholdError for anything but 0 to 1."""
        value = read_threshold(threshold)
        by_group = {group: self._confusion(group, value) for group in self.group_names}
        overall = Confusion(
            *(
                sum(getattr(cell, name) for cell in by_group.values())
                for name in (
                    "controlled_frauds",
                    "controlled_honest",
                    "missed_frauds",
                    "spared_honest",
                )
            )
        )
        return ThresholdReport(threshold=value, overall=overall, by_group=by_group)

    def sweep(self, thresholds: Sequence[float] | np.ndarray) -> dict[str, np.ndarray]:
        """Frauds found and false alarms, overall, for many thresholds at once."""
        points = np.asarray(thresholds, dtype=float)
        found = sum(self._at_least(group, True, points) for group in self.group_names)
        alarms = sum(self._at_least(group, False, points) for group in self.group_names)
        return {"controlled_frauds": found, "controlled_honest": alarms}

    def threshold_window(
        self, min_recall_percent: int, max_false_alarms: int
    ) -> tuple[float, float] | None:
        """Thresholds t with recall >= min_recall_percent % and at most max_false_alarms
        honest households controlled: the open-closed interval (low, high], or None.

        Both counts fall as the threshold rises, so the thresholds that meet
        both conditions form one interval.
        """
        frauds = np.sort(self.scores[self.frauds])[::-1]
        honest = np.sort(self.scores[~self.frauds])[::-1]
        needed = math.ceil(min_recall_percent * len(frauds) / 100)
        high = float(frauds[needed - 1]) if needed >= 1 else 1.0
        low = float(honest[max_false_alarms]) if max_false_alarms < len(honest) else -math.inf
        return (max(low, 0.0), high) if low < high else None

    def meets(self, threshold: float, min_recall_percent: int, max_false_alarms: int) -> bool:
        """Whether this threshold finds enough frauds without too many false alarms."""
        overall = self.report(threshold).overall
        return (
            overall.controlled_frauds * 100 >= min_recall_percent * overall.frauds
            and overall.controlled_honest <= max_false_alarms
        )
