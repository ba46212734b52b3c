"""The guards of a prompt: what protects the reader from an invented or unsafe text.

Four kinds, each recognised in its usual phrasings (see `patterns.toml`),
with the informal « tu » as with « vous », with or without accents:
not inventing (« n'invente rien », « aucune date que je ne t'ai pas
fournie », « si tu ne sais pas, dis-le », « [à compléter] »), citing
sources, no personal data, no decision left to the tool.
"""

from __future__ import annotations

from widgets.prompts import patterns

GUARDS: tuple[tuple[str, str], ...] = (
    ("guard_no_invention", "ne rien inventer"),
    ("guard_sources", "citer ses sources"),
    ("guard_privacy", "aucune donnée personnelle"),
    ("guard_decision", "aucune décision laissée à l'outil"),
)
"""Each kind of guard: its pattern in `patterns.toml`, and how the coach names it."""


def guards_found(flat: str) -> list[str]:
    """The names of the kinds of guard found in a normalised text, in the order of GUARDS."""
    return [label for name, label in GUARDS if patterns.found(name, flat)]
