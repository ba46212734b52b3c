"""Module 09: precompute time of the models, and how fast each widget answers.

Precompute is timed from the shipped CSV already in memory: the sixteen
polynomial curves of the complexity slider, then the model of the leakage
trap for all 128 subsets of columns. Each widget is then built once and
moved 100 times, as a learner does in a kernel: the observer looks the result
up (or fits it, the first time a subset of columns is ticked), updates the
artists in place, re-renders the PNG and rewrites the HTML.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from curriculum.benchmarks.core import BenchContext, Row, timing_row
from curriculum.benchmarks.latency import latency_rows, times_ms
from curriculum.benchmarks.notebooks import setup_cell_row
from widgets.french import format_number, format_percent

MODULE = "09-predire"
MOVES = 100


def degree_positions(count: int = MOVES) -> list[int]:
    """Degrees 0 up to 15 and back down, each different from the one before."""
    cycle = list(range(0, 16)) + list(range(14, 0, -1))
    return [cycle[step % len(cycle)] for step in range(count)]


def precompute_rows(context: BenchContext) -> list[Row]:
    from widgets.batiments.leak import LeakExperiment
    from widgets.batiments.sweep import build_sweep
    from widgets.batiments.table import load_buildings

    table = load_buildings()
    build_sweep(table)  # the first call also imports scikit-learn: not a precompute cost
    sweep_seconds, leak_seconds = [], []
    for _ in range(context.repeats):
        start = time.perf_counter()
        sweep = build_sweep(table)
        sweep_seconds.append(time.perf_counter() - start)
        start = time.perf_counter()
        experiment = LeakExperiment(table)
        experiment.all_results()
        leak_seconds.append(time.perf_counter() - start)
    best = sweep.best_degree
    sweep_note = (
        f"pour information ; 16 degrés, 20 écoles d'entraînement ; meilleur degré {best}, "
        f"erreur de test {format_number(sweep.test_errors[best])} kWh par an "
        f"({format_percent(sweep.share(sweep.test_errors[best]))} d'une école moyenne)"
    )
    honest, leaky = experiment.honest, experiment.with_leak
    leak_note = (
        f"pour information ; 128 sous-ensembles de colonnes, {experiment.train_count} bâtiments "
        f"d'entraînement ; erreur de test {format_number(honest.test_mae)} kWh "
        f"({format_percent(honest.test_share)}) sans la facture, "
        f"{format_number(leaky.test_mae)} kWh ({format_percent(leaky.test_share)}) avec"
    )
    return [
        timing_row(
            "batiments:sweep",
            "Curseur de complexité (module 09) : les 16 courbes",
            sweep_seconds,
            None,
            sweep_note,
        ),
        timing_row(
            "batiments:leak",
            "Piège de la fuite (module 09) : les 128 modèles",
            leak_seconds,
            None,
            leak_note,
        ),
    ]


def measure_batiments(context: BenchContext) -> list[Row]:
    """Precompute times, then median and p95 latency of the three widgets of module 09."""
    if not context.selected(MODULE):
        return []
    from widgets.batiments.leak import FEATURES, LeakExperiment
    from widgets.batiments.sweep import complexity_sweep
    from widgets.batiments.table import load_buildings
    from widgets.batiments.views.complexity_slider import ComplexitySlider
    from widgets.batiments.views.error_reader import ErrorReader
    from widgets.batiments.views.leak_trap import LeakTrap

    rows = [setup_cell_row(MODULE, context), *precompute_rows(context)]
    slider = ComplexitySlider(complexity_sweep(), 1)
    moves = [lambda d=d: setattr(slider.slider, "value", d) for d in degree_positions()]
    rows += latency_rows(
        "batiments:slider",
        "Curseur de complexité (module 09), à chaque mouvement",
        times_ms(moves),
        "mouvements",
    )
    trap = LeakTrap(LeakExperiment(load_buildings()))  # a fresh experiment: nothing fitted yet
    boxes = [trap.boxes[column] for column in FEATURES]

    def toggle(step: int) -> Callable[[], None]:
        box = boxes[(step * 3) % len(boxes)]  # visits many subsets, some for the first time
        return lambda: setattr(box, "value", not box.value)

    rows += latency_rows(
        "batiments:leak-trap",
        "Piège de la fuite (module 09), à chaque case cochée ou décochée",
        times_ms([toggle(step) for step in range(MOVES)]),
        "mouvements",
        "modèle ajusté à la première visite de chaque combinaison de colonnes",
    )
    reader = ErrorReader(load_buildings(), 15_000.0)
    values = [lambda v=v: setattr(reader.error_box, "value", v) for v in _error_values()]
    rows += latency_rows(
        "batiments:reader",
        "Lecture de l'erreur (module 09), à chaque nombre tapé",
        times_ms(values),
        "mouvements",
    )
    return rows


def _error_values() -> list[float]:
    return [1_000.0 + 500.0 * step for step in range(MOVES)]
