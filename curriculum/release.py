"""`atelier release`: from the instructor notebook to the learner notebook.

For one module: clean the solution notebook in place (and refresh its fact
boxes, and the list of paths in the welcome notebook), let nbgrader generate
the learner version in a scratch course, finish it (no outputs, graded cells
tagged "raises-exception" so "Run all" goes on past a wrong answer) and write
it, byte for byte the same for the same solutions.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from nbformat import NotebookNode

from curriculum.course import SOURCE_DIR
from curriculum.exercise_texts import ExerciseTextError
from curriculum.exercise_texts import refresh as refresh_exercise_texts
from curriculum.fact_boxes import FactBoxError
from curriculum.fact_boxes import refresh as refresh_fact_boxes
from curriculum.facts import Fact, FactsError, load_facts, registry_path
from curriculum.glossary import GlossaryError, Term, course_glossary
from curriculum.glossary import refresh as refresh_glossary_line
from curriculum.index_page import WELCOME_MODULE, IndexPageError, replace_section
from curriculum.module_pages import (
    ModulePageError,
    module_pages,
    refresh_sheet_links,
    write_pages,
)
from curriculum.nbgrader_generate import GenerateError, generate_learner_folder, load_course_config
from curriculum.notebook_io import (
    NotebookError,
    clean_notebook,
    notebook_text,
    read_notebook,
    write_notebook,
)
from curriculum.syllabus import Module, Syllabus, SyllabusError, load_course_syllabus

RAISES_EXCEPTION = "raises-exception"


class ReleaseError(Exception):
    """The module cannot be released; the message is in French."""


def release_module(course_root: Path, module_id: str, dest_root: Path) -> list[Path]:
    """Release one module of the course into `dest_root/<module_id>/`.

    The solution notebooks of the module are cleaned in place first. Returns the
    files of the learner version, sorted. Use `dest_root = course_root /
    "notebooks"` for the real release, or a temporary folder to compare.
    """
    course_root = Path(course_root)
    try:
        syllabus = load_course_syllabus(course_root)
        module = _known_module(syllabus, module_id)
        source_folder = course_root / SOURCE_DIR / Path(module.notebook).parent
        if not (course_root / SOURCE_DIR / module.notebook).is_file():
            raise ReleaseError(
                f"{SOURCE_DIR}/{module.notebook} n'existe pas : "
                f"créez d'abord le notebook du module {module_id}."
            )
        facts = load_facts(registry_path(course_root))
        terms = course_glossary(course_root)
        _prepare_sources(source_folder, module, syllabus, facts, terms)
        config = load_course_config(course_root)
        with tempfile.TemporaryDirectory(prefix="atelier-release-") as scratch:
            generated = generate_learner_folder(config, source_folder, module_id, Path(scratch))
            files = _learner_files(generated)
    except (
        SyllabusError,
        NotebookError,
        IndexPageError,
        GenerateError,
        FactBoxError,
        ExerciseTextError,
        GlossaryError,
        ModulePageError,
    ) as error:
        raise ReleaseError(str(error)) from None
    except FactsError as error:
        raise ReleaseError("\n".join(error.messages)) from None
    return _replace_folder(Path(dest_root) / Path(module.notebook).parent, files)


def _known_module(syllabus: Syllabus, module_id: str) -> Module:
    module = syllabus.module(module_id)
    if module is None:
        known = ", ".join(module.id for module in syllabus.modules)
        raise ReleaseError(f"Module inconnu : « {module_id} ». Modules du programme : {known}.")
    return module


def _prepare_sources(
    source_folder: Path,
    module: Module,
    syllabus: Syllabus,
    facts: dict[str, Fact],
    terms: list[Term] | None,
) -> None:
    """Clean every notebook of the module in place; refresh its fact boxes, its
    questions, its glossary line and datasheet links and, for the welcome page, the
    list of paths; write the pages the module points to (glossary, datasheets)."""
    notebooks = []
    for path in sorted(source_folder.glob("*.ipynb")):
        notebook = read_notebook(path)
        if module.id == WELCOME_MODULE and path.name == Path(module.notebook).name:
            replace_section(notebook, syllabus)
        name = f"{SOURCE_DIR}/{module.id}/{path.name}"
        refresh_fact_boxes(notebook, facts, name)
        refresh_exercise_texts(notebook, name)
        refresh_glossary_line(notebook, module.id, terms, name)
        refresh_sheet_links(notebook, name)
        clean_notebook(notebook)
        write_notebook(notebook, path)
        notebooks.append(notebook)
    write_pages(source_folder, module_pages(module.id, notebooks, terms, syllabus))


def _learner_files(generated: Path) -> dict[Path, bytes]:
    """Relative path -> content of every file of the learner version."""
    files = {}
    for path in sorted(generated.rglob("*")):
        if not path.is_file():
            continue
        if path.suffix == ".ipynb":
            notebook = read_notebook(path)
            _finish_learner_notebook(notebook)
            files[path.relative_to(generated)] = notebook_text(notebook).encode("utf-8")
        else:
            files[path.relative_to(generated)] = path.read_bytes()
    return files


def _finish_learner_notebook(notebook: NotebookNode) -> None:
    clean_notebook(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code" and cell.metadata.get("nbgrader", {}).get("grade") is True:
            tags = cell.metadata.setdefault("tags", [])
            if RAISES_EXCEPTION not in tags:
                tags.append(RAISES_EXCEPTION)


def _replace_folder(folder: Path, files: dict[Path, bytes]) -> list[Path]:
    """Make `folder` hold exactly `files`, rewriting only the files that changed."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(folder.rglob("*"), reverse=True):
        relative = path.relative_to(folder)
        if path.is_file() and relative not in files:
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    written = []
    for relative, content in files.items():
        path = folder / relative
        if not (path.is_file() and path.read_bytes() == content):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        written.append(path)
    return sorted(written)
