"""The leakage trap: tick the columns given to the model, read its two errors.

All boxes start ticked, as a hurried analyst would do: the error on the test
buildings is then suspiciously low. Unticking a box asks the engine for that
subset of columns (fitted at most once, see `overfitting_leak`).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.ml.overfitting_leak import FEATURES, LeakExperiment, LeakResult, leak_experiment

BAR_COLOURS = {True: "#D55E00", False: "#0072B2"}  # Okabe-Ito vermilion (suspect), blue


def _kwh(value: float) -> str:
    return f"{format_number(value)} kWh par an"


def result_html(experiment: LeakExperiment, result: LeakResult) -> str:
    baseline = experiment.result(())
    width = min(result.test_mae / baseline.test_mae, 1.0) * 100
    names = ", ".join(FEATURES[column] for column in result.columns) or "aucune"
    symbol = "⚠ " if result.suspicious else ""
    return (
        '<div aria-live="polite" style="line-height:1.6">'
        f"Colonnes utilisées : {names}<br>"
        f"Erreur moyenne sur les {experiment.train_count} bâtiments d'entraînement : "
        f"<strong>{_kwh(result.train_mae)}</strong><br>"
        f"Erreur moyenne sur les {experiment.test_count} bâtiments de test : "
        f"<strong>{_kwh(result.test_mae)}</strong>, soit "
        f"<strong>{format_number(result.test_share * 100, 1)} %</strong> de leur consommation "
        "moyenne<br>"
        f'<div role="img" aria-label="Erreur de test : {round(width)} % de celle du modèle '
        'sans aucune colonne" style="width:320px;height:14px;border:1px solid #333;'
        f'margin:4px 0"><div style="width:{width:.1f}%;height:100%;'
        f'background:{BAR_COLOURS[result.suspicious]}"></div></div>'
        "<span style=\"font-size:90%\">La barre compare l'erreur de test à celle d'un modèle "
        "sans aucune colonne (barre pleine).</span><br>"
        f"{symbol}{result.verdict()}</div>"
    )


def error_message_html(message: str) -> str:
    return f'<div role="alert">⚠ {message}</div>'


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
                style={"description_width": "initial"},
                layout=ipw.Layout(width="auto"),
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
        try:
            result = self.experiment.result(columns)
        except AtelierError as error:
            self.summary.value = error_message_html(error.message)
            return
        self.summary.value = result_html(self.experiment, result)


def leak_trap() -> ipw.VBox:
    return LeakTrap(leak_experiment()).widget
