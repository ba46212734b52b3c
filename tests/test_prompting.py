"""Module 03: the prompt coach engine, the gallery, the views, and bad input."""

from __future__ import annotations

import ast
import dataclasses
import time
from types import SimpleNamespace

import nbformat
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, solution_path
from widgets.errors import AtelierError
from widgets.prompting.checklist import assess_prompt, check_fields
from widgets.prompting.coach_view import PromptCoach
from widgets.prompting.comparison_view import BeforeAfter
from widgets.prompting.fields import FIELD_NAMES, MAX_FIELD_CHARS, PromptFields, assemble
from widgets.prompting.free_prompt_view import FreePromptCheck
from widgets.prompting.gallery import gallery, task
from widgets.prompting.gallery_view import GalleryCoach
from widgets.prompting.personal_data import personal_data_kinds
from widgets.prompting.rules import MAX_WORDS, MIN_WORDS, RULES

GOOD = PromptFields(
    role="agent d'accueil de la mairie de Clairval-sur-Ondine",
    context=(
        "Un habitant du quartier des Tanneurs se plaint par courrier du bruit des travaux "
        "de la place du Marché, qui commencent avant 7 h 30."
    ),
    task="Rédigez la lettre de réponse de la mairie.",
    format="Une page au plus, trois paragraphes courts et une formule de politesse.",
    tone="courtois et empathique",
    constraints="N'inventez aucune date.\nAucune donnée personnelle : laissez [Nom].",
    examples="Objet : travaux de la place du Marché, votre courrier du [date].",
)


def without(prompt: PromptFields, name: str) -> PromptFields:
    return prompt.with_value(name, "")


# ---------------------------------------------------------------- assembling


def test_assemble_writes_a_role_sentence_headings_and_a_list_of_constraints() -> None:
    text = assemble(GOOD)
    assert text.startswith("Vous êtes agent d'accueil de la mairie de Clairval-sur-Ondine.")
    assert "Contexte : Un habitant" in text
    assert "Votre tâche : Rédigez" in text
    assert "Contraintes :\n- N'inventez aucune date.\n- Aucune donnée personnelle" in text
    assert text.index("Contexte") < text.index("Votre tâche") < text.index("Exemple à suivre")


def test_assemble_leaves_out_empty_fields_and_keeps_an_explicit_role() -> None:
    text = assemble(PromptFields(role="Vous êtes la plume de la maire", task="  "))
    assert text == "Vous êtes la plume de la maire."
    assert assemble(PromptFields()) == ""


def test_fields_accept_any_value_and_cut_enormous_ones() -> None:
    prompt = PromptFields.from_mapping({"role": None, "task": 42, "other": "ignored"})
    assert prompt.role == "" and prompt.task == "42"
    assert len(PromptFields.from_mapping({"context": "x" * (MAX_FIELD_CHARS + 5)}).context) == (
        MAX_FIELD_CHARS
    )


# ---------------------------------------------------------------- the rules


def test_a_complete_prompt_meets_every_rule() -> None:
    checklist = check_fields(GOOD)
    assert checklist.score == checklist.total == len(RULES) == 9
    assert all(result.status == "fait" and result.symbol == "✔" for result in checklist.results)


def test_an_empty_prompt_meets_only_the_personal_data_rule() -> None:
    checklist = check_fields(PromptFields())
    assert checklist.score == 1
    assert checklist.missing == tuple(rule.id for rule in RULES if rule.id != "personal_data")
    assert all(result.status == "à améliorer" for result in checklist.results if not result.met)
    assert "trop vague" in checklist.verdict


@pytest.mark.parametrize(
    ("field", "rule"),
    [
        ("role", "role"),
        ("context", "context"),
        ("task", "task"),
        ("format", "format"),
        ("tone", "tone"),
        ("constraints", "guards"),
        ("examples", "examples"),
    ],
)
def test_emptying_a_field_fails_its_rule_and_costs_one_point(field: str, rule: str) -> None:
    checklist = check_fields(without(GOOD, field))
    assert checklist.missing == (rule,)
    assert checklist.score == 8
    assert checklist.result(rule).advice


def test_task_needs_a_precise_action_verb() -> None:
    vague = check_fields(GOOD.with_value("task", "Fais une lettre pour l'habitant."))
    assert not vague.result("task").met
    assert "« Faire » ne dit pas quoi faire" in vague.result("task").advice
    none = check_fields(GOOD.with_value("task", "Une lettre pour l'habitant."))
    assert "Aucun verbe d'action" in none.result("task").advice
    for verb in ("Rédigez", "résume", "Listez", "écrire", "Reformulez", "Traduis"):
        result = check_fields(GOOD.with_value("task", f"{verb} le texte.")).result("task")
        assert result.met, verb
        assert f"« {verb} »" in result.advice


