"""« Essayez votre message » : the predicted service, its probabilities and the words that weighed.

The probability chart is drawn once with one bar per service; each message
only changes the bars' lengths, the written percentages and which bar is
hatched (the chosen service). Only the bars and their texts are redrawn
(see `widgets.viewkit.figure`).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.demandes.html import (
    highlighted_message,
    unknown_words_line,
    verdict_html,
    words_table,
)
from widgets.demandes.model import TrainedModel
from widgets.demandes.predict import Prediction, predict_message
from widgets.french import format_percent
from widgets.palette import OKABE_ITO
from widgets.viewkit.controls import LABEL_STYLE, fitted
from widgets.viewkit.figure import LiveFigure

EXAMPLE_MESSAGE = "Bonjour, le lampadaire devant le 12 rue Pasteur clignote depuis une semaine."
_PLAIN, _CHOSEN = OKABE_ITO[0], OKABE_ITO[1]


class ProbabilityChart:
    """Horizontal bars, one per service, updated in place."""

    def __init__(self, services: tuple[str, ...]) -> None:
        self.services = services
        self.figure = LiveFigure(
            caption=(
                "Probabilité que le modèle donne à chaque service pour ce message, en "
                "pourcentage. La barre hachurée, marquée « ◀ choisi », est le service retenu."
            ),
            width=6.8,
            height=3.4,
        )
        ax = self.figure.ax
        positions = range(len(services))
        self.bars = ax.barh(positions, [0.0] * len(services), color=_PLAIN, edgecolor="black")
        self.labels = [ax.text(1, position, "", va="center", fontsize=9) for position in positions]
        ax.set_yticks(list(positions), list(services))
        ax.invert_yaxis()
        ax.set_xlim(0, 140)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_xlabel("Probabilité (%)")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        self.figure.animate(*self.bars, *self.labels)

    def show(self, prediction: Prediction) -> None:
        shares = dict(prediction.probabilities)
        for index, service in enumerate(self.services):
            share = shares.get(service, 0.0)
            value = 100 * share
            chosen = service == prediction.service
            bar = self.bars[index]
            bar.set_width(value)
            bar.set_facecolor(_CHOSEN if chosen else _PLAIN)
            bar.set_hatch("//" if chosen else "")
            text = self.labels[index]
            written = format_percent(share) if prediction.probabilities else "—"
            text.set_text(written + ("  ◀ choisi" if chosen else ""))
            text.set_x(value + 1.5)
            text.set_fontweight("bold" if chosen else "normal")
        self.figure.refresh()


class TryMessageView:
    """A text box, a button, and everything the model says about the message."""

    def __init__(self, model: TrainedModel, message: str = EXAMPLE_MESSAGE) -> None:
        self.model = model
        self.text = ipw.Textarea(
            value=message,
            placeholder="Écrivez ici un message d'habitant, comme vous le recevriez en mairie.",
            description="Votre message",
            tooltip="Le message à trier : quelques mots ou quelques phrases",
            rows=3,
            style=LABEL_STYLE,
            layout=ipw.Layout(width="95%"),
        )
        self.button = ipw.Button(
            description="Trier ce message",
            tooltip="Demander au modèle à quel service envoyer ce message",
            button_style="primary",
            layout=fitted(),
        )
        self.verdict = ipw.HTML()
        self.chart = ProbabilityChart(model.services)
        self.explanation = ipw.HTML()
        self.button.on_click(lambda _: self.update())
        self.update()
        self.widget = ipw.VBox(
            [self.text, self.button, self.verdict, self.chart.figure.widget, self.explanation]
        )

    def update(self) -> Prediction:
        prediction = predict_message(self.text.value, self.model)
        self.verdict.value = verdict_html(prediction)
        self.chart.show(prediction)
        self.explanation.value = (
            highlighted_message(prediction)
            + words_table(prediction)
            + unknown_words_line(prediction)
        )
        return prediction


def try_message_widget(model: TrainedModel, message: str = EXAMPLE_MESSAGE) -> ipw.VBox:
    return TryMessageView(model, message).widget
