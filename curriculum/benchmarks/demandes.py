"""Module 08: training time of the request classifier, and how fast its two widgets answer.

Training is timed on the shipped CSV already in memory (split, fit, evaluation
on the 400 test messages). « Essayez votre message » is built once, then 100
different messages (the test messages, in turn) are typed and sorted, exactly
as a click does in a kernel: prediction, bars redrawn over their saved
background, PNG, HTML. The confusion matrix is built once, then its menu is
moved 100 times, each time to another service.
"""

from __future__ import annotations

import statistics

from curriculum.benchmarks.core import BenchContext, Row, timing_row
from curriculum.benchmarks.latency import latency_rows, times_ms
from curriculum.benchmarks.notebooks import setup_cell_row

MODULE = "08-trier-les-demandes"
UPDATES = 100
TRAINING_BUDGET_SECONDS = 2.0


def training_row(context: BenchContext) -> Row:
    from widgets.demandes.model import load_requests, train_model

    requests = load_requests()
    models = [train_model(requests) for _ in range(context.repeats)]
    evaluation = models[0].evaluation
    return timing_row(
        "demandes:training",
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
    from widgets.demandes.model import trained_model
    from widgets.demandes.views.try_message import TryMessageView

    model = trained_model()
    view = TryMessageView(model)
    messages = [request.message for request in model.evaluation.test_requests]

    rows = latency_rows(
        "demandes:try",
        "Essayez votre message (module 08), à chaque message trié",
        times_ms(
            lambda message=message: type_and_sort(view, message)
            for message in (messages * 2)[:UPDATES]
        ),
    )
    huge = "Le lampadaire de la rue Pasteur est éteint. " * 24_000
    rows.append(
        Row(
            "demandes:try-1mb",
            "Essayez votre message (module 08), message de 1 Mo",
            statistics.median(times_ms([lambda: type_and_sort(view, huge)] * 5)),
            "ms",
            None,
            "pour information : médiane sur 5 essais ; le modèle ne lit que les 5 000 premiers "
            "caractères",
        )
    )
    return rows


def matrix_rows() -> list[Row]:
    from widgets.demandes.model import trained_model
    from widgets.demandes.views.matrix import ConfusionMatrixView

    view = ConfusionMatrixView(trained_model().evaluation)
    options = list(view.menu.options)

    def choose(step: int) -> None:
        view.menu.value = options[(step + 1) % len(options)]

    return latency_rows(
        "demandes:matrix",
        "Matrice de confusion (module 08), à chaque service mis en évidence",
        times_ms(lambda step=step: choose(step) for step in range(UPDATES)),
    )


def measure_demandes(context: BenchContext) -> list[Row]:
    """Training time, then median and p95 latency of the two widgets of module 08."""
    if not context.selected(MODULE):
        return []
    return [
        setup_cell_row(MODULE, context),
        training_row(context),
        *try_message_rows(),
        *matrix_rows(),
    ]
