"""Small amounts written the French way, two significant digits (« 0,045 », « 1,2 », « 350 »)."""

from __future__ import annotations

import math

from widgets.french import format_number


def significant(value: float, digits: int = 2, *, trim: bool = False) -> str:
    """`trim` drops trailing zeros (« 7 » rather than « 7,00 »), for names rather than measures."""
    if not math.isfinite(value) or value == 0:
        return format_number(0)
    decimals = max(0, digits - 1 - math.floor(math.log10(abs(value))))
    text = format_number(round(value, decimals), decimals)
    return text.rstrip("0").rstrip(",") if trim and "," in text else text


LARGE_WORDS = (
    (1e15, "millions de milliards de"),
    (1e12, "mille milliards de"),
    (1e9, "milliards de"),
    (1e6, "millions de"),
)


def count_text(value: float) -> str:
    """A count before a noun: « 35 », « 8 700 », « 2,4 millions de », « 7,1 mille milliards de »."""
    for size, word in LARGE_WORDS:
        if value >= size:
            return f"{significant(value / size)} {word}"
    return format_number(round(value, -max(0, math.floor(math.log10(max(value, 1))) - 1)))


def span_text(low: float, high: float, unit: str) -> str:
    """« 0,58 à 0,96 Wh », or « 1,2 Wh » when both ends round alike."""
    low_text, high_text = significant(low), significant(high)
    if low_text == high_text:
        return f"{low_text}\u202f{unit}"
    return f"{low_text} à {high_text}\u202f{unit}"
