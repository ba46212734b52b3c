"""Which exercise a browser test answers in a module, and how a learner writes the answer."""

from __future__ import annotations

import re

import nbformat

from conftest import lesson_for, solution_path
from widgets.selfcheck import Exercise

_CHECK = re.compile(r"atelier\.(\w+)\.check\(")


def first_checked_exercise(module_id: str) -> Exercise | None:
    """The exercise of the module's first check cell, or None for a module without one."""
    lesson = lesson_for(module_id)
    notebook = nbformat.read(solution_path(module_id), as_version=4)
    for cell in notebook.cells:
        match = _CHECK.search(cell.source) if cell.cell_type == "code" else None
        if match:
            return getattr(lesson, match[1]).exercise
    return None


def typed_in_code(value: object) -> str:
    """The value as a learner types it in an answer cell."""
    return repr(value)


def typed_in_form(value: object) -> str:
    """The value as a learner types it in a form: numbers the French way."""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)
