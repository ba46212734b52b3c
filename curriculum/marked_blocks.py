"""Blocks of a Markdown cell that `atelier release` writes between two marker lines.

The author writes an opening line and a closing line with nothing between them,
for example `<!-- fait:ai-act-art-50-4 -->` and `<!-- /fait -->`; the release
writes the block between them from a registry (a fact, an exercise's question).
Text outside the markers belongs to the author and is never touched.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from nbformat import NotebookNode


class MarkedBlockError(Exception):
    """Markers are misplaced; the message is in French."""


def markdown_cells(notebook: NotebookNode) -> list[NotebookNode]:
    return [cell for cell in notebook.cells if cell.cell_type == "markdown"]


def opened_keys(notebook: NotebookNode, begin: re.Pattern[str]) -> list[str]:
    """The key (first group) of every opening line, in order of first appearance."""
    found: list[str] = []
    for cell in markdown_cells(notebook):
        for line in cell.source.split("\n"):
            match = begin.match(line.strip())
            if match and match.group(1) not in found:
                found.append(match.group(1))
    return found


def rewrite(
    source: str, begin: re.Pattern[str], end: str, render: Callable[[str], str], name: str
) -> str:
    """`source` with every block between an opening line and `end` replaced by `render(key)`."""
    output: list[str] = []
    lines = iter(source.split("\n"))
    for line in lines:
        match = begin.match(line.strip())
        if not match:
            output.append(line)
            continue
        output += [line, render(match.group(1))]
        for inner in lines:
            if inner.strip() == end:
                output.append(inner)
                break
            if begin.match(inner.strip()):
                raise _unclosed(name, end)
        else:
            raise _unclosed(name, end)
    return "\n".join(output)


def rewrite_notebook(
    notebook: NotebookNode,
    begin: re.Pattern[str],
    end: str,
    render: Callable[[str], str],
    name: str,
) -> bool:
    """Rewrite the blocks of every Markdown cell in memory; True if anything changed."""
    changed = False
    for cell in markdown_cells(notebook):
        source = rewrite(cell.source, begin, end, render, name)
        if source != cell.source:
            cell.source = source
            changed = True
    return changed


def copy_cells(notebook: NotebookNode) -> NotebookNode:
    """A copy deep enough to rewrite without touching `notebook`."""
    return NotebookNode({"cells": [NotebookNode(dict(cell)) for cell in notebook.cells]})


def _unclosed(name: str, end: str) -> MarkedBlockError:
    return MarkedBlockError(
        f"{name} : une ligne d'ouverture n'a pas sa ligne de fermeture {end} "
        "dans la même cellule Markdown."
    )
