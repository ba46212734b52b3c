"""Energy use of municipal buildings: the seeded generator of `data/batiments.csv`.

It imitates the thermal diagnostics of the municipal buildings of
Clairval-sur-Ondine and of eleven comparable (equally fictional) communes of
the Ondine valley: one row per building, its surface, year of construction,
type, heating, weekly hours of use and insulation, and its yearly energy use
in kWh, the quantity module 09 learns to predict.

Each building's use follows the multiplicative formula of the recipe
(`widgets.batiments.recipe`, figures in `sources/batiments.toml`) times a
random factor; then a few buildings get a planted anomaly and every building
gets an energy bill computed from its metered use: that bill is the leak the
learner must spot (it contains the answer).

Only `random.Random.random()` is drawn (normals come from Box-Muller here),
because Python guarantees that stream for a given seed: the same seed gives a
byte-identical CSV. Regenerate the shipped file with
`python -m widgets.batiments.generate`. No Jupyter.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, replace

from widgets.batiments.recipe import Anomaly, BuildingType, Commune, Recipe, load_recipe
from widgets.batiments.table import COLUMNS

SEED = 2609
CSV_NAME = "batiments.csv"


@dataclass(frozen=True)
class Building:
    identifier: str
    commune: str
    building_type: str
    surface_m2: int
    year_built: int
    heating: str
    weekly_hours: int
    insulation_renovated: bool
    energy_bill_euros: int
    kwh: int

    def csv_values(self) -> tuple[str, ...]:
        return (
            self.identifier,
            self.commune,
            self.building_type,
            str(self.surface_m2),
            str(self.year_built),
            self.heating,
            str(self.weekly_hours),
            "oui" if self.insulation_renovated else "non",
            str(self.energy_bill_euros),
            str(self.kwh),
        )


@dataclass(frozen=True)
class DataSet:
    buildings: tuple[Building, ...]
    anomalies: dict[str, Anomaly]  # identifier -> planted anomaly


class _Draws:
    """Random draws built on `random()` alone, whose stream Python keeps stable."""

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self._random.random()

    def integer(self, low: int, high: int) -> int:
        """Uniform integer in [low, high]."""
        return low + min(int(self._random.random() * (high - low + 1)), high - low)

    def normal(self) -> float:
        u1 = 1.0 - self._random.random()  # in (0, 1]: log is defined
        u2 = self._random.random()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def choice(self, options: tuple[str, ...], weights: tuple[float, ...]) -> str:
        threshold = self._random.random() * sum(weights)
        total = 0.0
        for option, weight in zip(options, weights, strict=True):
            total += weight
            if threshold < total:
                return option
        return options[-1]


def _draw_building(
    draws: _Draws, recipe: Recipe, commune: Commune, kind: BuildingType, identifier: str
) -> Building:
    """One building, its use drawn around the formula; its bill comes later."""
    surface = math.exp(math.log(kind.median_surface) + kind.surface_spread * draws.normal())
    surface_m2 = int(round(min(max(surface, kind.min_surface), kind.max_surface) / 10) * 10)
    era = draws.choice(tuple(str(i) for i in range(len(recipe.eras))), kind.era_weights)
    year = draws.integer(recipe.eras[int(era)].first, recipe.eras[int(era)].last)
    heating_weights = recipe.heating_weights(year, commune.heat_network)
    heating = draws.choice(tuple(heating_weights), tuple(heating_weights.values()))
    hours = draws.integer(kind.min_hours, kind.max_hours)
    renovated = draws.uniform(0.0, 1.0) < recipe.renovation_chance(year)
    expected = recipe.expected_kwh(
        kind.name, surface_m2, year, heating, hours, renovated, commune.climate
    )
    kwh = round(expected * math.exp(recipe.noise_spread * draws.normal()))
    return Building(
        identifier, commune.name, kind.name, surface_m2, year, heating, hours, renovated, 0, kwh
    )


def _with_bill(building: Building, kwh: int, draws: _Draws, recipe: Recipe) -> Building:
    """The bill follows the metered kWh, anomalies included: it is computed from them."""
    bill = kwh * recipe.prices[building.heating] * (1.0 + recipe.bill_noise * draws.normal())
    return replace(building, kwh=kwh, energy_bill_euros=round(bill))


def generate(seed: int = SEED) -> DataSet:
    """Every building of the twelve communes, the planted anomalies applied."""
    recipe = load_recipe()
    draws = _Draws(seed)
    others = tuple(kind for kind in recipe.types if kind.name != recipe.town_hall)
    drawn: list[Building] = []
    for commune in recipe.communes:
        count = max(
            round(commune.inhabitants / recipe.inhabitants_per_building),
            recipe.min_buildings_per_commune,
        )
        kinds = [recipe.type_named(recipe.town_hall)] + [
            recipe.type_named(
                draws.choice(tuple(k.name for k in others), tuple(k.weight for k in others))
            )
            for _ in range(count - 1)
        ]
        for number, kind in enumerate(kinds, start=1):
            identifier = f"{commune.prefix}-{number:03d}"
            drawn.append(_draw_building(draws, recipe, commune, kind, identifier))
    anomalies = _place_anomalies(drawn, recipe.anomalies)
    buildings = []
    for building in drawn:
        anomaly = anomalies.get(building.identifier)
        kwh = round(building.kwh * anomaly.factor) if anomaly else building.kwh
        buildings.append(_with_bill(building, kwh, draws, recipe))
    return DataSet(tuple(buildings), anomalies)


def _place_anomalies(buildings: list[Building], planted: tuple[Anomaly, ...]) -> dict[str, Anomaly]:
    """Each anomaly goes to the first building of its type in its commune."""
    placed: dict[str, Anomaly] = {}
    for anomaly in planted:
        target = next(
            b
            for b in buildings
            if b.identifier.startswith(anomaly.prefix + "-")
            and b.building_type == anomaly.building_type
            and b.identifier not in placed
        )
        placed[target.identifier] = anomaly
    return placed


def csv_text(data: DataSet) -> str:
    """The CSV file: UTF-8, comma-separated, one header line, "\\n" line ends, no quoting needed."""
    out = io.StringIO()
    out.write(",".join(COLUMNS) + "\n")
    for building in data.buildings:
        values = building.csv_values()
        if any("," in value or '"' in value for value in values):
            raise ValueError(f"{building.identifier}: a value would need CSV quoting")
        out.write(",".join(values) + "\n")
    return out.getvalue()


def build_files(seed: int = SEED) -> dict[str, bytes]:
    """The data set's only file, exactly as shipped."""
    return {CSV_NAME: csv_text(generate(seed)).encode("utf-8")}
