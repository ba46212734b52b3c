"""Module 11's legal drafts: the « mention explicite », the inventory entry, the threshold."""

from __future__ import annotations

import pytest
from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome, showable
from hypothesis import given
from hypothesis import strategies as st

from widgets.errors import AtelierError
from widgets.projet.notices import (
    EXERCISE_MISSING,
    INVENTORY_FIELDS,
    NOTICE_FIELDS,
    draft_markdown,
    explicit_notice,
    inventory_entry,
    inventory_required,
    inventory_sentence,
    missing_elements,
)

CRECHE = {
    "decision": "l'attribution d'une place en crèche",
    "purpose": "classer les demandes selon les critères votés.",
    "service": "Service petite enfance",
    "contact": "petite-enfance@clairval.example",
}


def test_the_notice_says_what_r311_3_1_1_asks() -> None:
    """Purpose, the right to obtain the rules, and how to exercise it (whom to write to)."""
    text = " ".join(explicit_notice(CRECHE).paragraphs)
    assert "traitement algorithmique" in text and "L311-3-1" in text
    assert "Finalité de ce traitement : classer les demandes selon les critères votés." in text
    assert "droit d'obtenir la communication des règles" in text
    assert (
        "adressez votre demande à : Service petite enfance, petite-enfance@clairval.example."
        in text
    )
    assert "l'attribution d'une place en crèche" in text
    assert explicit_notice(CRECHE).missing == ()
    assert "crpa-r311-3-1-1" in explicit_notice(CRECHE).facts


def test_empty_fields_show_a_placeholder_and_are_listed_as_missing() -> None:
    draft = explicit_notice({"decision": "x", "purpose": "  ", "contact": None})
    assert draft.missing == (
        "la finalité du traitement",
        "le service qui répond",
        "l'adresse où écrire",
    )
    assert "[à compléter : la finalité du traitement]" in " ".join(draft.paragraphs)
    assert missing_elements({}) == tuple(NOTICE_FIELDS.values())
    assert missing_elements(CRECHE) == ()


def test_the_exercise_draft_lacks_whom_to_write_to() -> None:
    """The hand-written answer of the exercise: no service, no contact."""
    assert EXERCISE_MISSING == ("service", "contact")
    assert set(EXERCISE_MISSING) <= set(NOTICE_FIELDS)


def test_the_inventory_entry_has_etalab_s_fields_in_order() -> None:
    entry = inventory_entry(
        {
            "name": "Classement crèche",
            "purpose": "classer",
            "decision": "place en crèche",
            "service": "petite enfance",
            "data": "composition du foyer",
            "human_role": "la commission décide",
            "contact": "mairie",
        }
    )
    assert entry.bullets[0] == "Nom du traitement : Classement crèche"
    assert entry.bullets[-1] == "Contact : mairie"
    assert "Rôle des agents : la commission décide" in entry.bullets
    assert entry.missing == ()
    assert len(entry.bullets) == len(INVENTORY_FIELDS) == 7


def test_markdown_shows_the_learner_s_text_as_typed() -> None:
    markdown = draft_markdown(explicit_notice({**CRECHE, "service": "<script>x</script> *gras*"}))
    assert markdown.startswith("### Mention explicite (brouillon)\n\n")
    assert "<script>" not in markdown and "\\*gras\\*" in markdown
    entry = draft_markdown(inventory_entry({"name": "# Titre"}))
    assert "- Nom du traitement : \\# Titre" in entry


def test_a_100_kb_field_is_cut_with_a_note_and_lines_are_joined() -> None:
    draft = explicit_notice({**CRECHE, "purpose": "a" * 100_000})
    assert len(" ".join(draft.paragraphs)) < 3_000
    assert draft.notes and "finalité" in draft.notes[0]
    joined = explicit_notice({**CRECHE, "service": "Service\n\n# petite\tenfance"})
    assert "Service # petite enfance" in " ".join(joined.paragraphs)


@pytest.mark.parametrize(
    ("agents", "required"), [(0, False), (49, False), (50, True), (60, True), (84, True)]
)
def test_the_inventory_threshold_counts_agents(agents: int, required: bool) -> None:
    assert inventory_required(agents) is required


def test_the_threshold_sentence_warns_against_counting_inhabitants() -> None:
    assert "dispensée" in inventory_sentence(49) and "mention explicite" in inventory_sentence(49)
    sentence = inventory_sentence(60)
    assert sentence.startswith("Avec 60 agents, la commune doit publier")
    assert "pas des habitants" in sentence and "2 000 habitants" in sentence


@pytest.mark.parametrize("agents", [True, -1, 2.5, "60", None, 10**400])
def test_odd_agent_counts_get_a_french_message(agents: object) -> None:
    with pytest.raises(AtelierError, match="nombre entier"):
        inventory_required(agents)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ("texte", "dictionnaire"),
        ({"couleur": "x"}, "pas de rubrique « couleur »"),
        ({"purpose": 3}, "attend un texte"),
    ],
)
def test_odd_fields_get_a_french_message(fields: object, words: str) -> None:
    with pytest.raises(AtelierError) as caught:
        explicit_notice(fields)
    assert words in caught.value.message


@FUZZ
@given(st.sampled_from(list(NOTICE_FIELDS)), ODD_TEXT)
def test_odd_text_in_a_notice_field_makes_a_showable_draft(key: str, text: str) -> None:
    draft, message = outcome(lambda: explicit_notice({**CRECHE, key: text}))
    assert message is None
    markdown = draft_markdown(draft)
    assert showable(markdown) and len(markdown) < 5_000


@FUZZ
@given(st.sampled_from(list(INVENTORY_FIELDS)), ODD_TEXT)
def test_odd_text_in_an_inventory_field_makes_a_showable_entry(key: str, text: str) -> None:
    entry, message = outcome(lambda: inventory_entry({key: text}))
    assert message is None and showable(draft_markdown(entry))


@FUZZ
@given(ODD_VALUES)
def test_odd_values_never_raise_anything_but_a_french_message(value: object) -> None:
    outcome(lambda: explicit_notice(value))
    outcome(lambda: explicit_notice({"purpose": value}))
    outcome(lambda: inventory_required(value))
    outcome(lambda: inventory_sentence(value))
