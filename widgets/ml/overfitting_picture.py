"""Overfitting in one picture: too simple, balanced, too close to the examples.

Three panels drawn once from the precomputed sweep: a flat line (degree 0),
the degree with the lowest test error, and a high degree whose curve goes
through the training schools and misses the others.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_number
from widgets.ml.overfitting_sweep import OVERFIT_EXAMPLE, ComplexitySweep, complexity_sweep
from widgets.viewkit.figure import OKABE_ITO, LiveFigure

THOUSAND = 1000.0
CAPTION = (
    "Trois modèles appris sur les mêmes 20 écoles (ronds pleins) et jugés sur les autres "
    "(triangles creux) : trop simple à gauche, équilibré au milieu, trop collé aux exemples "
    "à droite. Le titre de chaque panneau donne son erreur moyenne sur les écoles de test."
)


def panel_title(sweep: ComplexitySweep, label: str, degree: int) -> str:
    test_error = sweep.at(degree).test_mae
    return f"{label} (degré {degree})\nerreur de test : {format_number(test_error)} kWh/an"


def picture_figure(sweep: ComplexitySweep) -> LiveFigure:
    """The three panels, rendered once (nothing moves in this figure)."""
    figure = LiveFigure(CAPTION, width=10.0, height=3.4, dpi=80, ncols=3)
    top = max(sweep.train_kwh.max(), sweep.test_kwh.max()) * 1.08 / THOUSAND
    panels = (
        ("Trop simple", 0),
        ("Équilibré", sweep.best_degree),
        ("Trop collé aux exemples", OVERFIT_EXAMPLE),
    )
    for ax, (label, degree) in zip(figure.axes, panels, strict=True):
        ax.scatter(
            sweep.test_surface,
            sweep.test_kwh / THOUSAND,
            marker="^",
            s=12,
            facecolors="none",
            edgecolors=OKABE_ITO[1],
            label="Écoles de test",
        )
        ax.scatter(
            sweep.train_surface,
            sweep.train_kwh / THOUSAND,
            marker="o",
            s=30,
            color=OKABE_ITO[0],
            edgecolors=OKABE_ITO[7],
            label="Écoles d'entraînement",
        )
        ax.plot(
            sweep.grid_surface,
            sweep.at(degree).curve_kwh / THOUSAND,
            "-",
            color=OKABE_ITO[7],
            linewidth=2,
            label="Modèle",
        )
        ax.set_xlim(sweep.grid_surface[0], sweep.grid_surface[-1])
        ax.set_ylim(0, top)
        ax.set_title(panel_title(sweep, label, degree), fontsize="medium")
        ax.set_xlabel("Surface (m²)")
    figure.axes[0].set_ylabel("Consommation\n(milliers de kWh par an)")
    figure.axes[0].legend(loc="upper left", fontsize="x-small")
    figure.refresh()
    return figure


def overfitting_picture() -> ipw.VBox:
    return picture_figure(complexity_sweep()).widget
