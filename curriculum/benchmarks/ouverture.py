"""Module 07: how fast the openness grid answers when the learner picks models in the menu.

The grid is built once, then its menu is set 100 times to a different
selection (one model up to all five, cycling), exactly as a click in a
kernel does: the observer rebuilds the grid's HTML and the open-weights reading.
"""

from __future__ import annotations

from itertools import combinations

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "07-ouvert-ou-proprietaire"
MOVES = 100


def selections(model_ids: tuple[str, ...], count: int = MOVES) -> list[tuple[str, ...]]:
    """`count` selections, each different from the one before: every subset, cycling."""
    subsets = [
        subset for size in range(1, len(model_ids) + 1) for subset in combinations(model_ids, size)
    ]
    return [subsets[step % len(subsets)] for step in range(count)]


def measure_ouverture(context: BenchContext) -> list[Row]:
    """Median and p95 latency of the comparison grid, one menu change at a time."""
    if not context.selected(MODULE):
        return []
    from widgets.ouverture.index import openness_index
    from widgets.ouverture.views.grid import ComparisonGrid

    index = openness_index()
    view = ComparisonGrid(index, selected=())
    picks = selections(tuple(model.id for model in index.models))
    samples = times_ms(lambda pick=pick: setattr(view.menu, "value", pick) for pick in picks)
    return latency_rows(
        "ouverture:grid",
        "Grille d'ouverture des modèles (module 07), à chaque choix dans le menu",
        samples,
        "choix",
    )
