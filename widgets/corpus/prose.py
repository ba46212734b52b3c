"""Small helpers to write French administrative prose: amounts, numbers in words, lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from widgets.corpus.source_files import read_source
from widgets.french import MONTH_NAMES, day_of_month

_NUMBERS = read_source("numbers.toml")


def number_in_words(n: int) -> str:
    """French words for 0 to 39 and for the years 2000 to 2099 (enough for the minutes)."""
    if 2000 <= n < 2100:
        rest = n - 2000
        return _NUMBERS["thousand"] + (f" {number_in_words(rest)}" if rest else "")
    units = _NUMBERS["units"]
    if n < 20:
        return units[n]
    tens, unit = divmod(n, 10)
    word = _NUMBERS["tens"][str(tens * 10)]
    if unit == 0:
        return word
    return f"{word} et un" if unit == 1 else f"{word}-{units[unit]}"


def day_in_words(day: date) -> str:
    return _NUMBERS["first"] if day.day == 1 else number_in_words(day.day)


def day_and_month(day: date) -> str:
    """« 1er décembre », « 14 janvier »."""
    return f"{day_of_month(day)} {MONTH_NAMES[day.month - 1]}"


def group_thousands(digits: str) -> str:
    """« 4286000 » -> « 4 286 000 », with a plain space, as in the rest of the corpus."""
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


def join_list(items: Sequence[str]) -> str:
    """« a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


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


def bullet_list(items: Sequence[str]) -> str:
    """« - a ;\n- b ;\n- c. »: the lines of a decision, the last one ending the sentence."""
    lines = [f"- {item} ;" for item in items]
    lines[-1] = f"- {items[-1]}."
    return "\n".join(lines)
