"""The module map: the same in the README and in widgets.lessons, and every path in it exists."""

from __future__ import annotations

import re

import widgets.lessons
from conftest import ROOT
from curriculum.syllabus import load_course_syllabus

README = ROOT / "README.md"
MAP_START, MAP_END = "<!-- carte:debut -->", "<!-- carte:fin -->"
FOLDERS = {
    "leçon": ROOT / "widgets",
    "moteurs": ROOT / "widgets",
    "vues": ROOT / "widgets",
    "données": ROOT / "widgets",
    "tests": ROOT / "tests",
    "mesures": ROOT / "curriculum" / "benchmarks",
}


def table_rows(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("|")]


def readme_map() -> list[str]:
    text = README.read_text(encoding="utf-8")
    return table_rows(text.split(MAP_START, 1)[1].split(MAP_END, 1)[0])


def parsed_map() -> list[dict[str, str]]:
    header, _rule, *rows = readme_map()
    names = [cell.strip() for cell in header.strip("|").split("|")]
    return [
        dict(zip(names, (cell.strip() for cell in row.strip("|").split("|")), strict=True))
        for row in rows
    ]


def test_the_readme_and_the_lessons_package_show_the_same_map() -> None:
    assert readme_map() == table_rows(widgets.lessons.__doc__)


def test_every_path_of_the_map_exists() -> None:
    for row in parsed_map():
        for column, folder in FOLDERS.items():
            for path in re.findall(r"`([^`]+)`", row[column]):
                matches = list(folder.glob(path.rstrip("/")))
                assert matches, f"{row['module']} : {column} « {path} » introuvable"


def test_every_available_module_and_every_lesson_is_on_the_map() -> None:
    rows = parsed_map()
    modules = {row["module"] for row in rows}
    available = {m.id for m in load_course_syllabus(ROOT).modules if m.status == "available"}
    assert available <= modules
    lessons = {
        path.stem for path in (ROOT / "widgets" / "lessons").glob("*.py") if path.stem != "__init__"
    }
    mapped = {re.sub(r"`lessons/(\w+)\.py`", r"\1", row["leçon"]) for row in rows}
    assert lessons <= mapped
