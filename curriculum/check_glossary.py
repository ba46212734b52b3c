"""Checks on the glossary and the pages a module folder holds (glossary page, datasheets)."""

from __future__ import annotations

from pathlib import Path

from curriculum.course import RELEASE_DIR, SOURCE_DIR
from curriculum.glossary import (
    GLOSSARY_NAME,
    GlossaryError,
    glossary_path,
    is_current,
    links_glossary,
    load_glossary,
)
from curriculum.marked_blocks import copy_cells
from curriculum.module_pages import ModulePageError, check_pages, refresh_sheet_links
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import Syllabus


def check_glossary(course_root: Path, syllabus: Syllabus) -> list[str]:
    """French problems: unknown modules in the glossary, a module that does not link it,
    a stale glossary line, datasheet link or generated page."""
    if glossary_path(course_root) is None:
        return []  # a course without a glossary has nothing to check here
    try:
        terms = load_glossary(glossary_path(course_root))
    except GlossaryError as error:
        return [str(error)]
    problems = [
        f"Le mot « {term.term} » de curriculum/{GLOSSARY_NAME} cite le module "
        f"« {term.module} », qui n'est pas dans le programme : corrigez l'identifiant."
        for term in terms
        if syllabus.module(term.module) is None
    ]
    for module in syllabus.modules:
        if not module.available:
            continue
        for folder in (SOURCE_DIR, RELEASE_DIR):
            path = Path(course_root) / folder / module.notebook
            if not path.is_file():
                continue
            name = f"{folder}/{module.notebook}"
            try:
                notebook = read_notebook(path)
                current = is_current(notebook, module.id, terms, name)
                current = current and not refresh_sheet_links(copy_cells(notebook), name)
            except (NotebookError, GlossaryError, ModulePageError) as error:
                problems.append(str(error))
                continue
            if not links_glossary(notebook):
                problems.append(
                    f"{name} ne renvoie pas au glossaire : ajoutez une cellule Markdown avec les "
                    "lignes <!-- atelier:glossaire:debut --> et <!-- atelier:glossaire:fin -->."
                )
            elif not current:
                problems.append(
                    f"Le lien vers le glossaire ou vers une fiche de données de {name} n'est plus "
                    f"à jour : lancez `atelier release {module.id}`."
                )
        problems += check_pages(course_root, module.id, terms, syllabus)
    return problems
