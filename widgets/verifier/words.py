"""What the search and the support check read in a text: content words, numbers and dates.

Accents are folded and case ignored (« Délibération » and « deliberation » are
one word). Numbers are read in their French spellings: « 22 000 € » and
« 22000 » are the same amount, « 2,38 » is two point thirty-eight. A date is a
day and a month, with its year when one follows (« 2 octobre 2023 »); the
numbers inside a date are the date's, not amounts of their own.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from widgets.errors import AtelierError
from widgets.french import MONTH_NAMES
from widgets.text import without_accents

WORD = re.compile(r"[^\W\d_]{2,}|\d+")
"""A token: a word of two letters or more, or a run of digits."""

NUMBER = re.compile(r"(?<![\d,.])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?(?![\d])")
_FOLDED_MONTHS = tuple(
    "".join(ch for ch in unicodedata.normalize("NFKD", month) if not unicodedata.combining(ch))
    for month in MONTH_NAMES
)
_SPACE = "[ \u00a0\u202f]+"
_DATE = re.compile(
    rf"\b(1er|\d{{1,2}}){_SPACE}({'|'.join(_FOLDED_MONTHS)})(?:{_SPACE}(\d{{4}}))?\b"
)


def bounded_text(
    value: object, limit: int, what: str, reader: str, advice: str, error: type[AtelierError]
) -> str:
    """`value` if it is a text of at most `limit` characters; `error` in French otherwise.

    `what` names the text with its article (« la question »), `reader` what reads it
    (« la recherche »), `advice` what to do when it is too long.
    """
    named = what[0].upper() + what[1:]
    if not isinstance(value, str):
        raise error(f"{named} doit être un texte, entre guillemets.")
    if len(value) > limit:
        raise error(
            f"{named} est trop longue ({len(value)} caractères) : "
            f"{reader} en lit {limit} au plus. {advice}"
        )
    return value


def fold(text: str) -> str:
    """Lower case, accents removed, lone surrogates made harmless: what the engines read."""
    return without_accents(text)


@cache
def stop_words() -> frozenset[str]:
    """French function words (data file `stopwords.txt`), folded."""
    raw = resources.files("widgets.verifier").joinpath("stopwords.txt").read_text("utf-8")
    lines = (line for line in raw.splitlines() if not line.startswith("#"))
    return frozenset(fold(word) for line in lines for word in line.split())


def tokens(text: str) -> list[str]:
    """Folded tokens that carry meaning: no function words (digits are kept)."""
    stop = stop_words()
    return [token for token in WORD.findall(fold(text)) if token not in stop]


@lru_cache(maxsize=1024)
def content_words(text: str) -> frozenset[str]:
    """The folded words of `text` that carry meaning, without numbers."""
    return frozenset(token for token in tokens(text) if not token.isdigit())


@dataclass(frozen=True)
class Date:
    day: int
    month: int
    year: int | None

    def label(self) -> str:
        day = "1er" if self.day == 1 else str(self.day)
        year = f" {self.year}" if self.year else ""
        return f"{day} {MONTH_NAMES[self.month - 1]}{year}"


@dataclass(frozen=True)
class Figures:
    """The numbers and the dates of a text, each in one canonical spelling."""

    numbers: frozenset[str]
    dates: frozenset[Date]
    spellings: tuple[tuple[str, str], ...] = ()
    """(canonical, as written) for each number: « 1284,6 » was written « 1 284,60 »."""

    def spelling(self, number: str) -> str:
        return dict(self.spellings).get(number, number)

    def labels(self) -> list[str]:
        """Numbers as written, then dates, in a stable order: what a learner reads."""
        ordered = sorted(self.dates, key=lambda d: (d.year or 0, d.month, d.day))
        return [self.spelling(n) for n in sorted(self.numbers)] + [d.label() for d in ordered]


def canonical_number(whole: str, decimals: str | None) -> str:
    """One spelling per number: « 1 284,60 » -> « 1284,6 », « 022 » -> « 22 »."""
    digits = re.sub(r"\D", "", whole).lstrip("0") or "0"
    decimals = (decimals or "").rstrip("0")
    return f"{digits},{decimals}" if decimals else digits


def figures(text: str) -> Figures:
    """Dates (day, month, year) first, then the numbers outside them."""
    dates = set()

    def take_date(match: re.Match[str]) -> str:
        day = 1 if match.group(1) == "1er" else int(match.group(1))
        if not 1 <= day <= 31:
            return match.group(0)
        year = int(match.group(3)) if match.group(3) else None
        dates.add(Date(day, _FOLDED_MONTHS.index(match.group(2)) + 1, year))
        return " "

    text = _DATE.sub(take_date, fold(text))
    numbers: dict[str, str] = {}
    for match in NUMBER.finditer(text):
        canonical = canonical_number(match.group(1), match.group(2))
        numbers.setdefault(canonical, re.sub(r"\s", "\u202f", match.group(0)))
    return Figures(frozenset(numbers), frozenset(dates), tuple(sorted(numbers.items())))


def stem(word: str) -> str:
    """A folded word without its plural and feminine endings (« adoptees » -> « adopt »)."""
    if len(word) < 4:
        return word
    word = word[:-1] if word[-1] in "sx" else word
    return word.rstrip("e") or word


@dataclass(frozen=True)
class Profile:
    """What the support check reads in a passage: its word stems and its figures, where the
    years of its dates count as numbers too (« séance du 28 septembre 2023 » holds « 2023 »)."""

    stems: frozenset[str]
    figures: Figures


def profile(text: str) -> Profile:
    held = figures(text)
    years = {str(date.year) for date in held.dates if date.year}
    return Profile(
        frozenset(stem(word) for word in content_words(text)),
        Figures(held.numbers | years, held.dates, held.spellings),
    )
