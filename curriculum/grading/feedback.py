"""`atelier feedback`: retours/<identifiant>.html, one page per learner, addressed to them.

For each module: the points, then each exercise with its question, the state
of the answer, the course's own message and, when the answer is not right,
the exercise's hints. Never the solution nor the expected value: hints are
written to lead there without giving it. The page ends with « À revoir »:
the parts of the notebooks to read again. A module that could not be graded
says why, without blame, and how to send the notebook again.
"""

from __future__ import annotations

import re
from pathlib import Path

from curriculum.grading.course_exercises import ExerciseInfo, ModuleInfo
from curriculum.grading.html_page import page, points, text
from curriculum.grading.report import ClassReport, Row, gather
from curriculum.grading.results import (
    CORRECT,
    FEEDBACK,
    GRADED_STATUS,
    INCORRECT,
    KERNEL_DIED,
    OTHER_ASSIGNMENT,
    QUESTION_KERNEL_DIED,
    QUESTION_TIMED_OUT,
    TIMED_OUT,
    UNANSWERED,
    UNREAD,
    UNREADABLE,
    NotebookResult,
    QuestionResult,
)
from curriculum.guide_html import markdown
from widgets.french import format_percent, french_date
from widgets.text import printable

STATES = {
    CORRECT: ("correct", "✔", "Bonne réponse"),
    INCORRECT: ("wrong", "✘", "Pas encore tout à fait"),
    UNREAD: ("wrong", "?", "Réponse non lue"),
    UNANSWERED: ("missing", "…", "Pas de réponse"),
    QUESTION_TIMED_OUT: ("missing", "○", "Non évaluée : le calcul a pris trop de temps"),
    QUESTION_KERNEL_DIED: ("missing", "○", "Non évaluée : Python s'est arrêté avant"),
}
"""How each question state reads: a class for the colour, a symbol, words (never colour alone)."""

WHY_NOT_GRADED = {
    UNREADABLE: "le fichier reçu n'a pas pu être ouvert comme un notebook : il est peut-être "
    "vide, abîmé, ou enregistré dans un autre format.",
    OTHER_ASSIGNMENT: "le fichier reçu sous ce nom contient un autre module que celui-ci.",
    TIMED_OUT: "le calcul de votre notebook a pris plus de temps que permis : une cellule "
    "tourne peut-être sans fin, par exemple une boucle qui ne s'arrête pas.",
    KERNEL_DIED: "Python s'est arrêté pendant le calcul de votre notebook, par exemple parce "
    "qu'une cellule a demandé trop de mémoire.",
}
NOT_GRADED = "Ce notebook n'a pas pu être corrigé"
STOPPED = "La correction de ce notebook n'a pas pu aller à son terme"
NOT_A_ZERO = "Ce n'est pas une note de 0."
KEPT_POINTS = "Les points des questions atteintes avant l'arrêt sont gardés."
SEND_AGAIN = (
    "Rouvrez votre notebook, exécutez toutes ses cellules dans l'ordre et vérifiez que chacune "
    "se termine, enregistrez-le (Ctrl + S), puis renvoyez le fichier .ipynb à votre formateur."
)
INTRODUCTION = (
    "Cette page reprend chacun de vos exercices : ce que la correction en a dit et, pour une "
    "réponse à reprendre, des indices. Elle ne donne pas les solutions : cherchez d'abord avec "
    "les indices, puis parlez-en à votre formateur."
)
_UNSAFE = re.compile(r"[^a-z0-9-]+")


def write_feedback(class_folder: Path, course_root: Path) -> list[Path]:
    """One page per learner in retours/; none when there is nothing to report.

    Raises ReportError (French message) when the results cannot be read.
    """
    report = gather(class_folder, course_root)
    folder = Path(class_folder) / FEEDBACK
    written = []
    for learner in report.learners:
        path = folder / f"{_UNSAFE.sub('-', learner.lower()).strip('-') or 'apprenant'}.html"
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(printable(learner_page(report, learner)), encoding="utf-8")
        written.append(path)
    return written


