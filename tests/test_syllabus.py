"""The syllabus as data, and `atelier check` on the real course and on small fake ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from curriculum.check import check_course
from curriculum.cli import main
from curriculum.index_page import (
    BEGIN_MARKER,
    END_MARKER,
    format_duration,
    render_paths_markdown,
    replace_section,
)
from curriculum.notebook_io import read_notebook
from curriculum.notebook_io import write_notebook as save_notebook
from curriculum.syllabus import SyllabusError, load_course_syllabus, load_syllabus

ROOT = Path(__file__).resolve().parent.parent

FAKE_SYLLABUS = """
[course]
title = "Cours d'essai"
commune = "Clairval-sur-Ondine"

[[modules]]
id = "01-bases"
title = "Les bases"
minutes = 10
audiences = ["agents"]
objectives = ["Comprendre les bases."]
prerequisites = []
notebook = "01-bases/01-bases.ipynb"
status = "available"

[[modules]]
id = "02-suite"
title = "La suite"
minutes = 20
audiences = ["agents"]
objectives = ["Aller plus loin."]
prerequisites = ["01-bases"]
notebook = "02-suite/02-suite.ipynb"
status = "planned"

[[paths]]
id = "essai"
title = "Parcours d'essai"
audience = "agents"
description = "Un parcours pour les tests."
minutes = 45
steps = [
    { module = "01-bases" },
    { module = "02-suite", minutes = 20 },
    { activity = "Débat", minutes = 15 },
]
"""

WELCOME_MODULE = """
[[modules]]
id = "00-accueil"
title = "Bienvenue"
minutes = 5
audiences = ["agents"]
objectives = ["Choisir un parcours."]
prerequisites = []
notebook = "00-accueil/00-accueil.ipynb"
status = "available"
"""


def write_notebook(path: Path, *cells: nbformat.NotebookNode) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(new_notebook(cells=list(cells) or [new_code_cell("x = 1")]), path)


def write_syllabus(root: Path, text: str) -> Path:
    path = root / "curriculum" / "syllabus.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = FAKE_SYLLABUS) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A small consistent course: one available module, one planned, one path."""
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n", encoding="utf-8")
    write_syllabus(tmp_path, FAKE_SYLLABUS)
    for folder in ("solutions", "notebooks"):
        write_notebook(tmp_path / folder / "01-bases" / "01-bases.ipynb")
    return tmp_path


# ---------------------------------------------------------------- the real course


def test_real_syllabus_has_thirteen_modules_and_four_paths() -> None:
    syllabus = load_syllabus()
    assert len(syllabus.modules) == 13
    assert syllabus.modules[-1].id == "12-debat"
    assert [path.id for path in syllabus.paths] == ["elus", "agents", "cafe-ia", "autonomie"]
    assert [path.minutes for path in syllabus.paths] == [120, 365, 60, 370]
    available = [module.id for module in syllabus.modules if module.available]
    assert available[:2] == ["00-accueil", "01-prise-en-main"]
    assert syllabus.title == "Atelier IA"
    assert syllabus.commune == "Clairval-sur-Ondine"


def test_packaged_syllabus_is_the_course_syllabus() -> None:
    assert load_syllabus() == load_course_syllabus(ROOT)


def test_real_course_is_consistent() -> None:
    """The committed course passes `atelier check`.

    Needs the notebooks of every available module in solutions/ AND notebooks/
    (written by `atelier release`): it fails, on purpose, until they exist.
    """
    assert check_course(ROOT) == []


# ---------------------------------------------------------------- rules, on a fake course


def test_fake_course_is_consistent(course: Path) -> None:
    assert check_course(course) == []


def test_missing_notebook_is_named(course: Path) -> None:
    (course / "notebooks" / "01-bases" / "01-bases.ipynb").unlink()
    problems = check_course(course)
    assert len(problems) == 1
    assert "notebooks/01-bases/01-bases.ipynb n'existe pas" in problems[0]
    assert "atelier release 01-bases" in problems[0]


