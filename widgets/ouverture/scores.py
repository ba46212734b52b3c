"""What a model's ratings add up to: scores per group, and what open weights give.

Open counts 1, partial 0.5, closed 0, as on the index's own grid; a group's
score is the share of its dimensions' points, between 0 and 1.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.ouverture.index import Model, OpennessIndex

POINTS = {"open": 1.0, "partial": 0.5, "closed": 0.0}
WEIGHTS = ("weights_basemodel", "weights_endmodel")


def group_scores(index: OpennessIndex, model: Model) -> dict[str, float]:
    """Group id -> share of points (0 to 1), in the order of the index's groups."""
    scores = {}
    for group in index.groups:
        ratings = [model.ratings[d.id] for d in index.dimensions if d.group == group]
        scores[group] = sum(POINTS[rating] for rating in ratings) / len(ratings)
    return scores


def total_score(index: OpennessIndex, model: Model) -> float:
    """Share of points over the 14 dimensions (0 to 1)."""
    return sum(POINTS[model.ratings[d.id]] for d in index.dimensions) / len(index.dimensions)


@dataclass(frozen=True)
class WeightsReading:
    """What « poids ouverts » means for one model, read off its ratings only."""

    end_weights_open: bool
    """The index rates the end model's weights open: anyone may download and run them."""
    weights_partial: bool
    """Some weights are only partly open: access conditions, or missing information (the
    index's note on each rating says which)."""
    not_open: tuple[tuple[str, str], ...]
    """(dimension id, rating) of every other dimension that is not open."""


def weights_reading(index: OpennessIndex, model: Model) -> WeightsReading:
    return WeightsReading(
        end_weights_open=model.ratings["weights_endmodel"] == "open",
        weights_partial=any(model.ratings[key] == "partial" for key in WEIGHTS),
        not_open=tuple(
            (d.id, model.ratings[d.id])
            for d in index.dimensions
            if d.id not in WEIGHTS and model.ratings[d.id] != "open"
        ),
    )
