"""Who sent a notebook, and for which module: read from its path, its name and its content.

A file name says what the learner or the trainer meant (« Marie Dupont - Prise en
main.ipynb »); the content says what the notebook is (its lesson import and the
grade_ids of its nbgrader cells). `collect` trusts the content for the module
and the path for the learner, falling back to a name typed in the notebook.
"""

from __future__ import annotations

import ast
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat import NotebookNode

from curriculum.course import RELEASE_DIR
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import Syllabus
from widgets.text import folded, printable

_WORD = re.compile(r"[^\W_]+")
_LESSON_IMPORT = re.compile(r"from\s+widgets\.lessons\s+import\s+(\w+)")
_TYPED_NAME = re.compile(r"^[ \t]*(?:nom|votre_nom|prenom_nom|apprenant)[ \t]*=(.+)$", re.M)
# Words that name no one: what Jupyter, nbgrader and trainers add to file names. Numbers
# stay: nbgrader identifiers are often numbers (`submitted/20231234/...`, `eleve-2`).
_NOT_A_NAME = re.compile(
    r"v\d+|copy\d*|copie|untitled\d*|submitted|soumis|notebooks?|devoirs?|rendus?|"
    r"module|final|ipynb"
)
# What browsers add to a file downloaded twice (« … (1).ipynb ») and Moodle to its folders.
_COPY_NUMBER = re.compile(r"\s*\(\d+\)$")
_MOODLE_FOLDER = re.compile(r"_\d+_assign\w*$")
_NOT_A_NAME_PAIRS = (("copie", "de"), ("copy", "of"), ("sans", "titre"))
_PLACEHOLDERS = ({"prenom", "nom"}, {"votre", "nom"}, {"nom"}, {"prenom"})
# Letters that Unicode does not decompose into a base letter plus an accent.
_ASCII_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d"})
MAX_SLUG = 60


@dataclass(frozen=True)
class CourseModule:
    """What recognises a module: its names, its lesson and its nbgrader cells."""

    id: str
    title: str
    lesson: str | None
    grade_ids: frozenset[str]
    graded: bool
    """False for a module without exercises (00-accueil): nothing to grade."""

    def name_patterns(self) -> list[tuple[str, ...]]:
        """The module as words: its id, its id without number, its title."""
        words = _keys(self.id)
        patterns = [words, tuple(w for w in words if not w.isdigit()), _keys(self.title)]
        return [pattern for pattern in patterns if pattern]


@dataclass(frozen=True)
class PathNames:
    """What a file's path says: the learner's name (words as written) and the module."""

    learner: str = ""
    module: str = ""
    guess: str = ""
    """The file name as a learner name when it names no module (« Marie Dupont.ipynb »):
    used only when the notebook holds no typed name."""


def course_modules(syllabus: Syllabus, course_root: Path) -> list[CourseModule]:
    """Every syllabus module whose learner notebook exists in `notebooks/`."""
    modules = []
    for module in syllabus.modules:
        try:
            notebook = read_notebook(Path(course_root) / RELEASE_DIR / module.notebook)
        except NotebookError:
            continue
        lesson, grade_ids = content_signature(notebook)
        graded = any(_nbgrader(cell).get("grade") is True for cell in notebook.cells)
        modules.append(CourseModule(module.id, module.title, lesson, grade_ids, graded))
    return modules


def content_signature(notebook: NotebookNode) -> tuple[str | None, frozenset[str]]:
    """The lesson a notebook imports and the grade_ids of its nbgrader cells."""
    lesson = None
    grade_ids = set()
    for cell in notebook.get("cells", []):
        grade_id = _nbgrader(cell).get("grade_id")
        if isinstance(grade_id, str):
            grade_ids.add(grade_id)
        source = cell.get("source", "")
        if lesson is None and cell.get("cell_type") == "code" and isinstance(source, str):
            match = _LESSON_IMPORT.search(source)
            lesson = match.group(1) if match else None
    return lesson, frozenset(grade_ids)


def module_of(notebook: NotebookNode, modules: list[CourseModule]) -> CourseModule | None:
    """The module a notebook's content belongs to, or None when it is not from this course.

    The lesson import decides; without one (a deleted setup cell), the grade_ids
    must share at least half their union with a single best module, since ids
    such as `q1-reponse` or `configuration` recur in every module.
    """
    lesson, grade_ids = content_signature(notebook)
    by_lesson = [module for module in modules if lesson and module.lesson == lesson]
    if len(by_lesson) == 1:
        return by_lesson[0]
    scored = sorted(
        ((len(grade_ids & m.grade_ids) / len(grade_ids | m.grade_ids), m) for m in modules),
        key=lambda pair: pair[0],
        reverse=True,
    )
    if not scored or not grade_ids or scored[0][0] < 0.5:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][1]


