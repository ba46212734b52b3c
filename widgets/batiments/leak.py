"""The data-leakage trap: a column that contains the answer makes the error collapse.

One model (scikit-learn's LinearRegression on the logarithm of the use, so
that effects multiply, as they do in the physics of buildings) is fitted on
70 % of the buildings for every subset of the seven columns a learner can
tick (128 subsets), each subset once, when first asked for; ticking a box
again only looks the result up. The energy bill is computed from the metered use, so it is not
known before the use is: a model that sees it seems almost perfect on the
test buildings, which is exactly the trap.

Plain Python: no Jupyter.
"""

from __future__ import annotations

import itertools
import random
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from widgets.batiments.table import LEAK, BuildingTable, load_buildings
from widgets.errors import AtelierError
from widgets.text import shortened

FEATURES = {
    "type_batiment": "Type de bâtiment",
    "surface_m2": "Surface (m²)",
    "annee_construction": "Année de construction",
    "chauffage": "Chauffage",
    "heures_occupation_semaine": "Heures d'occupation par semaine",
    "isolation_renovee": "Isolation rénovée",
    LEAK: "Facture d'énergie (€)",
}
"""The columns a learner may give the model, with their French labels, in display order."""

HONEST_COLUMNS = tuple(column for column in FEATURES if column != LEAK)
TEST_SHARE = 0.30
SPLIT_SEED = 909
SUSPICIOUS_SHARE = 0.05  # a test error under 5 % of the average use is too good to be true
PERIOD_LIMITS = (1918, 1945, 1970, 1990, 2005)
"""Construction periods as a statistician would cut them, not those of the generator."""
MAX_COLUMNS_GIVEN = 100


@dataclass(frozen=True)
class LeakResult:
    """Errors of the model fitted on one set of columns (kWh per year)."""

    columns: tuple[str, ...]
    train_mae: float
    test_mae: float
    mean_kwh: float  # average use of the test buildings

    @property
    def test_share(self) -> float:
        return self.test_mae / self.mean_kwh

    @property
    def suspicious(self) -> bool:
        return self.test_share < SUSPICIOUS_SHARE

    def verdict(self) -> str:
        """One French sentence that never names the leaking column."""
        if not self.columns:
            return (
                "Sans aucune colonne, le modèle prédit la même consommation pour tous les "
                "bâtiments : c'est le point de départ à battre."
            )
        if self.suspicious:
            return (
                "Résultat suspect : une erreur aussi faible est trop belle pour être vraie. "
                "Aucune caractéristique d'un bâtiment ne permet une telle précision : une "
                "des colonnes cochées contient sans doute déjà la réponse."
            )
        return (
            "Erreur d'un ordre de grandeur plausible. Cela ne prouve pas que chaque colonne "
            "cochée soit honnête : pour chacune, demandez-vous si on la connaît avant de "
            "relever le compteur."
        )


@dataclass(frozen=True)
class BuildingError:
    """A test building, its metered use, the honest model's prediction (kWh per year)."""

    identifier: str
    commune: str
    building_type: str
    kwh: float
    predicted: float

    @property
    def error(self) -> float:
        return abs(self.kwh - self.predicted)


