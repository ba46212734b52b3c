"""The facts registry, the fact boxes in notebooks, and their checks."""

from __future__ import annotations

import datetime as dt
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
