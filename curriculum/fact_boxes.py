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
from curriculum.marked_blocks import (
    MarkedBlockError,
    copy_cells,
    opened_keys,
    rewrite_notebook,
)
from widgets.french import french_date

FACT_BEGIN = re.compile(r"^<!-- fait:([a-z0-9-]+) -->$")
FACT_END = "<!-- /fait -->"
SOURCES_BEGIN = re.compile(r"^<!-- atelier:(sources):debut -->$")
SOURCES_END = "<!-- atelier:sources:fin -->"


class FactBoxError(Exception):
    """Markers cite an unknown fact or are misplaced; the message is in French."""


def cited_ids(notebook: NotebookNode) -> list[str]:
    """Ids of the facts a notebook cites, in order of first appearance."""
    return opened_keys(notebook, FACT_BEGIN)


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
    try:
        boxes = rewrite_notebook(
            notebook, FACT_BEGIN, FACT_END, lambda fact_id: render_box(facts[fact_id]), name
        )
        sources = rewrite_notebook(
            notebook, SOURCES_BEGIN, SOURCES_END, lambda _: render_sources(cited), name
        )
    except MarkedBlockError as error:
        raise FactBoxError(str(error)) from None
    return boxes or sources


def is_current(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> bool:
    return not refresh(copy_cells(notebook), facts, name)


def has_sources_section(notebook: NotebookNode) -> bool:
    return bool(opened_keys(notebook, SOURCES_BEGIN))
