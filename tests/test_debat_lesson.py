"""Module 12's lesson and notebook: exercises judged as the facts say, cards and boxes agree."""

from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import nbformat
import pytest
from fuzz_values import assert_french

from conftest import SOLUTIONS
from curriculum.facts import load_facts
from widgets.lessons import debat as lesson
from widgets.selfcheck import State

NOTEBOOK = SOLUTIONS / "12-debat" / "12-debat.ipynb"
RAW = tomllib.loads(
    resources.files("widgets.debat").joinpath("sources", "cartes.toml").read_text("utf-8")
)


@pytest.mark.parametrize("exercise", lesson.EXERCISES, ids=lambda e: e.id)
def test_each_exercise_accepts_its_answer_and_refuses_the_others(exercise) -> None:
    assert exercise.evaluate(exercise.reference).is_correct
    assert exercise.grade(exercise.reference).is_correct
    lesson.__dict__[exercise.id].grade(exercise.reference)  # the hidden test passes: points given
    assert exercise.evaluate(...).state is State.UNANSWERED
    for wrong in exercise.wrong_examples:
        feedback = exercise.evaluate(wrong)
        assert feedback.state is State.INCORRECT
        assert_french(feedback.message)


def test_the_answers_follow_the_registry() -> None:
    facts = load_facts()
    assert "délégué à la protection des données" in facts["cnil-ia-generative-2024"].statement
    assert "délégué à la protection des données" in lesson.WHO_FIRST.options["B"]
    exception = facts["ai-act-art-50-4"].statement
    assert "relu" in exception and "responsabilité éditoriale" in exception
    assert "responsabilité éditoriale" in lesson.DISCLOSURE.options[lesson.DISCLOSURE.correct]


def test_the_deck_and_the_closing_card_are_made_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    lesson.closing.cache_clear()
    assert lesson.cards() is lesson.cards()
    closing = lesson.closing()
    assert closing is lesson.closing() and closing.folder == tmp_path
    lesson.closing.cache_clear()


def fact_markers(source: str) -> list[str]:
    return re.findall(r"^<!-- fait:([a-z0-9 -]+) -->$", source, re.MULTILINE)


def test_the_notebook_shows_the_facts_of_each_card_under_its_number() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cells = [cell.source for cell in notebook.cells if cell.cell_type == "markdown"]
    for number, entry in enumerate(RAW["cartes"], 1):
        heading = f"### Carte {number} · {entry['title']}"
        cell = next(source for source in cells if source.startswith(heading))
        cited = [fact for marker in fact_markers(cell) for fact in marker.split()]
        assert cited == entry["facts"], entry["id"]
