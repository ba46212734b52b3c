"""Numbers, percentages, amounts and dates written the French way: one helper for each.

Every module of the course writes « 25 200 repas », « 12,5 % », « 3,95 € » and
« 1er décembre 2026 » through these functions, so that the spaces, commas and
month names are the same everywhere. A narrow no-break space (U+202F) groups
thousands and stands before « % » and « € », as French typography asks.
"""

from __future__ import annotations

from datetime import date

NARROW_NBSP = "\u202f"
NOT_DEFINED = "non défini"
"""What a rate shows when it cannot be computed (a division by zero)."""

MONTH_NAMES = (
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
)
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


def format_number(value: float, decimals: int = 0) -> str:
    """Thousands separated by a narrow no-break space, decimal comma: « 25 200 », « 3,95 »."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def format_percent(share: float | None, decimals: int = 1, *, trim: bool = False) -> str:
    """A share (0.125) written as a percentage: « 12,5 % ».

    `trim` drops a decimal part made only of zeros (« 5 % » rather than « 5,0 % »).
    None, for a rate that cannot be computed, is written « non défini ».
    """
    if share is None:
        return NOT_DEFINED
    text = format_number(100 * share, decimals)
    if trim and decimals and text.endswith("," + "0" * decimals):
        text = text[: -decimals - 1]
    return f"{text}{NARROW_NBSP}%"


def format_euros(value: float, decimals: int = 2) -> str:
    return f"{format_number(value, decimals)}{NARROW_NBSP}€"


def format_size(n_bytes: int) -> str:
    """A file size in ko or Mo, as a learner reads it."""
    if n_bytes < 1_000_000:
        return f"{format_number(max(n_bytes, 1) / 1000, 0)}{NARROW_NBSP}ko"
    return f"{format_number(n_bytes / 1_000_000, 1)}{NARROW_NBSP}Mo"


def day_of_month(day: date) -> str:
    """« 1er » for the first of the month, the plain number otherwise."""
    return "1er" if day.day == 1 else str(day.day)


def french_date(day: date, *, weekday: bool = False) -> str:
    """« 1er décembre 2026 », or « mardi 1er décembre 2026 »."""
    text = f"{day_of_month(day)} {MONTH_NAMES[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def month_year(day: date) -> str:
    """« décembre 2026 »."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def numeric_date(day: date) -> str:
    """« 01/12/2026 »: the short French date (day/month/year)."""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"
