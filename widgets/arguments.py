"""Arguments a learner may pass to a widget factory (`atelier.xxx(...)`), checked in French.

A factory hands its arguments to ipywidgets, whose own errors are English
tracebacks: each factory checks them first, with these helpers or with its
engine's own reader, and refuses odd values with one French sentence.
"""

from __future__ import annotations

from widgets.errors import AtelierError
from widgets.text import printable


def read_count(value: object, low: int, high: int, what: str) -> int:
    """A whole number from `low` to `high`; `what` names it (« le nombre de tirages »)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise AtelierError(
            f"{what[0].upper()}{what[1:]} doit être un nombre entier de {low} à {high}."
        )
    return value


def read_text(value: object, what: str) -> str:
    """Text to show in a text box, made printable; `what` names it (« le début du texte »)."""
    if not isinstance(value, str):
        raise AtelierError(f"{what[0].upper()}{what[1:]} doit être un texte, entre guillemets.")
    return printable(value)
