"""Overfitting in one picture: too simple, balanced, too close to the examples.

Three panels drawn once from the precomputed sweep: a flat line (degree 0),
the degree with the lowest test error, and a high degree whose curve goes
through the training schools and misses the others.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.batiments.sweep import OVERFIT_EXAMPLE, ComplexitySweep, complexity_sweep
from widgets.batiments.views.complexity_slider import BLACK, THOUSAND, draw_schools
from widgets.french import format_number
from widgets.viewkit.figure import LiveFigure

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
        draw_schools(ax, sweep, test_size=12, train_size=30)
        ax.plot(
            sweep.grid_surface,
            sweep.at(degree).curve_kwh / THOUSAND,
            "-",
            color=BLACK,
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
