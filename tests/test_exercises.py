"""Every exercise of every module: its checker, its buttons, its cells, in a real kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import graded_modules, learner_path, lesson_for, module_ids, solution_path
from curriculum.exercise_texts import asked_ids, questions_of
from widgets.french import format_number
from widgets.selfcheck import Exercise, State
from widgets.selfcheck.question import question_markdown
from widgets.selfcheck.views.exercise import help_panel


def all_exercises() -> list[tuple[str, Exercise]]:
    return [
        (module, exercise)
        for module in module_ids()
        for exercise in getattr(lesson_for(module), "EXERCISES", ())
    ]


EXERCISES = all_exercises()
IDS = [f"{module}-{exercise.id}" for module, exercise in EXERCISES]


def reveals(exercise: Exercise, message: str) -> bool:
    """Does a message give away the expected answer?"""
    reference = exercise.reference
    if isinstance(reference, str) and len(reference) == 1:
        return f'"{reference}"' in message or f"proposition {reference}" in message
    if isinstance(reference, int | float):
        texts = {str(reference), format_number(reference, 0), f"{reference:.2f}".replace(".", ",")}
        return any(text in message for text in texts)
    return reference in message


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_reference_passes_placeholder_waits_wrong_answers_fail(module, exercise) -> None:
    assert exercise.evaluate(exercise.reference).state is State.CORRECT
    assert exercise.grade(exercise.reference).state is State.CORRECT
    assert exercise.evaluate(...).state is State.UNANSWERED
    assert exercise.grade(...).state is State.INCORRECT
    for wrong in exercise.wrong_examples:
        feedback = exercise.evaluate(wrong)
        assert feedback.state is State.INCORRECT, wrong
        assert not reveals(exercise, feedback.message), feedback.message
    for wrong in exercise.strict_wrong_examples:
        assert exercise.evaluate(wrong).state is State.CORRECT, wrong
        assert exercise.grade(wrong).state is State.INCORRECT, wrong


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_hints_come_one_by_one_and_the_solution_after_confirmation(module, exercise) -> None:
    panel = help_panel(exercise)
    (hint_button, solution_button), shown = panel.children[0].children, panel.children[1]
    for number, _hint in enumerate(exercise.hints, start=1):
        assert exercise.solution not in shown.value
        hint_button.click()
        assert f"Indice {number}" in shown.value
    assert hint_button.disabled
    solution_button.click()
    assert "Solution" not in shown.value
    solution_button.click()
    assert "Solution :" in shown.value


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_notebook_cells_match_the_exercise(module, exercise) -> None:
    cells = {
        cell.metadata.get("nbgrader", {}).get("grade_id"): cell
        for cell in nbformat.read(solution_path(module), as_version=4).cells
    }
    answer = cells[f"{exercise.id}-reponse"]
    check = cells[f"{exercise.id}-verification"]
    assert answer.metadata.nbgrader["solution"] and not answer.metadata.nbgrader["grade"]
    assert f"{exercise.variable} = ...\n### BEGIN SOLUTION" in answer.source
    assert check.metadata.nbgrader["grade"] and check.metadata.nbgrader["locked"]
    assert f"atelier.{exercise.id}.check({exercise.variable})" in check.source
    assert f"atelier.{exercise.id}.grade({exercise.variable})" in check.source
    assert "### BEGIN HIDDEN TESTS" in check.source


@pytest.mark.parametrize("module", graded_modules())
def test_every_question_is_written_once_in_the_lesson_and_shown_in_both_notebooks(module) -> None:
    lesson = lesson_for(module)
    questions = questions_of(lesson)
    graded = {exercise.id for exercise in lesson.EXERCISES}
    for path in (solution_path(module), learner_path(module)):
        notebook = nbformat.read(path, as_version=4)
        asked = asked_ids(notebook)
        assert set(asked) == set(questions), f"{path.name}: {asked} vs {sorted(questions)}"
        assert graded <= set(asked)
        shown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
        for question in questions.values():
            assert question_markdown(question) in shown, question.id


def run(notebook: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    NotebookClient(
        notebook,
        timeout=60,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(folder)}},
    ).execute()
    return notebook


def check_cells(notebook: nbformat.NotebookNode) -> dict[str, nbformat.NotebookNode]:
    return {
        cell.metadata.nbgrader.grade_id.removesuffix("-verification"): cell
        for cell in notebook.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
    }


def text_of(cell: nbformat.NotebookNode) -> str:
    return "\n".join(
        str(output.get("data", {}).get("text/plain", output.get("text", "")))
        for output in cell.outputs
    )


@pytest.mark.parametrize("module", graded_modules())
def test_wrong_answers_in_a_kernel_give_one_french_sentence(module) -> None:
    exercises = {exercise.id: exercise for exercise in lesson_for(module).EXERCISES}
    notebook = nbformat.read(learner_path(module), as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-reponse"):
            exercise = exercises[grade_id.removesuffix("-reponse")]
            cell.source = f"{exercise.variable} = {exercise.wrong_examples[0]!r}"
    run(notebook, learner_path(module).parent)
    for exercise_id, cell in check_cells(notebook).items():
        errors = [output for output in cell.outputs if output.output_type == "error"]
        assert len(errors) == 1, exercise_id
        (line,) = errors[0].traceback
        assert "Réponse à revoir" in line
        assert "Traceback" not in line and 'File "' not in line
        assert "Pas encore tout à fait" in text_of(cell)


@pytest.mark.parametrize("module", graded_modules())
def test_untouched_learner_notebook_says_not_yet_answered_without_error(module) -> None:
    notebook = run(nbformat.read(learner_path(module), as_version=4), learner_path(module).parent)
    for cell in notebook.cells:
        outputs = cell.get("outputs", [])
        assert all(output.output_type != "error" for output in outputs), cell.source
    for exercise_id, cell in check_cells(notebook).items():
        assert "Pas encore de réponse" in text_of(cell), exercise_id
