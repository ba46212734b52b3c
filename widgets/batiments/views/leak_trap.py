"""The leakage trap: tick the columns given to the model, read its two errors.

All boxes start ticked, as a hurried analyst would do: the error on the test
buildings is then suspiciously low. Unticking a box asks the engine for that
subset of columns (fitted at most once, see `widgets.batiments.leak`).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.batiments.html import alert_html, leak_result_html
from widgets.batiments.leak import FEATURES, LeakExperiment, leak_experiment
from widgets.errors import AtelierError
from widgets.viewkit.controls import LABEL_STYLE, fitted


class LeakTrap:
    """One checkbox per column, and the model's errors for the ticked ones."""

    def __init__(self, experiment: LeakExperiment) -> None:
        self.experiment = experiment
        self.boxes = {
            column: ipw.Checkbox(
                value=True,
                description=f"{label} – {column}",
                tooltip=f"Donner la colonne « {column} » au modèle",
                indent=False,
                style=LABEL_STYLE,
                layout=fitted(),
            )
            for column, label in FEATURES.items()
        }
        self.summary = ipw.HTML()
        for box in self.boxes.values():
            box.observe(lambda _change: self.show(self.ticked()), names="value")
        self.show(self.ticked())
        heading = ipw.HTML("<strong>Colonnes données au modèle :</strong>")
        self.widget = ipw.VBox([heading, *self.boxes.values(), self.summary])

    def ticked(self) -> list[str]:
        return [column for column, box in self.boxes.items() if box.value]

    def show(self, columns: object) -> None:
        """Show the errors for these columns, or a French message if the request is not valid."""
        experiment = self.experiment
        try:
            result = experiment.result(columns)
        except AtelierError as error:
            self.summary.value = alert_html(error.message)
            return
        self.summary.value = leak_result_html(
            result, experiment.result(()), experiment.train_count, experiment.test_count
        )


def leak_trap() -> ipw.VBox:
    return LeakTrap(leak_experiment()).widget