def test_context_must_say_who_where_and_what() -> None:
    no_place = GOOD.with_value(
        "context", "Un habitant se plaint par courrier du bruit des travaux qui commencent tôt."
    )
    result = check_fields(no_place).result("context")
    assert not result.met
    assert "où cela se passe" in result.advice and "qui est concerné" not in result.advice
    short = check_fields(GOOD.with_value("context", "habitant, mairie, plainte"))
    assert not short.result("context").met
    assert "au moins 10 mots" in short.result("context").advice


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("200 mots", True),
        ("une page au plus", True),
        ("une liste à puces", True),
        ("trois paragraphes", True),
        ("un tableau à deux colonnes", True),
        ("une lettre", False),
        ("bien rédigé", False),
    ],
)
def test_format_states_a_length_or_a_structure(text: str, met: bool) -> None:
    assert check_fields(GOOD.with_value("format", text)).result("format").met is met


@pytest.mark.parametrize(
    ("text", "met"),
    [
        ("N'inventez rien.", True),
        ("Citez vos sources.", True),
        ("Aucune donnée personnelle.", True),
        ("Ne décidez pas à la place de l'agent.", True),
        ("Si une information manque, dites-le.", True),
        ("Pas plus de 200 mots.", False),
        ("Soyez précis.", False),
    ],
)
def test_constraints_need_a_guard(text: str, met: bool) -> None:
    assert check_fields(GOOD.with_value("constraints", text)).result("guards").met is met


def test_examples_need_a_few_words() -> None:
    assert not check_fields(GOOD.with_value("examples", "Objet : travaux")).result("examples").met


def test_length_rule_has_a_floor_and_a_ceiling() -> None:
    assert not assess_prompt("Rédigez une lettre.").result("length").met
    assert assess_prompt(" ".join(["mot"] * MIN_WORDS)).result("length").met
    assert assess_prompt(" ".join(["mot"] * MAX_WORDS)).result("length").met
    long = assess_prompt(" ".join(["mot"] * (MAX_WORDS + 1))).result("length")
    assert not long.met and "raccourcissez" in long.advice


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Écrivez-moi à jeanne.martin@exemple.fr", "une adresse électronique"),
        ("Appelez le 06 12 34 56 78.", "un numéro de téléphone"),
        ("Tél. : +33 6 12 34 56 78", "un numéro de téléphone"),
        ("NIR 2 84 05 75 123 456 78", "un numéro de sécurité sociale"),
        ("IBAN FR76 3000 6000 0112 3456 7890 189", "un IBAN (coordonnées bancaires)"),
    ],
)
def test_personal_data_is_spotted(text: str, kind: str) -> None:
    assert [found.name for found in personal_data_kinds(text)] == [kind]
    result = check_fields(GOOD.with_value("context", GOOD.context + " " + text))
    assert not result.result("personal_data").met
    assert kind in result.result("personal_data").advice


def test_figures_of_a_table_are_not_personal_data() -> None:
    table = "| mars 2025 | 3 150 | 140 | 41 |\n| juin 2025 | 3 020 | 260 | 38 | 4 800 habitants"
    assert personal_data_kinds(table) == []


def test_free_text_uses_cue_words_for_role_tone_and_examples() -> None:
    text = (
        "Vous êtes agent de la mairie. Rédigez une réponse courte, sur un ton courtois. "
        "Voici un modèle : Madame, Monsieur."
    )
    checklist = assess_prompt(text)
    assert {"role", "tone", "examples", "task"}.isdisjoint(checklist.missing)
    in_passing = assess_prompt("Rédigez une lettre, par exemple courte.")
    assert "examples" in in_passing.missing


def test_the_same_prompt_always_gets_the_same_verdicts() -> None:
    assert check_fields(GOOD) == check_fields(GOOD)
    assert assess_prompt(assemble(GOOD)) == assess_prompt(assemble(GOOD))


def test_the_score_grows_as_the_fields_are_filled() -> None:
    for entry in gallery():
        prompt, scores = PromptFields(), []
        for name in FIELD_NAMES:
            prompt = prompt.with_value(name, entry.fields.get(name))
            scores.append(check_fields(prompt).score)
        assert scores == sorted(scores), (entry.id, scores)
        assert scores[-1] == 9, entry.id


def test_anything_that_is_not_text_is_an_empty_prompt() -> None:
    for value in (None, 3, ["Rédigez"], b"Vous etes"):
        assert assess_prompt(value).score == assess_prompt("").score == 1


# ---------------------------------------------------------------- the gallery


