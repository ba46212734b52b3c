"""Turn what a graded kernel reported into points, with the course's own checkers.

Runs in the grader's process, never in the learner's kernel. The verdict is
the one the learner's self-check gives (`Exercise.grade`, the rule behind
« Bonne réponse »), so a check and a grade never disagree: an answer whose
cell failed is « non lue », an untouched `...` is « sans réponse ».
"""

from __future__ import annotations

from curriculum.grading import results
from curriculum.grading.execute import Outcome
from curriculum.grading.prepare import Prepared
from widgets.selfcheck.answer_codec import (
    MIME_TYPE,
    ReportedAnswer,
    TooLongText,
    UnsupportedAnswer,
    read_report,
)
from widgets.selfcheck.exercises import Exercise
from widgets.selfcheck.feedback import State, unread
from widgets.text import printable

_STATES = {
    State.CORRECT: results.CORRECT,
    State.INCORRECT: results.INCORRECT,
    State.UNANSWERED: results.UNANSWERED,
    State.UNREAD: results.UNREAD,
}
NOT_RUN = {
    results.QUESTION_TIMED_OUT: "la correction a dû arrêter le calcul de cette réponse : il "
    "dépassait le temps permis (une boucle sans fin, par exemple).",
    results.QUESTION_KERNEL_DIED: "le calcul de cette réponse a arrêté Python (mémoire "
    "dépassée ou arrêt forcé) : elle n'a pas pu être notée.",
}


def judge(
    prepared: Prepared, outcome: Outcome, exercises: tuple[Exercise, ...]
) -> list[results.QuestionResult]:
    """One result per exercise, in the lesson's order."""
    return [_judge_one(prepared, outcome, exercise) for exercise in exercises]


def notebook_status(outcome: Outcome, questions: list[results.QuestionResult]) -> str:
    """« corrigé », unless the run never reached some questions (then why)."""
    if not any(question.message == _NOT_REACHED for question in questions):
        return results.GRADED_STATUS
    return results.TIMED_OUT if outcome.timed_out else results.KERNEL_DIED


_NOT_REACHED = (
    "la correction n'a pas pu aller jusqu'à cette question : des cellules précédentes "
    "bloquaient ou arrêtaient Python à chaque essai."
)


def _judge_one(prepared: Prepared, outcome: Outcome, exercise: Exercise) -> results.QuestionResult:
    points_max = prepared.points.get(exercise.id, 0.0)

    def result(state: str, message: str, points: float = 0.0) -> results.QuestionResult:
        return results.QuestionResult(exercise.id, state, points, points_max, printable(message))

    answer_index = prepared.answer_cells.get(exercise.id)
    report_index = prepared.report_cells.get(exercise.id)
    for index in (answer_index, report_index):
        if index in outcome.timed_out:
            return result(results.QUESTION_TIMED_OUT, NOT_RUN[results.QUESTION_TIMED_OUT])
        if index in outcome.killed:
            return result(results.QUESTION_KERNEL_DIED, NOT_RUN[results.QUESTION_KERNEL_DIED])
    report = _report(prepared, report_index, exercise.id)
    if report is None and _executed(prepared, report_index):
        return result(
            results.INCORRECT,
            "la correction n'a pas pu lire votre réponse : du code du notebook a empêché "
            "l'envoi de sa valeur.",
        )
    if report is None:
        state = results.QUESTION_TIMED_OUT if outcome.timed_out else results.QUESTION_KERNEL_DIED
        return result(state, _NOT_REACHED)
    if report.last_run_failed or _failed(prepared, answer_index):
        return result(results.UNREAD, unread().message)
    if not report.present:
        return result(results.UNANSWERED, "aucune réponse n'a été donnée.")
    value = report.value
    if isinstance(value, TooLongText):
        return result(
            results.INCORRECT,
            f"votre réponse compte {value.length:,} caractères : bien trop pour être lue. "
            "Relisez la consigne, qui dit la forme attendue.".replace(",", "\u202f"),
        )
    if isinstance(value, UnsupportedAnswer):
        return result(
            results.INCORRECT,
            f"votre réponse est {value.description} : relisez la consigne, "
            "qui dit la forme attendue.",
        )
    feedback = exercise.evaluate(value)
    if feedback.state is State.UNANSWERED:
        return result(results.UNANSWERED, exercise.grade(value).message)
    earned = points_max if feedback.is_correct else 0.0
    return result(_STATES[feedback.state], feedback.message, earned)


def _report(prepared: Prepared, index: int | None, exercise_id: str) -> ReportedAnswer | None:
    """The last report of the exercise's own report cell (other cells are not read)."""
    if index is None:
        return None
    found = None
    for output in prepared.notebook.cells[index].get("outputs", []):
        report = read_report(output.get("data", {}).get(MIME_TYPE))
        if report is not None and report.exercise_id == exercise_id:
            found = report
    return found


def _failed(prepared: Prepared, index: int | None) -> bool:
    if index is None:
        return False
    outputs = prepared.notebook.cells[index].get("outputs", [])
    return any(output.get("output_type") == "error" for output in outputs)


def _executed(prepared: Prepared, index: int | None) -> bool:
    return index is not None and prepared.notebook.cells[index].get("execution_count") is not None
