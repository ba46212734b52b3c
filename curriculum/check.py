"""Checks that the syllabus and the notebooks on disk tell the same story.

Every problem is a French sentence that names the file or the id concerned
and says what to do about it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from curriculum.check_facts import check_facts
from curriculum.check_glossary import check_glossary
from curriculum.check_guides import check_guides
from curriculum.check_no_code_view import check_no_code_view
from curriculum.course import RELEASE_DIR, SOURCE_DIR
from curriculum.exercise_texts import check_exercise_texts
from curriculum.index_page import WELCOME_MODULE, IndexPageError, section_is_current
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import (
    COURSE_SYLLABUS,
    Module,
    Syllabus,
    SyllabusError,
    course_syllabus_path,
    load_syllabus,
)

MODULE_ID = re.compile(r"^\d\d-[a-z0-9]+(-[a-z0-9]+)*$")
MAX_OBJECTIVES = 3


def check_course(course_root: Path, syllabus_path: Path | None = None) -> list[str]:
    """French problem messages about the course at `course_root`; [] when all is well.

    Without `syllabus_path`, the course's own curriculum/syllabus.toml is used
    (or the packaged one if the course has none).
    """
    course_root = Path(course_root)
    if syllabus_path is None:
        syllabus_path = course_syllabus_path(course_root)
    try:
        syllabus = load_syllabus(syllabus_path)
    except SyllabusError as error:
        return error.messages
    return [
        *_check_ids(syllabus),
        *(problem for module in syllabus.modules for problem in _check_module(module, syllabus)),
        *_check_paths(syllabus),
        *_check_notebooks_on_disk(course_root, syllabus),
        *_check_welcome_page(course_root, syllabus),
        *check_facts(course_root),
        *check_exercise_texts(course_root),
        *check_glossary(course_root, syllabus),
        *check_guides(course_root, syllabus),
        *check_no_code_view(course_root),
    ]


def _check_ids(syllabus: Syllabus) -> list[str]:
    problems = []
    for kind, table, ids in (
        ("module", "[[modules]]", [module.id for module in syllabus.modules]),
        ("parcours", "[[paths]]", [path.id for path in syllabus.paths]),
    ):
        for duplicate, count in Counter(ids).items():
            if count > 1:
                problems.append(
                    f"L'identifiant de {kind} « {duplicate} » apparaît {count} fois dans "
                    f"{COURSE_SYLLABUS} : chaque table {table} doit avoir un id différent."
                )
    return problems


def _check_module(module: Module, syllabus: Syllabus) -> list[str]:
    where = f"Le module {module.id}"
    problems = []
    if not MODULE_ID.match(module.id):
        problems.append(
            f"{where} a un identifiant mal formé : écrivez deux chiffres, un tiret puis des mots "
            "en minuscules sans accents séparés par des tirets (par exemple 03-prompts)."
        )
    expected = f"{module.id}/{module.id}.ipynb"
    if module.notebook != expected:
        problems.append(
            f'{where} indique notebook = "{module.notebook}" : écrivez notebook = "{expected}".'
        )
    if module.minutes <= 0:
        problems.append(f"{where} doit durer un nombre de minutes positif (minutes = ...).")
    if not 1 <= len(module.objectives) <= MAX_OBJECTIVES:
        problems.append(
            f"{where} a {len(module.objectives)} objectifs : gardez-en de 1 à {MAX_OBJECTIVES}."
        )
    if not module.audiences:
        problems.append(f"{where} n'indique aucun public : remplissez « audiences ».")
    for prerequisite in module.prerequisites:
        if prerequisite == module.id:
            problems.append(f"{where} se cite lui-même comme prérequis : retirez-le de la liste.")
        elif syllabus.module(prerequisite) is None:
            problems.append(
                f"{where} a pour prérequis « {prerequisite} », qui n'est pas un module connu : "
                "corrigez l'identifiant ou retirez-le."
            )
    return problems


def _check_paths(syllabus: Syllabus) -> list[str]:
    problems = []
    for path in syllabus.paths:
        where = f"Le parcours {path.id}"
        if path.minutes <= 0:
            problems.append(f"{where} doit durer un nombre de minutes positif (minutes = ...).")
        if not path.steps:
            problems.append(f"{where} n'a aucune étape : remplissez « steps ».")
        total = 0
        for number, step in enumerate(path.steps, 1):
            if step.module is not None and syllabus.module(step.module) is None:
                problems.append(
                    f"{where}, étape {number}, cite le module « {step.module} », qui n'existe pas "
                    "dans le programme : corrigez l'identifiant."
                )
            minutes = syllabus.step_minutes(step)
            if minutes is not None and minutes <= 0:
                problems.append(f"{where}, étape {number} : la durée doit être positive.")
            total += minutes or 0
        if total != path.minutes:
            problems.append(
                f"{where} annonce {path.minutes} minutes mais ses étapes en totalisent {total} : "
                "corrigez la durée annoncée ou celle des étapes."
            )
    return problems


def _check_notebooks_on_disk(course_root: Path, syllabus: Syllabus) -> list[str]:
    problems = []
    declared = {module.notebook: module for module in syllabus.modules}
    for module in syllabus.modules:
        if not module.available:
            continue
        for folder, remedy in (
            (SOURCE_DIR, 'Créez le notebook ou remettez son statut à "planned".'),
            (RELEASE_DIR, f"Lancez `atelier release {module.id}`."),
        ):
            if not (course_root / folder / module.notebook).is_file():
                problems.append(
                    f"Le module {module.id} est déclaré disponible mais "
                    f"{folder}/{module.notebook} n'existe pas. {remedy}"
                )
    for folder in (SOURCE_DIR, RELEASE_DIR):
        for notebook in _notebooks_on_disk(course_root / folder):
            relative = notebook.relative_to(course_root / folder).as_posix()
            module = declared.get(relative)
            if module is None:
                problems.append(
                    f"Le notebook {folder}/{relative} ne correspond à aucun module de "
                    f"{COURSE_SYLLABUS} : déclarez son module dans le programme, "
                    "ou supprimez ce fichier."
                )
            elif not module.available:
                problems.append(
                    f"Le notebook {folder}/{relative} existe mais le module {module.id} est "
                    f'marqué "planned" : passez son statut à "available" dans {COURSE_SYLLABUS}.'
                )
    return problems


def _notebooks_on_disk(folder: Path) -> list[Path]:
    return sorted(
        notebook
        for notebook in folder.glob("*/*.ipynb")
        if ".ipynb_checkpoints" not in notebook.parts
    )


def _check_welcome_page(course_root: Path, syllabus: Syllabus) -> list[str]:
    """The generated section of the welcome notebook must match the syllabus.

    A course without a welcome notebook yet has nothing to check here.
    """
    welcome = syllabus.module(WELCOME_MODULE)
    if welcome is None:
        return []
    problems = []
    for folder in (SOURCE_DIR, RELEASE_DIR):
        notebook_path = course_root / folder / welcome.notebook
        if not notebook_path.is_file():
            continue
        name = f"{folder}/{welcome.notebook}"
        try:
            current = section_is_current(read_notebook(notebook_path), syllabus)
        except NotebookError as error:
            problems.append(str(error))
            continue
        except IndexPageError as error:
            problems.append(f"{name} : {error}")
            continue
        if not current:
            problems.append(
                f"La liste des parcours de {name} n'est plus à jour avec {COURSE_SYLLABUS} : "
                f"lancez `atelier release {WELCOME_MODULE}`."
            )
    return problems
