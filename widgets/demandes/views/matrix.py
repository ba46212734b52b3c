"""The confusion matrix as a heat map with its counts, and a menu to highlight one service.

The figure is drawn once; choosing a service moves two frames (its row, solid;
its column, dashed) and writes its names in bold over the axis labels. Only
those four artists are redrawn (see `widgets.viewkit.figure`): the 81 numbers stay
as pixels.
Beside it, the precision and recall of every service, and two sentences
reading the chosen service's row and column.
"""

from __future__ import annotations

import ipywidgets as ipw
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from widgets.demandes.html import matrix_reading, scores_table
from widgets.demandes.model import Evaluation, TrainedModel
from widgets.palette import OKABE_ITO
from widgets.viewkit.controls import LABEL_STYLE
from widgets.viewkit.figure import LiveFigure

NO_SERVICE = "(aucun)"
_FRAME_COLOUR = OKABE_ITO[1]


class ConfusionMatrixView:
    """The heat map, the service menu, the sentences and the table, wired together."""

    def __init__(self, evaluation: Evaluation) -> None:
        self.evaluation = evaluation
        self.figure = LiveFigure(
            caption=(
                "Chaque case compte des messages de test : la ligne donne le service réel, "
                "la colonne le service prédit par le modèle. La diagonale (de haut à gauche "
                "à bas à droite) compte les messages bien triés ; tout le reste, des erreurs."
            ),
            width=7.4,
            height=6.2,
        )
        self._draw()
        self.figure.animate(self.row_frame, self.column_frame, self.row_name, self.column_name)
        self.menu = ipw.Dropdown(
            options=[NO_SERVICE, *evaluation.services],
            value=NO_SERVICE,
            description="Mettre en évidence le service",
            tooltip="Encadrer la ligne et la colonne d'un service dans la matrice",
            style=LABEL_STYLE,
        )
        self.sentence = ipw.HTML()
        self.table = ipw.HTML()
        self.menu.observe(lambda change: self.highlight(change["new"]), names="value")
        self.highlight(NO_SERVICE)
        self.widget = ipw.VBox([self.menu, self.figure.widget, self.sentence, self.table])

    def _draw(self) -> None:
        matrix = self.evaluation.matrix
        names = list(self.evaluation.services)
        size = len(names)
        ax = self.figure.ax
        ax.imshow(matrix, cmap="Blues", vmin=0, vmax=max(int(matrix.max()), 1))
        threshold = matrix.max() / 2
        for i in range(size):
            for j in range(size):
                ax.text(
                    j,
                    i,
                    str(int(matrix[i, j])),
                    ha="center",
                    va="center",
                    fontsize=9,
                    color="white" if matrix[i, j] > threshold else "black",
                    fontweight="bold" if i == j else "normal",
                )
        ax.set_xticks(range(size), names, rotation=40, ha="right")
        ax.set_yticks(range(size), names)
        ax.set_xlabel("Service prédit")
        ax.set_ylabel("Service réel")
        self.row_frame = Rectangle(
            (-0.5, -0.5), size, 1, fill=False, edgecolor=_FRAME_COLOUR, linewidth=2.5
        )
        self.column_frame = Rectangle(
            (-0.5, -0.5),
            1,
            size,
            fill=False,
            edgecolor=_FRAME_COLOUR,
            linewidth=2.5,
            linestyle="--",
        )
        ax.add_patch(self.row_frame)
        ax.add_patch(self.column_frame)
        ax.set_xlim(-0.5, size - 0.5)
        ax.set_ylim(size - 0.5, -0.5)
        self.figure.png()  # places the tick labels, so that the bold names can cover them
        self.row_name = self._bold_copy(ax.get_yticklabels()[0])
        self.column_name = self._bold_copy(ax.get_xticklabels()[0])

    def _bold_copy(self, label: Text) -> Text:
        """A bold twin of a tick label, on a white box that hides the normal one."""
        return self.figure.ax.text(
            *label.get_position(),
            label.get_text(),
            transform=label.get_transform(),
            ha=label.get_horizontalalignment(),
            va=label.get_verticalalignment(),
            rotation=label.get_rotation(),
            rotation_mode=label.get_rotation_mode(),
            fontsize=label.get_fontsize(),
            fontweight="bold",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
            clip_on=False,
        )

    def _move_name(self, twin: Text, label: Text, visible: bool) -> None:
        twin.set_position(label.get_position())
        twin.set_text(label.get_text())
        twin.set_visible(visible)

    def highlight(self, service: str) -> None:
        """Frame the row and column of `service` (or nothing), then redraw in place."""
        chosen = service in self.evaluation.services
        index = self.evaluation.services.index(service) if chosen else 0
        self.row_frame.set_y(index - 0.5)
        self.column_frame.set_x(index - 0.5)
        self.row_frame.set_visible(chosen)
        self.column_frame.set_visible(chosen)
        ax = self.figure.ax
        self._move_name(self.row_name, ax.get_yticklabels()[index], chosen)
        self._move_name(self.column_name, ax.get_xticklabels()[index], chosen)
        self.figure.refresh()
        self.sentence.value = matrix_reading(self.evaluation, service if chosen else None)
        self.table.value = scores_table(self.evaluation, service if chosen else None)


def confusion_matrix_widget(model: TrainedModel) -> ipw.VBox:
    return ConfusionMatrixView(model.evaluation).widget
