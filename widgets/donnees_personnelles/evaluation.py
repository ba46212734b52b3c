"""Precision and recall of the guard, kind by kind, on the shipped evaluation set.

A finding counts as right when a labelled span of the same kind overlaps it
(the guard may take « 12 rue des Lilas » where the label says « 12 rue des
Lilas, 69003 Lyon »: the address is still caught). Each labelled span is
counted once for recall, each finding once for precision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from widgets.donnees_personnelles.guard import KINDS, STRUCTURED, find_personal_data
from widgets.shipped_data import load

DATA_SET = "donnees_personnelles"
TARGETS = {"structured_recall": 0.98, "person_recall": 0.85, "precision": 0.90}


@dataclass
class Count:
    labelled: int = 0
    found: int = 0
    caught: int = 0
    """Labelled spans overlapped by a finding of their kind."""
    right: int = 0
    """Findings that overlap a labelled span of their kind."""

    @property
    def recall(self) -> float | None:
        return self.caught / self.labelled if self.labelled else None

    @property
    def precision(self) -> float | None:
        return self.right / self.found if self.found else None


@dataclass
class Scores:
    by_kind: dict[str, Count] = field(default_factory=lambda: {kind: Count() for kind in KINDS})
    mistakes: list[tuple[str, str, str]] = field(default_factory=list)
    """(document id, « manqué » or « en trop », kind: text) for reading the errors."""

    def total(self, kinds: tuple[str, ...] = KINDS) -> Count:
        total = Count()
        for kind in kinds:
            count = self.by_kind[kind]
            total.labelled += count.labelled
            total.found += count.found
            total.caught += count.caught
            total.right += count.right
        return total


def documents() -> list[dict]:
    text = load(DATA_SET, "evaluation.jsonl").decode("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(docs: list[dict] | None = None) -> Scores:
    scores = Scores()
    for document in documents() if docs is None else docs:
        found = find_personal_data(document["text"])
        gold = document["spans"]
        for span in gold:
            count = scores.by_kind[span["kind"]]
            count.labelled += 1
            if any(
                f.kind == span["kind"] and _overlaps((f.start, f.end), (span["start"], span["end"]))
                for f in found
            ):
                count.caught += 1
            else:
                scores.mistakes.append(
                    (document["id"], "manqué", f"{span['kind']}: {span['text']}")
                )
        for finding in found:
            count = scores.by_kind[finding.kind]
            count.found += 1
            if any(
                span["kind"] == finding.kind
                and _overlaps((finding.start, finding.end), (span["start"], span["end"]))
                for span in gold
            ):
                count.right += 1
            else:
                scores.mistakes.append(
                    (document["id"], "en trop", f"{finding.kind}: {finding.text}")
                )
    return scores


def meets_targets(scores: Scores) -> dict[str, bool]:
    return {
        "structured_recall": (scores.total(STRUCTURED).recall or 0) >= TARGETS["structured_recall"],
        "person_recall": (scores.by_kind["person"].recall or 0) >= TARGETS["person_recall"],
        "precision": (scores.total().precision or 0) >= TARGETS["precision"],
    }
