"""The two outputs of a bench run: bench.json for machines, bench.md for people (in French)."""

from __future__ import annotations

import json
import os
import platform
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from curriculum.benchmarks.core import (
    IMPORT_SECONDS,
    KERNEL_MEGABYTES,
    NOTEBOOK_SECONDS,
    Row,
    format_number,
)

BUDGETS = (
    f"un notebook exécuté de bout en bout, démarrage du noyau compris : "
    f"{format_number(NOTEBOOK_SECONDS, 's', exact=True)} s au plus",
    f"`import widgets` : {format_number(IMPORT_SECONDS, 's', exact=True)} s au plus",
    f"mémoire maximale d'un noyau : {format_number(KERNEL_MEGABYTES, 'Mo', exact=True)} Mo au plus",
)


@dataclass(frozen=True)
class Machine:
    """Where and when the figures were taken."""

    date: datetime
    python: str
    cpu_count: int | None
    platform: str

    @classmethod
    def current(cls) -> Machine:
        return cls(
            date=datetime.now().astimezone().replace(microsecond=0),
            python=platform.python_version(),
            cpu_count=os.cpu_count(),
            platform=platform.platform(),
        )


def write_json(path: Path, machine: Machine, repeats: int, rows: Sequence[Row]) -> None:
    document = {
        "date": machine.date.isoformat(),
        "python": machine.python,
        "cpu_count": machine.cpu_count,
        "platform": machine.platform,
        "repeats": repeats,
        "rows": [row.to_json() for row in rows],
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def _verdict(row: Row) -> str:
    if row.value is None:
        return "non mesuré"
    if row.within_budget is None:
        return "sans objet"
    return "oui" if row.within_budget else "**non**"


def markdown_table(rows: Sequence[Row]) -> str:
    lines = [
        "| Mesure | Valeur | Budget | Respecté ? | Remarque |",
        "| --- | ---: | ---: | :---: | --- |",
    ]
    for row in rows:
        value = "—" if row.value is None else f"{format_number(row.value, row.unit)} {row.unit}"
        budget = (
            "—"
            if row.budget is None
            else f"{format_number(row.budget, row.unit, exact=True)} {row.unit}"
        )
        lines.append(
            f"| {_cell(row.name)} | {value} | {budget} | {_verdict(row)} | {_cell(row.note)} |"
        )
    return "\n".join(lines)


def summary(rows: Sequence[Row]) -> str:
    """One French line on what exceeds its budget (and what could not be measured)."""
    over = [row.name for row in rows if row.within_budget is False]
    missing = [row.name for row in rows if row.value is None]
    parts = [
        f"Hors budget : {' ; '.join(over)}."
        if over
        else "Toutes les mesures respectent leur budget."
    ]
    if missing:
        parts.append(f"Non mesuré : {' ; '.join(missing)}.")
    return " ".join(parts)


def markdown_document(machine: Machine, repeats: int, rows: Sequence[Row]) -> str:
    processors = f"{machine.cpu_count} processeur(s)" if machine.cpu_count else "processeurs ?"
    header = [
        "# Mesures de vitesse et de mémoire",
        "",
        f"- Date : {machine.date:%d/%m/%Y %H:%M}",
        f"- Machine : {machine.platform}, {processors}, Python {machine.python}",
        f"- Répétitions : {repeats} par mesure (durées : médiane ; mémoire : pic le plus haut)",
        "- Budgets :",
        *(f"  - {budget} ;" for budget in BUDGETS[:-1]),
        f"  - {BUDGETS[-1]}.",
        "",
    ]
    return "\n".join([*header, markdown_table(rows), "", summary(rows), ""])