def test_notebook_not_in_syllabus_is_named(course: Path) -> None:
    write_notebook(course / "solutions" / "03-extra" / "03-extra.ipynb")
    write_notebook(course / "solutions" / "01-bases" / ".ipynb_checkpoints" / "01-bases.ipynb")
    write_notebook(course / "solutions" / ".ipynb_checkpoints" / "brouillon.ipynb")
    problems = check_course(course)
    assert len(problems) == 1
    assert "solutions/03-extra/03-extra.ipynb" in problems[0]
    assert "aucun module" in problems[0]


def test_planned_module_with_a_notebook_should_be_available(course: Path) -> None:
    write_notebook(course / "solutions" / "02-suite" / "02-suite.ipynb")
    problems = check_course(course)
    assert len(problems) == 1
    assert "02-suite" in problems[0] and '"available"' in problems[0]


def test_duplicate_ids_fail(course: Path) -> None:
    text = edited('id = "02-suite"', 'id = "01-bases"')
    text = edited("02-suite/02-suite.ipynb", "01-bases/01-bases.ipynb", text)
    write_syllabus(course, text)
    problems = check_course(course)
    assert any("« 01-bases » apparaît 2 fois" in problem for problem in problems)


def test_wrong_path_total_gives_both_numbers(course: Path) -> None:
    write_syllabus(course, edited("minutes = 45", "minutes = 50"))
    problems = check_course(course)
    assert len(problems) == 1
    assert "essai" in problems[0] and "50" in problems[0] and "45" in problems[0]


def test_unknown_module_in_path_fails(course: Path) -> None:
    write_syllabus(course, edited('{ module = "02-suite", minutes = 20 }', '{ module = "09-x" }'))
    problems = check_course(course)
    assert any("« 09-x »" in problem and "essai" in problem for problem in problems)


def test_four_objectives_fail(course: Path) -> None:
    four = 'objectives = ["Un.", "Deux.", "Trois.", "Quatre."]'
    write_syllabus(course, edited('objectives = ["Comprendre les bases."]', four))
    problems = check_course(course)
    assert problems == [
        "Le module 01-bases a 4 objectifs : gardez-en de 1 à 3.",
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "02-suite"', 'id = "2-suite"', "identifiant mal formé"),
        ("02-suite/02-suite.ipynb", "02-suite/suite.ipynb", 'notebook = "02-suite/02-suite.ipynb"'),
        ("minutes = 10", "minutes = 0", "positif"),
        ('audiences = ["agents"]', "audiences = []", "aucun public"),
        ('prerequisites = ["01-bases"]', 'prerequisites = ["02-suite"]', "lui-même"),
        ('prerequisites = ["01-bases"]', 'prerequisites = ["07-x"]', "« 07-x »"),
    ],
)
def test_module_rules(course: Path, old: str, new: str, expected: str) -> None:
    write_syllabus(course, edited(old, new))
    assert any(expected in problem for problem in check_course(course))


# ---------------------------------------------------------------- the loader's French errors


def test_invalid_toml_is_a_french_syllabus_error(tmp_path: Path) -> None:
    path = write_syllabus(tmp_path, edited('title = "Les bases"', "title = Les bases"))
    with pytest.raises(SyllabusError) as caught:
        load_syllabus(path)
    (message,) = caught.value.messages
    assert "n'est pas un fichier TOML valide" in message
    assert "ligne 8, colonne 9" in message
    assert check_course(tmp_path) == [message]


def test_missing_file_is_a_french_syllabus_error(tmp_path: Path) -> None:
    with pytest.raises(SyllabusError, match="introuvable"):
        load_syllabus(tmp_path / "absent.toml")


def test_shape_problems_are_all_reported_in_french(tmp_path: Path) -> None:
    text = edited("minutes = 10\n", 'minutes = "dix"\n')
    text = edited('status = "planned"', 'statut = "planned"', text)
    text = edited('{ activity = "Débat", minutes = 15 }', '{ activity = "Débat" }', text)
    with pytest.raises(SyllabusError) as caught:
        load_syllabus(write_syllabus(tmp_path, text))
    messages = caught.value.messages
    assert len(messages) == 4
    assert "Le module 01-bases : le champ « minutes » doit être un nombre entier" in messages[0]
    assert any("« statut » est inconnu" in message for message in messages)
    assert any("le champ « status » manque" in message for message in messages)
    assert any("étape 3 : le champ « minutes » manque" in message for message in messages)


