"""The services of the town hall that receive residents' requests, and how many of each.

The counts imitate a real imbalance: reports about the street (cleanliness,
roads) are frequent, requests to the social service are rare. The datasheet
and the tests state the same figures.
"""

from __future__ import annotations

VOIRIE = "Voirie"
PROPRETE = "Propreté"
ECLAIRAGE = "Éclairage public"
ETAT_CIVIL = "État civil"
URBANISME = "Urbanisme"
ESPACES_VERTS = "Espaces verts"
STATIONNEMENT = "Stationnement"
ACTION_SOCIALE = "Action sociale"
ECOLES = "Écoles et cantine"

SERVICE_COUNTS: dict[str, int] = {
    PROPRETE: 430,
    VOIRIE: 370,
    STATIONNEMENT: 250,
    ESPACES_VERTS: 235,
    ECLAIRAGE: 200,
    ETAT_CIVIL: 185,
    URBANISME: 140,
    ECOLES: 115,
    ACTION_SOCIALE: 75,
}
"""Rows per service in the data set, the largest first (2 000 rows in all)."""

SERVICES: tuple[str, ...] = tuple(SERVICE_COUNTS)

FIELD_SERVICES = (VOIRIE, PROPRETE, ECLAIRAGE, ESPACES_VERTS, STATIONNEMENT)
"""Services that receive reports about a place: messages name a street or a park."""

NEIGHBOURS: dict[str, tuple[str, ...]] = {
    PROPRETE: (ESPACES_VERTS,),
    ESPACES_VERTS: (PROPRETE,),
}
"""Services whose topics often come up in the same walk: a resident who writes
about litter in a park often adds a word about its lawns, and the reverse."""
