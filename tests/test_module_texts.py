"""What the notebooks tell the learner: timings that add up, pointers that lead somewhere,
readings from the registry, links the learner's server can open, readable colours."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT, SOLUTIONS
from curriculum.syllabus import load_course_syllabus

SYLLABUS = load_course_syllabus(ROOT)
AVAILABLE = [module for module in SYLLABUS.modules if module.available]
PLANNED = [module for module in SYLLABUS.modules if not module.available]
SECTION = re.compile(r"^## (\d+)\. .*\((\d+) min\)$", re.MULTILINE)
GENERATED_PATHS = re.compile(
    r"<!-- atelier:parcours:debut -->.*?<!-- atelier:parcours:fin -->", re.DOTALL
)
LINK = re.compile(r"\]\(([^)#\s]+)\)")


def markdown_of(path: Path) -> str:
    notebook = nbformat.read(path, as_version=4)
    return "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")


def elus_minutes(module_id: str) -> int | None:
    path = next(path for path in SYLLABUS.paths if path.id == "elus")
    return next((step.minutes for step in path.steps if step.module == module_id), None)


@pytest.mark.parametrize("module", AVAILABLE, ids=lambda module: module.id)
def test_timed_sections_add_up_to_the_module_duration(module) -> None:
    text = markdown_of(SOLUTIONS / module.notebook)
    sections = {int(number): int(minutes) for number, minutes in SECTION.findall(text)}
    if not sections:
        return
    assert sorted(sections) == list(range(1, len(sections) + 1)), module.id
    assert sum(sections.values()) == module.minutes, (module.id, sections)
    header = re.search(
        r"parcours élus \((\d+) minutes[^)]*\), la séance suit les sections ([^;.]+)", text
    )
    if header:
        listed = [int(number) for number in re.findall(r"\d+", header.group(2))]
        assert int(header.group(1)) == elus_minutes(module.id)
        assert sum(sections[number] for number in listed) == elus_minutes(module.id)


def test_module_10_says_how_the_elus_path_fits_in_its_time() -> None:
    assert elus_minutes("10-scores-et-equite") == 25
    assert "parcours élus (25 minutes" in markdown_of(
        SOLUTIONS / "10-scores-et-equite" / "10-scores-et-equite.ipynb"
    )


def lines_naming(text: str, module) -> list[str]:
    number = module.id[:2]
    pattern = re.compile(rf"\bmodules? {number}\b|\({number}\)|{re.escape(module.title)}")
    return [line for line in text.splitlines() if pattern.search(line)]


@pytest.mark.parametrize("module", AVAILABLE, ids=lambda module: module.id)
def test_pointers_to_other_modules_say_whether_they_exist(module) -> None:
    text = GENERATED_PATHS.sub("", markdown_of(NOTEBOOKS / module.notebook))
    for planned in PLANNED:
        for line in lines_naming(text, planned):
            assert "en préparation" in line, (module.id, line)
    for available in AVAILABLE:
        for line in lines_naming(text, available):
            if not any(lines_naming(line, planned) for planned in PLANNED):
                assert "en préparation" not in line, (module.id, line)


@pytest.mark.parametrize("module", AVAILABLE, ids=lambda module: module.id)
def test_every_link_leads_to_a_file_the_learner_can_open(module) -> None:
    text = markdown_of(NOTEBOOKS / module.notebook)
    assert "DATASHEET" not in text and "widgets/" not in text, module.id
    for target in LINK.findall(text):
        if target.startswith("https://"):
            continue
        assert (NOTEBOOKS / module.id / target).resolve().is_file(), (module.id, target)
        assert (NOTEBOOKS / module.id / target).resolve().is_relative_to(NOTEBOOKS)


@pytest.mark.parametrize("module", AVAILABLE, ids=lambda module: module.id)
def test_every_going_further_section_suggests_a_dated_outside_reading(module) -> None:
    notebook = nbformat.read(NOTEBOOKS / module.notebook, as_version=4)
    further = [
        cell.source
        for cell in notebook.cells
        if cell.cell_type == "markdown" and cell.source.startswith("## Pour aller plus loin")
    ]
    for section in further:
        reading = re.search(
            r"<!-- ressource:[a-z0-9-]+ -->\n- À lire : \[.+\]\((https://\S+)\), (.+)\.", section
        )
        assert reading, module.id
        assert re.search(r"\b(19|20)\d\d\b", reading.group(2)), reading.group(0)


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_the_binder_warning_is_readable() -> None:
    """WCAG AA asks 4.5:1 between text and background; JupyterLab's own alert gave 2.99:1."""
    text = markdown_of(NOTEBOOKS / "00-accueil" / "00-accueil.ipynb")
    style = re.search(r'<div class="alert alert-warning"[^>]*style="([^"]+)"', text).group(1)
    colour = re.search(r"(?<![-\w])color:(#[0-9a-f]{6})", style).group(1)
    background = re.search(r"background-color:(#[0-9a-f]{6})", style).group(1)
    lighter, darker = sorted((luminance(colour), luminance(background)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5
    assert "Binder** est un service en ligne" in text


COUNCIL_SIZE = re.compile(
    r"(?:conseillers? (?:municipaux )?présents sur|membres en exercice\s*:|conseil de)\s*(\d+)",
    re.IGNORECASE,
)


def test_every_text_gives_the_council_the_size_the_commune_data_give_it() -> None:
    commune = tomllib.loads(
        (ROOT / "widgets" / "corpus" / "sources" / "commune.toml").read_text(encoding="utf-8")
    )
    size = len(commune["members"])
    texts = [
        *(ROOT / "widgets").rglob("*.toml"),
        *(ROOT / "widgets").rglob("*.txt"),
        *(ROOT / "widgets" / "lessons").glob("*.py"),
        *SOLUTIONS.glob("*/*.ipynb"),
    ]
    quoted = [
        (path.relative_to(ROOT), int(number))
        for path in texts
        for number in COUNCIL_SIZE.findall(path.read_text(encoding="utf-8"))
    ]
    assert quoted, "the corpus states the size of the council"
    assert [item for item in quoted if item[1] != size] == []


# Two modules gather facts shown elsewhere, on purpose: module 11 puts together what the
# law asks of a commune's own project (AI Act levels and dates, CRPA notices), and the
# debate shows on each card the facts the room needs. The élus and Café IA paths that end
# with them skip most of the modules where those boxes first appear (00, 05, 07, 08).
GATHERS_FACTS = {"11-projet", "12-debat"}


def test_a_legal_box_is_said_once_and_referred_to_elsewhere() -> None:
    cited_by: dict[str, list[str]] = {}
    for module in AVAILABLE:
        if module.id in GATHERS_FACTS:
            continue
        text = markdown_of(SOLUTIONS / module.notebook)
        for key in re.findall(r"^<!-- fait:([a-z0-9 -]+) -->$", text, flags=re.MULTILINE):
            for fact_id in key.split():
                cited_by.setdefault(fact_id, []).append(module.id)
    assert cited_by
    assert {fact: modules for fact, modules in cited_by.items() if len(modules) > 1} == {}
