"""Module 07: the grid reads without colour, the menu drives it, the exercises follow the data.

The expected answers are derived here from the raw TOML file (read with
tomllib), not from the engine, so a changed rating that breaks an exercise
fails this test.
"""

from __future__ import annotations

import re
import tomllib
from importlib import resources

from widgets.lessons import ouverture as lesson
from widgets.ouverture.checklist import vendor_questions
from widgets.ouverture.html import comparison_grid
from widgets.ouverture.index import openness_index
from widgets.ouverture.views.grid import ComparisonGrid
from widgets.selfcheck.feedback import State

RAW = tomllib.loads(resources.files("widgets.ouverture").joinpath("index.toml").read_text("utf-8"))
NAMES = {model["id"]: model["name"] for model in RAW["models"]}


def _models_where(**wanted: str) -> set[str]:
    return {
        model["id"]
        for model in RAW["models"]
        if all(model["ratings"][key] == value for key, value in wanted.items())
    }


def test_every_cell_has_a_symbol_and_a_word() -> None:
    index = openness_index()
    html = comparison_grid(index, index.models)
    cells = re.findall(r'<span aria-hidden="true">(.)</span> (\w+)', html)
    assert len(cells) == 14 * len(index.models)
    assert {(symbol, word) for symbol, word in cells} <= {
        ("●", "ouvert"),
        ("◐", "partiel"),
        ("○", "fermé"),
    }
    assert "12 mars 2026" in html and "CC-BY 4.0" in html


def test_the_menu_drives_the_grid() -> None:
    view = ComparisonGrid(openness_index())
    view.menu.value = ("olmo",)
    assert "OLMo" in view.grid.value and "Llama" not in view.grid.value
    assert "Article relu : partiel" in view.weights.value
    view.menu.value = ()
    assert "Choisissez au moins un modèle" in view.grid.value and view.weights.value == ""


def test_q1_names_the_models_with_open_end_weights_and_open_licences() -> None:
    expected = _models_where(weights_endmodel="open", licenses="open")
    right = lesson.SELF_HOSTING.options[lesson.SELF_HOSTING.correct]
    assert {key for key, name in NAMES.items() if name in right} == expected
    for letter, text in lesson.SELF_HOSTING.options.items():
        if letter != lesson.SELF_HOSTING.correct and letter != "D":
            named = {key for key, name in NAMES.items() if name in text}
            assert named and named != expected


def test_q2_open_weights_with_closed_data() -> None:
    assert "gpt-oss" in _models_where(weights_endmodel="open", datasources_basemodel="closed")


def test_q3_llama_is_the_open_washing_example() -> None:
    llama = next(model for model in RAW["models"] if model["id"] == "llama-3-1")["ratings"]
    assert llama["licenses"] == "closed" and llama["weights_endmodel"] != "open"


def test_checked_and_graded_alike() -> None:
    for exercise in lesson.EXERCISES:
        assert exercise.evaluate(exercise.reference).state is State.CORRECT
        assert exercise.grade(exercise.reference).state is State.CORRECT
        for wrong in exercise.wrong_examples:
            assert exercise.evaluate(wrong).state is State.INCORRECT
            assert exercise.grade(wrong).state is State.INCORRECT


def test_the_vendor_checklist_asks_about_hosting_and_data() -> None:
    ids = [question.id for question in vendor_questions()]
    assert {"hebergement", "donnees-envoyees", "licence", "reversibilite"} <= set(ids)
    assert all(question.question.endswith("?") for question in vendor_questions())
    assert "<ol>" in lesson.vendor_questions_list().value


def test_the_registry_facts_say_what_the_table_holds() -> None:
    facts = {
        fact["id"]: fact["statement"]
        for fact in tomllib.loads(
            (resources.files("curriculum") / "facts.toml").read_text("utf-8")
        )["facts"]
    }
    ratings = {model["id"]: model["ratings"] for model in RAW["models"]}
    assert list(ratings["olmo"].values()).count("open") == 12
    assert "12 des 14 critères" in facts["ouverture-olmo"]
    assert ratings["mistral-nemo"]["weights_endmodel"] == "partial"
    assert "partiels ceux du modèle final" in facts["ouverture-mistral-nemo"]
    assert {ratings["lucie"][key] for key in ("paper", "package", "api")} == {"closed"}
    assert {ratings["gpt-oss"][key] for key in ("trainingcode", "package")} == {"closed"}
