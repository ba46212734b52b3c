"""Reading, cleaning and writing notebooks the same way everywhere.

Notebooks are stored without outputs, and written byte for byte the same way
for the same content (nbformat's sorted keys, one trailing newline), so that
`git diff` shows only real changes and a release can be compared byte for byte.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import nbformat
from nbformat import NotebookNode


class NotebookError(Exception):
    """A notebook file cannot be read; the message is in French."""


def read_notebook(path: Path) -> NotebookNode:
    try:
        # nbformat warns (in English) when it repairs missing or duplicate cell
        # ids; the repaired ids are written back by the next clean.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return nbformat.read(path, as_version=4)
    except FileNotFoundError:
        raise NotebookError(f"Le notebook {path} est introuvable.") from None
    except Exception as error:  # nbformat raises many kinds of errors on a broken file
        raise NotebookError(
            f"Le notebook {path} ne peut pas être lu ({type(error).__name__}) : "
            "ouvrez-le dans JupyterLab pour le réparer, ou restaurez-le avec git."
        ) from None


def notebook_text(notebook: NotebookNode) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = nbformat.writes(notebook)
    return text if text.endswith("\n") else text + "\n"


def write_notebook(notebook: NotebookNode, path: Path) -> bool:
    """Write `notebook` to `path` unless the file already holds exactly that text.

    Returns True when the file was written.
    """
    data = notebook_text(notebook).encode("utf-8")
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def clean_notebook(notebook: NotebookNode) -> None:
    """Remove what running a notebook leaves behind; keep everything else."""
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
