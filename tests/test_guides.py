"""Trainer guides: the loader on the real guides, and `atelier check` on broken copies."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from curriculum.check import check_course
from curriculum.check_guides import check_guides
from curriculum.cli import main
from curriculum.guides import load_guides
from curriculum.links import binder_url, module_link
from curriculum.syllabus import load_syllabus

ROOT = Path(__file__).resolve().parent.parent
GUIDES = Path("curriculum") / "guides"
MINE = ("00-accueil", "01-prise-en-main", "02-ia-generative", "03-prompts")
PATHS = ("elus", "agents", "cafe-ia", "autonomie")


def copy_course(target: Path, *, solutions: bool = False) -> Path:
    """The syllabus, registries and guides of the real course (and its solutions if asked)."""
    shutil.copy(ROOT / "nbgrader_config.py", target / "nbgrader_config.py")
    (target / "curriculum").mkdir()
    for toml in (ROOT / "curriculum").glob("*.toml"):
        shutil.copy(toml, target / "curriculum" / toml.name)
    shutil.copytree(ROOT / GUIDES, target / GUIDES)
    if solutions:
        shutil.copytree(ROOT / "solutions", target / "solutions")
    return target


def edit(course: Path, relative: str, old: str, new: str) -> None:
    path = course / GUIDES / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} absent de {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def guide_problems(course: Path) -> list[str]:
    return check_guides(course, load_syllabus(course / "curriculum" / "syllabus.toml"))


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return copy_course(tmp_path)


# ---------------------------------------------------------------- the real guides


def test_real_guides_load_without_problems() -> None:
    guides = load_guides(ROOT)
    assert guides.problems == []
    assert set(MINE) <= set(guides.modules)
    assert set(guides.paths) == set(PATHS)
    assert guides.room is not None and len(guides.room.traps) >= 7


def test_real_guides_agree_with_the_syllabus_facts_and_lessons() -> None:
    assert check_guides(ROOT, load_syllabus()) == []


@pytest.mark.parametrize("module_id", MINE)
def test_running_order_adds_up_to_the_syllabus_minutes(module_id: str) -> None:
    guide = tomllib.loads((ROOT / GUIDES / "modules" / f"{module_id}.toml").read_text("utf-8"))
    syllabus = tomllib.loads((ROOT / "curriculum" / "syllabus.toml").read_text("utf-8"))
    minutes = next(m["minutes"] for m in syllabus["modules"] if m["id"] == module_id)
    assert sum(stage["minutes"] for stage in guide["running_order"]) == minutes


def test_path_guides_follow_the_syllabus_paths() -> None:
    syllabus = tomllib.loads((ROOT / "curriculum" / "syllabus.toml").read_text("utf-8"))
    minutes = {module["id"]: module["minutes"] for module in syllabus["modules"]}
    for path in syllabus["paths"]:
        guide = tomllib.loads(
            (ROOT / GUIDES / "parcours" / f"{path['id']}.toml").read_text("utf-8")
        )
        expected = [(s["module"], s.get("minutes", minutes[s["module"]])) for s in path["steps"]]
        assert [(step["module"], step["minutes"]) for step in guide["steps"]] == expected
        assert sum(step["minutes"] for step in guide["steps"]) == path["minutes"]


def test_the_agents_day_has_breaks_and_lunch() -> None:
    agents = load_guides(ROOT).paths["agents"]
    pauses = [step.pause for step in agents.steps if step.pause]
    assert any("Déjeuner" in pause for pause in pauses) and len(pauses) >= 3
    assert agents.start == "09:00"


# ---------------------------------------------------------------- atelier check on copies


def test_broken_minutes_are_reported_by_check_course(course: Path) -> None:
    edit(course, "modules/02-ia-generative.toml", "minutes = 7", "minutes = 12")
    expected = (
        "Le déroulé du guide curriculum/guides/modules/02-ia-generative.toml totalise 35 "
        "minutes, mais le module 02-ia-generative dure 30 minutes dans le programme"
    )
    assert any(problem.startswith(expected) for problem in check_course(course))
    (course / "intact").mkdir()
    assert not any(expected in problem for problem in check_course(copy_course(course / "intact")))


def test_cli_check_fails_on_a_broken_guide(
    course: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(course, "modules/03-prompts.toml", "minutes = 8", "minutes = 3")
    monkeypatch.chdir(course)
    assert main(["check"]) == 1
    assert (
        "totalise 40 minutes, mais le module 03-prompts dure 45 minutes" in capsys.readouterr().out
    )


def test_path_guide_with_other_minutes_is_reported(course: Path) -> None:
    edit(course, "parcours/cafe-ia.toml", "minutes = 20", "minutes = 25")
    problems = guide_problems(course)
    assert len(problems) == 1
    assert problems[0].startswith(
        "Les étapes du guide curriculum/guides/parcours/cafe-ia.toml ne sont pas celles du "
        "parcours cafe-ia du programme"
    )
    assert "03-prompts (25 min)" in problems[0] and "03-prompts (20 min)" in problems[0]


def test_path_guide_with_a_missing_step_is_reported(course: Path) -> None:
    edit(
        course,
        "parcours/elus.toml",
        'module = "06-impact-environnemental"',
        'module = "07-ouvert-ou-proprietaire"',
    )
    assert any("parcours elus du programme" in problem for problem in guide_problems(course))


def test_unknown_fact_id_is_reported(course: Path) -> None:
    edit(course, "modules/03-prompts.toml", 'facts = ["albert-api"]', 'facts = ["albert-inconnu"]')
    assert guide_problems(course) == [
        "Le guide curriculum/guides/modules/03-prompts.toml cite des faits absents du registre "
        "curriculum/facts.toml : albert-inconnu. Corrigez l'identifiant ou ajoutez la fiche."
    ]


def test_unknown_debrief_exercise_is_reported(tmp_path: Path) -> None:
    course = copy_course(tmp_path, solutions=True)
    edit(course, "modules/02-ia-generative.toml", 'exercise = "verifier"', 'exercise = "q9"')
    problems = guide_problems(course)
    assert len(problems) == 1
    assert problems[0].startswith(
        "Le guide curriculum/guides/modules/02-ia-generative.toml débriefe des exercices "
        "absents de widgets/lessons/ia_generative.py : q9."
    )


def test_available_module_without_guide_is_reported(course: Path) -> None:
    (course / GUIDES / "modules" / "01-prise-en-main.toml").unlink()
    assert guide_problems(course) == [
        "Le module 01-prise-en-main est disponible mais n'a pas de guide du formateur : "
        "écrivez curriculum/guides/modules/01-prise-en-main.toml."
    ]


def test_planned_module_may_lack_a_guide_but_its_guide_is_checked(course: Path) -> None:
    syllabus_file = course / "curriculum" / "syllabus.toml"
    text = syllabus_file.read_text("utf-8")
    debate = text.index('id = "12-debat"')
    planned = text[debate:].replace('status = "available"', 'status = "planned"', 1)
    syllabus_file.write_text(text[:debate] + planned, "utf-8")
    target = course / GUIDES / "modules" / "12-debat.toml"
    target.unlink(missing_ok=True)
    assert not any("12-debat" in problem for problem in guide_problems(course))
    welcome = (course / GUIDES / "modules" / "00-accueil.toml").read_text("utf-8")
    target.write_text(welcome.replace('module = "00-accueil"', 'module = "12-debat"'), "utf-8")
    assert any(
        "totalise 5 minutes, mais le module 12-debat dure 30 minutes" in problem
        for problem in guide_problems(course)
    )


def test_missing_room_and_path_guides_are_reported(course: Path) -> None:
    (course / GUIDES / "salle.toml").unlink()
    (course / GUIDES / "parcours" / "agents.toml").unlink()
    problems = guide_problems(course)
    assert any(p.startswith("Le fichier curriculum/guides/salle.toml manque") for p in problems)
    assert any(p.startswith("Le parcours agents n'a pas de guide du formateur") for p in problems)


def test_a_course_without_guides_folder_has_nothing_to_check(course: Path) -> None:
    shutil.rmtree(course / GUIDES)
    assert guide_problems(course) == []


# ---------------------------------------------------------------- shape of a file


SHAPE_CASES = [
    ('summary = """', 'resume = "x"\nsummary = """', "le champ « resume » est inconnu"),
    (
        'module = "01-prise-en-main"',
        'module = "01-autre"',
        "le fichier s'appelle 01-prise-en-main.toml",
    ),
    ("minutes = 4\n", 'minutes = "4"\n', "« minutes » doit être un nombre entier"),
    ("minutes = 4\n", "minutes = 0\n", "« minutes » doit être un nombre de minutes positif"),
    ('title = "Le premier curseur"', 'title = "<b>curseur</b>"', "contient du HTML"),
    ('title = "Le premier curseur"', 'title = "# Le curseur"', "contient un titre Markdown"),
    ('title = "Le premier curseur"', 'title = "   "', "le champ « title » est vide"),
    ("offline = ", "hors_ligne = ", "le champ « offline » manque"),
    (
        "[[traps]]",
        "[[traps]]\ntrap = 'x'\nremedy = 'y'\n\n" * 3 + "[[traps]]",
        "« traps » compte 6 éléments ; gardez-en de 2 à 5",
    ),
    (
        'trap = "Un participant saute',
        'trap = 3\nx = "',
        "[[traps]] n° 1 : le champ « trap » doit être un texte",
    ),
]


@pytest.mark.parametrize(("old", "new", "expected"), SHAPE_CASES)
def test_shape_problems_name_the_file_and_the_field(
    course: Path, old: str, new: str, expected: str
) -> None:
    edit(course, "modules/01-prise-en-main.toml", old, new)
    problems = load_guides(course).problems
    assert any(expected in problem for problem in problems), problems
    assert all(
        p.startswith("Le guide curriculum/guides/modules/01-prise-en-main.toml") for p in problems
    )


def test_invalid_toml_gives_its_line(course: Path) -> None:
    edit(course, "modules/00-accueil.toml", 'module = "00-accueil"', "module = 00-accueil")
    [problem] = load_guides(course).problems
    assert problem.startswith(
        "Le guide curriculum/guides/modules/00-accueil.toml n'est pas un fichier TOML valide "
        "(ligne 2, colonne"
    )


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('view = "sans-code"', 'view = "voila"', 'écrivez "sans-code" ou "jupyterlab"'),
        (
            'module = "02-ia-generative"',
            'module = "02-ia-generative"\nactivity = "Café"',
            "mais pas les deux",
        ),
        ("[[steps]]", "[[steps]]\npause_minutes = 10", "« pause_minutes » demande aussi « pause »"),
    ],
)
def test_path_guide_shape(course: Path, old: str, new: str, expected: str) -> None:
    edit(course, "parcours/elus.toml", old, new)
    assert any(expected in problem for problem in load_guides(course).problems)


def test_bad_start_time_is_reported(course: Path) -> None:
    edit(course, "parcours/agents.toml", 'start = "09:00"', 'start = "9h"')
    assert any('écrivez une heure comme "09:00"' in p for p in load_guides(course).problems)


# ---------------------------------------------------------------- links


def test_binder_link_is_the_readme_badge() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    badge = re.search(r"\]\((https://mybinder\.org/v2/gh/[^)]+)\)", readme)
    assert badge and badge.group(1) == binder_url("00-accueil")
    assert binder_url("03-prompts") == (
        "https://mybinder.org/v2/gh/atelier-ia/atelier-ia/main"
        "?urlpath=lab/tree/notebooks/03-prompts/03-prompts.ipynb"
    )


def test_a_no_code_path_links_to_the_no_code_view() -> None:
    no_code, lab = (
        module_link("10-scores-et-equite", "sans-code"),
        module_link("10-scores-et-equite", "jupyterlab"),
    )
    assert lab.url == binder_url("10-scores-et-equite")
    assert no_code.url == (
        "https://mybinder.org/v2/gh/atelier-ia/atelier-ia/main"
        "?urlpath=voila/render/notebooks/10-scores-et-equite/10-scores-et-equite.ipynb"
    )
    assert "sans code" in no_code.label
