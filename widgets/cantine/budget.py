"""Yearly cost of the school canteen for a given price per meal (plain Python)."""

from __future__ import annotations

from dataclasses import dataclass

MEALS_PER_DAY = 180
SCHOOL_DAYS = 140
YEARLY_BUDGET = 100_000.0


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


def canteen_year(
    price_per_meal: float,
    meals_per_day: int = MEALS_PER_DAY,
    school_days: int = SCHOOL_DAYS,
    budget: float = YEARLY_BUDGET,
) -> CanteenYear:
    if price_per_meal < 0 or meals_per_day < 0 or school_days < 0:
        raise ValueError("prices and counts cannot be negative")
    return CanteenYear(price_per_meal, meals_per_day, school_days, budget)


def highest_price_within_budget(
    meals_per_day: int = MEALS_PER_DAY,
    school_days: int = SCHOOL_DAYS,
    budget: float = YEARLY_BUDGET,
) -> float:
    return budget / (meals_per_day * school_days)
