"""Model complexity against error: polynomial curves from surface to yearly kWh.

The case: predict the yearly energy use of a school from its surface alone,
learning from only 20 schools (picked at regular steps of surface, smallest
and largest included) and testing on the other schools of the data set.
The complexity is the degree of the polynomial: 0 is a flat line (the same
use for every school), 1 a straight line, each degree more allows the curve
one more bend. Every degree from 0 to 15 is fitted once, on first use, with
scikit-learn; the slider then only looks results up.

Errors are mean absolute errors in kWh per year (« erreur moyenne »), the
unit of the problem, also given as a share of the average school's use.
Each curve is fitted by least absolute deviations (scikit-learn's
QuantileRegressor at the median, without penalty): it minimises the mean
absolute error on the training schools, the very error shown, which therefore
can only go down as the degree goes up. The polynomial is written in the
Chebyshev basis on the surface rescaled to [-1, 1]: the same curves as
1, x, x², … but numerically stable up to degree 15.
Plain Python: no Jupyter.
"""

from __future__ import annotations

import math
import numbers
import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.polynomial import chebyshev

from widgets.batiments.table import BuildingTable, load_buildings
from widgets.errors import AtelierError

STUDIED_TYPE = "école"
TRAIN_COUNT = 20
MIN_DEGREE = 0
MAX_DEGREE = 15
OVERFIT_EXAMPLE = 12  # the degree shown as « too close to the examples » in the picture
GRID_POINTS = 240
NEAR_BEST = 1.05  # within 5 % of the lowest test error: « close to the best »
SOLVER_TOLERANCES = {"primal_feasibility_tolerance": 1e-10, "dual_feasibility_tolerance": 1e-10}
"""HiGHS stops short of the least absolute deviations at degrees 14 and 15 with its
default tolerances (1e-7): tighter ones let it reach the true minimum."""


@dataclass(frozen=True, eq=False)
class SweepPoint:
    """One fitted degree: its errors (kWh per year) and its curve on the surface grid."""

    degree: int
    train_mae: float
    test_mae: float
    curve_kwh: np.ndarray


@dataclass(frozen=True, eq=False)
class ComplexitySweep:
    """Every degree fitted once, with the schools it learnt from and was tested on."""

    train_surface: np.ndarray
    train_kwh: np.ndarray
    test_surface: np.ndarray
    test_kwh: np.ndarray
    grid_surface: np.ndarray
    points: tuple[SweepPoint, ...]  # index = degree
    mean_kwh: float  # average yearly use of the schools of the data set

    @property
    def degrees(self) -> tuple[int, ...]:
        return tuple(point.degree for point in self.points)

    @property
    def train_errors(self) -> np.ndarray:
        return np.array([point.train_mae for point in self.points])

    @property
    def test_errors(self) -> np.ndarray:
        return np.array([point.test_mae for point in self.points])

    @property
    def best_degree(self) -> int:
        """The degree with the lowest error on the test schools."""
        return int(np.argmin(self.test_errors))

    def at(self, degree: object) -> SweepPoint:
        """The precomputed result for a degree; a French AtelierError for anything else."""
        return self.points[read_degree(degree)]

    def share(self, error_kwh: float) -> float:
        """An error as a share of the average school's yearly use (0.25 = 25 %)."""
        return error_kwh / self.mean_kwh

    def verdict(self, degree: object) -> str:
        """One French sentence: too simple, close to the best, or overfitting."""
        point = self.at(degree)
        best = self.points[self.best_degree]
        if point.test_mae <= NEAR_BEST * best.test_mae:
            return (
                "Zone équilibrée : l'erreur sur les écoles de test est proche de la plus "
                "petite possible avec ce modèle."
            )
        if point.degree < best.degree:
            return (
                "Modèle trop simple : la courbe ne suit pas la tendance, elle se trompe "
                "autant sur les écoles d'entraînement que sur les autres."
            )
        return (
            "Sur-apprentissage : l'erreur d'entraînement continue de baisser, mais l'erreur "
            "de test remonte. La courbe colle aux 20 écoles d'entraînement et se trompe "
            "sur les autres."
        )

    def leaves_the_frame(self, degree: object, top_kwh: float) -> bool:
        """Whether the curve predicts a negative use, or more than `top_kwh`, somewhere."""
        curve = self.at(degree).curve_kwh
        return bool(curve.min() < 0 or curve.max() > top_kwh)


