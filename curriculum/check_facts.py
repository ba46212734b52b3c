"""Checks on the facts registry and on the facts that notebooks cite."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from curriculum.course import module_notebooks
from curriculum.fact_boxes import FactBoxError, cited_ids, has_sources_section, is_current
from curriculum.facts import STALE_AFTER_DAYS, FactsError, load_facts, registry_path
from curriculum.notebook_io import NotebookError, read_notebook
from widgets.french import french_date


def check_facts(course_root: Path) -> list[str]:
    """Unknown ids, stale boxes, a missing « Sources » section: French problems."""
    try:
        facts = load_facts(registry_path(course_root))
    except FactsError as error:
        return error.messages
    problems = []
    for name, path in module_notebooks(course_root):
        try:
            notebook = read_notebook(path)
            current = is_current(notebook, facts, name)
        except (NotebookError, FactBoxError) as error:
            problems.append(str(error))
            continue
        if not current:
            problems.append(
                f"Les encadrés de faits de {name} ne sont plus à jour avec "
                f"curriculum/facts.toml : lancez `atelier release {path.parent.name}`."
            )
        if cited_ids(notebook) and not has_sources_section(notebook):
            problems.append(
                f"{name} cite des faits mais n'a pas de section des sources : ajoutez une "
                "cellule Markdown avec les lignes <!-- atelier:sources:debut --> et "
                "<!-- atelier:sources:fin -->."
            )
    return problems


def stale_facts(course_root: Path, today: dt.date | None = None) -> list[str]:
    """Facts not checked against their source for more than a year (warnings)."""
    today = today or dt.date.today()
    try:
        facts = load_facts(registry_path(course_root))
    except FactsError:
        return []
    return [
        f"La fiche « {fact.id} » n'a pas été vérifiée depuis le {french_date(fact.last_checked)} "
        f"(plus de {STALE_AFTER_DAYS} jours) : relisez sa source, puis mettez à jour "
        "last_checked dans curriculum/facts.toml."
        for fact in facts.values()
        if fact.is_stale(today)
    ]
