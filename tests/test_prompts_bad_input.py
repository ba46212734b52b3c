"""Module 03 and bad input: awkward characters, enormous pastes, never a traceback."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from llm_fakes import fake_generate

from widgets.prompts.checklist import assess_prompt, check_fields
from widgets.prompts.fields import FIELD_NAMES, PromptFields, assemble
from widgets.prompts.views.coach import PromptCoach
from widgets.prompts.views.comparison import BeforeAfter
from widgets.prompts.views.free_prompt import FreePromptCheck

AWKWARD_PIECES = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from(["\x00", "\x07", "\x1b", "\u202e", "\u200b", "\ufeff", "\r", "\t"]),
    st.sampled_from(["🙂", "👩🏽‍💼", "🏛️", "🇫🇷", "\U0001f9d1\u200d\U0001f4bb"]),
    st.sampled_from(["Rédigez", "Vous êtes", " 06 12 34 56 78 ", "@", "|", "\n", "«", "»"]),
)
AWKWARD_TEXT = st.lists(AWKWARD_PIECES, max_size=200).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.fixed_dictionaries({name: AWKWARD_TEXT for name in FIELD_NAMES}))
def test_engine_never_raises_on_awkward_fields(values: dict) -> None:
    checklist = check_fields(PromptFields.from_mapping(values))
    assert 0 <= checklist.score <= checklist.total
    assert "\x00" not in assemble(PromptFields.from_mapping(values))


@settings(max_examples=150, deadline=None)
@given(AWKWARD_TEXT)
def test_free_text_assessment_never_raises(text: str) -> None:
    checklist = assess_prompt(text)
    assert 0 <= checklist.score <= checklist.total


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FIELD_NAMES), AWKWARD_TEXT)
def test_coach_view_never_shows_a_traceback(name: str, text: str) -> None:
    coach = PromptCoach()
    coach.inputs[name].value = text
    assert "score" in coach.checklist_view.value
    assert "Traceback" not in coach.notice.value + coach.checklist_view.value


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(AWKWARD_TEXT, AWKWARD_TEXT)
def test_before_after_never_raises_on_awkward_prompts(before: str, after: str) -> None:
    calls: list = []
    view = BeforeAfter(fake_generate(calls))
    view.before.prompt.value, view.after.prompt.value = before, after
    view.send()
    for side in (view.before, view.after):
        assert side.answer.value and "Traceback" not in side.answer.value
    assert all(isinstance(call["messages"][0]["content"], str) for call in calls)


@pytest.mark.parametrize(
    "text",
    [
        "é" * 1_000_000,
        "🙂" * 250_000,
        "\x00\x01\x02" * 350_000,
        ("Vous êtes agent. Rédigez une lettre de 200 mots. " * 20_000)[:1_000_000],
        "a" * 999_999 + "@",
    ],
    ids=["accents", "emoji", "controles", "phrases", "sans-espace"],
)
def test_one_megabyte_is_handled_quickly_with_a_french_notice(text: str) -> None:
    start = time.perf_counter()
    coach = PromptCoach()
    coach.inputs["context"].value = text
    assert "Champ trop long (Contexte)" in coach.notice.value
    assert "score" in coach.checklist_view.value
    free = FreePromptCheck(text)
    assert "seul son début est analysé" in free.checklist_view.value
    assert assess_prompt(text).truncated
    assert time.perf_counter() - start < 5
