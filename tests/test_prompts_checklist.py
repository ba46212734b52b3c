"""Module 03's engine: a prompt assembled from its fields, and the nine rules that score it."""

from __future__ import annotations

import pytest

from widgets.prompts.checklist import assess_prompt, check_fields
from widgets.prompts.fields import FIELD_NAMES, MAX_FIELD_CHARS, PromptFields, assemble
from widgets.prompts.gallery import gallery
from widgets.prompts.personal_data import personal_data_kinds
from widgets.prompts.rules import MAX_WORDS, MIN_WORDS, RULES

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


def test_an_empty_prompt_scores_zero_and_says_it_is_empty() -> None:
    for checklist in (check_fields(PromptFields()), assess_prompt(""), assess_prompt(" \n\t")):
        assert checklist.score == 0
        assert checklist.missing == tuple(rule.id for rule in RULES)
        assert all(result.status == "à améliorer" for result in checklist.results)
        assert checklist.verdict.startswith("prompt vide")
        assert "vide" in checklist.result("personal_data").advice


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
        ("NIR 2 84 05 75 123 456 72", "un numéro de sécurité sociale"),
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
        assert assess_prompt(value).score == assess_prompt("").score == 0
