"""The recipe of the buildings data set: its communes, types of building and energy formula.

The figures are hand-written in `sources/batiments.toml`; this module reads
them into typed records and computes the formula every building's use
follows (see `Recipe.expected_kwh`). Plain Python: no numpy, no Jupyter.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

SOURCE = "batiments.toml"
T = TypeVar("T")


@dataclass(frozen=True)
class Commune:
    name: str
    prefix: str
    inhabitants: int
    climate: float  # > 1: colder winters (valley floor or hills)
    heat_network: bool


@dataclass(frozen=True)
class Era:
    """A period of construction and how much heat its buildings leak (1.00 for 1989-2000)."""

    first: int
    last: int
    factor: float


@dataclass(frozen=True)
class BuildingType:
    name: str
    weight: float  # share among the buildings other than the town hall
    median_surface: float  # m²
    surface_spread: float  # sigma of log(surface)
    min_surface: int
    max_surface: int
    intensity: float  # kWh per m² per year for a reference building
    typical_hours: int  # hours of use per week of a reference building
    min_hours: int
    max_hours: int
    era_weights: tuple[float, ...]  # one weight per era


@dataclass(frozen=True)
class Heating:
    name: str
    factor: float  # final energy relative to a gas boiler
    price: float  # euros per kWh, to compute the bill


@dataclass(frozen=True)
class Anomaly:
    """A planted outlier: which building, what multiplies its metered use, why."""

    prefix: str
    building_type: str
    factor: float
    reason: str


@dataclass(frozen=True)
class Recipe:
    """Everything the generator draws from, as `sources/batiments.toml` gives it."""

    inhabitants_per_building: int
    min_buildings_per_commune: int
    town_hall: str
    size_exponent: float
    renovation_factor: float
    noise_spread: float
    bill_noise: float
    heat_network_weight: float
    communes: tuple[Commune, ...]
    eras: tuple[Era, ...]
    types: tuple[BuildingType, ...]
    heatings: tuple[Heating, ...]
    heating_mix: tuple[tuple[int | None, dict[str, float]], ...]  # (last year, weights)
    renovation_chances: tuple[tuple[int | None, float], ...]  # (last year, chance)
    anomalies: tuple[Anomaly, ...]

    @property
    def prices(self) -> dict[str, float]:
        """Euros per kWh, by heating."""
        return {heating.name: heating.price for heating in self.heatings}

    def type_named(self, name: str) -> BuildingType:
        return next(kind for kind in self.types if kind.name == name)

    def commune_named(self, name: str) -> Commune:
        return next(commune for commune in self.communes if commune.name == name)

    def era_index(self, year: int) -> int:
        return next(i for i, era in enumerate(self.eras) if year <= era.last)

    def heating_weights(self, year: int, heat_network: bool) -> dict[str, float]:
        """How likely each heating is for a building of that year, in drawing order."""
        weights = dict(_for_year(self.heating_mix, year))
        weights["réseau de chaleur"] = self.heat_network_weight if heat_network else 0.0
        return weights

    def renovation_chance(self, year: int) -> float:
        return _for_year(self.renovation_chances, year)

    def expected_kwh(
        self,
        building_type: str,
        surface_m2: float,
        year_built: int,
        heating: str,
        weekly_hours: float,
        insulation_renovated: bool,
        climate: float = 1.0,
    ) -> float:
        """The yearly use of a building without noise or anomaly: the formula of the data set.

        surface × intensity of the type × (surface / median)^-0.12 × era factor
        × 0.72 if renovated × heating factor × (0.55 + 0.45 × hours / typical hours)
        × climate of the commune.
        """
        kind = self.type_named(building_type)
        per_m2 = kind.intensity * (surface_m2 / kind.median_surface) ** self.size_exponent
        use = 0.55 + 0.45 * weekly_hours / kind.typical_hours
        renovation = self.renovation_factor if insulation_renovated else 1.0
        heating_factor = next(h.factor for h in self.heatings if h.name == heating)
        return (
            surface_m2
            * per_m2
            * self.eras[self.era_index(year_built)].factor
            * renovation
            * heating_factor
            * use
            * climate
        )


def _for_year(periods: tuple[tuple[int | None, T], ...], year: int) -> T:
    """The value of the first period that ends in `year` or later (None: no end)."""
    return next(value for last, value in periods if last is None or year <= last)


def parse_recipe(source: dict[str, Any]) -> Recipe:
    """Typed records from the parsed TOML."""
    profiles = source["era_profiles"]
    return Recipe(
        **source["parameters"],
        communes=tuple(Commune(**commune) for commune in source["communes"]),
        eras=tuple(Era(**era) for era in source["eras"]),
        types=tuple(
            BuildingType(
                **{key: value for key, value in kind.items() if key != "eras"},
                era_weights=tuple(profiles[kind["eras"]]),
            )
            for kind in source["types"]
        ),
        heatings=tuple(Heating(**heating) for heating in source["heatings"]),
        heating_mix=tuple((mix.get("last_year"), mix["weights"]) for mix in source["heating_mix"]),
        renovation_chances=tuple(
            (period.get("last_year"), period["chance"]) for period in source["renovation_chances"]
        ),
        anomalies=tuple(Anomaly(**anomaly) for anomaly in source["anomalies"]),
    )


@lru_cache(maxsize=1)
def load_recipe() -> Recipe:
    """The recipe of the shipped data set, read once from `sources/batiments.toml`."""
    text = resources.files("widgets.batiments").joinpath("sources", SOURCE).read_text("utf-8")
    return parse_recipe(tomllib.loads(text))
