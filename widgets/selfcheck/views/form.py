"""The click form that stands for an answer cell in the no-code view.

It shows the control that suits the exercise (choice buttons, a number
field, a text area), a « Vérifier ma réponse » button, the same French
verdict as the check cell and the same hints and solution. The learner's
input stays in the form after each check: nothing typed is lost.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.selfcheck.exercises import Exercise, MultipleChoice
from widgets.selfcheck.form_answers import FormKind, choice_labels, form_kind, judge_form_answer
from widgets.selfcheck.html import feedback_html
from widgets.viewkit.controls import LABEL_STYLE

_WIDE = "min(640px, 100%)"


class AnswerForm:
    """One exercise's form; `widget` is what the view displays."""

    def __init__(self, exercise: Exercise, help_panel: ipw.Widget) -> None:
        self.exercise = exercise
        self.field = _answer_field(exercise)
        self.button = ipw.Button(
            description="Vérifier ma réponse",
            tooltip="Vérifier la réponse écrite ou choisie ci-dessus",
            button_style="primary",
            layout=ipw.Layout(width="auto", align_self="flex-start"),
        )
        self.verdict = ipw.HTML()
        self.button.on_click(lambda _: self.check())
        self.widget = ipw.VBox(
            [self.field, self.button, self.verdict, help_panel],
            layout=ipw.Layout(margin="0.5em 0"),
        )

    def check(self) -> None:
        self.verdict.value = feedback_html(judge_form_answer(self.exercise, self.field.value))


def _answer_field(exercise: Exercise) -> ipw.ValueWidget:
    kind = form_kind(exercise)
    if kind is FormKind.CHOICE:
        assert isinstance(exercise, MultipleChoice)
        return ipw.RadioButtons(
            options=choice_labels(exercise),
            value=None,
            description="Votre choix :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width=_WIDE),
        )
    if kind is FormKind.NUMBER:
        return ipw.Text(
            value="",
            placeholder="un nombre, par exemple 12 ou 0,5",
            description="Votre nombre :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="360px"),
        )
    return ipw.Textarea(
        value="",
        placeholder="Écrivez votre réponse ici.",
        description="Votre réponse :",
        rows=4,
        style=LABEL_STYLE,
        layout=ipw.Layout(width=_WIDE),
    )
