"""Numbers written the French way: 25 200 repas, 3,95 €."""

from __future__ import annotations

NARROW_NBSP = "\u202f"


def format_number(value: float, decimals: int = 0) -> str:
    """Thousands separated by a narrow no-break space, decimal comma."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", NARROW_NBSP).replace(".", ",")


def format_euros(value: float, decimals: int = 2) -> str:
    return f"{format_number(value, decimals)}{NARROW_NBSP}€"


def format_size(n_bytes: int) -> str:
    """A file size in ko or Mo, as a learner reads it."""
    if n_bytes < 1_000_000:
        return f"{format_number(max(n_bytes, 1) / 1000, 0)}{NARROW_NBSP}ko"
    return f"{format_number(n_bytes / 1_000_000, 1)}{NARROW_NBSP}Mo"
