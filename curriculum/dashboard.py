"""The trainer's dashboard of a session: who opened which module, who checked what right.

Read from the notebooks the learners saved on the hub (`/home/<user>/...`, or any
folder whose sub-folders are learners), never from the learners' kernels, and
never sending anything anywhere. A learner's copy of a module is recognised by
its content (the setup cell's `from widgets.lessons import X`, as `atelier
collect` does), wherever it lies in the home folder and whatever its name.

For each module, the best copy (most exercises right, then most tried, then the
latest saved) tells: opened (one code cell has run), last saved, and for each
exercise the verdict stored under its `qN-verification` cell by the learner's
own check: « Bonne réponse » (right), « Pas encore tout à fait » or « Réponse non
lue » or an error (to look at again), nothing or « Pas encore de réponse » (not
yet tried). Only those verdict labels and the cells' metadata are kept: no
answer's text ever reaches the page. A verdict is what the learner's notebook
says, not a grade (for that: `atelier collect` then `atelier grade`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curriculum.course import CONFIG_FILE, RELEASE_DIR, SOURCE_DIR
from curriculum.dashboard_html import dashboard_page
from curriculum.dashboard_progress import (
    RIGHT,
    WRONG,
    Learner,
    ModuleProgress,
    Session,
    Unreadable,
    load,
    progress,
)
from curriculum.grading import names
from curriculum.grading.course_exercises import ModuleInfo, course_modules
from curriculum.grading.html_page import count
from curriculum.syllabus import SyllabusError, load_course_syllabus

MAX_DEPTH = 6
"""Folders below a home folder that are searched (`atelier-ia/notebooks/01-…/` is 3)."""
MAX_NOTEBOOKS = 1000
"""Notebooks read per learner at most: a home folder full of copies stays quick."""


class DashboardError(Exception):
    """The dashboard cannot be made (folder missing, course unreadable); French message."""


@dataclass(frozen=True)
class DashboardSummary:
    output: Path
    learners: int
    active: int
    """Learners who opened at least one module."""
    right: int
    wrong: int
    unreadable: int
    other_notebooks: int
    stuck: list[str]
    """Learners with at least one exercise tried and not yet right."""

    def french_lines(self) -> list[str]:
        lines = [
            f"Tableau de la session écrit dans {names.readable(str(self.output))} : "
            "ouvrez-le dans un navigateur.",
            f"{count(self.learners, 'apprenant', 'apprenants')}, dont {self.active} "
            f"{'a' if self.active < 2 else 'ont'} ouvert au moins un module.",
            f"Exercices vérifiés justes : {self.right} ; essayés, pas encore justes : "
            f"{self.wrong}.",
        ]
        if self.stuck:
            lines.append("À aider en premier : " + ", ".join(self.stuck) + ".")
        if self.unreadable:
            lines.append(
                f"{count(self.unreadable, 'fichier non lu', 'fichiers non lus')} "
                "(la liste et les raisons sont en bas de la page)."
            )
        if self.other_notebooks:
            lines.append(
                f"{count(self.other_notebooks, 'notebook', 'notebooks')} d'un autre cours "
                f"ou d'aucun module, {'ignoré' if self.other_notebooks < 2 else 'ignorés'}."
            )
        return lines


def write_dashboard(homes: Path, course_root: Path, output: Path) -> DashboardSummary:
    """Read every learner's notebooks below `homes`, write the page to `output`."""
    session = read_session(homes, course_root)
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(dashboard_page(session), encoding="utf-8")
    except OSError as error:
        raise DashboardError(
            f"Impossible d'écrire {names.readable(str(output))} ({error.strerror})."
        ) from None
    learners = session.learners
    return DashboardSummary(
        output=output.resolve(),
        learners=len(learners),
        active=sum(1 for one in learners if any(p.opened for p in one.modules.values())),
        right=sum(p.count(RIGHT) for one in learners for p in one.modules.values()),
        wrong=sum(p.count(WRONG) for one in learners for p in one.modules.values()),
        unreadable=sum(len(one.unreadable) for one in learners),
        other_notebooks=sum(one.other_notebooks for one in learners),
        stuck=[
            one.name for one in learners if any(one.to_look_at(module) for module in one.modules)
        ],
    )