class LeakExperiment:
    """The model fitted on any subset of columns, each subset at most once.

    A subset is fitted the first time it is asked for (a few milliseconds)
    and kept: ticking a box again only looks the result up.
    """

    def __init__(self, table: BuildingTable) -> None:
        self._table = table
        self._blocks = feature_blocks(table)
        self._test = test_mask(len(table))
        self._log_kwh = np.log(table.kwh)
        self._mean_test = float(table.kwh[self._test].mean())
        self._results: dict[tuple[str, ...], LeakResult] = {}
        self._fitting = threading.Lock()  # the lesson may fit in the background meanwhile
        self.train_count = int((~self._test).sum())
        self.test_count = int(self._test.sum())

    def result(self, columns: object) -> LeakResult:
        """The result for these columns; a French AtelierError for a bad request."""
        chosen = read_columns(columns)
        with self._fitting:
            if chosen not in self._results:
                errors = np.abs(self._fitted_predictions(chosen) - self._table.kwh)
                self._results[chosen] = LeakResult(
                    columns=chosen,
                    train_mae=float(errors[~self._test].mean()),
                    test_mae=float(errors[self._test].mean()),
                    mean_kwh=self._mean_test,
                )
            return self._results[chosen]

    def all_results(self) -> list[LeakResult]:
        """Every one of the 128 subsets of columns (for tests and benchmarks)."""
        return [
            self.result(columns)
            for size in range(len(FEATURES) + 1)
            for columns in itertools.combinations(FEATURES, size)
        ]

    def predictions(self, columns: object) -> np.ndarray:
        """Predicted kWh for every building of the table, for these columns."""
        return self._fitted_predictions(read_columns(columns))

    @property
    def is_test(self) -> np.ndarray:
        """True for the buildings the model is judged on (a copy: the split never changes)."""
        return self._test.copy()

    @property
    def honest(self) -> LeakResult:
        """Every column known before the meter is read: all but the bill."""
        return self.result(HONEST_COLUMNS)

    @property
    def with_leak(self) -> LeakResult:
        return self.result(tuple(FEATURES))

    def largest_errors(self, count: int = 5) -> tuple[BuildingError, ...]:
        """The test buildings the honest model gets most wrong, largest error first."""
        if isinstance(count, bool) or not isinstance(count, int):
            raise AtelierError(
                "Le nombre de bâtiments à montrer doit être un nombre entier, par exemple 5."
            )
        table, predicted = self._table, self._fitted_predictions(HONEST_COLUMNS)
        errors = [
            BuildingError(
                table.identifiers[i],
                table.communes[i],
                table.types[i],
                float(table.kwh[i]),
                float(predicted[i]),
            )
            for i in np.flatnonzero(self._test)
        ]
        errors.sort(key=lambda building: -building.error)
        return tuple(errors[: max(count, 0)])

    def _fitted_predictions(self, columns: tuple[str, ...]) -> np.ndarray:
        """Predicted kWh for every building, learnt from the training buildings only."""
        from sklearn.linear_model import LinearRegression

        train = ~self._test
        if not columns:
            return np.full(len(self._log_kwh), np.exp(self._log_kwh[train].mean()))
        matrix = np.hstack([self._blocks[column] for column in columns])
        model = LinearRegression().fit(matrix[train], self._log_kwh[train])
        return np.exp(model.predict(matrix))


def read_columns(value: object) -> tuple[str, ...]:
    """Known column names in display order, or a French AtelierError saying what is wrong."""
    names = [value] if isinstance(value, str) else value
    if isinstance(names, dict) or not isinstance(names, Iterable):
        raise AtelierError(
            "Donnez les colonnes sous forme de liste de noms, par exemple "
            '["surface_m2", "chauffage"].'
        )
    given = list(itertools.islice(names, MAX_COLUMNS_GIVEN + 1))
    if len(given) > MAX_COLUMNS_GIVEN:
        raise AtelierError(f"Trop de colonnes : le tableau n'en propose que {len(FEATURES)}.")
    for name in given:
        if not isinstance(name, str) or name not in FEATURES:
            shown = (
                shortened(name) if isinstance(name, str) else "une valeur qui n'est pas un texte"
            )
            raise AtelierError(
                f"« {shown} » n'est pas une colonne proposée. Colonnes possibles : "
                f"{', '.join(FEATURES)}."
            )
    return tuple(column for column in FEATURES if column in given)


def test_mask(count: int, seed: int = SPLIT_SEED) -> np.ndarray:
    """30 % of the buildings, drawn once with Python's own stable random stream."""
    draws = random.Random(seed)
    keys = [draws.random() for _ in range(count)]
    order = sorted(range(count), key=keys.__getitem__)
    mask = np.zeros(count, dtype=bool)
    mask[order[: round(count * TEST_SHARE)]] = True
    return mask


def _one_hot(values: Iterable[object]) -> np.ndarray:
    """One column per category but the first (the model's intercept stands for it)."""
    values = list(values)
    categories = sorted(set(values), key=str)
    return np.array([[value == category for category in categories[1:]] for value in values], float)


def feature_blocks(table: BuildingTable) -> dict[str, np.ndarray]:
    """The numbers the model sees for each column: one block of matrix columns each."""
    periods = np.searchsorted(np.array(PERIOD_LIMITS), table.year_built, side="left")
    return {
        "type_batiment": _one_hot(table.types),
        "surface_m2": np.log(table.surface_m2)[:, None],
        "annee_construction": _one_hot(periods.tolist()),
        "chauffage": _one_hot(table.heating),
        "heures_occupation_semaine": table.weekly_hours[:, None],
        "isolation_renovee": table.renovated.astype(float)[:, None],
        LEAK: np.log(table.bill_euros)[:, None],
    }


@lru_cache(maxsize=1)
def leak_experiment() -> LeakExperiment:
    """The experiment on the shipped data set, one per kernel."""
    return LeakExperiment(load_buildings())
