"""A prompt as the rules read it: lower case, no accents, one kind of apostrophe.

Learners write « N'inventez », « n’invente », « N INVENTEZ », « chargé·e »,
« élu(e) »: the rules must see the same words. `normalize` keeps the line
breaks (a role ends at the end of its line), `flat` joins the lines (a
guard may run over two lines). Inclusive endings (« ·e », « (e) »,
« ·rice ») are dropped, so that « chargé·e » reads as « charge ».
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from widgets.text import without_accents

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "′": "'"})
_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "œ": "oe", "æ": "ae"})
_INCLUSIVE = re.compile(
    r"(?<=[a-z])(?:[·•∙⋅.](?:e|ne|le|te|re|rice|ice|euse|ere|ive|sse)(?:[·•∙⋅.]?s)?"
    r"|\((?:e|ne|le|rice|euse|ere|ive)s?\)s?)(?![a-z])"
)
_SPACES = re.compile(r"[^\S\n]+")
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_PUNCTUATION = ".,;:!?()«»\"'’[]"


def normalize(text: str) -> str:
    """Lower case, no accents, apostrophes and dashes unified, one space, lines kept."""
    plain = without_accents(text).translate(_APOSTROPHES).translate(_DASHES)
    plain = _INCLUSIVE.sub("", plain)
    lines = (_SPACES.sub(" ", line).strip() for line in plain.splitlines())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class PromptText:
    """One prompt, read once: the raw text, its normalised lines, the same on one line."""

    raw: str
    lines: str
    flat: str

    @classmethod
    def of(cls, raw: str) -> PromptText:
        lines = normalize(raw)
        return cls(raw, lines, lines.replace("\n", " "))

    def sentences(self) -> list[str]:
        """The normalised sentences: cut at « . ! ? ; » before a space, and at line ends."""
        return [part.strip() for part in _SENTENCE_END.split(self.lines) if part.strip()]


def words(normalized: str) -> list[str]:
    """The words of a normalised text; « l'agent » gives « l » and « agent »."""
    return _WORD.findall(normalized)


@lru_cache(maxsize=8192)
def _normal_word(word: str) -> str:
    """One word as the rules read it (cached: a prompt is re-read at every keystroke)."""
    return normalize(word).strip(_PUNCTUATION)


def as_written(normalized_match: str, raw: str) -> str:
    """The words of `raw` that gave `normalized_match`, accents and capitals included.

    Falls back to the normalised words when the learner's words cannot be
    found one for one (for example after an inclusive ending was dropped).
    """
    wanted = normalized_match.split()
    if not wanted:
        return normalized_match
    found = re.findall(r"\S+", raw[:20_000])
    cleaned = [_normal_word(word) for word in found]
    for start in range(len(found) - len(wanted) + 1):
        window = cleaned[start : start + len(wanted)]
        if all(
            have == want or have.endswith("'" + want)
            for have, want in zip(window, wanted, strict=True)
        ):
            first = found[start]
            if "'" in cleaned[start] and not wanted[0].count("'"):
                first = re.split(r"['’]", first, maxsplit=1)[-1]
            return " ".join([first, *found[start + 1 : start + len(wanted)]]).strip(_PUNCTUATION)
    return normalized_match