def path_names(relative: str, modules: list[CourseModule]) -> PathNames:
    """The learner and module a received file's path names, when it names them.

    Accepted: `[submitted/]<learner>/<module>/<file>`, `<module>/<learner>.ipynb`,
    `<learner>/<module>.ipynb` (Moodle's `<learner>_123_assignsubmission_file_/`
    folders too) and `<learner>_<module>.ipynb` in any order, case and separators,
    with the module's id, its id without number, or its title.
    """
    parts = [part for part in re.split(r"[/\\]", relative) if part not in ("", ".", "..")]
    if not parts:
        return PathNames()
    stem = _COPY_NUMBER.sub("", parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1])
    folders = [_MOODLE_FOLDER.sub("", folder) for folder in parts[:-1]]
    stem_module, stem_rest = _split_module(stem, modules)
    folder_module = _module_only(folders[-1], modules) if folders else ""
    module = stem_module or folder_module
    if folder_module and len(folders) >= 2 and (learner := name_words(folders[-2])):
        return PathNames(learner, folder_module)
    if learner := _name(stem_rest):
        return PathNames(learner, module) if module else PathNames(guess=learner)
    if stem_module and folders and not folder_module and (learner := name_words(folders[-1])):
        return PathNames(learner, module)
    return PathNames("", module)


def typed_name(notebook: NotebookNode) -> str:
    """A name the learner typed: metadata `atelier.apprenant`, or `nom = "..."` in a code cell."""
    atelier = notebook.get("metadata", {}).get("atelier")
    typed = atelier.get("apprenant") if isinstance(atelier, dict) else None
    if isinstance(typed, str) and (name := name_words(typed)):
        return name
    for cell in notebook.get("cells", []):
        source = cell.get("source", "")
        if cell.get("cell_type") != "code" or not isinstance(source, str):
            continue
        for match in _TYPED_NAME.finditer(source):
            value = _string_literal(match.group(1))
            if value and (name := name_words(value)):
                return name
    return ""


def name_words(text: str) -> str:
    """A learner's name from free text: its words, without emoji, punctuation or file-name noise."""
    words = _WORD.findall(printable(text))
    keys = [_key(word) for word in words]
    drop = set()
    for index in range(len(keys) - 1):
        if (keys[index], keys[index + 1]) in _NOT_A_NAME_PAIRS:
            drop.update((index, index + 1))
    kept = [
        word
        for index, word in enumerate(words)
        if index not in drop and not _NOT_A_NAME.fullmatch(keys[index])
    ]
    if {_key(word) for word in kept} in _PLACEHOLDERS:
        return ""
    return " ".join(kept)


def learner_slug(name: str) -> str:
    """The learner's identifier: lower-case ASCII words joined by hyphens (« marie-dupont »).

    A name without any Latin letter or digit (« 李雷 ») gets a stable identifier made
    from its hash, so two different such names never share one.
    """
    key = folded(name).translate(_ASCII_LETTERS)
    slug = re.sub(r"[^a-z0-9]+", "-", key).strip("-")[:MAX_SLUG].strip("-")
    if slug:
        return slug
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
    return f"apprenant-{digest[:8]}"


def readable(name: str) -> str:
    """A file name as the trainer's file manager shows it.

    Python reads a name that is not UTF-8 with « surrogate escapes »; such names
    usually come from Windows (Windows-1252), so they are decoded that way, and
    anything still undecodable becomes « � ».
    """
    if name.isascii() or not re.search("[\udc80-\udcff]", name):
        return printable(name)
    try:
        return os.fsencode(name).decode("cp1252")
    except ValueError:  # UnicodeEncodeError or UnicodeDecodeError
        return printable(name)


def _split_module(text: str, modules: list[CourseModule]) -> tuple[str, list[str]]:
    """The module a name mentions (longest match wins) and the other words, as written."""
    words = _WORD.findall(printable(text))
    keys = [_key(word) for word in words]
    best: tuple[int, str, int] = (0, "", 0)
    for module in modules:
        for pattern in module.name_patterns():
            size = len(pattern)
            for start in range(len(keys) - size + 1):
                if tuple(keys[start : start + size]) == pattern and size > best[0]:
                    best = (size, module.id, start)
    size, module_id, start = best
    if not module_id:
        return "", words
    return module_id, words[:start] + words[start + size :]


def _module_only(text: str, modules: list[CourseModule]) -> str:
    """The module a folder name is, when it is nothing but a module's name."""
    module_id, rest = _split_module(text, modules)
    return module_id if module_id and not _name(rest) else ""


def _name(words: list[str]) -> str:
    return name_words(" ".join(words))


def _key(word: str) -> str:
    return folded(word).translate(_ASCII_LETTERS)


def _keys(text: str) -> tuple[str, ...]:
    return tuple(_key(word) for word in _WORD.findall(text))


def _string_literal(text: str) -> str:
    """The string a Python literal spells (`"Marie" # moi` included), or ""."""
    candidates = [text.strip()]
    if "#" in text:
        candidates.append(text[: text.rfind("#")].strip())
    for candidate in candidates:
        try:
            value = ast.literal_eval(printable(candidate))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            continue
        return value if isinstance(value, str) else ""
    return ""


def _nbgrader(cell: Any) -> dict[str, Any]:
    metadata = cell.get("metadata") if isinstance(cell, dict) else None
    nbgrader = metadata.get("nbgrader") if isinstance(metadata, dict) else None
    return nbgrader if isinstance(nbgrader, dict) else {}
