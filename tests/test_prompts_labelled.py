"""Module 03, exercise 1: a hand-labelled list of prompts and the verdict each must get.

The list (tests/data/prompts_labelled.toml) was written as a trainer would
judge each prompt against the question, without looking at the code: good
prompts, vague ones, off-topic ones, nonsense, one element missing at a
time, guards in several phrasings, « tu » and no accents, empty, very long.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from widgets.lessons.prompts import EXERCISES, MY_PROMPT
from widgets.prompts.checklist import assess_prompt
from widgets.prompts.exercise import RULES, review_prompt
from widgets.selfcheck import State

LABELLED = tomllib.loads(
    (Path(__file__).parent / "data" / "prompts_labelled.toml").read_text("utf-8")
)["prompts"]

KINDS = {
    "bon",
    "vague",
    "hors-sujet",
    "absurde",
    "manque-un-element",
    "garde-fou",
    "tutoiement",
    "sans-accents",
    "vide",
    "tres-long",
}

HEADINGS = {
    "role": "Rôle :",
    "task": "Tâche :",
    "subject": "Sujet :",
    "event": "Sujet :",
    "channel": "Sujet :",
    "format": "Format :",
    "guard": "Contrainte :",
    "personal_data": "Données personnelles :",
}
"""Where the feedback speaks of each rule (written here, not read from the code)."""


def test_the_list_is_large_varied_and_well_formed() -> None:
    assert len(LABELLED) >= 40
    assert len({entry["id"] for entry in LABELLED}) == len(LABELLED)
    assert {entry["kind"] for entry in LABELLED} == KINDS
    counts = Counter(entry["correct"] for entry in LABELLED)
    assert counts[True] >= 15 and counts[False] >= 25
    missing_one = [entry for entry in LABELLED if entry["kind"] == "manque-un-element"]
    assert {rule for entry in missing_one for rule in entry["reported"]} == set(RULES)
    for entry in LABELLED:
        refused_with_reasons = bool(entry.get("reported")) or not entry["text"].strip()
        assert entry["correct"] != refused_with_reasons, entry["id"]
        assert set(entry.get("reported", ())) <= set(RULES), entry["id"]
    assert max(len(entry["text"].split()) for entry in LABELLED) >= 250


@pytest.mark.parametrize("entry", LABELLED, ids=lambda entry: entry["id"])
def test_check_and_grade_give_the_labelled_verdict(entry: dict) -> None:
    expected = State.CORRECT if entry["correct"] else State.INCORRECT
    checked, graded = MY_PROMPT.evaluate(entry["text"]), MY_PROMPT.grade(entry["text"])
    assert checked.state is expected, checked.message
    assert graded == checked
    for words in entry.get("says", ()):
        assert words in checked.message, (words, checked.message)
    assert MY_PROMPT.reference not in checked.message


@pytest.mark.parametrize(
    "entry",
    [entry for entry in LABELLED if not entry["correct"] and entry["text"].strip()],
    ids=lambda entry: entry["id"],
)
def test_a_refused_prompt_reports_exactly_the_labelled_rules(entry: dict) -> None:
    review = review_prompt(entry["text"], "gymnase")
    assert set(review.failed) == set(entry["reported"]), review.messages
    message = MY_PROMPT.evaluate(entry["text"]).message
    for rule in entry["reported"]:
        assert HEADINGS[rule] in message, (rule, message)
    for rule in set(RULES) - set(entry["reported"]):
        if HEADINGS[rule] != "Sujet :" or not {"subject", "event", "channel"} & set(
            entry["reported"]
        ):
            assert HEADINGS[rule] not in message, (rule, message)


@pytest.mark.parametrize(
    "entry", [entry for entry in LABELLED if "coach" in entry], ids=lambda entry: entry["id"]
)
def test_the_coach_gives_the_labelled_score(entry: dict) -> None:
    assert assess_prompt(entry["text"]).score == entry["coach"]


def test_a_good_prompt_scores_higher_in_the_coach_than_a_vague_one() -> None:
    coach = {entry["id"]: assess_prompt(entry["text"]).score for entry in LABELLED}
    assert coach["reference"] > coach["vague-ecris-l-annonce"] > coach["vide"]


def test_every_exercise_of_module_03_says_right_exactly_when_grading_does() -> None:
    """« Bonne réponse » never grades 0, on the list and on each exercise's own examples."""
    for exercise in EXERCISES:
        answers = [exercise.reference, *exercise.wrong_examples, "", "A", "B", "C", "D", 3, None]
        answers += [entry["text"] for entry in LABELLED]
        for answer in answers:
            checked = exercise.evaluate(answer).state is State.CORRECT
            assert checked == (exercise.grade(answer).state is State.CORRECT), (exercise.id, answer)
