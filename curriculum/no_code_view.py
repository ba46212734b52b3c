"""What the no-code view (Voilà) shows of a module's Markdown: no instruction about code.

One source holds both wordings, in the Markdown cells themselves:

- `<!-- jupyterlab -->…<!-- /jupyterlab -->` wraps what only makes sense with code
  cells (« Exécutez la cellule ci-dessous (**Maj + Entrée**) »): JupyterLab shows it,
  the view leaves it out;
- `<!-- sans-code: … -->` holds the view's own wording: an HTML comment, so JupyterLab
  does not show it; the view shows its text;
- a Markdown cell tagged `jupyterlab-seulement` is left out of the view entirely;
- a module about JupyterLab itself (module 01 teaches cells and shortcuts) says so in
  its notebook metadata, `"atelier": {"vue_sans_code": "jupyterlab"}`: the view opens
  it with a note that sends the learner to JupyterLab, and no wording is checked.

Voilà calls `prepare_for_view` on every notebook it opens (its `prelaunch_hook`,
set in binder/vue-sans-code/voila.py). Code cells are never touched: they still run,
hidden, as in JupyterLab.
"""

from __future__ import annotations

import copy
import re
from typing import Any

import nbformat

LAB_ONLY_TAG = "jupyterlab-seulement"
ABOUT_JUPYTERLAB_NOTE = (
    "**Ce module apprend à se servir de JupyterLab** : ses cellules, ses raccourcis, ses "
    "exercices à compléter. Dans cette vue sans code, les cellules dont il parle sont "
    "cachées. Vous pouvez le lire et répondre aux exercices dans les formulaires ; pour "
    "le suivre vraiment, ouvrez-le dans JupyterLab."
)
_LAB_ONLY = re.compile(r"<!-- jupyterlab -->.*?<!-- /jupyterlab -->", re.DOTALL)
_VIEW_ONLY = re.compile(r"<!-- sans-code: (.*?) -->", re.DOTALL)
_GENERATED_PATHS = re.compile(
    r"<!-- atelier:parcours:debut -->.*?<!-- atelier:parcours:fin -->", re.DOTALL
)
"""The welcome page's list of paths and modules, written from the syllabus: its
module objectives (« Exécuter une cellule ») describe module 01, they are not
instructions."""
_NESTED = re.compile(
    r"<!-- jupyterlab -->(?:(?!<!-- /jupyterlab -->).)*<!-- jupyterlab -->", re.DOTALL
)
_MARKER_THEN_TEXT = re.compile(
    r"^(<!-- jupyterlab -->|<!-- sans-code: .*? -->)[ \t]*\S", re.MULTILINE
)
_CODE_WORDING = re.compile(
    r"maj\s*\+\s*entr[ée]e|shift\s*\+\s*enter|ex[ée]cut(ez|er) (la|les|cette|chaque|une|toutes)"
    r"|\bcellules?\b|trois points|entre guillemets|double-cliquez|ex[ée]cutez-la",
    re.IGNORECASE,
)


def view_markdown(source: str) -> str:
    """A Markdown cell's text as the view shows it."""
    without_lab = _LAB_ONLY.sub("", source)
    return _VIEW_ONLY.sub(lambda match: match[1].strip(), without_lab)


def prepare_for_view(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of the notebook with the view's wording; the original is not changed."""
    prepared = copy.deepcopy(notebook)
    cells = []
    for cell in prepared.cells:
        if cell.cell_type == "markdown":
            if LAB_ONLY_TAG in cell.get("metadata", {}).get("tags", []):
                continue
            cell.source = view_markdown(cell.source)
        cells.append(cell)
    if about_jupyterlab(notebook):
        cells.insert(0, nbformat.v4.new_markdown_cell(ABOUT_JUPYTERLAB_NOTE))
    prepared.cells = cells
    return prepared


def about_jupyterlab(notebook: nbformat.NotebookNode) -> bool:
    """Is this module about JupyterLab itself (its cells and shortcuts)?"""
    return notebook.metadata.get("atelier", {}).get("vue_sans_code") == "jupyterlab"


def prelaunch_hook(
    request_handler: Any, notebook: nbformat.NotebookNode, cwd: str
) -> nbformat.NotebookNode:
    """Voilà's hook: called before the page's kernel starts, returns the notebook to show."""
    return prepare_for_view(notebook)


def code_wording_left(notebook: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(cell number, words) for code instructions the view would still show.

    `atelier check` reports them, so that a new module is covered like the others.
    """
    found: list[tuple[int, str]] = []
    if about_jupyterlab(notebook):
        return found
    for number, cell in enumerate(prepare_for_view(notebook).cells, 1):
        if cell.cell_type != "markdown":
            continue
        match = _CODE_WORDING.search(_GENERATED_PATHS.sub("", cell.source))
        if match:
            found.append((number, match[0]))
    return found


def misplaced_markers(notebook: nbformat.NotebookNode) -> list[int]:
    """Cell numbers where a line starts with a marker followed by text, or where a
    `<!-- jupyterlab -->` span opens inside another one.

    A Markdown line that starts with an HTML comment is an HTML block for
    JupyterLab: the rest of the line would lose its Markdown (bold shown as
    asterisks). Such a marker goes alone on its line, or after some text. A nested
    span would leave part of the JupyterLab wording, or a view wording twice, in the view.
    """
    return [
        number
        for number, cell in enumerate(notebook.cells, 1)
        if cell.cell_type == "markdown"
        and (_MARKER_THEN_TEXT.search(cell.source) or _NESTED.search(cell.source))
    ]
