"""The services of the town hall that receive residents' requests, and how many of each.

Read from `sources/services.toml`. The generator writes these counts (they
imitate a real imbalance: many street reports, few requests to the social
service); the model lists the services in this order, the largest first; the
lesson accepts the ways of naming a service that the table gives.
"""

from __future__ import annotations

from widgets.demandes.source_files import read_source

_TABLE = read_source("services.toml")["service"]

SERVICE_COUNTS: dict[str, int] = {entry["name"]: entry["rows"] for entry in _TABLE}
"""Rows per service in the data set, the largest first (2 000 rows in all)."""

SERVICES: tuple[str, ...] = tuple(SERVICE_COUNTS)

SLUGS: dict[str, str] = {entry["name"]: entry["slug"] for entry in _TABLE}
"""The file of each service's phrases, in `sources/phrases/`."""

FIELD_SERVICES: frozenset[str] = frozenset(entry["name"] for entry in _TABLE if entry["field"])
"""Services that receive reports about a place: messages name a street or a park."""

NEIGHBOURS: dict[str, tuple[str, ...]] = {
    entry["name"]: tuple(entry["neighbours"]) for entry in _TABLE if "neighbours" in entry
}
"""Services whose topics often come up in the same message (litter in a park, and its lawns)."""

ANSWER_PATTERNS: dict[str, str] = {entry["name"]: entry["answer_pattern"] for entry in _TABLE}
"""How a learner may name each service in a free-text answer (lower case, no accents)."""


def answer_names_both(first: str, second: str) -> str:
    """A pattern that a free-text answer matches when it names both services, in any order."""
    return rf"^(?=.*{ANSWER_PATTERNS[first]})(?=.*{ANSWER_PATTERNS[second]})"


def answer_names_another(*names: str) -> str:
    """A pattern that a free-text answer matches when it names a service not in `names`."""
    return "|".join(ANSWER_PATTERNS[s] for s in ANSWER_PATTERNS if s not in names)
