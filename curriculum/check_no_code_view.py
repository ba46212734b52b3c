"""Checks that the no-code view (Voilà) shows no instruction about code cells."""

from __future__ import annotations

from pathlib import Path

from curriculum.course import module_notebooks
from curriculum.no_code_view import code_wording_left, misplaced_markers
from curriculum.notebook_io import NotebookError, read_notebook


def check_no_code_view(course_root: Path) -> list[str]:
    """French problems: code wording the view would show, markers that break Markdown."""
    problems = []
    for name, path in module_notebooks(course_root):
        try:
            notebook = read_notebook(path)
        except NotebookError as error:
            problems.append(str(error))
            continue
        for number, words in code_wording_left(notebook):
            problems.append(
                f"{name}, cellule {number} : la vue sans code afficherait « {words} ». "
                "Entourez la consigne de <!-- jupyterlab --> et <!-- /jupyterlab -->, et "
                "écrivez à côté sa version sans code : <!-- sans-code: … -->."
            )
        for number in misplaced_markers(notebook):
            problems.append(
                f"{name}, cellule {number} : une ligne commence par <!-- jupyterlab --> ou "
                "<!-- sans-code: … --> suivi de texte ; JupyterLab n'en lirait plus le "
                "Markdown. Passez à la ligne juste après le marqueur."
            )
    return problems
