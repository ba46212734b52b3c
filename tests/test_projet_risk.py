"""Module 11's risk questionnaire: Clairval's projects at their hand-written level, duties, dates.

The expected levels and Annex III points are written by hand in
`widgets/projet/sources/projets.toml` (and below), never computed by the engine.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources

import pytest
from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome
from hypothesis import given
from hypothesis import strategies as st

from curriculum.facts import load_facts
from widgets.errors import AtelierError
from widgets.projet.projects import PROJECTS, PROJECTS_BY_ID
from widgets.projet.questionnaire import DEADLINES, DUTIES, QUESTIONS
from widgets.projet.risk import classify

LEVELS = {"interdit", "haut-risque", "transparence", "minimal"}
BASE = {
    "pratique": "aucune",
    "decision": "non",
    "reseau": "non",
    "dialogue": "non",
    "contenu": "non",
}


def answers(**changes: str) -> dict[str, str]:
    return {**BASE, "personnes": "habitants", **changes}


@pytest.mark.parametrize("project", PROJECTS, ids=lambda project: project.id)
def test_each_project_gets_its_hand_written_level_and_point(project) -> None:
    assessment = classify(project.answers)
    assert assessment.level == project.level
    assert assessment.annex_point == project.annex_point
    assert assessment.uncertain == project.uncertain, assessment.doubts


def test_the_projects_cover_every_level_and_the_points_that_touch_communes() -> None:
    assert len(PROJECTS) >= 15
    assert {project.level for project in PROJECTS} == LEVELS
    points = {project.annex_point for project in PROJECTS}
    assert {"5(a)", "5(d)", "4(a)", "4(b)", "3(a)", "2"} <= points
    assert len(PROJECTS_BY_ID) == len(PROJECTS)


def test_the_brief_cases_are_where_the_law_puts_them() -> None:
    """Written again here, independently of projets.toml."""
    expected = {
        "score-fraude": ("haut-risque", "5(a)"),
        "note-civisme": ("interdit", None),
        "assistant-demarches": ("transparence", None),
        "courrier-services": ("minimal", None),
        "tri-cv": ("haut-risque", "4(a)"),
        "appels-police": ("haut-risque", "5(d)"),
        "lettre-brute": ("transparence", None),
        "lettre-relue": ("minimal", None),
        "video-maire": ("transparence", None),
    }
    for project_id, (level, point) in expected.items():
        assessment = classify(PROJECTS_BY_ID[project_id].answers)
        assert (assessment.level, assessment.annex_point) == (level, point), project_id


def duty_ids(assessment) -> set[str]:
    return {duty.id for duty in assessment.obligations}


def test_a_high_risk_chatbot_has_both_sets_of_duties() -> None:
    assessment = classify(answers(decision="aides", role="seul", dialogue="oui"))
    assert assessment.level == "haut-risque" and assessment.annex_point == "5(a)"
    assert [duty.id for duty in assessment.transparency_duties] == ["dire-que-c-est-une-ia"]
    assert {"analyse-impact", "deployeur-haut-risque", "mention-explicite"} <= duty_ids(assessment)
    assert "ai-act-art-50-1" in assessment.fact_ids and "ai-act-art-27" in assessment.fact_ids


def test_french_duties_do_not_depend_on_the_european_level() -> None:
    minimal = classify(answers(decision="autre", role="seul"))
    assert minimal.level == "minimal"
    assert {"mention-explicite", "explication-sur-demande", "inventaire"} <= duty_ids(minimal)
    assert "decision-automatique" in duty_ids(minimal)
    assisted = classify(answers(decision="autre", role="propose"))
    assert "mention-explicite" in duty_ids(assisted)
    assert "decision-automatique" not in duty_ids(assisted)
    assert not classify(answers()).french_duties


def test_literacy_is_always_due_and_a_prohibited_tool_is_only_to_be_dropped() -> None:
    assert duty_ids(classify(answers())) == {"maitrise"}
    banned = classify(answers(pratique="notation_sociale", decision="aides", role="propose"))
    assert banned.level == "interdit" and banned.annex_point is None
    assert duty_ids(banned) == {"maitrise", "ne-pas-deployer"}
    assert [deadline.date for deadline in banned.dates] == [dt.date(2025, 2, 2)]


def test_dates_follow_the_duties_with_the_omnibus_caveat() -> None:
    high = classify(answers(decision="recrutement", role="propose", dialogue="oui"))
    dates = [deadline.date for deadline in high.dates]
    assert dates == [dt.date(2025, 2, 2), dt.date(2026, 8, 2), dt.date(2027, 12, 2)]
    omnibus = high.dates[-1]
    assert "2 août 2030" in omnibus.text and "EUR-Lex" in omnibus.caveat
    assert [deadline.date for deadline in classify(answers()).dates] == [dt.date(2025, 2, 2)]


def test_review_with_editorial_responsibility_lifts_the_text_duty_but_not_the_deepfake_one() -> (
    None
):
    unreviewed = classify(answers(contenu="texte_public", relecture="non"))
    reviewed = classify(answers(contenu="texte_public", relecture="oui"))
    deepfake = classify(answers(contenu="hypertrucage", relecture="oui"))
    assert "signaler-texte" in duty_ids(unreviewed) and unreviewed.level == "transparence"
    assert "signaler-texte" not in duty_ids(reviewed) and reviewed.level == "minimal"
    assert "signaler-hypertrucage" in duty_ids(deepfake) and deepfake.level == "transparence"


def test_a_preparatory_task_lifts_the_annex_point_and_says_it_is_debatable() -> None:
    assessment = classify(answers(decision="recrutement", role="preparatoire"))
    assert assessment.level == "minimal" and assessment.annex_point is None
    assert assessment.doubts and "ai-act-art-6-3" in assessment.fact_ids
    assert "analyse-impact" not in duty_ids(assessment)


def test_each_reason_is_tied_to_the_answer_given() -> None:
    assessment = classify(PROJECTS_BY_ID["tri-cv"].answers)
    asked = [question for question in QUESTIONS if question.id != "relecture"]
    assert [reason.question for reason in assessment.reasons] == [q.text for q in asked]
    recruitment = next(r for r in assessment.reasons if "4 a" in r.text)
    assert recruitment.answer.startswith("Un recrutement")


def test_contradictory_answers_are_pointed_out() -> None:
    assessment = classify(answers(personnes="aucune", decision="autre", role="propose"))
    assert any("contredisent" in doubt for doubt in assessment.doubts)


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("pas un dictionnaire", "dictionnaire"),
        ({**BASE}, "Il manque la réponse à 1 question"),
        (answers(decision="aides"), "Quel rôle joue l'outil"),
        (answers(couleur="bleu"), "Il n'y a pas de question « couleur »"),
        (answers(dialogue="peut-être"), "« peut-être » n'est pas une réponse possible"),
        (answers(dialogue=3), "n'est pas une réponse possible"),
        ({1: "x"}, "Il n'y a pas de question"),
    ],
)
def test_odd_answers_get_a_french_message(given, words: str) -> None:
    with pytest.raises(AtelierError) as caught:
        classify(given)
    assert words in caught.value.message


def test_answers_to_questions_that_do_not_apply_are_ignored() -> None:
    assert classify(answers(relecture="non")).level == "minimal"


def registry_ids_in_sources() -> set[str]:
    ids = {fact for duty in DUTIES.values() for fact in duty.facts}
    ids |= {fact for deadline in DEADLINES.values() for fact in deadline.facts}
    ids |= {fact for q in QUESTIONS for option in q.options for fact in option.facts}
    notices = tomllib.loads(
        resources.files("widgets.projet").joinpath("sources", "notices.toml").read_text("utf-8")
    )
    return ids | set(notices["notice"]["facts"]) | set(notices["inventory"]["facts"])


def test_every_fact_cited_exists_in_the_registry() -> None:
    ids = registry_ids_in_sources()
    assert len(ids) >= 20
    assert ids <= set(load_facts())
    for project in PROJECTS:
        assert set(classify(project.answers).fact_ids) <= set(load_facts())


def valid_answers():
    return st.fixed_dictionaries(
        {q.id: st.sampled_from([option.value for option in q.options]) for q in QUESTIONS}
    )


@FUZZ
@given(valid_answers())
def test_every_complete_set_of_answers_gets_a_coherent_verdict(given: dict[str, str]) -> None:
    assessment = classify(given)
    assert assessment.level in LEVELS and assessment.level_label
    assert (assessment.annex_point is not None) == (assessment.level == "haut-risque")
    assert "maitrise" in duty_ids(assessment)
    assert all(reason.text for reason in assessment.reasons)
    assert list(assessment.dates) == sorted(assessment.dates, key=lambda deadline: deadline.date)


@FUZZ
@given(st.dictionaries(st.sampled_from([q.id for q in QUESTIONS]) | ODD_TEXT, ODD_VALUES))
def test_odd_answers_never_raise_anything_but_a_french_message(given: dict) -> None:
    outcome(lambda: classify(given))


@FUZZ
@given(ODD_VALUES)
def test_odd_objects_instead_of_answers_get_a_french_message(given: object) -> None:
    result, message = outcome(lambda: classify(given))
    assert result is None and message
