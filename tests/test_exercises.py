"""Every exercise of every module: its checker, its buttons, its cells, in a real kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nbclient import NotebookClient

from conftest import graded_modules, learner_path, lesson_for, module_ids, solution_path
from curriculum.exercise_texts import asked_ids, questions_of
from widgets.errors import AnswerNotAccepted
from widgets.french import format_number
from widgets.selfcheck import Exercise, State
from widgets.selfcheck.html import feedback_html, feedback_text
from widgets.selfcheck.question import question_markdown
from widgets.selfcheck.views.exercise import NotebookExercise, help_panel


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


def candidate_answers(exercise: Exercise) -> list[object]:
    """Answers around every boundary a learner may hit: the reference, the wrong examples,
    numbers on a fine grid around the reference, and the texts written otherwise."""
    answers: list[object] = [exercise.reference, *exercise.wrong_examples, None, "", "?"]
    reference = exercise.reference
    if isinstance(reference, int | float) and not isinstance(reference, bool):
        step = max(abs(reference) * 0.0025, 0.0025)
        answers += [reference + k * step for k in range(-40, 41)]
        answers += [round(reference + k * step, 2) for k in range(-40, 41)]
    if isinstance(reference, str):
        answers += [reference.lower(), reference.upper(), f"  {reference} ", reference[:-1]]
    return answers


def shown_in_the_learner_session(exercise: Exercise, answer: object, monkeypatch) -> str:
    shown: list[str] = []
    monkeypatch.setattr(
        "widgets.selfcheck.views.exercise.display",
        lambda item, raw=False: shown.append(str(item.get("text/plain", "")) if raw else ""),
    )
    NotebookExercise(exercise).check(answer)
    return "\n".join(shown)


def graded_right(exercise: Exercise, answer: object, monkeypatch) -> bool:
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
    try:
        NotebookExercise(exercise).grade(answer)
        return True
    except AnswerNotAccepted:
        return False
    finally:
        monkeypatch.delenv("NBGRADER_EXECUTION")


@pytest.mark.parametrize(("module", "exercise"), EXERCISES, ids=IDS)
def test_what_the_check_calls_right_is_graded_right_and_only_that(
    module, exercise, monkeypatch
) -> None:
    """« Bonne réponse » never grades 0, and a graded answer was never called wrong."""
    for answer in candidate_answers(exercise):
        called_right = "Bonne réponse" in shown_in_the_learner_session(
            exercise, answer, monkeypatch
        )
        assert called_right == graded_right(exercise, answer, monkeypatch), answer


ODD_ANSWERS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet=st.characters(categories=["Cs", "Lu", "Nd", "So", "Zs"]), max_size=8),
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=3),
    st.tuples(st.integers(), st.integers()),
    st.sampled_from(["", "B\ud800", "🙂" * 100_000, "\x00", "3,95 €", "1e999", "-0"]),
)


@settings(max_examples=120, deadline=None)
@given(answer=ODD_ANSWERS)
def test_no_answer_breaks_any_exercise_and_every_verdict_can_be_shown(answer) -> None:
    for _, exercise in EXERCISES:
        for feedback in (exercise.evaluate(answer), exercise.grade(answer)):
            assert feedback.message.strip()
            feedback_text(feedback).encode("utf-8")
            feedback_html(feedback).encode("utf-8")


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


def with_wrong_answers(module: str, *, grading: bool) -> nbformat.NotebookNode:
    exercises = {exercise.id: exercise for exercise in lesson_for(module).EXERCISES}
    notebook = nbformat.read(learner_path(module), as_version=4)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id.endswith("-reponse"):
            exercise = exercises[grade_id.removesuffix("-reponse")]
            cell.source = f"{exercise.variable} = {exercise.wrong_examples[0]!r}"
    if grading:
        notebook.cells.insert(0, nbformat.v4.new_code_cell(GRADING_ON))
    return run(notebook, learner_path(module).parent)


GRADING_ON = "import os\nos.environ['NBGRADER_EXECUTION'] = 'autograde'"


@pytest.mark.parametrize("module", graded_modules())
def test_a_wrong_answer_in_the_learner_session_is_calm_feedback_not_an_error(module) -> None:
    notebook = with_wrong_answers(module, grading=False)
    for exercise_id, cell in check_cells(notebook).items():
        assert not [output for output in cell.outputs if output.output_type == "error"]
        assert "Pas encore tout à fait" in text_of(cell), exercise_id


@pytest.mark.parametrize("module", graded_modules())
def test_a_wrong_answer_while_grading_fails_the_cell_with_one_french_sentence(module) -> None:
    notebook = with_wrong_answers(module, grading=True)
    for exercise_id, cell in check_cells(notebook).items():
        errors = [output for output in cell.outputs if output.output_type == "error"]
        assert len(errors) == 1, exercise_id
        (line,) = errors[0].traceback
        assert "Pas encore tout à fait" in line
        assert "Traceback" not in line and 'File "' not in line


@pytest.mark.parametrize("module", graded_modules())
def test_untouched_learner_notebook_says_not_yet_answered_without_error(module) -> None:
    notebook = run(nbformat.read(learner_path(module), as_version=4), learner_path(module).parent)
    for cell in notebook.cells:
        outputs = cell.get("outputs", [])
        assert all(output.output_type != "error" for output in outputs), cell.source
    for exercise_id, cell in check_cells(notebook).items():
        assert "Pas encore de réponse" in text_of(cell), exercise_id
