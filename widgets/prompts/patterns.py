"""The words the checklist looks for, as regular expressions read from `patterns.toml`.

They are matched on normalised text (lower case, no accents, single
spaces: see `widgets.selfcheck.answers.normalize_text`), so « Rédigez »,
« rédigez » and « REDIGEZ » are the same. Every quantifier is bounded, so
that a 1 MB paste is read in linear time. The same patterns serve the
coach and the graded exercises of module 03: what the coach praises is
what the exercise accepts. The data file says what each one looks for.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

_SHARED = ("er_verbs", "number_word")
"""Pieces that other patterns include as {er_verbs} and {number_word}."""


def _read_patterns() -> dict[str, str]:
    text = resources.files("widgets.prompts").joinpath("patterns.toml").read_text("utf-8")
    pieces = {name: "".join(parts) for name, parts in tomllib.loads(text).items()}
    patterns = {}
    for name, pattern in pieces.items():
        for shared in _SHARED:
            pattern = pattern.replace("{" + shared + "}", pieces[shared])
        patterns[name] = pattern
    return patterns


_PATTERNS = _read_patterns()
TASK_VERB = _PATTERNS["task_verb"]
VAGUE_VERB = _PATTERNS["vague_verb"]
ROLE_CUE = _PATTERNS["role_cue"]
CONTEXT_WHO = _PATTERNS["context_who"]
CONTEXT_WHERE = _PATTERNS["context_where"]
CONTEXT_WHAT = _PATTERNS["context_what"]
FORMAT_LENGTH = _PATTERNS["format_length"]
FORMAT_STRUCTURE = _PATTERNS["format_structure"]
TONE_WORD = _PATTERNS["tone_word"]
GUARD_NO_INVENTION = _PATTERNS["guard_no_invention"]
GUARD_SOURCES = _PATTERNS["guard_sources"]
GUARD_PRIVACY = _PATTERNS["guard_privacy"]
GUARD_DECISION = _PATTERNS["guard_decision"]
EXAMPLE_CUE = _PATTERNS["example_cue"]


def found(pattern: re.Pattern[str], normalized: str) -> str | None:
    """The first match, as the learner can read it, or None."""
    match = pattern.search(normalized)
    return match.group(0).strip() if match else None
