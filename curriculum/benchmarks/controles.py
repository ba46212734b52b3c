"""Module 10: training time of the score models, and how fast each threshold slider answers.

Training is timed from the shipped CSV already in memory: the lesson's model
(`build_study`), then the two other versions and the nationality guesser of
the proxy demonstration. Each widget is built once, then its slider is moved
100 times (0.20 up to 0.80, then down, in steps of 0.01), exactly as a
learner's drag does in a kernel: the observer recomputes the report, updates
the artists in place, re-renders the PNG and rewrites the HTML.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

from curriculum.benchmarks.core import BenchContext, Row, timing_row
from curriculum.benchmarks.latency import latency_rows, percentile
from curriculum.benchmarks.notebooks import setup_cell_row

MODULE = "10-scores-et-equite"
MOVES = 100


def slider_positions(count: int = MOVES) -> list[float]:
    """`count` thresholds, each different from the one before: 0.20 up to 0.80, then down."""
    up = [round(0.20 + 0.01 * step, 2) for step in range(61)]
    down = [round(0.79 - 0.01 * step, 2) for step in range(61)]
    return (up + down)[:count]


def move_times_ms(move: Callable[[float], None]) -> tuple[list[float], list[float]]:
    """Wall-clock and processor milliseconds of each slider move."""
    wall, cpu = [], []
    for value in slider_positions():
        start_wall, start_cpu = time.perf_counter(), time.process_time()
        move(value)
        wall.append((time.perf_counter() - start_wall) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def slider_rows(key: str, name: str, slider) -> list[Row]:
    """Wall-clock latency rows, with processor time in the note (the machine may be busy)."""
    slider.value = 0.5
    wall, cpu = move_times_ms(lambda value: setattr(slider, "value", value))
    note = (
        f"temps processeur : médiane {statistics.median(cpu):.1f} ms, "
        f"95e centile {percentile(cpu, 0.95):.1f} ms"
    ).replace(".", ",")
    return latency_rows(key, name, wall, "mouvements", note)


def training_rows(context: BenchContext) -> list[Row]:
    from widgets.controles import dataset
    from widgets.controles.proxies import build_proxy_study
    from widgets.controles.study import build_study

    columns = dataset.load()
    studies = [build_study(columns) for _ in range(context.repeats)]
    proxy_seconds = []
    for study in studies:
        start = time.perf_counter()
        build_proxy_study(study)
        proxy_seconds.append(time.perf_counter() - start)
    auc = studies[0].auc
    return [
        timing_row(
            "controles:training",
            "Score de contrôle (module 10) : entraînement du modèle",
            [study.training_seconds for study in studies],
            None,
            f"pour information ; 4 800 foyers ; ROC AUC {auc:.3f} sur 3 200 foyers".replace(
                ".", ","
            ),
        ),
        timing_row(
            "controles:proxy-study",
            "Score de contrôle (module 10) : deux autres versions et devine-nationalité",
            proxy_seconds,
            None,
            "pour information : calculé une fois, au premier affichage de la démonstration",
        ),
    ]


def measure_controles(context: BenchContext) -> list[Row]:
    """Training times, then median and p95 latency of the three threshold sliders."""
    if not context.selected(MODULE):
        return []
    from widgets.controles.proxies import default_proxy_study
    from widgets.controles.study import default_study
    from widgets.controles.views.distributions import ScoreDistributions
    from widgets.controles.views.matrices import ThresholdExplorer
    from widgets.controles.views.proxies import ProxyDemo

    rows = [setup_cell_row(MODULE, context), *training_rows(context)]
    table = default_study().table
    widgets = (
        ("explorer", "Matrices de confusion par groupe (module 10)", ThresholdExplorer(table)),
        ("distributions", "Répartition des scores (module 10)", ScoreDistributions(table)),
        ("proxies", "Avec ou sans la nationalité (module 10)", ProxyDemo(default_proxy_study())),
    )
    for key, name, view in widgets:
        rows += slider_rows(f"controles:{key}", f"{name}, à chaque mouvement du seuil", view.slider)
    return rows