def read_degree(value: object) -> int:
    """A whole number from MIN_DEGREE to MAX_DEGREE, or a French AtelierError saying why not."""
    expected = f"un nombre entier de {MIN_DEGREE} à {MAX_DEGREE}"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AtelierError(f"Le degré doit être {expected}, par exemple 3.")
    # Compared as given, never converted to float first: float() of a huge int overflows.
    if value != value or value in (math.inf, -math.inf):
        raise AtelierError(f"Le degré doit être {expected} (ni « nan » ni l'infini).")
    if value != int(value):
        raise AtelierError(f"Le degré doit être {expected}, sans virgule.")
    if not MIN_DEGREE <= value <= MAX_DEGREE:
        shown = (
            f"{int(value)} est en dehors" if abs(value) < 1e6 else "ce nombre est bien trop grand"
        )
        raise AtelierError(f"Le degré doit être {expected} : {shown}.")
    return int(value)


def train_positions(count: int, size: int) -> np.ndarray:
    """`size` positions at regular steps in 0..count-1, first and last included."""
    return np.round(np.linspace(0, count - 1, size)).astype(int)


def _design(surface: np.ndarray, low: float, high: float, degree: int) -> np.ndarray:
    """Chebyshev features of degree 1..degree (the intercept is the model's own)."""
    scaled = (2.0 * surface - low - high) / (high - low)
    return chebyshev.chebvander(scaled, degree)[:, 1:]


def build_sweep(table: BuildingTable) -> ComplexitySweep:
    """Fit every degree on the training schools and measure both errors."""
    from sklearn.linear_model import QuantileRegressor

    mask = table.type_mask(STUDIED_TYPE)
    surface, kwh = table.surface_m2[mask], table.kwh[mask]
    order = np.lexsort((np.arange(len(surface)), surface))  # by surface, ties in CSV order
    in_train = np.zeros(len(surface), dtype=bool)
    in_train[order[train_positions(len(surface), TRAIN_COUNT)]] = True
    low, high = float(surface.min()), float(surface.max())
    grid = np.linspace(low, high, GRID_POINTS)

    points = []
    for degree in range(MIN_DEGREE, MAX_DEGREE + 1):
        if degree == 0:  # a flat line: the median is what minimises the mean absolute error
            level = float(np.median(kwh[in_train]))
            predicted, curve = np.full(len(kwh), level), np.full(GRID_POINTS, level)
        else:
            model = QuantileRegressor(
                quantile=0.5, alpha=0.0, solver="highs", solver_options=SOLVER_TOLERANCES
            ).fit(_design(surface[in_train], low, high, degree), kwh[in_train])
            predicted = model.predict(_design(surface, low, high, degree))
            curve = model.predict(_design(grid, low, high, degree))
        errors = np.abs(predicted - kwh)
        points.append(
            SweepPoint(
                degree=degree,
                train_mae=float(errors[in_train].mean()),
                test_mae=float(errors[~in_train].mean()),
                curve_kwh=curve,
            )
        )
    return ComplexitySweep(
        train_surface=surface[in_train],
        train_kwh=kwh[in_train],
        test_surface=surface[~in_train],
        test_kwh=kwh[~in_train],
        grid_surface=grid,
        points=tuple(points),
        mean_kwh=float(kwh.mean()),
    )


_FITTING = threading.Lock()


def complexity_sweep() -> ComplexitySweep:
    """The sweep on the shipped data set, computed once per kernel.

    Possibly in the background (see the lesson's `start`): a second caller waits for the first.
    """
    with _FITTING:
        return _fit_once()


@lru_cache(maxsize=1)
def _fit_once() -> ComplexitySweep:
    return build_sweep(load_buildings())
