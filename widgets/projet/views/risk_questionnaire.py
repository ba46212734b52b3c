"""Module 11 view: the risk questionnaire, whose verdict follows every answer.

One group of radio buttons per question; a question that does not apply (who
reviews a text when nothing is published) is hidden. The verdict (level,
Annex III point, reasons, duties, dates, doubts, facts) is rewritten at each
click; `assessment` holds the last one, or None while answers are missing.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.projet.html import RISK_LABELS, assessment_html, message_html
from widgets.projet.projects import PROJECTS, PROJECTS_BY_ID
from widgets.projet.questionnaire import MESSAGES, QUESTIONS, is_asked, missing_questions
from widgets.projet.risk import RiskAssessment, classify
from widgets.text import printable
from widgets.viewkit.controls import LABEL_STYLE, fitted

NO_EXAMPLE = ""


class RiskQuestionnaire:
    """Radio buttons per question, an example picker, and the live verdict under them."""

    def __init__(self, answers: Mapping[str, str] | None = None) -> None:
        self._quiet = True
        self.assessment: RiskAssessment | None = None
        self.radios: dict[str, ipw.RadioButtons] = {}
        self.blocks: dict[str, ipw.VBox] = {}
        for number, question in enumerate(QUESTIONS, start=1):
            radio = ipw.RadioButtons(
                options=[(option.label, option.value) for option in question.options],
                value=None,
                description=f"Question {number}",
                tooltip=question.text,
                style=LABEL_STYLE,
                layout=ipw.Layout(width="auto"),
            )
            radio.observe(lambda _change: self.refresh(), names="value")
            self.radios[question.id] = radio
            heading = ipw.HTML(f"<strong>{number}. {printable(question.text)}</strong>")
            self.blocks[question.id] = ipw.VBox([heading, radio])
        self.example = ipw.Dropdown(
            options=[("(aucun)", NO_EXAMPLE)]
            + [(project.title, project.id) for project in PROJECTS],
            value=NO_EXAMPLE,
            description="Partir d'un projet de Clairval-sur-Ondine :",
            style=LABEL_STYLE,
            layout=fitted(),
        )
        self.example.observe(lambda change: self.load(change["new"]), names="value")
        self.verdict = ipw.HTML()
        self.widget = ipw.VBox([self.example, *self.blocks.values(), self.verdict])
        self.set_answers({} if answers is None else answers)

    @property
    def answers(self) -> dict[str, str]:
        """The answers given so far to the questions that apply."""
        given = {key: radio.value for key, radio in self.radios.items() if radio.value is not None}
        return {key: value for key, value in given.items() if self._asked(key, given)}

    def _asked(self, key: str, given: Mapping[str, str]) -> bool:
        return is_asked(next(question for question in QUESTIONS if question.id == key), given)

    def set_answers(self, answers: Mapping[str, str]) -> None:
        """Set several answers at once (unknown keys or values are ignored), then redraw once."""
        if not isinstance(answers, Mapping):
            raise AtelierError(MESSAGES["not_a_mapping"])
        self._quiet = True
        try:
            for key, radio in self.radios.items():
                value = answers.get(key)
                known = isinstance(value, str) and value in [option[1] for option in radio.options]
                radio.value = value if known else None
        finally:
            self._quiet = False
        self.refresh()

    def load(self, project_id: str) -> None:
        """Fill the questionnaire with the answers of one of Clairval's projects."""
        if project_id in PROJECTS_BY_ID:
            self.set_answers(PROJECTS_BY_ID[project_id].answers)

    def refresh(self) -> None:
        """Show the questions that apply and the verdict; never raises."""
        if self._quiet:
            return
        given = {key: radio.value for key, radio in self.radios.items() if radio.value is not None}
        for key, block in self.blocks.items():
            block.layout.display = None if self._asked(key, given) else "none"
        answers = self.answers
        missing = missing_questions(answers)
        if missing:
            self.assessment = None
            self.verdict.value = message_html(
                f"{RISK_LABELS['waiting']} {RISK_LABELS['missing'].format(count=len(missing))}"
            )
            return
        try:
            self.assessment = classify(answers)
        except AtelierError as error:
            self.assessment = None
            self.verdict.value = message_html(error.message)
            return
        self.verdict.value = assessment_html(self.assessment)
