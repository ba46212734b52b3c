"""Module 03: the prompt is read for what it says: a role that is a role, real guards, the case.

Every expected verdict below is written by hand; none is computed by the
code under test.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from widgets.lessons.prompts import FAQ_PROMPT, MINUTES_PROMPTS, MY_PROMPT
from widgets.prompts.case import CaseError, case
from widgets.prompts.checklist import assess_prompt, check_fields
from widgets.prompts.exercise import PromptExercise
from widgets.prompts.fields import PromptFields
from widgets.prompts.guards import guards_found
from widgets.prompts.normalize import PromptText, normalize
from widgets.prompts.roles import RoleKind, read_role, read_role_field

# ---------------------------------------------------------------- normalising


def test_accents_capitals_apostrophes_and_inclusive_endings_read_the_same() -> None:
    assert normalize("N’INVENTEZ  rien") == normalize("n'inventez rien") == "n'inventez rien"
    assert normalize("Chargé·e de communication") == "charge de communication"
    assert normalize("élu(e)s et directeur·rice") == "elu et directeur"
    assert normalize("Ligne 1\n\n  ligne   2 ") == "ligne 1\nligne 2"
    assert normalize("jeanne.martin@exemple.fr") == "jeanne.martin@exemple.fr"


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Vous êtes agent d'accueil de la mairie.", RoleKind.TOWN_HALL),
        ("Tu es la secrétaire générale de la mairie.", RoleKind.TOWN_HALL),
        ("En tant qu'adjointe au maire, rédigez…", RoleKind.TOWN_HALL),
        ("Vous êtes conseillère municipale déléguée aux sports.", RoleKind.TOWN_HALL),
        ("Vous êtes chargé·e de communication.", RoleKind.TOWN_HALL),
        ("Vous êtes en charge de la communication de la ville.", RoleKind.TOWN_HALL),
        ("Joue le rôle d'un agent de la mairie.", RoleKind.TOWN_HALL),
        ("Vous êtes un expert en communication publique.", RoleKind.TOWN_HALL),
        ("Tu es stagiaire au service communication.", RoleKind.TOWN_HALL),
        ("Vous êtes un expert.", RoleKind.NEEDS_ANCHOR),
        ("Vous êtes journaliste.", RoleKind.ELSEWHERE),
        ("Vous êtes un agent immobilier.", RoleKind.ELSEWHERE),
        ("Vous êtes un pirate.", RoleKind.ABSURD),
        ("Vous êtes un chat qui travaille à la mairie.", RoleKind.ABSURD),
        ("Tu es un assistant IA.", RoleKind.NOT_A_PERSON),
        ("Vous êtes ChatGPT.", RoleKind.NOT_A_PERSON),
        ("Vous êtes. Rédigez 100 mots.", RoleKind.EMPTY),
        ("Vous êtes : ", RoleKind.EMPTY),
        ("Vous êtes chargé de rédiger l'annonce.", RoleKind.INSTRUCTION),
        ("Vous êtes\nRédigez le message.", RoleKind.INSTRUCTION),
        ("Vous êtes gentil.", RoleKind.UNKNOWN),
        ("Rédigez le message.", RoleKind.MISSING),
        ("Si vous êtes d'accord, rédigez. Vous êtes agent de la mairie.", RoleKind.TOWN_HALL),
    ],
)
def test_a_role_in_a_free_text_is_read_for_what_it_is(text: str, kind: RoleKind) -> None:
    assert read_role(PromptText.of(text)).kind is kind


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("", RoleKind.MISSING),
        ("   ", RoleKind.MISSING),
        ("Fais une lettre", RoleKind.INSTRUCTION),
        ("Rédigez la réponse", RoleKind.INSTRUCTION),
        ("agent d'accueil de la mairie", RoleKind.TOWN_HALL),
        ("Vous êtes responsable des sports", RoleKind.TOWN_HALL),
        ("un pirate", RoleKind.ABSURD),
        ("une IA", RoleKind.NOT_A_PERSON),
        ("xyz", RoleKind.UNKNOWN),
    ],
)
def test_the_role_field_must_name_a_person_or_a_function(field: str, kind: RoleKind) -> None:
    assert read_role_field(field).kind is kind


def test_the_coach_no_longer_ticks_any_text_in_the_role_field() -> None:
    instruction = check_fields(PromptFields(role="Fais une lettre")).result("role")
    assert not instruction.met
    assert "« Fais une lettre » est une consigne, pas un rôle" in instruction.advice
    pirate = check_fields(PromptFields(role="un pirate")).result("role")
    assert not pirate.met and "« pirate »" in pirate.advice
    assert check_fields(PromptFields(role="secrétaire de mairie")).result("role").met
    journalist = check_fields(PromptFields(role="journaliste")).result("role")
    assert journalist.met and "fonction de la mairie" in journalist.advice


def test_free_text_role_advice_names_what_was_not_recognised() -> None:
    empty = assess_prompt("Vous êtes. Rédigez une lettre.").result("role")
    assert not empty.met and "« Vous êtes » n'est suivi d'aucun rôle" in empty.advice
    unknown = assess_prompt("Vous êtes gentil et rapide.").result("role")
    assert "« gentil et rapide » n'est pas reconnu" in unknown.advice


def test_no_role_is_in_two_lists_of_the_data_file() -> None:
    text = resources.files("widgets.prompts").joinpath("roles.toml").read_text("utf-8")
    data = tomllib.loads(text)
    lists = ("town_hall", "needs_anchor", "elsewhere", "absurd", "not_a_person")
    seen: dict[str, str] = {}
    for name in lists:
        for entry in data[name]:
            assert entry == entry.lower() and entry not in seen, (entry, name, seen.get(entry))
            seen[entry] = name
    assert len(data["town_hall"]) >= 40


# ---------------------------------------------------------------- guards


@pytest.mark.parametrize(
    "text",
    [
        "N'inventez rien.",
        "n’invente rien",
        "NE RIEN INVENTER",
        "ne pas inventer de date",
        "Sans rien inventer.",
        "Tu n'inventes aucune date.",
        "Ne donne aucune date que je ne t'ai pas fournie.",
        "Ne donnez aucun chiffre que je ne vous ai pas donné.",
        "N'ajoute aucune information qui ne figure pas dans ce texte.",
        "Si tu ne sais pas, dis-le.",
        "Si vous ne savez pas, dites-le.",
        "si tu n'es pas sur d'une date, ecris [date a confirmer]",
        "S'il te manque une info, écris [à compléter].",
        "Signale entre crochets ce qui est à vérifier.",
        "Utilise uniquement les informations ci-dessus.",
        "N'utilise que les infos que je te donne.",
        "Tiens-t'en aux faits.",
        "Pas de date inventée.",
        "Cite tes sources.",
        "Citez la source de chaque chiffre.",
        "Pas de données personnelles.",
        "ne mets aucune donnee personnelle",
        "Ne nommez personne.",
        "Ne décide rien à ma place.",
        "Ne prenez aucune décision à la place des élus.",
    ],
)
def test_guards_are_recognised_in_their_usual_phrasings(text: str) -> None:
    assert guards_found(PromptText.of(text).flat)


@pytest.mark.parametrize(
    "text",
    [
        "Inventez un slogan accrocheur.",
        "Vérifiez l'orthographe.",
        "Soyez précis.",
        "Donnez les dates de fermeture.",
        "N'oubliez pas de donner les dates.",
        "Ne dépassez pas 100 mots.",
        "Ajoutez les données personnelles des usagers.",
        "Pour toute question, appelez l'accueil.",
        "Le gymnase ne sera pas ouvert.",
    ],
)
def test_words_that_only_look_like_guards_are_not_guards(text: str) -> None:
    assert guards_found(PromptText.of(text).flat) == []


# ---------------------------------------------------------------- exercise 1 and its siblings


def test_the_question_states_every_criterion_the_check_applies() -> None:
    question = MY_PROMPT.question
    for criterion in (
        "un rôle** plausible à la mairie",
        "verbe d'action",
        "le gymnase, sa fermeture, le site",
        "un format",
        "une contrainte",
        "aucune donnée personnelle",
    ):
        assert criterion in question, criterion
    assert "ton" not in question.split() and "25 mots" not in question


def test_the_issue_s_two_nonsense_prompts_fail_with_precise_french_reasons() -> None:
    pirate = MY_PROMPT.grade(
        "Vous êtes un pirate. Rédigez un poème de 100 mots sur les bananes. N'inventez rien."
    )
    assert not pirate.is_correct
    assert "« pirate » n'est pas un rôle sérieux" in pirate.message
    assert "vous demandez « un poème »" in pirate.message
    assert "ne parle ni du gymnase" in pirate.message
    words = MY_PROMPT.grade("Vous êtes. Rédigez 100 mots. N'inventez rien. gymnase courtois")
    assert not words.is_correct
    assert "« Vous êtes » n'est suivi d'aucun rôle" in words.message
    assert "« Rédigez 100 mots » ne dit pas quel texte écrire" in words.message


def test_an_unknown_case_is_a_french_error_when_the_lesson_is_written() -> None:
    assert case("gymnase").deliverable
    with pytest.raises(CaseError, match="cas connus : gymnase"):
        PromptExercise(
            id="qx",
            variable="x",
            case_id="piscine",
            question="?",
            why=".",
            hints=("a",),
            solution=".",
            reference=".",
            wrong_examples=(".",),
        )


def test_the_checker_still_ranks_the_prompts_of_exercises_2_and_3_as_they_say() -> None:
    scores = {letter: assess_prompt(text).score for letter, text in MINUTES_PROMPTS.items()}
    assert scores["B"] > scores["C"] > scores["A"]
    assert assess_prompt(FAQ_PROMPT).missing == ("guards",)
