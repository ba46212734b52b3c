"""Module 05's exercise texts, read from `exercises.toml` (written by hand from the corpus)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Labelled:
    label: str
    text: str
    title: str = ""
    invented: bool = False


@dataclass(frozen=True)
class ExerciseTexts:
    summary_title: str
    summary_intro: str
    summary: tuple[Labelled, ...]
    water_claim: str
    water_passages: tuple[Labelled, ...]
    negation: str

    @property
    def summary_text(self) -> str:
        """The summary as one text, one sentence after another, as a generated answer reads."""
        return " ".join(sentence.text for sentence in self.summary)

    @property
    def invented_label(self) -> str:
        (label,) = [sentence.label for sentence in self.summary if sentence.invented]
        return label


@cache
def exercise_texts() -> ExerciseTexts:
    raw = resources.files("widgets.verifier").joinpath("exercises.toml").read_text("utf-8")
    data = tomllib.loads(raw)
    return ExerciseTexts(
        summary_title=data["summary"]["title"],
        summary_intro=data["summary"]["intro"],
        summary=tuple(Labelled(**entry) for entry in data["summary"]["sentences"]),
        water_claim=data["water"]["claim"],
        water_passages=tuple(Labelled(**entry) for entry in data["water"]["passages"]),
        negation=data["negation"]["sentence"],
    )
