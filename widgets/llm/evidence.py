"""What the corpus actually says about a subject, to hold a model's answer against it.

The classroom model writes dates and names that sound right because such
words often follow such contexts in its corpus, not because it found them
in a document. These functions look the subject up in the corpus itself,
plainly, so that a learner can compare the two: the sentences that mention
every search term, and, for a generated answer, whether the years it gives
appear in one of those sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from widgets.text import folded, printable

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
MAX_TERMS = 6
MAX_TERM_LENGTH = 60


def fold(text: str) -> str:
    """Lower case, without accents, single spaces: how texts are compared here."""
    return folded(text)


def search_terms(text: str) -> list[str]:
    """The terms of a comma-separated search, folded, empty ones left out."""
    terms = [fold(term)[:MAX_TERM_LENGTH] for term in printable(text).split(",")]
    return [term for term in terms if term][:MAX_TERMS]


@dataclass(frozen=True)
class Evidence:
    """The corpus sentences that contain every term, and the years they mention."""

    terms: tuple[str, ...]
    sentences: tuple[str, ...]

    @property
    def years(self) -> set[str]:
        return {year for sentence in self.sentences for year in _YEAR.findall(sentence)}


def find_evidence(documents: Sequence[str], terms: Sequence[str]) -> Evidence:
    """Every sentence of the corpus that contains all the (folded) terms."""
    terms = tuple(terms)
    if not terms:
        return Evidence(terms, ())
    found = []
    for document in documents:
        for sentence in _SENTENCE_END.split(document):
            folded = fold(sentence)
            if all(term in folded for term in terms):
                found.append(" ".join(sentence.split()))
    return Evidence(terms, tuple(found))


def years_in(text: str) -> list[str]:
    """The four-digit years written in a text, in order."""
    return _YEAR.findall(text)


def first_sentence(text: str, limit: int = 160) -> str:
    """The text up to its first sentence end or line break, at most `limit` characters.

    A leading space is kept (a continuation usually starts with one); other
    leading blanks, such as line breaks, are dropped.
    """
    body = text.strip()
    lead = " " if body and text[: len(text) - len(text.lstrip())] else ""
    return (lead + _SENTENCE_END.split(body, maxsplit=1)[0])[:limit] if body else ""
