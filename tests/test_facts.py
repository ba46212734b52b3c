"""The facts registry, the fact boxes in notebooks, and their checks."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from conftest import ROOT
from curriculum.check_facts import check_facts, stale_facts
from curriculum.fact_boxes import FactBoxError, cited_ids, is_current, refresh
from curriculum.facts import FactsError, load_facts, partial_french_date

REGISTRY = """
[[facts]]
id = "un-fait"
statement = "Un énoncé daté."
source = "Une source"
url = "https://exemple.fr"
source_date = 2024-06-13
last_checked = 2026-11-23

[[facts]]
id = "un-autre"
statement = "Un autre énoncé."
source = "Une autre source"
source_date = "2022-10"
last_checked = 2025-01-01
caveat = "Non vérifié."
"""


def test_real_registry_loads_and_is_complete() -> None:
    facts = load_facts(ROOT / "curriculum" / "facts.toml")
    assert facts == load_facts()  # the packaged copy is the course's copy
    for fact in facts.values():
        assert fact.statement and fact.source
        assert fact.last_checked <= dt.date.today()


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("2024-06-13", "13 juin 2024"),
        ("2020-07-01", "1er juillet 2020"),
        ("2022-10", "octobre 2022"),
        ("2022", "2022"),
    ],
)
def test_french_dates(value: str, text: str) -> None:
    assert partial_french_date(value) == text


def registry(tmp_path: Path, text: str = REGISTRY) -> Path:
    path = tmp_path / "curriculum" / "facts.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_registry_problems_are_french(tmp_path: Path) -> None:
    with pytest.raises(FactsError) as caught:
        load_facts(registry(tmp_path, '[[facts]]\nid = "x"\nstatement = "y"\n'))
    assert "il manque" in caught.value.messages[0]
    with pytest.raises(FactsError) as caught:
        load_facts(registry(tmp_path, "[[facts]\n"))
    assert "TOML" in caught.value.messages[0]
    duplicated = REGISTRY + REGISTRY.split("[[facts]]")[1].join(["[[facts]]", ""])
    with pytest.raises(FactsError) as caught:
        load_facts(registry(tmp_path, duplicated))
    assert "déjà utilisé" in " ".join(caught.value.messages)


def notebook(*sources: str) -> nbformat.NotebookNode:
    return new_notebook(cells=[new_markdown_cell(source) for source in sources])


def test_refresh_fills_boxes_and_sources_and_is_idempotent(tmp_path: Path) -> None:
    facts = load_facts(registry(tmp_path))
    nb = notebook(
        "Intro\n<!-- fait:un-fait -->\n<!-- /fait -->\nSuite",
        "## Sources\n<!-- atelier:sources:debut -->\n<!-- atelier:sources:fin -->",
    )
    assert cited_ids(nb) == ["un-fait"]
    assert not is_current(nb, facts, "essai")
    assert refresh(nb, facts, "essai")
    box = nb.cells[0].source
    assert box.startswith("Intro\n<!-- fait:un-fait -->\n> **À savoir.** Un énoncé daté.")
    assert "[Une source](https://exemple.fr), 13 juin 2024" in box
    assert box.endswith("<!-- /fait -->\nSuite")
    assert "Vérifié le 23 novembre 2026." in nb.cells[1].source
    assert "Une autre source" not in nb.cells[1].source
    assert not refresh(nb, facts, "essai")
    assert is_current(nb, facts, "essai")


def test_unknown_fact_and_unclosed_box_are_refused(tmp_path: Path) -> None:
    facts = load_facts(registry(tmp_path))
    with pytest.raises(FactBoxError, match="absents du registre"):
        refresh(notebook("<!-- fait:inconnu -->\n<!-- /fait -->"), facts, "essai")
    with pytest.raises(FactBoxError, match="fermeture"):
        refresh(notebook("<!-- fait:un-fait -->\ntexte"), facts, "essai")


def course(tmp_path: Path, *sources: str) -> Path:
    registry(tmp_path)
    path = tmp_path / "solutions" / "05-essai" / "05-essai.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(notebook(*sources), path)
    return tmp_path


def test_check_reports_stale_boxes_unknown_ids_and_missing_sources(tmp_path: Path) -> None:
    root = course(tmp_path, "<!-- fait:un-fait -->\n<!-- /fait -->")
    problems = check_facts(root)
    assert any("ne sont plus à jour" in problem for problem in problems)
    assert any("section des sources" in problem for problem in problems)
    root = course(tmp_path / "b", "<!-- fait:nope -->\n<!-- /fait -->")
    assert any("absents du registre" in problem for problem in check_facts(root))


def test_facts_unchecked_for_a_year_are_flagged(tmp_path: Path) -> None:
    root = course(tmp_path, "texte")
    assert stale_facts(root, today=dt.date(2025, 6, 1)) == []
    flagged = stale_facts(root, today=dt.date(2026, 6, 1))
    assert len(flagged) == 1 and "un-autre" in flagged[0]


def test_real_course_cites_only_known_and_current_facts() -> None:
    assert check_facts(ROOT) == []


# ------------------------------------------------------------------ plain, sourced statements

MAX_WORDS = 25
WITHOUT_ADDRESS = {
    "ai-act-omnibus-art-4": "secondary sources only; the final text was not checked on EUR-Lex",
    "ai-act-dates-haut-risque": "secondary sources only; the final text was not checked on EUR-Lex",
    "caf-revelation-2022": "the October 2022 article was not found again",
    "caf-ampleur-2023": "the Le Monde article's address was not found again",
    "impact-ecologits-ordres-de-grandeur": "computed for the course with EcoLogits",
    "impact-ademe-arcep-2025": "the report's address was not verified",
    "impact-ademe-centres-de-donnees-2024": "secondary copy; not checked on ademe.fr",
    "impact-arcep-2025": "the report's address was not verified",
}


def sentence_lengths(text: str) -> list[tuple[int, str]]:
    """Word count of each sentence: a sentence ends with . ! ? or … followed by a space."""
    sentences = re.split(r"(?<=[.!?…])\s+", text.strip())
    return [(sum(1 for word in s.split() if re.search(r"\w", word)), s) for s in sentences if s]


def test_sentence_lengths_are_counted_as_a_reader_would() -> None:
    assert sentence_lengths("Un énoncé daté. Un autre, plus long : l'IA.") == [
        (3, "Un énoncé daté."),
        (5, "Un autre, plus long : l'IA."),
    ]


@pytest.mark.parametrize("fact", load_facts().values(), ids=lambda fact: fact.id)
def test_every_sentence_of_a_fact_has_at_most_25_words(fact) -> None:
    for field in (fact.statement, fact.caveat):
        for words, sentence in sentence_lengths(field):
            assert words <= MAX_WORDS, f"{fact.id} : {words} mots dans « {sentence} »"


def test_every_source_has_an_address_unless_none_was_found() -> None:
    facts = load_facts()
    without = {fact.id for fact in facts.values() if not fact.url}
    assert without == set(WITHOUT_ADDRESS)
    for fact in facts.values():
        if fact.url:
            assert re.fullmatch(r"https://[a-z0-9.-]+\.[a-z]+/\S*", fact.url), fact.url


def test_several_facts_make_one_short_box_that_links_to_the_sources(tmp_path: Path) -> None:
    facts = load_facts(registry(tmp_path))
    nb = notebook(
        "<!-- fait:un-fait un-autre -->\n<!-- /fait -->",
        "## Sources\n<!-- atelier:sources:debut -->\n<!-- atelier:sources:fin -->",
    )
    assert cited_ids(nb) == ["un-fait", "un-autre"]
    refresh(nb, facts, "essai")
    box = nb.cells[0].source
    assert box.count("**À savoir.**") == 1
    assert "> - Un énoncé daté.\n> - Un autre énoncé. *Réserve : non vérifié.*" in box
    assert "[en bas de ce notebook](#Sources)" in box and "exemple.fr" not in box
    sources = nb.cells[1].source
    assert "Une source" in sources and "Une autre source" in sources


def test_a_reading_shows_its_linked_source_and_date_and_needs_an_address(tmp_path: Path) -> None:
    facts = load_facts(registry(tmp_path))
    nb = notebook("## Pour aller plus loin\n<!-- ressource:un-fait -->\n<!-- /ressource -->")
    refresh(nb, facts, "essai")
    assert "- À lire : [Une source](https://exemple.fr), 13 juin 2024." in nb.cells[0].source
    with pytest.raises(FactBoxError, match="pas d'adresse"):
        refresh(notebook("<!-- ressource:un-autre -->\n<!-- /ressource -->"), facts, "essai")
    with pytest.raises(FactBoxError, match="absents du registre"):
        refresh(notebook("<!-- ressource:nope -->\n<!-- /ressource -->"), facts, "essai")


def test_the_corrected_legal_facts_say_what_the_law_says() -> None:
    facts = load_facts()
    publication = facts["crpa-l312-1-3"].statement
    assert "50 agents" in publication and "2016-1922" in publication
    assert "2 000 habitants qui emploie 60 agents doit donc publier" in publication
    assert "3 500 habitants vise une autre obligation" in publication
    assert "dans toute la mesure du possible" in facts["ai-act-art-4"].statement
    omnibus = facts["ai-act-omnibus-art-4"]
    assert "soutenir le développement de la maîtrise" in omnibus.statement
    assert "EUR-Lex" in omnibus.caveat
    fines = facts["ai-act-art-50-4"].statement
    assert "15 millions" in fines and "article 99, paragraphe 8" in fines
    dates = facts["ai-act-dates-haut-risque"]
    assert "2 décembre 2027" in dates.statement and "EUR-Lex" in dates.caveat
