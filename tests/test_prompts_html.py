"""Module 03's HTML fragments, without a kernel: symbols and words, escaped text."""

from __future__ import annotations

from types import SimpleNamespace

from widgets.prompts.checklist import assess_prompt, check_fields
from widgets.prompts.fields import PromptFields
from widgets.prompts.html import (
    MAX_SHOWN_CHARS,
    answer_html,
    checklist_html,
    details_html,
    help_html,
    message_html,
    needs_html,
    prompt_html,
    score_line,
)


def test_each_rule_shows_a_symbol_a_word_and_its_advice() -> None:
    shown = checklist_html(check_fields(PromptFields()), "Le coach")
    assert "Le coach : score 0 / 9" in shown
    assert shown.count("✘ à améliorer") == 9 and shown.count("✔ fait") == 0
    assert "prompt vide" in shown and 'role="status"' in shown
    one_rule = checklist_html(check_fields(PromptFields(task="Rédigez la lettre.")), "Le coach")
    assert one_rule.count("✔ fait") == 2 and "trop vague" in one_rule


def test_the_score_line_lists_what_is_missing() -> None:
    line = score_line(assess_prompt("Résumez ce <rapport>."))
    assert "Score du coach : 2 / 9" in line
    assert "à améliorer : un rôle est donné ; le contexte dit qui, où et quoi" in line


def test_the_prompt_is_shown_escaped_and_cut_when_huge() -> None:
    assert "apparaîtra ici" in prompt_html("  ")
    assert "Vous &lt;b&gt;" in prompt_html("Vous <b>")
    huge = prompt_html("a" * (MAX_SHOWN_CHARS + 10))
    assert "a" * MAX_SHOWN_CHARS + "\n[…]" in huge and "a" * (MAX_SHOWN_CHARS + 1) not in huge


def test_messages_say_with_a_symbol_whether_it_is_a_problem() -> None:
    assert "⚠" in message_html("Champ <trop> long") and "&lt;trop&gt;" in message_html("<trop>")
    assert "✔" in message_html("Envoyé.", ok=True)
    assert help_html("a < b") == '<small style="color:#444">a &lt; b</small>'


def test_a_gallery_task_shows_its_vague_prompt_score_and_needs() -> None:
    shown = details_html("Fais <vite>.", ("un objet", "une date"), assess_prompt("Fais vite."))
    assert "« Fais &lt;vite&gt;. »" in shown and "(score du coach : 1 / 9)" in shown
    assert "<li>un objet</li><li>une date</li>" in shown
    assert "<li>x &amp; y</li>" in needs_html(("x & y",))


def test_an_answer_names_its_model_and_its_time_and_is_escaped() -> None:
    reply = SimpleNamespace(text=" <b>Oui</b> ", backend="Classe", model="m<1>", duration_s=1.25)
    shown = answer_html(reply)
    assert "&lt;b&gt;Oui&lt;/b&gt;" in shown and "<b>Oui" not in shown
    assert "(Classe, modèle « m&lt;1&gt; », 1,2 s)" in shown or "1,3 s" in shown
    assert "(réponse vide)" in answer_html(SimpleNamespace(text="  "))
