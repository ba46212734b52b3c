"""Module 06: EcoLogits' import time, the first estimate, and the calculator's latency.

EcoLogits is imported at the first estimate, not with the lesson: its import
and the first estimate (which loads the model repository) are timed in a
fresh interpreter. The calculator is then built once and its length slider
moved 100 times (10 to 1,990 tokens, then down), as a learner's drag does:
each move recomputes the estimate and rewrites the HTML table.
"""

from __future__ import annotations

from curriculum.benchmarks.core import (
    BenchContext,
    Row,
    seconds_in_fresh_interpreter,
    timing_row,
)
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "06-impact-environnemental"
IMPORT = (
    "import time; t = time.perf_counter(); "
    "import ecologits.tracers.utils; print(time.perf_counter() - t)"
)
FIRST_ESTIMATE = (
    "import time; from widgets.impact.estimate import estimate_named; "
    "t = time.perf_counter(); estimate_named('gpt-4o', 400, 'FRA'); "
    "print(time.perf_counter() - t)"
)


def token_positions(count: int = 100) -> list[int]:
    """`count` answer lengths, each different from the one before: up by 20, then down."""
    up = list(range(10, 2_000, 20))
    return (up + up[-2::-1])[:count]


def measure_impact(context: BenchContext) -> list[Row]:
    """Import and first-estimate times, then median and p95 latency of the length slider."""
    if not context.selected(MODULE):
        return []
    from widgets.impact.views.calculator import Calculator

    rows = [
        timing_row(
            "impact:ecologits-import",
            "EcoLogits (module 06) : import",
            [seconds_in_fresh_interpreter(IMPORT, context) for _ in range(context.repeats)],
            None,
            "pour information : fait au premier calcul, pas à l'ouverture du notebook",
        ),
        timing_row(
            "impact:first-estimate",
            "EcoLogits (module 06) : premier calcul, import compris",
            [seconds_in_fresh_interpreter(FIRST_ESTIMATE, context) for _ in range(context.repeats)],
            None,
            "pour information",
        ),
    ]
    view = Calculator()
    samples = times_ms(
        (lambda tokens=tokens: setattr(view.tokens, "value", tokens))
        for tokens in token_positions()
    )
    return rows + latency_rows(
        "impact:calculator",
        "Calculateur d'empreinte (module 06), à chaque mouvement de la longueur",
        samples,
        "mouvements",
    )
