"""The glossary: one data file, a page the learner can open, a link in every module."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_markdown_cell, new_notebook

from conftest import NOTEBOOKS, ROOT, SOLUTIONS
from curriculum.check_glossary import check_glossary
from curriculum.glossary import GlossaryError, Term, load_glossary, refresh, render_page
from curriculum.syllabus import load_course_syllabus

SYLLABUS = load_course_syllabus(ROOT)
TERMS = load_glossary()
AVAILABLE = [module for module in SYLLABUS.modules if module.available]
GLOSSARY_BLOCK = re.compile(
    r"<!-- atelier:glossaire:debut -->\n(.*?)\n<!-- atelier:glossaire:fin -->", re.DOTALL
)
WORDS_LEARNERS_MET_UNEXPLAINED = ("chatbot", "API", "Binder", "atelier serve", "llama.cpp")


def markdown_of(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def test_the_glossary_file_is_the_packaged_one_and_every_term_is_defined() -> None:
    assert load_glossary(ROOT / "curriculum" / "glossary.toml") == TERMS
    assert len(TERMS) >= 40
    assert len({term.term for term in TERMS}) == len(TERMS)
    for term in TERMS:
        assert term.definition.endswith("."), term.term
        assert SYLLABUS.module(term.module) is not None, term.term


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.term)
def test_every_term_appears_in_the_module_that_introduces_it(term: Term) -> None:
    text = GLOSSARY_BLOCK.sub("", markdown_of(SOLUTIONS / term.module / f"{term.module}.ipynb"))
    assert term.match.casefold() in text.casefold(), (term.term, term.module)


def test_words_learners_met_unexplained_are_in_the_glossary() -> None:
    found = " ".join(f"{term.term} {term.match}" for term in TERMS)
    for word in WORDS_LEARNERS_MET_UNEXPLAINED:
        assert word in found, word


@pytest.mark.parametrize("module", AVAILABLE, ids=lambda module: module.id)
def test_every_module_links_the_glossary_page_the_learner_can_open(module) -> None:
    for folder in (SOLUTIONS, NOTEBOOKS):
        block = GLOSSARY_BLOCK.search(markdown_of(folder / module.notebook))
        assert block, f"{folder.name}/{module.notebook}"
        target = re.search(r"\[glossaire du cours\]\(([^)]+)\)", block.group(1)).group(1)
        assert (folder / module.id / target).resolve().is_file(), target
        for term in TERMS:
            if term.module == module.id:
                assert f"*{term.term}*" in block.group(1)


def test_the_page_lists_every_term_with_its_module() -> None:
    page = (NOTEBOOKS / "00-accueil" / "glossaire.md").read_text(encoding="utf-8")
    assert page == (SOLUTIONS / "00-accueil" / "glossaire.md").read_text(encoding="utf-8")
    for term in TERMS:
        line = next(line for line in page.splitlines() if line.startswith(f"- **{term.term}** :"))
        assert term.definition in line
        assert f"module {term.module[:2]}, *{SYLLABUS.module(term.module).title}*" in line
    terms_in_page = re.findall(r"^- \*\*(.+?)\*\* :", page, flags=re.MULTILINE)
    plain = [
        unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore")
        for text in terms_in_page
    ]
    assert plain == sorted(plain), "alphabetical order, accents and capitals ignored"


def test_a_module_line_and_a_page_are_written_from_the_data(tmp_path: Path) -> None:
    path = tmp_path / "glossary.toml"
    path.write_text(
        '[[terms]]\nterm = "Zèbre"\ndefinition = "Un animal."\nmodule = "02-ia-generative"\n'
        '[[terms]]\nterm = "éléphant"\ndefinition = "Un autre."\nmodule = "01-prise-en-main"\n',
        encoding="utf-8",
    )
    terms = load_glossary(path)
    assert [term.term for term in terms] == ["éléphant", "Zèbre"]
    markers = "<!-- atelier:glossaire:debut -->\n<!-- atelier:glossaire:fin -->"
    notebook = new_notebook(cells=[new_markdown_cell(f"# Titre\n{markers}")])
    assert refresh(notebook, "02-ia-generative", terms, "essai")
    line = notebook.cells[0].source
    assert "[glossaire du cours](../00-accueil/glossaire.md)" in line
    assert "Mots nouveaux dans ce module : *Zèbre*." in line
    assert not refresh(notebook, "02-ia-generative", terms, "essai")
    page = render_page(terms, SYLLABUS)
    assert page.index("éléphant") < page.index("Zèbre")
    assert "(module 02, *Comment une IA générative écrit*)" in page


def test_a_broken_glossary_or_an_unknown_module_is_said_in_french(tmp_path: Path) -> None:
    path = tmp_path / "curriculum" / "glossary.toml"
    path.parent.mkdir()
    path.write_text('[[terms]]\nterm = "x"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="manquent"):
        load_glossary(path)
    path.write_text(
        '[[terms]]\nterm = "x"\ndefinition = "Un mot."\nmodule = "99-nulle-part"\n',
        encoding="utf-8",
    )
    assert any("99-nulle-part" in problem for problem in check_glossary(tmp_path, SYLLABUS))


def test_the_real_course_links_the_glossary_everywhere_and_is_current() -> None:
    assert check_glossary(ROOT, SYLLABUS) == []
