"""Module 03's views, driven by setting their controls and reading what they show."""

from __future__ import annotations

from llm_fakes import fake_generate

from widgets.errors import AtelierError
from widgets.prompts.fields import FIELD_NAMES, PromptFields, assemble
from widgets.prompts.gallery import task
from widgets.prompts.views.coach import PromptCoach
from widgets.prompts.views.comparison import BeforeAfter
from widgets.prompts.views.free_prompt import FreePromptCheck
from widgets.prompts.views.gallery import GalleryCoach


def test_coach_shows_the_assembled_prompt_and_the_checklist_with_symbols_and_words() -> None:
    coach = PromptCoach()
    assert "apparaîtra ici" in coach.prompt_view.value
    assert "score 0 / 9" in coach.checklist_view.value
    letter = task("lettre-plainte").fields
    for name in FIELD_NAMES:
        coach.inputs[name].value = letter.get(name)
    assert coach.fields == letter
    assert "Vous êtes agent du service des relations" in coach.prompt_view.value
    assert "score 9 / 9" in coach.checklist_view.value
    assert "✔ fait" in coach.checklist_view.value
    coach.inputs["tone"].value = ""
    assert "score 8 / 9" in coach.checklist_view.value
    assert "✘ à améliorer" in coach.checklist_view.value
    assert "Le ton est indiqué" in coach.checklist_view.value


def test_every_coach_field_has_a_french_label_a_tooltip_and_a_placeholder() -> None:
    coach = PromptCoach()
    for control in coach.inputs.values():
        assert control.description.endswith(" :")
        assert control.tooltip and control.placeholder.startswith("Ex. :")
        assert control.style.description_width == "initial"
        assert control.continuous_update


def test_choosing_a_gallery_task_fills_the_coach() -> None:
    view = GalleryCoach()
    view.choose("faq")
    assert view.coach.fields == task("faq").fields
    assert "Fais une FAQ sur la navette." in view.details.value
    assert "score 9 / 9" in view.coach.checklist_view.value
    view.clear_button.click()
    assert view.coach.fields == PromptFields() and view.details.value == ""


def test_free_prompt_check_scores_what_is_typed() -> None:
    view = FreePromptCheck()
    view.text.value = assemble(task("synthese").fields)
    assert "score 9 / 9" in view.checklist_view.value
    view.text.value = "Résume ce rapport."
    assert "score 2 / 9" in view.checklist_view.value


class FakeConnectorError(AtelierError):
    """What the connector raises: an AtelierError with a French message."""


def test_before_after_sends_both_prompts_and_shows_both_answers() -> None:
    calls: list = []
    view = BeforeAfter(fake_generate(calls), task_id="lettre-plainte")
    assert view.before.prompt.value == task("lettre-plainte").vague
    assert view.after.prompt.value == assemble(task("lettre-plainte").fields)
    assert "Score du coach : 9 / 9" in view.after.score.value
    assert "reconnaître la gêne" in view.needs.value
    view.button.click()
    assert [call["messages"] for call in calls] == [
        [{"role": "user", "content": view.before.prompt.value}],
        [{"role": "user", "content": view.after.prompt.value}],
    ]
    assert all(call["seed"] is None and call["max_tokens"] == 300 for call in calls)
    assert "Réponse n° 1" in view.before.answer.value
    assert "Réponse n° 2" in view.after.answer.value
    assert "&lt;b&gt;" in view.after.answer.value and "faux-1" in view.after.answer.value
    assert "0,2 s" in view.after.answer.value or "0,3 s" in view.after.answer.value
    assert "Les deux réponses sont arrivées" in view.status.value
    assert not view.button.disabled


def test_before_after_shows_the_french_message_of_a_failure() -> None:
    def failing(messages, **options):
        raise FakeConnectorError("Le service n'a pas répondu à temps : réessayez.")

    view = BeforeAfter(failing)
    view.send()
    for side in (view.before, view.after):
        assert "Le service n'a pas répondu à temps" in side.answer.value
        assert "Traceback" not in side.answer.value
    assert not view.button.disabled


def test_before_after_turns_an_unexpected_error_into_a_french_sentence() -> None:
    def broken(messages, **options):
        raise RuntimeError("socket closed")

    view = BeforeAfter(broken)
    view.send()
    assert "inattendue" in view.before.answer.value
    assert (
        "socket" not in view.before.answer.value and "RuntimeError" not in view.after.answer.value
    )


def test_before_after_sends_nothing_empty() -> None:
    """Personal data is stopped by module 04's guard on the connector: see
    tests/test_donnees_personnelles_hook.py."""
    calls: list = []
    view = BeforeAfter(fake_generate(calls))
    view.before.prompt.value = "   "
    view.send()
    assert len(calls) == 1
    assert "Le prompt est vide" in view.before.answer.value


def test_changing_the_task_reloads_both_prompts_and_clears_the_answers() -> None:
    view = BeforeAfter(fake_generate([]))
    view.send()
    view.selector.value = "discours"
    assert view.before.prompt.value == task("discours").vague
    assert view.before.answer.value == view.after.answer.value == ""


def test_an_engine_failure_in_the_coach_becomes_a_french_message(monkeypatch) -> None:
    coach = PromptCoach()

    def broken(_prompt):
        raise ValueError("boom")

    monkeypatch.setattr("widgets.prompts.views.coach.check_fields", broken)
    coach.inputs["role"].value = "agent"
    assert "n'a pas pu analyser" in coach.notice.value
