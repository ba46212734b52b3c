"""The generated part of the welcome notebook: learning paths and module list.

The section sits in one Markdown cell of the welcome notebook, between two
marker lines; the text around the markers belongs to the notebook's author and
is never touched.
"""

from __future__ import annotations

from nbformat import NotebookNode

from curriculum.syllabus import Module, Step, Syllabus

WELCOME_MODULE = "00-accueil"
BEGIN_MARKER = "<!-- atelier:parcours:debut -->"
END_MARKER = "<!-- atelier:parcours:fin -->"


class IndexPageError(Exception):
    """The welcome notebook has no usable markers; the message is in French."""


def format_duration(minutes: int) -> str:
    """French duration: "45 min", "2 h", "1 h 30"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def render_paths_markdown(syllabus: Syllabus) -> str:
    """The Markdown placed between the markers (no trailing newline)."""
    parts: list[str] = []
    for path in syllabus.paths:
        rows = [
            f"| {n} | {_step_label(syllabus, step)} | {_minutes(syllabus.step_minutes(step))} |"
            for n, step in enumerate(path.steps, 1)
        ]
        parts.append(
            "\n".join(
                [
                    f"### {path.title}",
                    "",
                    f"**Pour qui :** {path.audience}. **Durée :** {format_duration(path.minutes)}.",
                    "",
                    path.description,
                    "",
                    "| Étape | Contenu | Durée |",
                    "| ---: | --- | ---: |",
                    *rows,
                ]
            )
        )
    modules = [
        "\n".join(
            [
                f"- {_module_label(module, bold=True)} : {format_duration(module.minutes)}",
                *(f"  - {objective}" for objective in module.objectives),
            ]
        )
        for module in syllabus.modules
    ]
    parts.append("\n".join(["### Tous les modules", "", *modules]))
    return "\n\n".join(parts)


def section_is_current(notebook: NotebookNode, syllabus: Syllabus) -> bool:
    cell, begin, end = _find_section(notebook)
    lines = cell.source.split("\n")
    return "\n".join(lines[begin + 1 : end]) == render_paths_markdown(syllabus)


def replace_section(notebook: NotebookNode, syllabus: Syllabus) -> bool:
    """Rewrite the section in memory; True if the notebook changed."""
    cell, begin, end = _find_section(notebook)
    lines = cell.source.split("\n")
    source = "\n".join([*lines[: begin + 1], render_paths_markdown(syllabus), *lines[end:]])
    if source == cell.source:
        return False
    cell.source = source
    return True


def _find_section(notebook: NotebookNode) -> tuple[NotebookNode, int, int]:
    markdown = [cell for cell in notebook.cells if cell.cell_type == "markdown"]
    found = [cell for cell in markdown if BEGIN_MARKER in cell.source or END_MARKER in cell.source]
    how_to = (
        f"Placez les lignes {BEGIN_MARKER} puis {END_MARKER} dans une seule cellule Markdown, "
        "chacune seule sur sa ligne."
    )
    if len(found) != 1:
        detail = "aucune cellule Markdown" if not found else f"{len(found)} cellules"
        raise IndexPageError(f"Les marqueurs de la liste des parcours sont dans {detail}. {how_to}")
    cell = found[0]
    lines = [line.strip() for line in cell.source.split("\n")]
    if lines.count(BEGIN_MARKER) != 1 or lines.count(END_MARKER) != 1:
        raise IndexPageError(f"Les marqueurs de la liste des parcours sont mal placés. {how_to}")
    begin, end = lines.index(BEGIN_MARKER), lines.index(END_MARKER)
    if begin > end:
        raise IndexPageError(f"Les marqueurs de la liste des parcours sont inversés. {how_to}")
    return cell, begin, end


def _step_label(syllabus: Syllabus, step: Step) -> str:
    if step.activity is not None:
        return _cell_text(step.activity)
    module = syllabus.module(step.module or "")
    return _module_label(module, bold=False) if module else _cell_text(step.module or "")


def _module_label(module: Module, *, bold: bool) -> str:
    title = _cell_text(module.title)
    if not module.available:
        return f"**{title}** (en préparation)" if bold else f"{title} (en préparation)"
    # Relative to notebooks/00-accueil/, where the welcome notebook lives.
    link = f"[{title}](../{module.notebook})"
    return f"**{link}**" if bold else link


def _cell_text(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def _minutes(minutes: int | None) -> str:
    return format_duration(minutes) if minutes is not None else "?"
