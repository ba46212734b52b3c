"""Module 12: the debate cards load, are checked on load, and cite only registry facts.

The expectations are read from the raw TOML file with tomllib and from the
facts registry (curriculum/facts.toml), never from the engine under test.
"""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest
from fuzz_values import assert_french

from curriculum.facts import load_facts
from widgets.debat.cards import (
    MAX_POSITIONS,
    DebateCardsError,
    card_by_id,
    closing_card,
    load_cards,
    parse_cards,
)
from widgets.errors import AtelierError

TEXT = resources.files("widgets.debat").joinpath("sources", "cartes.toml").read_text("utf-8")
RAW = tomllib.loads(TEXT)
CLOSING = "\n[cloture]\n"
THEMES = {"chartres", "emplois", "droit-auteur", "ouvert", "a-qui", "controle", "habitants"}


def test_the_cards_are_those_of_the_file_in_its_order() -> None:
    cards = load_cards()
    assert [card.id for card in cards] == [entry["id"] for entry in RAW["cartes"]]
    assert {card.id for card in cards} >= THEMES
    for card, entry in zip(cards, RAW["cartes"], strict=True):
        assert card.title == entry["title"] and card.room_question == entry["room_question"]
        assert [(p.label, p.text) for p in card.positions] == [
            (p["label"], p["text"]) for p in entry["positions"]
        ]
        assert card.fact_ids == tuple(entry["facts"])
        assert 2 <= len(card.positions) <= 3
        assert card.letters == ("A", "B", "C")[: len(card.positions)]


def test_the_closing_card_is_apart_and_has_no_positions() -> None:
    closing = closing_card()
    assert closing.title == "Ce que nous retenons"
    assert closing.positions == () and closing.fact_ids == ()
    assert closing.id not in {card.id for card in load_cards()}


def test_every_fact_a_card_cites_is_in_the_registry() -> None:
    facts = load_facts()
    cited = {fact for entry in RAW["cartes"] for fact in entry["facts"]}
    assert cited - facts.keys() == set()
    chartres = facts["debat-chartres-discours-2023"]
    assert "8 mai 2023" in chartres.statement and "CIDEFE" in chartres.source
    assert chartres.source_date == "2023-09-27"
    assert facts["debat-cafe-ia-2024"].source_date == "2024-07-26"
    assert "Cénum" in facts["debat-cafe-ia-2024"].source


def test_the_chartres_card_cites_the_disclosure_rule_and_its_exception() -> None:
    card = card_by_id("chartres")
    assert "ai-act-art-50-4" in card.fact_ids
    statement = load_facts()["ai-act-art-50-4"].statement
    assert "relu" in statement and "responsabilité éditoriale" in statement


def test_the_copyright_card_says_the_law_is_uncertain() -> None:
    card = card_by_id("droit-auteur")
    fact = load_facts()["verifier-droit-auteur-incertain"]
    assert fact.id in card.fact_ids and "pas tranchée" in fact.statement and fact.caveat


def _with(old: str, new: str) -> str:
    assert old in TEXT
    return TEXT.replace(old, new, 1)


FIRST_POSITION = '[[cartes.positions]]\nlabel = "Un outil comme un autre"'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cartes = [", "TOML valide"),
        ("", "aucune carte"),
        (_with('id = "emplois"', 'id = "chartres"'), "même identifiant : chartres"),
        (_with('id = "emplois"', 'id = "Emplois Été"'), "minuscules sans accent"),
        (
            _with(
                'facts = ["verifier-droit-auteur-incertain"]',
                'facts = ["verifier-droit-auteur-incertain", "verifier-droit-auteur-incertain"]',
            ),
            "cité deux fois",
        ),
        (_with('facts = ["verifier-droit-auteur-incertain"]', "facts = []"), "au moins un fait"),
        (
            _with('facts = ["verifier-droit-auteur-incertain"]', 'facts = ["Pas un id"]'),
            "identifiant de fait",
        ),
        (_with('title = "Un discours écrit avec une IA"', 'title = " "'), "« title » manque"),
        (
            _with('label = "Un outil comme un autre"', 'label = "Oui, mais en le disant"'),
            "même étiquette",
        ),
        (
            _with('label = "Un outil comme un autre"', 'label = "' + "x" * 401 + '"'),
            "400 caractères",
        ),
        (_with(CLOSING, CLOSING + 'facts = ["ai-act-art-4"]\n'), "ni positions ni faits"),
        (TEXT.split(CLOSING)[0], "carte de clôture est mal écrite"),
    ],
)
def test_a_badly_written_file_is_refused_in_french(text: str, expected: str) -> None:
    with pytest.raises(DebateCardsError) as error:
        parse_cards(text)
    assert expected in error.value.message
    assert_french(error.value.message)


def test_too_many_or_too_few_positions_are_refused() -> None:
    one_more = '\n[[cartes.positions]]\nlabel = "Quatrième"\ntext = "Encore une."\n'
    anchor = '\n[[cartes]]\nid = "emplois"'
    with pytest.raises(DebateCardsError, match=f"de 2 à {MAX_POSITIONS} positions, pas 4"):
        parse_cards(_with(anchor, one_more + anchor))
    only_one = TEXT.split('[[cartes]]\nid = "emplois"')[0].split(FIRST_POSITION)[0]
    with pytest.raises(DebateCardsError, match="pas 0"):
        parse_cards(only_one + CLOSING + TEXT.split(CLOSING)[1])


@pytest.mark.parametrize("odd", ["inconnue", "", None, 3, ["chartres"]])
def test_an_unknown_card_id_names_the_cards(odd: object) -> None:
    with pytest.raises(AtelierError) as error:
        card_by_id(odd)
    assert "« chartres »" in error.value.message
    assert_french(error.value.message)