def read_session(homes: Path, course_root: Path) -> Session:
    """Every learner below `homes` and their progress in every module of the course."""
    homes = Path(homes)
    if not homes.is_dir():
        raise DashboardError(
            f"Le dossier des comptes {names.readable(str(homes))} est introuvable : indiquez "
            "le dossier qui contient un dossier par apprenant (sur un serveur JupyterHub, "
            "/home)."
        )
    try:
        syllabus = load_course_syllabus(course_root)
    except SyllabusError as error:
        raise DashboardError(str(error)) from None
    recognised = names.course_modules(syllabus, course_root)
    if not recognised:
        raise DashboardError(
            f"Aucun module du cours dans {names.readable(str(Path(course_root) / RELEASE_DIR))} :"
            " lancez la commande dans le dossier du cours."
        )
    infos = course_modules(course_root, [module.id for module in recognised])
    try:
        folders = sorted(entry for entry in homes.iterdir() if _is_learner_folder(entry))
    except OSError as error:
        raise DashboardError(
            f"Le dossier des comptes {names.readable(str(homes))} ne peut pas être lu "
            f"({error.strerror}) : lancez la commande avec un compte qui peut lire les "
            "dossiers des apprenants."
        ) from None
    learners = [_learner(folder, recognised, infos) for folder in folders]
    return Session(homes, list(infos.values()), learners, datetime.now())


def _is_learner_folder(entry: Path) -> bool:
    return not entry.name.startswith(".") and entry.name != "lost+found" and entry.is_dir()


def _learner(
    home: Path, recognised: list[names.CourseModule], infos: dict[str, ModuleInfo]
) -> Learner:
    learner = Learner(names.readable(home.name))
    copies: dict[str, list[ModuleProgress]] = {}
    for path, problem in _notebook_files(home):
        below = path.relative_to(home) if path.is_relative_to(home) else Path(".")
        shown = "(dossier personnel)" if below == Path(".") else names.readable(str(below))
        if problem:
            learner.unreadable.append(Unreadable(shown, problem))
            continue
        notebook, problem = load(path)
        if notebook is None:
            learner.unreadable.append(Unreadable(shown, problem))
            continue
        module = names.module_of(notebook, recognised)
        if module is None:
            learner.other_notebooks += 1
            continue
        saved = _mtime(path)
        copies.setdefault(module.id, []).append(progress(notebook, infos[module.id], saved))
    for module_id, found in copies.items():
        best = max(found, key=ModuleProgress.rank)
        learner.modules[module_id] = ModuleProgress(
            best.opened, best.saved, best.verdicts, len(found)
        )
    return learner


def _notebook_files(home: Path) -> Iterator[tuple[Path, str]]:
    """Each `.ipynb` below `home`, with "" or the French reason it cannot be read.

    Hidden folders (`.ipynb_checkpoints`, `.local`), links, and the `solutions/` of a
    course copy (next to its `nbgrader_config.py`) are skipped; `os.walk` does not
    follow links to folders."""
    problems: list[OSError] = []
    found = 0
    for folder, subfolders, files in os.walk(home, onerror=problems.append):
        here = Path(folder)
        depth = len(here.relative_to(home).parts)
        subfolders[:] = sorted(
            name
            for name in subfolders
            if not name.startswith(".")
            and depth < MAX_DEPTH
            and not (name == SOURCE_DIR and CONFIG_FILE in files)
        )
        for name in sorted(files):
            path = here / name
            if not name.endswith(".ipynb") or name.startswith(".") or path.is_symlink():
                continue
            found += 1
            if found > MAX_NOTEBOOKS:
                yield path, f"plus de {MAX_NOTEBOOKS} notebooks : les suivants sont ignorés"
                return
            yield path, ""
    for problem in problems:
        yield Path(problem.filename or home), f"dossier illisible ({problem.strerror})"


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0