def learner_page(report: ClassReport, learner: str) -> str:
    name = report.name(learner)
    rows = [row for row in report.rows if row.identifiant == learner]
    to_review: dict[str, list[str]] = {}
    sections = [_module_section(report, row, to_review) for row in rows]
    body = [
        f"<h1>Vos résultats, {text(name)}</h1>",
        f'<p class="meta">Établi le {french_date(report.today)}.</p>',
        f'<p class="note">{INTRODUCTION}</p>',
        *sections,
        "<h2>À revoir</h2>",
        _review(to_review),
    ]
    return page(f"Vos résultats : {name}", "\n".join(body))


def _module_section(report: ClassReport, row: Row, to_review: dict[str, list[str]]) -> str:
    """The module's part of the page; adds what to review to `to_review[module words]`."""
    info = report.modules.get(row.module) or ModuleInfo(row.module, "", {})
    review = to_review.setdefault(_module_words(info), [])
    title = f"Module {row.module}" + (f" : {info.title}" if info.title else "")
    result = _result(report, row)
    parts = [f"<section><h2>{text(title)}</h2>"]
    questions = sorted(result.questions if result else [], key=lambda q: info.order(q.id))
    if questions or row.statut == GRADED_STATUS:
        share = row.points / row.points_max if row.points_max else None
        parts.append(
            f'<p class="note">Vos points : <strong>{points(row.points)} sur '
            f"{points(row.points_max)}</strong> ({format_percent(share, 0)}).</p>"
        )
    if row.statut != GRADED_STATUS:
        why = WHY_NOT_GRADED.get(row.statut, f"il n'a pas pu être corrigé ({row.statut}).")
        opening = STOPPED if questions else NOT_GRADED
        kept = KEPT_POINTS if questions else NOT_A_ZERO
        parts.append(f'<p class="note">{opening} : {text(why)} {kept} {SEND_AGAIN}</p>')
        review.append("Renvoyer votre notebook, comme expliqué plus haut.")
    for question in questions:
        exercise = info.exercise(question.id)
        parts.append(_exercise(question, exercise))
        if question.etat != CORRECT:
            review.append(_review_item(question.id, exercise))
    parts.append("</section>")
    return "\n".join(parts)


def _result(report: ClassReport, row: Row) -> NotebookResult | None:
    return next(
        (
            result
            for result in report.results
            if (result.identifiant, result.module) == (row.identifiant, row.module)
        ),
        None,
    )


def _exercise(question: QuestionResult, exercise: ExerciseInfo | None) -> str:
    style, symbol, words = STATES.get(question.etat, ("missing", "•", question.etat))
    heading = exercise.heading if exercise and exercise.heading else f"Exercice {question.id}"
    parts = [f'<article class="exercise"><h3>{text(heading)}</h3>']
    if exercise:
        parts.append(f'<div class="question">{markdown(exercise.question)}</div>')
    message = f" : {text(question.message)}" if question.message.strip() else ""
    parts.append(
        f'<p><span class="state {style}"><span aria-hidden="true">{symbol}</span> '
        f"{text(words)}</span>{message}</p>"
    )
    if question.etat != CORRECT and exercise and exercise.hints:
        hints = "".join(f"<li>{markdown(hint)}</li>" for hint in exercise.hints)
        parts.append(f"<p>Indices, du plus général au plus précis :</p><ol>{hints}</ol>")
    parts.append("</article>")
    return "".join(parts)


def _review_item(exercise_id: str, exercise: ExerciseInfo | None) -> str:
    """« Partie « 1. Exécuter une cellule » — Exercice 2 : le raccourci clavier »: the
    notebook's own words, else the question's first sentence."""
    if exercise is None:
        return f"Exercice {exercise_id}"
    what = exercise.heading or exercise.label
    return f"Partie « {exercise.section} » — {what}" if exercise.section else what


def _module_words(info: ModuleInfo) -> str:
    return f"Module {info.id}" + (f" « {info.title} »" if info.title else "")


def _review(to_review: dict[str, list[str]]) -> str:
    """One item per module with something to review, the exercises' parts under it."""
    modules = [
        f"<li>{text(module)}<ul>{''.join(f'<li>{text(item)}</li>' for item in items)}</ul></li>"
        for module, items in to_review.items()
        if items
    ]
    if not modules:
        return "<p>Rien à revoir : toutes vos réponses sont justes.</p>"
    return f"<ul>{''.join(modules)}</ul>"
