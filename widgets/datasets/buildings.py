"""Energy use of municipal buildings: a seeded, fictional data set for regression.

It imitates the thermal diagnostics of the municipal buildings of
Clairval-sur-Ondine and of eleven comparable (equally fictional) communes of
the Ondine valley: one row per building, its surface, year of construction,
type, heating, weekly hours of use and insulation, and its yearly energy use
in kWh, the quantity module 09 learns to predict.

Each building's use follows a multiplicative formula (see `expected_kwh`)
times a random factor; then a few buildings get a planted anomaly (`PLANTED`)
and every building gets an energy bill computed from its metered use: that
bill is the leak the learner must spot (it contains the answer).

Only `random.Random.random()` is drawn (normals come from Box-Muller here),
because Python guarantees that stream for a given seed: the same seed gives a
byte-identical CSV. Regenerate the shipped file with
`python -m widgets.datasets.buildings`. The figures are orders of magnitude
chosen for teaching, not references. Plain Python: no numpy, no Jupyter.
"""

from __future__ import annotations

import io
import math
import random
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

SEED = 2609
CSV_NAME = "batiments.csv"
INHABITANTS_PER_BUILDING = 110

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
TARGET = "consommation_kwh"
LEAK = "facture_energie_euros"


@dataclass(frozen=True)
class Commune:
    name: str
    prefix: str
    inhabitants: int
    climate: float  # > 1: colder winters (valley floor or hills)
    heat_network: bool


COMMUNES = (
    Commune("Clairval-sur-Ondine", "CLV", 4_800, 1.00, False),
    Commune("Belcourt-sur-Ondine", "BEL", 7_900, 0.97, True),
    Commune("Saint-Fiacre-d'Ondine", "SFO", 2_600, 1.05, False),
    Commune("Montval-d'Ondine", "MTV", 5_600, 1.02, False),
    Commune("Ondeville", "OND", 11_200, 0.96, True),
    Commune("Les Aulnes-sur-Ondine", "AUL", 3_100, 1.00, False),
    Commune("Rochebrune-sur-Ondine", "RCB", 6_300, 1.12, False),
    Commune("Vauclair-sur-Ondine", "VAU", 3_900, 1.03, False),
    Commune("Pré-Ondine", "PRO", 2_200, 0.98, False),
    Commune("Haute-Ondine", "HTO", 4_100, 1.15, False),
    Commune("Villeneuve-d'Ondine", "VDO", 8_700, 0.99, True),
    Commune("Fontbelle-sur-Ondine", "FTB", 3_400, 1.01, False),
)


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
    era_weights: tuple[float, ...]  # one weight per entry of ERAS


ERAS = ((1880, 1947), (1948, 1974), (1975, 1988), (1989, 2000), (2001, 2012), (2013, 2024))
ERA_FACTORS = (1.20, 1.40, 1.15, 1.00, 0.85, 0.62)
"""Older buildings leak more heat; the worst are the post-war, pre-insulation ones."""

# Share of the buildings of a type built in each era (same order as ERAS).
COMMON_ERAS = (0.10, 0.30, 0.22, 0.16, 0.12, 0.10)
OLD_ERAS = (0.55, 0.15, 0.10, 0.10, 0.05, 0.05)  # town halls: often nineteenth century
NURSERY_ERAS = (0.02, 0.15, 0.25, 0.25, 0.18, 0.15)  # nurseries: mostly recent
SPORTS_ERAS = (0.02, 0.35, 0.30, 0.15, 0.10, 0.08)  # gymnasiums: built from the 1960s on
TOWN_HALL = "mairie"
TYPES = (
    # name, weight, median m², spread, min m², max m², kWh/m², hours: typical, min, max; eras
    BuildingType("mairie", 0.0, 900, 0.45, 250, 3_500, 145, 45, 35, 55, OLD_ERAS),
    BuildingType("école", 0.30, 1_400, 0.45, 300, 4_500, 125, 45, 38, 55, COMMON_ERAS),
    BuildingType("crèche", 0.08, 450, 0.40, 150, 1_200, 175, 55, 45, 60, NURSERY_ERAS),
    BuildingType("gymnase", 0.14, 1_500, 0.35, 500, 4_000, 105, 50, 30, 70, SPORTS_ERAS),
    BuildingType("salle polyvalente", 0.18, 500, 0.45, 150, 1_500, 115, 25, 10, 40, COMMON_ERAS),
    BuildingType("bibliothèque", 0.09, 450, 0.45, 120, 1_500, 135, 30, 20, 40, COMMON_ERAS),
    BuildingType("ateliers municipaux", 0.11, 800, 0.45, 200, 2_500, 110, 40, 35, 45, COMMON_ERAS),
)
SIZE_EXPONENT = -0.12
"""Bigger buildings of a type use a little less per m² (they are more compact)."""

HEATING_FACTORS = {
    "gaz": 1.00,
    "fioul": 1.08,
    "réseau de chaleur": 0.95,
    "électrique": 0.80,
    "pompe à chaleur": 0.50,
}
"""Final energy relative to a gas boiler: a heat pump draws about half the kWh."""

PRICES = {
    "gaz": 0.11,
    "fioul": 0.13,
    "réseau de chaleur": 0.10,
    "électrique": 0.21,
    "pompe à chaleur": 0.21,
}
"""Fictional average price per kWh (euros) used to compute the bill."""

RENOVATION_FACTOR = 0.72
NOISE_SPREAD = 0.10  # sigma of the log of the random factor
BILL_NOISE = 0.015  # subscription, taxes, rounding: the bill is not exactly kWh × price


@dataclass(frozen=True)
class Anomaly:
    """A planted outlier: which building, what multiplies its metered use, why."""

    prefix: str
    building_type: str
    factor: float
    reason: str


