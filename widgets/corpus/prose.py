"""Small helpers to write French administrative prose: dates, amounts, seeded choices."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

MONTH_NAMES = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")

_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_TENS = {20: "vingt", 30: "trente"}


def day_of_month(d: date) -> str:
    return "1er" if d.day == 1 else str(d.day)


def fr_date(d: date, weekday: bool = False) -> str:
    """« 26 janvier 2023 », or « jeudi 26 janvier 2023 »."""
    text = f"{day_of_month(d)} {MONTH_NAMES[d.month - 1]} {d.year}"
    return f"{WEEKDAYS[d.weekday()]} {text}" if weekday else text


def fr_day_month(d: date) -> str:
    return f"{day_of_month(d)} {MONTH_NAMES[d.month - 1]}"


def number_in_words(n: int) -> str:
    """French words for 0 to 31 and for the years 2000 to 2099 (enough for the minutes)."""
    if 2000 <= n < 2100:
        rest = n - 2000
        return "deux mille" + (f" {number_in_words(rest)}" if rest else "")
    if n < 20:
        return _UNITS[n]
    tens, unit = divmod(n, 10)
    word = _TENS[tens * 10]
    if unit == 0:
        return word
    return f"{word} et un" if unit == 1 else f"{word}-{_UNITS[unit]}"


def day_in_words(d: date) -> str:
    return "premier" if d.day == 1 else number_in_words(d.day)


def group_thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return " ".join(groups)


def euros(amount: int | str | Decimal, cents: bool | None = None) -> str:
    """« 4 286 000 € » or « 612 481,37 € » (cents shown when the amount has some)."""
    value = Decimal(str(amount))
    negative = value < 0
    value = abs(value).quantize(Decimal("0.01"))
    whole, _, fraction = f"{value:f}".partition(".")
    show_cents = fraction != "00" if cents is None else cents
    text = group_thousands(whole) + (f",{fraction}" if show_cents else "")
    return ("moins " if negative else "") + text + " €"


def percent(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}".replace(".", ",")
    if digits and text.endswith("," + "0" * digits):
        text = text.split(",")[0]
    return f"{text} %"


def join_list(items: Sequence[str]) -> str:
    """« a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


class Writer:
    """Seeded choices among hand-written variants.

    ``pick(key, variants)`` draws without replacement among the variants registered under
    ``key``, so that two documents of the same kind use different wordings as long as
    there are wordings left; then it starts a new shuffled round.
    """

    def __init__(self, seed: int | str) -> None:
        self.random = random.Random(seed)
        self._bags: dict[str, list[int]] = {}

    def pick(self, key: str, variants: Sequence[str]) -> str:
        bag = self._bags.get(key)
        if not bag:
            bag = list(range(len(variants)))
            self.random.shuffle(bag)
            self._bags[key] = bag
        return variants[bag.pop()]

    def maybe(self, probability: float) -> bool:
        return self.random.random() < probability

    def choice(self, items: Sequence):
        return items[self.random.randrange(len(items))]

    def sample(self, items: Sequence, k: int) -> list:
        return self.random.sample(list(items), k)


def de(phrase: str) -> str:
    """« de » before a noun phrase, with elision and contraction: d'un, du, des, de la."""
    for article, contracted in (("le ", "du "), ("les ", "des "), ("des ", "des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    if phrase[:1].lower() in "aeéèêiîouy":
        return "d'" + phrase
    return "de " + phrase


def a(phrase: str) -> str:
    """« à » before a noun phrase, with contraction: au, aux, à la, à l'."""
    for article, contracted in (("le ", "au "), ("les ", "aux "), ("des ", "à des ")):
        if phrase.startswith(article):
            return contracted + phrase[len(article) :]
    return "à " + phrase
