"""Yearly cost of the school canteen for a given price per meal (plain Python)."""

from __future__ import annotations

import numbers
from dataclasses import dataclass

from widgets.errors import AtelierError
from widgets.french import format_number

MEALS_PER_DAY = 180
SCHOOL_DAYS = 140
YEARLY_BUDGET = 100_000.0
MAX_PRICE = 1_000.0
MAX_MEALS_PER_DAY = 100_000
MAX_SCHOOL_DAYS = 366
MAX_BUDGET = 1e9
"""Far beyond any canteen: bounds that keep every figure readable."""


@dataclass(frozen=True)
class CanteenYear:
    price_per_meal: float
    meals_per_day: int
    school_days: int
    budget: float

    @property
    def meals(self) -> int:
        return self.meals_per_day * self.school_days

    @property
    def cost(self) -> float:
        return self.meals * self.price_per_meal

    @property
    def margin(self) -> float:
        """Budget left (positive) or overspent (negative)."""
        return self.budget - self.cost

    @property
    def within_budget(self) -> bool:
        return self.margin >= 0


class BudgetError(AtelierError, ValueError):
    """A price, a count or a budget the canteen cannot use; the message says why, in French."""


def _amount(value: object, name: str, highest: float) -> float:
    """A number of euros from 0 to `highest`, compared before any float() (a huge int overflows)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise BudgetError(f"{name} doit être un nombre d'euros, par exemple 3.95.")
    if not 0 <= value <= highest:  # nan fails this test too
        raise BudgetError(f"{name} doit être un nombre d'euros de 0 à {format_number(highest)}.")
    return float(value)


def _count(value: object, name: str, highest: int) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise BudgetError(f"{name} doit être un nombre entier, sans virgule.")
    if not 0 <= value <= highest:
        raise BudgetError(f"{name} doit être un nombre entier de 0 à {format_number(highest)}.")
    return int(value)


def canteen_year(
    price_per_meal: float,
    meals_per_day: int = MEALS_PER_DAY,
    school_days: int = SCHOOL_DAYS,
    budget: float = YEARLY_BUDGET,
) -> CanteenYear:
    """The year at this price; a French `BudgetError` for a value no canteen could have."""
    return CanteenYear(
        _amount(price_per_meal, "Le prix d'un repas", MAX_PRICE),
        _count(meals_per_day, "Le nombre de repas par jour", MAX_MEALS_PER_DAY),
        _count(school_days, "Le nombre de jours de classe", MAX_SCHOOL_DAYS),
        _amount(budget, "Le budget", MAX_BUDGET),
    )


def highest_price_within_budget(
    meals_per_day: int = MEALS_PER_DAY,
    school_days: int = SCHOOL_DAYS,
    budget: float = YEARLY_BUDGET,
) -> float:
    """The budget divided by the meals of the year; a French `BudgetError` when there are none."""
    year = canteen_year(0.0, meals_per_day, school_days, budget)
    if year.meals == 0:
        raise BudgetError("Sans aucun repas dans l'année, aucun prix n'est le plus haut possible.")
    return year.budget / year.meals
