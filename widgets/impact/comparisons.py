"""Everyday scales for one request: how many such requests make a known amount.

The amounts are in `comparisons.toml`: either a registry fact (its id is
given) or a quantity chosen for the example, which the sentence says.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from widgets.impact.amounts import count_text
from widgets.impact.estimate import Footprint


@dataclass(frozen=True)
class Comparison:
    quantity: str
    """A `Footprint` field: "energy_wh" or "water_ml"."""
    amount: float
    text: str
    fact: str


@lru_cache(maxsize=1)
def comparisons() -> tuple[Comparison, ...]:
    raw = tomllib.loads(resources.files("widgets.impact").joinpath("comparisons.toml").read_text())
    return tuple(Comparison(**entry) for entry in raw["comparisons"])


def sentences(footprint: Footprint) -> list[str]:
    """One French sentence per comparison, from the middle of the request's range."""
    lines = []
    for comparison in comparisons():
        value = getattr(footprint, comparison.quantity).middle
        if value <= 0:
            continue
        count = comparison.amount / value
        if count >= 1.5:
            lines.append(
                f"Il faudrait environ {count_text(count)} requêtes comme celle-ci "
                f"pour {comparison.text}."
            )
        elif count >= 0.5:
            lines.append(f"Une requête comme celle-ci suffit environ pour {comparison.text}.")
        else:
            times = count_text(1 / count)
            lines.append(
                f"Cette seule requête suffirait environ {times} fois pour {comparison.text}."
            )
    return lines
