"""The nine rules of the prompt checklist, as the learner reads them, and their thresholds.

The titles and descriptions live in `rules.toml`, beside this file, read
once from the package; the thresholds they quote are filled in from here.
The notebook of module 03 documents the same rules (a test keeps both in
step); `checklist` applies them.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

from widgets.prompts.fields import MAX_FIELD_CHARS

MIN_WORDS = 25
MAX_WORDS = 800
MIN_CONTEXT_WORDS = 10
MIN_EXAMPLE_WORDS = 5
MAX_TEXT_CHARS = 7 * MAX_FIELD_CHARS
"""A free text is analysed up to this length (the seven fields at their longest)."""


@dataclass(frozen=True)
class Rule:
    """One rule of the checklist, as the learner reads it."""

    id: str
    title: str
    description: str


def _read_rules() -> tuple[Rule, ...]:
    text = resources.files("widgets.prompts").joinpath("rules.toml").read_text("utf-8")
    thresholds = {
        "min_words": MIN_WORDS,
        "max_words": MAX_WORDS,
        "min_context_words": MIN_CONTEXT_WORDS,
        "min_example_words": MIN_EXAMPLE_WORDS,
    }
    return tuple(
        Rule(entry["id"], entry["title"], entry["description"].format(**thresholds))
        for entry in tomllib.loads(text)["rules"]
    )


RULES: tuple[Rule, ...] = _read_rules()
