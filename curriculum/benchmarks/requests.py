"""Module 08: training time of the request classifier, and how fast its two widgets answer.

Training is timed on the shipped CSV already in memory (split, fit, evaluation
on the 400 test messages). « Essayez votre message » is built once, then 100
different messages (the test messages, in turn) are typed and sorted, exactly
as a click does in a kernel: prediction, bars redrawn over their saved
background, PNG, HTML. The confusion matrix is built once, then its menu is
moved 100 times, each time to another service.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence

from curriculum.benchmarks.core import BenchContext, Row, timing_row

MODULE = "08-trier-les-demandes"
UPDATES = 100
BUDGET_MS = 30.0
TRAINING_BUDGET_SECONDS = 2.0


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 100 samples is the 95th smallest)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def update_times_ms(update: Callable[[int], None], count: int = UPDATES) -> list[float]:
    times = []
    for step in range(count):
        start = time.perf_counter()
        update(step)
        times.append((time.perf_counter() - start) * 1000)
    return times


def latency_rows(key: str, name: str, times: list[float], note: str = "") -> list[Row]:
    median, p95 = statistics.median(times), percentile(times, 0.95)
    spread = f"sur {len(times)} mises à jour ; max {max(times):.1f} ms".replace(".", ",")
    note = f"{spread} ; {note}" if note else spread
    return [
        Row(f"{key}:median", f"{name}, médiane", median, "ms", BUDGET_MS, note, tuple(times)),
        Row(f"{key}:p95", f"{name}, 95e centile", p95, "ms", BUDGET_MS, note),
    ]


def training_row(context: BenchContext) -> Row:
    from widgets.ml.requests_engine import load_requests, train_model

    requests = load_requests()
    models = [train_model(requests) for _ in range(context.repeats)]
    evaluation = models[0].evaluation
    return timing_row(
        "requests:training",
        "Tri des demandes (module 08) : entraînement du modèle",
        [model.train_seconds for model in models],
        TRAINING_BUDGET_SECONDS,
        (
            f"1 600 messages ; exactitude {evaluation.accuracy:.3f}, macro-F1 "
            f"{evaluation.macro_f1:.3f} sur 400 messages de test"
        ).replace(".", ","),
    )


def type_and_sort(view, text: str) -> None:
    """What a learner does: write in the box, click « Trier ce message »."""
    view.text.value = text
    view.button.click()


def try_message_rows() -> list[Row]:
    from widgets.ml.requests_engine import trained_model
    from widgets.ml.requests_try_view import TryMessageView

    model = trained_model()
    view = TryMessageView(model)
    messages = [request.message for request in model.evaluation.test_requests]

    rows = latency_rows(
        "requests:try",
        "Essayez votre message (module 08), à chaque message trié",
        update_times_ms(lambda step: type_and_sort(view, messages[step % len(messages)])),
    )
    huge = "Le lampadaire de la rue Pasteur est éteint. " * 24_000
    rows.append(
        Row(
            "requests:try-1mb",
            "Essayez votre message (module 08), message de 1 Mo",
            statistics.median(update_times_ms(lambda _: type_and_sort(view, huge), count=5)),
            "ms",
            None,
            "pour information : médiane sur 5 essais ; le modèle ne lit que les 5 000 premiers "
            "caractères",
        )
    )
    return rows


def matrix_rows() -> list[Row]:
    from widgets.ml.requests_engine import trained_model
    from widgets.ml.requests_matrix_view import ConfusionMatrixView

    view = ConfusionMatrixView(trained_model().evaluation)
    options = list(view.menu.options)

    def choose(step: int) -> None:
        view.menu.value = options[(step + 1) % len(options)]

    return latency_rows(
        "requests:matrix",
        "Matrice de confusion (module 08), à chaque service mis en évidence",
        update_times_ms(choose),
    )


def measure_requests(context: BenchContext) -> list[Row]:
    """Training time, then median and p95 latency of the two widgets of module 08."""
    if not context.selected(MODULE):
        return []
    return [training_row(context), *try_message_rows(), *matrix_rows()]