# ---------------------------------------------------------------- the welcome page's section


def test_rendered_paths_link_available_modules_only(tmp_path: Path) -> None:
    syllabus = load_syllabus(write_syllabus(tmp_path, FAKE_SYLLABUS))
    text = render_paths_markdown(syllabus)
    assert "### Parcours d'essai" in text
    assert "**Durée :** 45 min" in text
    assert "| 1 | [Les bases](../01-bases/01-bases.ipynb) | 10 min |" in text
    assert "| 2 | La suite (en préparation) | 20 min |" in text
    assert "| 3 | Débat | 15 min |" in text
    assert "  - Aller plus loin." in text


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(45, "45 min"), (60, "1 h"), (90, "1 h 30"), (120, "2 h"), (365, "6 h 05")],
)
def test_format_duration(minutes: int, text: str) -> None:
    assert format_duration(minutes) == text


def test_stale_welcome_section_is_reported_then_updated(course: Path) -> None:
    write_syllabus(course, FAKE_SYLLABUS + WELCOME_MODULE)
    section = f"{BEGIN_MARKER}\nancien texte\n{END_MARKER}"
    cell = new_markdown_cell(f"## Les parcours\n\n{section}\n\nFin.")
    for folder in ("solutions", "notebooks"):
        write_notebook(course / folder / "00-accueil" / "00-accueil.ipynb", cell)

    problems = check_course(course)
    assert len(problems) == 2
    assert all("atelier release 00-accueil" in problem for problem in problems)

    syllabus = load_course_syllabus(course)
    for folder in ("solutions", "notebooks"):
        notebook_path = course / folder / "00-accueil" / "00-accueil.ipynb"
        notebook = read_notebook(notebook_path)
        assert replace_section(notebook, syllabus) is True
        assert replace_section(notebook, syllabus) is False
        save_notebook(notebook, notebook_path)
    assert check_course(course) == []
    source = nbformat.read(notebook_path, as_version=4).cells[0].source
    assert source.startswith(f"## Les parcours\n\n{BEGIN_MARKER}\n### Parcours d'essai")
    assert source.endswith(f"{END_MARKER}\n\nFin.")
    assert "ancien texte" not in source


def test_welcome_notebook_without_markers_is_reported(course: Path) -> None:
    write_syllabus(course, FAKE_SYLLABUS + WELCOME_MODULE)
    for folder in ("solutions", "notebooks"):
        write_notebook(course / folder / "00-accueil" / "00-accueil.ipynb")
    problems = check_course(course)
    assert len(problems) == 2
    assert all(BEGIN_MARKER in problem for problem in problems)


# ---------------------------------------------------------------- the command line


def test_cli_check_exit_codes(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(course / "solutions")  # the course root is found upwards
    assert main(["check"]) == 0
    assert "Tout est cohérent" in capsys.readouterr().out

    write_syllabus(course, edited("minutes = 45", "minutes = 50"))
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert "1 problème à corriger" in out and "annonce 50 minutes" in out


def test_cli_outside_a_course_and_misuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "aucun fichier nbgrader_config.py" in capsys.readouterr().err
    assert main(["inconnue"]) == 2
    assert "sous-commande inconnue" in capsys.readouterr().err
    assert main([]) == 2
    assert main(["--help"]) == 0
    assert "Utilisation : atelier" in capsys.readouterr().out


def test_cli_check_through_the_console_script(course: Path) -> None:
    atelier = Path(sys.executable).with_name("atelier")
    assert atelier.is_file(), "the atelier command is installed next to Python (pip install -e .)"

    good = subprocess.run([atelier, "check"], cwd=course, capture_output=True, text=True)
    assert good.returncode == 0, good.stdout + good.stderr

    write_syllabus(course, edited('title = "Les bases"', "title = Les bases"))
    broken = subprocess.run([atelier, "check"], cwd=course, capture_output=True, text=True)
    assert broken.returncode == 1
    assert "n'est pas un fichier TOML valide" in broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr
