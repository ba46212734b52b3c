"""Module 11's questionnaire view: click answers, read the verdict it shows."""

from __future__ import annotations

import numpy as np
import pytest
from fuzz_values import FUZZ, ODD_VALUES
from hypothesis import given
from hypothesis import strategies as st

from widgets.errors import AtelierError
from widgets.projet.views.risk_questionnaire import RiskQuestionnaire

FRAUD_SCORE = {
    "pratique": "aucune",
    "personnes": "habitants",
    "decision": "aides",
    "role": "propose",
    "reseau": "non",
    "dialogue": "non",
    "contenu": "non",
}


def click(view: RiskQuestionnaire, answers: dict[str, str]) -> None:
    for key, value in answers.items():
        view.radios[key].value = value


def test_the_verdict_waits_for_the_answers_then_follows_each_click() -> None:
    view = RiskQuestionnaire()
    assert view.assessment is None and "sans réponse" in view.verdict.value
    click(view, FRAUD_SCORE)
    assert view.assessment is not None and view.assessment.annex_point == "5(a)"
    shown = view.verdict.value
    assert "<strong>Haut risque</strong>" in shown and "Annexe III, point 5(a)" in shown
    assert "article 27" in shown and "mention explicite" in shown
    assert "2 décembre 2027" in shown and "EUR-Lex" in shown
    assert "ai-act-annexe-3-5a" in shown
    view.radios["pratique"].value = "notation_sociale"
    assert "<strong>Pratique interdite</strong>" in view.verdict.value


def test_the_review_question_appears_only_when_a_text_is_published() -> None:
    view = RiskQuestionnaire(FRAUD_SCORE)
    assert view.blocks["relecture"].layout.display == "none"
    view.radios["contenu"].value = "texte_public"
    assert view.blocks["relecture"].layout.display is None
    assert view.assessment is None and "1 question" in view.verdict.value
    view.radios["relecture"].value = "non"
    assert "Dire" not in view.verdict.value and "Signaler que le texte" in view.verdict.value
    view.radios["contenu"].value = "non"
    assert view.blocks["relecture"].layout.display == "none"
    assert "relecture" not in view.answers and view.assessment is not None


def test_an_example_project_fills_the_answers() -> None:
    view = RiskQuestionnaire()
    view.example.value = "appels-police"
    assert view.assessment is not None and view.assessment.annex_point == "5(d)"
    assert view.radios["decision"].value == "urgences"


def test_questions_are_labelled_for_screen_readers() -> None:
    view = RiskQuestionnaire()
    for number, radio in enumerate(view.radios.values(), start=1):
        assert radio.description == f"Question {number}" and radio.tooltip


@FUZZ
@given(st.dictionaries(st.sampled_from([*FRAUD_SCORE, "relecture", "x"]), ODD_VALUES))
def test_odd_starting_answers_never_break_the_view(answers: dict) -> None:
    view = RiskQuestionnaire(answers)
    assert view.verdict.value


def test_answers_that_are_not_a_dictionary_get_a_french_message() -> None:
    with pytest.raises(AtelierError, match="dictionnaire"):
        RiskQuestionnaire(["decision"])
    view = RiskQuestionnaire({"dialogue": np.array(["oui"])})
    assert view.radios["dialogue"].value is None
