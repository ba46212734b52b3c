"""Facts cited in notebooks: boxes and the list of sources, written by `atelier release`.

In a Markdown cell, a fact is cited by two lines with nothing between them:

    <!-- fait:ai-act-art-50-4 -->
    <!-- /fait -->

and the module's « Sources » cell holds two lines:

    <!-- atelier:sources:debut -->
    <!-- atelier:sources:fin -->

The release writes the statement, its source and its dates between the first
pair, and the dated references of every fact the notebook cites between the
second. Text outside the markers belongs to the author and is never touched.
"""

from __future__ import annotations

import re

from nbformat import NotebookNode

from curriculum.facts import Fact
from widgets.french import french_date

FACT_BEGIN = re.compile(r"^<!-- fait:([a-z0-9-]+) -->$")
FACT_END = "<!-- /fait -->"
SOURCES_BEGIN = "<!-- atelier:sources:debut -->"
SOURCES_END = "<!-- atelier:sources:fin -->"


class FactBoxError(Exception):
    """Markers are misplaced or cite an unknown fact; the message is in French."""


def cited_ids(notebook: NotebookNode) -> list[str]:
    """Ids of the facts a notebook cites, in order of first appearance."""
    found: list[str] = []
    for cell in _markdown(notebook):
        for line in cell.source.split("\n"):
            match = FACT_BEGIN.match(line.strip())
            if match and match.group(1) not in found:
                found.append(match.group(1))
    return found


def render_box(fact: Fact) -> str:
    source = f"[{fact.source}]({fact.url})" if fact.url else fact.source
    caveat = f" Réserve : {fact.caveat}" if fact.caveat else ""
    return (
        f"> **À savoir.** {fact.statement}\n>\n"
        f"> *Source : {source}, {fact.source_date_text()}.{caveat} "
        f"Fiche vérifiée le {french_date(fact.last_checked)}.*"
    )


def render_sources(facts: list[Fact]) -> str:
    if not facts:
        return "Ce module ne cite aucun fait réglementaire ni chiffré."
    lines = []
    for fact in facts:
        source = f"[{fact.source}]({fact.url})" if fact.url else fact.source
        caveat = f" Réserve : {fact.caveat}" if fact.caveat else ""
        lines.append(
            f"- {source}, {fact.source_date_text()}.{caveat} "
            f"Vérifié le {french_date(fact.last_checked)}."
        )
    return "\n".join(lines)


def refresh(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> bool:
    """Rewrite every fact box and the sources list in memory; True if anything changed."""
    unknown = [fact_id for fact_id in cited_ids(notebook) if fact_id not in facts]
    if unknown:
        raise FactBoxError(
            f"{name} cite des faits absents du registre curriculum/facts.toml : "
            f"{', '.join(unknown)}. Corrigez l'identifiant ou ajoutez la fiche."
        )
    cited = [facts[fact_id] for fact_id in cited_ids(notebook)]
    changed = False
    for cell in _markdown(notebook):
        source = _rewrite(cell.source, facts, cited, name)
        if source != cell.source:
            cell.source = source
            changed = True
    return changed


def is_current(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> bool:
    copy = NotebookNode({"cells": [NotebookNode(dict(cell)) for cell in notebook.cells]})
    return not refresh(copy, facts, name)


def has_sources_section(notebook: NotebookNode) -> bool:
    return any(SOURCES_BEGIN in cell.source for cell in _markdown(notebook))


def _rewrite(source: str, facts: dict[str, Fact], cited: list[Fact], name: str) -> str:
    output: list[str] = []
    lines = iter(source.split("\n"))
    for line in lines:
        stripped = line.strip()
        match = FACT_BEGIN.match(stripped)
        if match:
            output += [line, render_box(facts[match.group(1)]), _skip_to(lines, FACT_END, name)]
        elif stripped == SOURCES_BEGIN:
            output += [line, render_sources(cited), _skip_to(lines, SOURCES_END, name)]
        else:
            output.append(line)
    return "\n".join(output)


def _skip_to(lines, end: str, name: str) -> str:
    for line in lines:
        if line.strip() == end:
            return line
        if FACT_BEGIN.match(line.strip()) or line.strip() == SOURCES_BEGIN:
            break
    raise FactBoxError(
        f"{name} : une ligne d'ouverture n'a pas sa ligne de fermeture {end} "
        "dans la même cellule Markdown."
    )


def _markdown(notebook: NotebookNode) -> list[NotebookNode]:
    return [cell for cell in notebook.cells if cell.cell_type == "markdown"]
