"""Checks that tie the trainer guides to the syllabus, the facts and the lessons.

A course without a `curriculum/guides/` folder has no guides to check (the small
fake courses of the tests); the real course has one, and from then on every
available module and every path needs its guide.
"""

from __future__ import annotations

from pathlib import Path

from curriculum.course import SOURCE_DIR
from curriculum.exercise_texts import Question, import_lesson, lesson_name, questions_of
from curriculum.facts import FactsError, load_facts, registry_path
from curriculum.guide_model import Guides, ModuleGuide, PathGuide
from curriculum.guides import GUIDES_DIR, MODULES_DIR, PATHS_DIR, ROOM_FILE, guides_dir, load_guides
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import Module, Syllabus
from curriculum.syllabus import Path as SyllabusPath

_FOLDER = GUIDES_DIR.as_posix()


def check_guides(course_root: Path, syllabus: Syllabus) -> list[str]:
    """French problems about the guides; [] when all is well or the course has none."""
    if not guides_dir(course_root).is_dir():
        return []
    guides = load_guides(course_root)
    try:
        known_facts = set(load_facts(registry_path(course_root)))
    except FactsError:
        known_facts = None  # check_facts already reports the broken registry
    problems = list(guides.problems)
    problems += _module_guides(course_root, syllabus, guides)
    problems += _path_guides(syllabus, guides)
    if guides.room is None:
        problems.append(
            f"Le fichier {_FOLDER}/{ROOM_FILE} manque : écrivez les pièges de la salle "
            "(Wi-Fi, Binder au démarrage, travail perdu…) en tables [[traps]]."
        )
    if known_facts is not None:
        cited = [*guides.modules.values(), *guides.paths.values()]
        cited += [guides.room] if guides.room else []
        for guide in cited:
            unknown = [fact for fact in guide.fact_ids() if fact not in known_facts]
            if unknown:
                problems.append(
                    f"Le guide {guide.file} cite des faits absents du registre "
                    f"curriculum/facts.toml : {', '.join(unknown)}. Corrigez l'identifiant "
                    "ou ajoutez la fiche."
                )
    return problems


def _module_guides(course_root: Path, syllabus: Syllabus, guides: Guides) -> list[str]:
    problems = []
    for module in syllabus.modules:
        guide = guides.modules.get(module.id)
        if guide is None:
            if module.available:
                problems.append(
                    f"Le module {module.id} est disponible mais n'a pas de guide du formateur : "
                    f"écrivez {_FOLDER}/{MODULES_DIR}/{module.id}.toml."
                )
            continue
        problems += _minutes(guide, module)
        problems += _debriefs(course_root, guide, module)
    for module_id, guide in guides.modules.items():
        if syllabus.module(module_id) is None:
            problems.append(
                f"Le guide {guide.file} décrit le module « {module_id} », absent du programme : "
                "corrigez le nom du fichier ou supprimez-le."
            )
    return problems


def _minutes(guide: ModuleGuide, module: Module) -> list[str]:
    total = sum(stage.minutes for stage in guide.running_order)
    if total == module.minutes:
        return []
    return [
        f"Le déroulé du guide {guide.file} totalise {total} minutes, mais le module "
        f"{module.id} dure {module.minutes} minutes dans le programme : corrigez les "
        "minutes des étapes [[running_order]]."
    ]


def lesson_questions(course_root: Path, module: Module) -> tuple[str, dict[str, Question]] | None:
    """The lesson a module's solution notebook imports, and its questions by id.

    None when the notebook does not exist yet or imports no lesson.
    """
    notebook = Path(course_root) / SOURCE_DIR / module.notebook
    if not notebook.is_file():
        return None
    try:
        lesson = lesson_name(read_notebook(notebook))
    except NotebookError:
        return None  # check_exercise_texts reports an unreadable notebook
    if lesson is None:
        return None
    return lesson, questions_of(import_lesson(lesson))


def _debriefs(course_root: Path, guide: ModuleGuide, module: Module) -> list[str]:
    """Debriefs must name exercises of the module's lesson (when its notebook exists)."""
    found = lesson_questions(course_root, module) if guide.debriefs else None
    if found is None:
        return []
    lesson, known = found
    unknown = [debrief.exercise for debrief in guide.debriefs if debrief.exercise not in known]
    if not unknown:
        return []
    return [
        f"Le guide {guide.file} débriefe des exercices absents de widgets/lessons/{lesson}.py : "
        f"{', '.join(unknown)}. Exercices du module : {', '.join(sorted(known)) or 'aucun'}."
    ]


def _path_guides(syllabus: Syllabus, guides: Guides) -> list[str]:
    problems = []
    for path in syllabus.paths:
        guide = guides.paths.get(path.id)
        if guide is None:
            problems.append(
                f"Le parcours {path.id} n'a pas de guide du formateur : écrivez "
                f"{_FOLDER}/{PATHS_DIR}/{path.id}.toml."
            )
            continue
        problems += _steps(guide, path, syllabus)
    for path_id, guide in guides.paths.items():
        if path_id not in {path.id for path in syllabus.paths}:
            problems.append(
                f"Le guide {guide.file} décrit le parcours « {path_id} », absent du programme : "
                "corrigez le nom du fichier ou supprimez-le."
            )
    return problems


def step_label(module: str | None, activity: str | None, minutes: int | None) -> str:
    return f"{module or activity} ({minutes} min)"


def _steps(guide: PathGuide, path: SyllabusPath, syllabus: Syllabus) -> list[str]:
    expected = [
        step_label(step.module, step.activity, syllabus.step_minutes(step)) for step in path.steps
    ]
    written = [step_label(step.module, step.activity, step.minutes) for step in guide.steps]
    if written == expected:
        return []
    return [
        f"Les étapes du guide {guide.file} ne sont pas celles du parcours {path.id} du "
        f"programme : le guide dit {', '.join(written) or 'rien'} ; le programme dit "
        f"{', '.join(expected)}. Recopiez les modules et les minutes du programme."
    ]