def test_the_gallery_has_the_six_tasks_of_the_brief() -> None:
    ids = [entry.id for entry in gallery()]
    assert ids == [
        "lettre-plainte",
        "compte-rendu",
        "discours",
        "faq",
        "synthese",
        "note-donnees",
    ]
    assert all(len(entry.needs) >= 3 and entry.vague for entry in gallery())
    table = task("note-donnees").fields.context
    assert table.count("\n|") >= 5 and "Clairval-sur-Ondine" not in task("discours").vague


@pytest.mark.parametrize("entry", gallery(), ids=lambda entry: entry.id)
def test_structured_prompts_score_higher_than_vague_ones(entry) -> None:
    vague = assess_prompt(entry.vague)
    structured = check_fields(entry.fields)
    as_one_block = assess_prompt(assemble(entry.fields))
    assert structured.score == as_one_block.score == 9
    assert vague.score <= 3
    assert "personal_data" not in structured.missing


def test_an_unknown_task_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="lettre-plainte"):
        task("inconnue")


# ---------------------------------------------------------------- the views


def test_coach_shows_the_assembled_prompt_and_the_checklist_with_symbols_and_words() -> None:
    coach = PromptCoach()
    assert "apparaîtra ici" in coach.prompt_view.value
    assert "score 1 / 9" in coach.checklist_view.value
    for name in FIELD_NAMES:
        coach.inputs[name].value = GOOD.get(name)
    assert coach.fields == GOOD
    assert "Vous êtes agent d'accueil" in coach.prompt_view.value
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


def fake_generate(calls: list):
    def generate(
        messages, *, max_tokens=300, temperature=0.7, seed=None, stream=False, on_text=None
    ):
        calls.append({"messages": messages, "max_tokens": max_tokens, "seed": seed})
        return SimpleNamespace(
            text=f"Réponse n° {len(calls)} <b>échappée</b>",
            backend="Faux modèle",
            model="faux-1",
            duration_s=0.25,
        )

    return generate


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


def test_before_after_sends_nothing_empty_or_with_personal_data() -> None:
    calls: list = []
    view = BeforeAfter(fake_generate(calls))
    view.before.prompt.value = "   "
    view.after.prompt.value = view.after.prompt.value + "\nContact : 06 12 34 56 78"
    view.send()
    assert calls == []
    assert "Le prompt est vide" in view.before.answer.value
    assert "donnée personnelle" in view.after.answer.value
    assert "Rien n'a été envoyé" in view.after.answer.value


def test_changing_the_task_reloads_both_prompts_and_clears_the_answers() -> None:
    view = BeforeAfter(fake_generate([]))
    view.send()
    view.selector.value = "discours"
    assert view.before.prompt.value == task("discours").vague
    assert view.before.answer.value == view.after.answer.value == ""


# ---------------------------------------------------------------- bad input


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


def test_an_engine_failure_in_the_coach_becomes_a_french_message(monkeypatch) -> None:
    coach = PromptCoach()

    def broken(_prompt):
        raise ValueError("boom")

    monkeypatch.setattr("widgets.prompting.coach_view.check_fields", broken)
    coach.inputs["role"].value = "agent"
    assert "n'a pas pu analyser" in coach.notice.value


# ---------------------------------------------------------------- the notebook and the code


def test_the_notebook_documents_every_rule() -> None:
    notebook = nbformat.read(solution_path("03-prompts"), as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for rule in RULES:
        assert rule.title in text, rule.title
    assert "c'est-à-dire la consigne que l'on donne au modèle" in text
    for fact in ("ai-act-art-50-4", "cnil-ia-generative-2024"):
        assert f"<!-- fait:{fact} -->" in text


def test_the_engines_know_nothing_of_jupyter() -> None:
    jupyter = {"IPython", "ipywidgets", "ipykernel", "nbformat", "nbclient"}
    engines = ("fields", "patterns", "personal_data", "rules", "checklist", "gallery", "render")
    for name in engines:
        tree = ast.parse((ROOT / "widgets" / "prompting" / f"{name}.py").read_text("utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert not imported & jupyter, name


def test_rules_and_results_are_plain_data() -> None:
    checklist = check_fields(GOOD)
    assert dataclasses.is_dataclass(checklist) and dataclasses.is_dataclass(checklist.results[0])


def test_the_bench_measures_the_coach_per_keystroke() -> None:
    from curriculum.benchmarks.core import BenchContext
    from curriculum.benchmarks.prompting import measure_prompting

    assert measure_prompting(BenchContext(root=ROOT, repeats=1, only="00-accueil")) == []
    rows = {row.key: row for row in measure_prompting(BenchContext(root=ROOT, repeats=1))}
    assert set(rows) == {
        "prompting:coach:median",
        "prompting:coach:p95",
        "prompting:free-text:median",
        "prompting:free-text:p95",
        "prompting:paste-1mb",
    }
    assert len(rows["prompting:coach:median"].samples) == 100
    assert all(row.unit == "ms" and row.value > 0 for row in rows.values())
