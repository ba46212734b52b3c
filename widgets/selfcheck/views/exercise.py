"""Exercises inside a notebook: show the verdict, offer hints, fail for nbgrader.

A check cell calls `exercise.check(answer)`. In the learner's own session it
shows the French verdict and buttons for hints and the solution, and nothing
else: a not-yet-right answer is not a crash. While nbgrader validates or
grades (it sets NBGRADER_EXECUTION), a verdict other than « Bonne réponse »
raises `AnswerNotAccepted`, shown as one French sentence (see
`french_errors`), so that nbgrader scores the cell as failed; an untouched
placeholder fails there too. When the answer cell's last run failed, the
variable holds an older answer or none: the verdict says so and never
judges that value. In the no-code view (Voilà), where code cells are hidden,
the check cell shows a click form that calls the same checker.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping

import ipywidgets as ipw
from IPython.display import display

from widgets import french_errors
from widgets.errors import AnswerNotAccepted
from widgets.selfcheck.answer_runs import ANSWER_RUNS
from widgets.selfcheck.exercises import Exercise, ReflectiveQuestion
from widgets.selfcheck.feedback import Feedback, State, unread
from widgets.selfcheck.html import feedback_html, feedback_text, note_html
from widgets.selfcheck.views.form import AnswerForm
from widgets.viewkit.controls import LABEL_STYLE, fitted
from widgets.viewkit.presenting import in_no_code_view


def wide() -> ipw.Layout:
    """A button as wide as its French label, never cut (one layout per button)."""
    return fitted()


def grading() -> bool:
    """True while nbgrader validates or autogrades this notebook."""
    return bool(os.environ.get("NBGRADER_EXECUTION"))


class NotebookExercise:
    """The notebook face of an exercise: `check` for learners, `grade` for hidden tests."""

    def __init__(self, exercise: Exercise) -> None:
        self.exercise = exercise

    def verdict(self, answer: object) -> Feedback:
        """The learner's verdict on the answer just written, never on a stale one."""
        if ANSWER_RUNS.last_failed(self.exercise.variable):
            return unread()
        return self.exercise.evaluate(answer)

    def check(self, answer: object) -> None:
        if in_no_code_view() and not grading():
            display(AnswerForm(self.exercise, help_panel(self.exercise)).widget)
            return
        feedback = self.verdict(answer)
        if grading():
            if feedback.state is State.UNANSWERED:
                feedback = self.exercise.grade(answer)
            if feedback.is_correct:
                display({"text/plain": feedback_text(feedback)}, raw=True)
            self._fail_unless_correct(feedback)
            return
        display(
            {"text/html": feedback_html(feedback), "text/plain": feedback_text(feedback)},
            raw=True,
        )
        display(help_panel(self.exercise))

    def grade(self, answer: object) -> None:
        """The hidden tests' check: the same rules; raises unless correct."""
        feedback = self.verdict(answer)
        if feedback.state is not State.UNREAD:
            feedback = self.exercise.grade(answer)
        self._fail_unless_correct(feedback)

    def _fail_unless_correct(self, feedback: Feedback) -> None:
        if feedback.is_correct:
            return
        french_errors.install()
        raise AnswerNotAccepted(feedback_text(feedback))


class LazyNotebookExercise(NotebookExercise):
    """An exercise whose definition comes from a trained model: built on first use.

    `build()` returns the exercises of a module by name (cached by the caller), so that
    importing the lesson trains nothing and the setup cell stays short.
    """

    def __init__(self, build: Callable[[], Mapping[str, Exercise]], name: str) -> None:
        self._build = build
        self.name = name

    @property
    def exercise(self) -> Exercise:  # type: ignore[override]
        return self._build()[self.name]


def help_panel(exercise: Exercise) -> ipw.VBox:
    """Buttons that reveal the hints one by one, then the solution after a confirmation."""
    hints = exercise.hints
    shown = ipw.HTML()
    hint_button = ipw.Button(
        description=f"Indice 1 sur {len(hints)}",
        tooltip="Afficher un indice, du plus général au plus précis",
        layout=fitted(),
    )
    solution_button = ipw.Button(
        description="Voir la solution",
        tooltip="Afficher la solution commentée (après confirmation)",
        layout=fitted(),
    )
    state = {"hints": 0, "confirming": False}

    def reveal_hint(_: ipw.Button) -> None:
        count = state["hints"]
        if count >= len(hints):
            return
        shown.value += note_html(f"Indice {count + 1} :", hints[count])
        state["hints"] = count + 1
        if state["hints"] == len(hints):
            hint_button.description = "Tous les indices sont affichés"
            hint_button.disabled = True
        else:
            hint_button.description = f"Indice {state['hints'] + 1} sur {len(hints)}"

    def reveal_solution(_: ipw.Button) -> None:
        if not state["confirming"]:
            state["confirming"] = True
            solution_button.description = "Confirmer : afficher la solution"
            solution_button.button_style = "warning"
            shown.value += note_html(
                "Avant de regarder :",
                "chercher un peu, avec les indices, aide à retenir. "
                "Cliquez encore pour afficher la solution.",
            )
            return
        shown.value += note_html("Solution :", exercise.solution)
        solution_button.disabled = True
        solution_button.description = "Solution affichée"

    hint_button.on_click(reveal_hint)
    solution_button.on_click(reveal_solution)
    return ipw.VBox([ipw.HBox([hint_button, solution_button]), shown])


def reflection_panel(question: ReflectiveQuestion) -> ipw.VBox:
    """A button that shows a possible answer to a question that has no single right one."""
    shown = ipw.HTML()
    button = ipw.Button(
        description="Voir une réponse possible",
        tooltip="Afficher une réponse possible, après avoir écrit la vôtre",
        layout=fitted(),
    )

    def reveal(_: ipw.Button) -> None:
        shown.value = note_html("Une réponse possible :", question.model_answer)
        button.disabled = True

    button.on_click(reveal)
    if not in_no_code_view():
        return ipw.VBox([button, shown])
    own_answer = ipw.Textarea(
        placeholder="Écrivez votre réponse ici : elle reste sur cette page.",
        description="Votre réponse :",
        rows=4,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="min(640px, 100%)"),
    )
    return ipw.VBox([own_answer, button, shown])
