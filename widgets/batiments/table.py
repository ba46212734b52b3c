"""The municipal buildings of module 09, read from the shipped `batiments.csv`, and its columns.

No pandas: the CSV is parsed once into numpy columns. Plain Python, no Jupyter.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from widgets import shipped_data

COLUMNS = (
    "identifiant",
    "commune",
    "type_batiment",
    "surface_m2",
    "annee_construction",
    "chauffage",
    "heures_occupation_semaine",
    "isolation_renovee",
    "facture_energie_euros",
    "consommation_kwh",
)
LEAK = "facture_energie_euros"
"""The trap: the bill is computed from the metered use, so it contains the answer."""


@dataclass(frozen=True, eq=False)
class BuildingTable:
    """One entry per building, in the order of the CSV."""

    identifiers: tuple[str, ...]
    communes: tuple[str, ...]
    types: tuple[str, ...]
    surface_m2: np.ndarray
    year_built: np.ndarray
    heating: tuple[str, ...]
    weekly_hours: np.ndarray
    renovated: np.ndarray  # booleans
    bill_euros: np.ndarray
    kwh: np.ndarray

    def __len__(self) -> int:
        return len(self.identifiers)

    def type_mask(self, building_type: str) -> np.ndarray:
        return np.array([kind == building_type for kind in self.types])

    def mean_kwh(self, building_type: str | None = None) -> float:
        """Average yearly use, of one type of building or of all of them."""
        values = self.kwh if building_type is None else self.kwh[self.type_mask(building_type)]
        return float(values.mean())

    def building_types(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.types)))

    def mean_price(self) -> float:
        """Euros per kWh over the whole data set: total of the bills over total use."""
        return float(self.bill_euros.sum() / self.kwh.sum())


def parse_buildings(data: bytes) -> BuildingTable:
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    if not rows or tuple(rows[0]) != COLUMNS:
        raise ValueError("batiments.csv does not have the expected columns")

    def text(column: str) -> tuple[str, ...]:
        return tuple(row[column] for row in rows)

    def numbers(column: str) -> np.ndarray:
        return np.array([float(row[column]) for row in rows])

    return BuildingTable(
        identifiers=text("identifiant"),
        communes=text("commune"),
        types=text("type_batiment"),
        surface_m2=numbers("surface_m2"),
        year_built=numbers("annee_construction"),
        heating=text("chauffage"),
        weekly_hours=numbers("heures_occupation_semaine"),
        renovated=np.array([row["isolation_renovee"] == "oui" for row in rows]),
        bill_euros=numbers("facture_energie_euros"),
        kwh=numbers("consommation_kwh"),
    )


@lru_cache(maxsize=1)
def load_buildings() -> BuildingTable:
    """The shipped data set, parsed once per kernel."""
    return parse_buildings(shipped_data.load("batiments", "batiments.csv"))