PLANTED = (
    Anomaly(
        "BEL", "gymnase", 10.0, "erreur de saisie : un zéro de trop dans le relevé du compteur"
    ),
    Anomaly(
        "CLV",
        "salle polyvalente",
        2.8,
        "salle devenue centre de vaccination toute l'année ; la colonne des heures "
        "d'occupation garde ses horaires habituels",
    ),
    Anomaly("OND", "gymnase", 1.9, "régulation du chauffage en panne : chauffage jour et nuit"),
    Anomaly("MTV", "bibliothèque", 0.25, "bâtiment fermé neuf mois pour travaux"),
    Anomaly("SFO", TOWN_HALL, 2.2, "compteur partagé : il alimente aussi l'école voisine"),
)


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


def era_index(year: int) -> int:
    return next(i for i, (_, last) in enumerate(ERAS) if year <= last)


def type_named(name: str) -> BuildingType:
    return next(kind for kind in TYPES if kind.name == name)


def expected_kwh(
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
    kind = type_named(building_type)
    per_m2 = kind.intensity * (surface_m2 / kind.median_surface) ** SIZE_EXPONENT
    use = 0.55 + 0.45 * weekly_hours / kind.typical_hours
    renovation = RENOVATION_FACTOR if insulation_renovated else 1.0
    return (
        surface_m2
        * per_m2
        * ERA_FACTORS[era_index(year_built)]
        * renovation
        * HEATING_FACTORS[heating]
        * use
        * climate
    )


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


def _heating_weights(year: int, heat_network: bool) -> dict[str, float]:
    if year < 1975:
        weights = {"gaz": 0.45, "fioul": 0.25, "électrique": 0.15, "pompe à chaleur": 0.05}
    elif year <= 2000:
        weights = {"gaz": 0.55, "fioul": 0.10, "électrique": 0.25, "pompe à chaleur": 0.10}
    else:
        weights = {"gaz": 0.40, "fioul": 0.0, "électrique": 0.20, "pompe à chaleur": 0.40}
    weights["réseau de chaleur"] = 0.45 if heat_network else 0.0
    return weights


def _renovation_probability(year: int) -> float:
    if year < 1975:
        return 0.40
    if year <= 1988:
        return 0.25
    if year <= 2000:
        return 0.10
    return 0.0


def _draw_building(
    draws: _Draws, commune: Commune, kind: BuildingType, identifier: str
) -> Building:
    """One building, its use drawn around the formula; its bill comes later."""
    surface = math.exp(math.log(kind.median_surface) + kind.surface_spread * draws.normal())
    surface_m2 = int(round(min(max(surface, kind.min_surface), kind.max_surface) / 10) * 10)
    era = draws.choice(tuple(str(i) for i in range(len(ERAS))), kind.era_weights)
    first, last = ERAS[int(era)]
    year = draws.integer(first, last)
    heating_weights = _heating_weights(year, commune.heat_network)
    heating = draws.choice(tuple(heating_weights), tuple(heating_weights.values()))
    hours = draws.integer(kind.min_hours, kind.max_hours)
    renovated = draws.uniform(0.0, 1.0) < _renovation_probability(year)
    expected = expected_kwh(kind.name, surface_m2, year, heating, hours, renovated, commune.climate)
    kwh = round(expected * math.exp(NOISE_SPREAD * draws.normal()))
    return Building(
        identifier, commune.name, kind.name, surface_m2, year, heating, hours, renovated, 0, kwh
    )


def _with_bill(building: Building, kwh: int, draws: _Draws) -> Building:
    """The bill follows the metered kWh, anomalies included: it is computed from them."""
    bill = kwh * PRICES[building.heating] * (1.0 + BILL_NOISE * draws.normal())
    return replace(building, kwh=kwh, energy_bill_euros=round(bill))


def generate(seed: int = SEED) -> DataSet:
    """Every building of the twelve communes, the planted anomalies applied."""
    draws = _Draws(seed)
    others = tuple(kind for kind in TYPES if kind.name != TOWN_HALL)
    drawn: list[Building] = []
    for commune in COMMUNES:
        count = max(round(commune.inhabitants / INHABITANTS_PER_BUILDING), 6)
        kinds = [type_named(TOWN_HALL)] + [
            type_named(draws.choice(tuple(k.name for k in others), tuple(k.weight for k in others)))
            for _ in range(count - 1)
        ]
        for number, kind in enumerate(kinds, start=1):
            drawn.append(_draw_building(draws, commune, kind, f"{commune.prefix}-{number:03d}"))
    anomalies = _place_anomalies(drawn)
    buildings = []
    for building in drawn:
        anomaly = anomalies.get(building.identifier)
        kwh = round(building.kwh * anomaly.factor) if anomaly else building.kwh
        buildings.append(_with_bill(building, kwh, draws))
    return DataSet(tuple(buildings), anomalies)


def _place_anomalies(buildings: list[Building]) -> dict[str, Anomaly]:
    """Each anomaly goes to the first building of its type in its commune."""
    placed: dict[str, Anomaly] = {}
    for anomaly in PLANTED:
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


def shipped_csv_bytes() -> bytes:
    """The CSV shipped inside the package (widgets/data/batiments.csv)."""
    return resources.files("widgets").joinpath("data", CSV_NAME).read_bytes()


def write_shipped_csv() -> Path:
    """Regenerate widgets/data/batiments.csv from the seed (maintainers only)."""
    path = Path(__file__).resolve().parent.parent / "data" / CSV_NAME
    path.write_bytes(csv_text(generate()).encode("utf-8"))
    return path


if __name__ == "__main__":
    print(f"Écrit : {write_shipped_csv()}")
