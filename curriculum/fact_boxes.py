"""Facts cited in notebooks: boxes, reading resources and the list of sources, written by
`atelier release`.

In a Markdown cell, a fact is cited by two lines with nothing between them:

    <!-- fait:ai-act-art-50-4 -->
    <!-- /fait -->

Several ids separated by spaces (`<!-- fait:ai-act-annexe-3-5a ai-act-art-27 -->`) give
one short box: the statements, each with its caveat, and a link to the dated sources at
the bottom of the notebook. A fact can also be suggested as a reading, in « Pour aller
plus loin », with `<!-- ressource:id -->` and `<!-- /ressource -->`: the release writes
its source, linked, and its date (a reading must have an address).

The module's « Sources » cell holds two lines:

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

FACT_BEGIN = re.compile(r"^<!-- fait:([a-z0-9-]+(?: [a-z0-9-]+)*) -->$")
FACT_END = "<!-- /fait -->"
READING_BEGIN = re.compile(r"^<!-- ressource:([a-z0-9-]+) -->$")
READING_END = "<!-- /ressource -->"
SOURCES_BEGIN = re.compile(r"^<!-- atelier:(sources):debut -->$")
SOURCES_END = "<!-- atelier:sources:fin -->"
SOURCES_ANCHOR = "#Sources"
"""JupyterLab gives the heading « ## Sources » this anchor."""


class FactBoxError(Exception):
    """Markers cite an unknown fact or are misplaced; the message is in French."""


def cited_ids(notebook: NotebookNode) -> list[str]:
    """Ids of the facts a notebook cites in boxes, in order of first appearance."""
    found: list[str] = []
    for key in opened_keys(notebook, FACT_BEGIN):
        found += [fact_id for fact_id in key.split() if fact_id not in found]
    return found


def reading_ids(notebook: NotebookNode) -> list[str]:
    """Ids of the facts a notebook suggests as readings."""
    return opened_keys(notebook, READING_BEGIN)


def _source(fact: Fact) -> str:
    return f"[{fact.source}]({fact.url})" if fact.url else fact.source


def after_colon(text: str) -> str:
    """A sentence written after « : », which French starts in lower case."""
    return text[:1].lower() + text[1:] if text[1:2].islower() or text[1:2] == "'" else text


def _caveat(fact: Fact) -> str:
    return f" Réserve : {after_colon(fact.caveat)}" if fact.caveat else ""


def render_box(fact: Fact) -> str:
    return (
        f"> **À savoir.** {fact.statement}\n>\n"
        f"> *Source : {_source(fact)}, {fact.source_date_text()}.{_caveat(fact)} "
        f"Fiche vérifiée le {french_date(fact.last_checked)}.*"
    )


def render_group(facts: list[Fact]) -> str:
    """One box for several facts: each statement with its caveat, then a link to the sources."""
    items = "\n".join(
        f"> - {fact.statement}"
        + (f" *Réserve : {after_colon(fact.caveat)}*" if fact.caveat else "")
        for fact in facts
    )
    return (
        f"> **À savoir.**\n>\n{items}\n>\n"
        f"> *Sources et dates de vérification : [en bas de ce notebook]({SOURCES_ANCHOR}).*"
    )


def render_reading(fact: Fact) -> str:
    return f"- À lire : [{fact.source}]({fact.url}), {fact.source_date_text()}.{_caveat(fact)}"


def render_sources(facts: list[Fact]) -> str:
    if not facts:
        return "Ce module ne cite aucun fait réglementaire ni chiffré."
    return "\n".join(
        f"- {_source(fact)}, {fact.source_date_text()}.{_caveat(fact)} "
        f"Vérifié le {french_date(fact.last_checked)}."
        for fact in facts
    )


def _render_key(key: str, facts: dict[str, Fact]) -> str:
    ids = key.split()
    if len(ids) == 1:
        return render_box(facts[ids[0]])
    return render_group([facts[fact_id] for fact_id in ids])


def _check_ids(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> None:
    unknown = [i for i in cited_ids(notebook) + reading_ids(notebook) if i not in facts]
    if unknown:
        raise FactBoxError(
            f"{name} cite des faits absents du registre curriculum/facts.toml : "
            f"{', '.join(unknown)}. Corrigez l'identifiant ou ajoutez la fiche."
        )
    without_address = [i for i in reading_ids(notebook) if not facts[i].url]
    if without_address:
        raise FactBoxError(
            f"{name} conseille de lire {', '.join(without_address)}, qui n'a pas d'adresse "
            "(url) dans curriculum/facts.toml : choisissez une fiche avec une adresse."
        )


def refresh(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> bool:
    """Rewrite every fact box, reading and the sources list in memory; True if anything changed."""
    _check_ids(notebook, facts, name)
    cited = [facts[fact_id] for fact_id in cited_ids(notebook)]
    try:
        changed = [
            rewrite_notebook(
                notebook, FACT_BEGIN, FACT_END, lambda key: _render_key(key, facts), name
            ),
            rewrite_notebook(
                notebook,
                READING_BEGIN,
                READING_END,
                lambda fact_id: render_reading(facts[fact_id]),
                name,
            ),
            rewrite_notebook(
                notebook, SOURCES_BEGIN, SOURCES_END, lambda _: render_sources(cited), name
            ),
        ]
    except MarkedBlockError as error:
        raise FactBoxError(str(error)) from None
    return any(changed)


def is_current(notebook: NotebookNode, facts: dict[str, Fact], name: str) -> bool:
    return not refresh(copy_cells(notebook), facts, name)


def has_sources_section(notebook: NotebookNode) -> bool:
    return bool(opened_keys(notebook, SOURCES_BEGIN))
