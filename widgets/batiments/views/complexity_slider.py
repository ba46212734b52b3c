"""The complexity slider: error curves and the fitted curve, redrawn in place.

Everything is fitted once (see `widgets.batiments.sweep`); moving the slider
only moves a vertical line and two highlighted points, swaps the data of the
fitted curve, and rewrites the text under the figure. Only those artists are
redrawn (see `widgets.viewkit.figure`).
"""

from __future__ import annotations

import ipywidgets as ipw
import numpy as np
from matplotlib.axes import Axes

from widgets.batiments.html import alert_html, sweep_summary_html
from widgets.batiments.sweep import (
    MAX_DEGREE,
    MIN_DEGREE,
    ComplexitySweep,
    complexity_sweep,
    read_degree,
)
from widgets.errors import AtelierError
from widgets.palette import OKABE_ITO
from widgets.viewkit.controls import LABEL_STYLE
from widgets.viewkit.figure import LiveFigure

THOUSAND = 1000.0
CAPTION = (
    "À gauche, l'erreur moyenne pour chaque degré, sur les écoles d'entraînement (trait plein, "
    "ronds) et sur les écoles de test (tirets, carrés ; triangles en haut quand elle sort du "
    "cadre). À droite, la courbe du modèle au degré choisi, parmi les écoles d'entraînement "
    "(ronds pleins) et de test (triangles creux)."
)
BLUE, VERMILION, BLACK = OKABE_ITO[0], OKABE_ITO[1], OKABE_ITO[7]


def draw_schools(ax: Axes, sweep: ComplexitySweep, test_size: float, train_size: float) -> None:
    """The test schools as hollow triangles, the training schools as filled circles."""
    ax.scatter(
        sweep.test_surface,
        sweep.test_kwh / THOUSAND,
        marker="^",
        s=test_size,
        facecolors="none",
        edgecolors=VERMILION,
        label="Écoles de test",
    )
    ax.scatter(
        sweep.train_surface,
        sweep.train_kwh / THOUSAND,
        marker="o",
        s=train_size,
        color=BLUE,
        edgecolors=BLACK,
        label="Écoles d'entraînement",
    )


class ComplexitySlider:
    """The slider, its two-panel figure and its text, wired together."""

    def __init__(self, sweep: ComplexitySweep, start_degree: int) -> None:
        self.sweep = sweep
        self.error_cap = sweep.mean_kwh  # errors above the average use are drawn off the frame
        all_kwh = np.concatenate([sweep.train_kwh, sweep.test_kwh])
        self.top_kwh = float(all_kwh.max()) * 1.08
        self.slider = ipw.IntSlider(
            value=start_degree,
            min=MIN_DEGREE,
            max=MAX_DEGREE,
            step=1,
            description="Degré du polynôme (complexité)",
            tooltip="Degré de la courbe : 0 pour une ligne plate, 1 pour une droite, "
            "chaque degré de plus permet un virage de plus",
            continuous_update=True,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="460px"),
        )
        self.figure = LiveFigure(CAPTION, width=10.0, height=3.8, dpi=80, ncols=2)
        self.summary = ipw.HTML()
        self._draw_static()
        self.show(start_degree)
        self.slider.observe(lambda change: self.show(change["new"]), names="value")
        self.widget = ipw.VBox([self.slider, self.figure.widget, self.summary])

    def _draw_static(self) -> None:
        sweep, cap = self.sweep, self.error_cap / THOUSAND
        degrees = np.array(sweep.degrees)
        train, test = sweep.train_errors / THOUSAND, sweep.test_errors / THOUSAND
        errors_ax, curve_ax = self.figure.axes
        errors_ax.plot(degrees, train, "-o", color=BLUE, label="Entraînement (20 écoles)")
        errors_ax.plot(
            degrees, np.minimum(test, cap), "--s", color=VERMILION, label="Test (autres écoles)"
        )
        off = test > cap
        errors_ax.plot(
            degrees[off],
            np.full(off.sum(), cap * 0.97),
            "^",
            color=VERMILION,
            markersize=9,
            label="Test hors cadre (au-dessus)",
        )
        self.marker_line = errors_ax.axvline(
            0, color=BLACK, linestyle=":", linewidth=1.5, label="Degré choisi"
        )
        (self.current_points,) = errors_ax.plot(
            [], [], "o", markersize=11, markerfacecolor="none", markeredgecolor=BLACK
        )
        errors_ax.set_xlim(MIN_DEGREE - 0.5, MAX_DEGREE + 0.5)
        errors_ax.set_ylim(0, cap)
        errors_ax.set_xlabel("Degré du polynôme (complexité)")
        errors_ax.set_ylabel("Erreur moyenne\n(milliers de kWh par an)")
        errors_ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2, fontsize="small")

        draw_schools(curve_ax, sweep, test_size=18, train_size=42)
        (self.curve,) = curve_ax.plot([], [], "-", color=BLACK, linewidth=2, label="Modèle")
        curve_ax.set_xlim(sweep.grid_surface[0], sweep.grid_surface[-1])
        curve_ax.set_ylim(0, self.top_kwh / THOUSAND)
        curve_ax.set_xlabel("Surface de l'école (m²)")
        curve_ax.set_ylabel("Consommation\n(milliers de kWh par an)")
        curve_ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=3, fontsize="small")
        self.figure.animate(self.marker_line, self.current_points, self.curve)

    def show(self, degree: object) -> None:
        """Redraw for a degree; a bad value leaves the figure and shows a French message."""
        try:
            chosen = read_degree(degree)
        except AtelierError as error:
            self.summary.value = alert_html(error.message)
            return
        point = self.sweep.at(chosen)
        cap = self.error_cap / THOUSAND
        self.marker_line.set_xdata([chosen, chosen])
        self.current_points.set_data(
            [chosen, chosen], [point.train_mae / THOUSAND, min(point.test_mae / THOUSAND, cap)]
        )
        self.curve.set_data(self.sweep.grid_surface, point.curve_kwh / THOUSAND)
        self.figure.refresh()
        self.summary.value = sweep_summary_html(self.sweep, chosen, self.top_kwh)


def complexity_slider(start_degree: object = 1) -> ipw.VBox:
    """The slider widget; a French AtelierError if the starting degree is not valid."""
    return ComplexitySlider(complexity_sweep(), read_degree(start_degree)).widget
