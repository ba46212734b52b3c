"""An answer's value, carried out of a graded kernel as plain JSON (no Jupyter).

When a class is graded, the learner's code runs in a sandboxed kernel; the
verdict is given outside it, by the grader's own copy of the checkers, so an
answer cell cannot switch the checks off. The kernel only reports, for each
exercise, the value the learner's variable holds: `answer_message` encodes it
(inside the kernel), `decode_answer` rebuilds it (in the grader).

Only the kinds of value an answer can take travel as themselves: text,
numbers, booleans, None, the placeholder `...`, and short lists or tuples of
those. Anything else becomes an `UnsupportedAnswer`, which the checkers
refuse with their usual French sentence. Encoding never calls the value's
own methods (`__eq__`, `__repr__`, `__len__` of a learner's class), never
raises, and stays small: a 1 MB text or ten million numbers are reported by
their size only. The JSON is ASCII, so a lone surrogate survives the trip.
"""

from __future__ import annotations

import json
import numbers
from dataclasses import dataclass
from typing import Any

from widgets.selfcheck.answer_runs import ANSWER_RUNS

MIME_TYPE = "application/vnd.atelier.reponse+json"
MAX_TEXT = 100_000
"""Longer texts are reported by their length only (the checkers refuse 20,000+)."""
MAX_ITEMS = 1_000
MAX_DEPTH = 3
MAX_INT_DIGITS = 1_000


@dataclass(frozen=True)
class UnsupportedAnswer:
    """Stands for a value the grader cannot rebuild; its `description` is French."""

    description: str


@dataclass(frozen=True)
class TooLongText:
    """A text answer reported by its length only."""

    length: int


def answer_message(exercise_id: str, variable: str, namespace: dict[str, Any]) -> dict[str, str]:
    """The display bundle a graded kernel sends for one exercise."""
    report: dict[str, Any] = {"exercice": exercise_id, "variable": variable}
    try:
        report["echec"] = ANSWER_RUNS.last_failed(variable)
        if variable in namespace:
            report["valeur"] = encode(dict.__getitem__(namespace, variable))
        else:
            report["absente"] = True
    except Exception:  # a learner's object can do anything: report it as unreadable
        report["valeur"] = {"type": "autre", "description": "une valeur illisible"}
    return {MIME_TYPE: json.dumps(report, ensure_ascii=True)}


def encode(value: object, depth: int = 0) -> dict[str, Any]:
    """A JSON-safe description of `value` (see the module docstring)."""
    kind = type(value)
    if value is None:
        return {"type": "none"}
    if value is Ellipsis:
        return {"type": "ellipsis"}
    if kind is bool or isinstance(value, bool):
        return {"type": "bool", "v": value is True}
    if isinstance(value, str):
        text = str.__str__(value)
        if len(text) > MAX_TEXT:
            return {"type": "texte-long", "longueur": len(text)}
        return {"type": "str", "v": text}
    if isinstance(value, numbers.Integral):
        number = int(value)
        if abs(number) >= 10**MAX_INT_DIGITS:
            return {"type": "autre", "description": "un nombre entier démesuré"}
        return {"type": "int", "v": str(number)}
    if isinstance(value, numbers.Real):
        return {"type": "float", "v": repr(float(value))}
    if isinstance(value, list | tuple) and depth < MAX_DEPTH:
        items = list.__len__(value) if isinstance(value, list) else tuple.__len__(value)
        if items > MAX_ITEMS:
            return {"type": "autre", "description": f"une liste de {items} valeurs"}
        container = "list" if isinstance(value, list) else "tuple"
        parts = list.__iter__(value) if container == "list" else tuple.__iter__(value)
        return {"type": container, "v": [encode(part, depth + 1) for part in parts]}
    return {"type": "autre", "description": "une valeur d'un type inattendu"}


def decode(data: object) -> object:
    """Rebuild a value from `encode`'s description; anything odd is unsupported."""
    if not isinstance(data, dict):
        return UnsupportedAnswer("une valeur illisible")
    kind = data.get("type")
    value = data.get("v")
    if kind == "none":
        return None
    if kind == "ellipsis":
        return Ellipsis
    if kind == "bool" and isinstance(value, bool):
        return value
    if kind == "str" and isinstance(value, str):
        return value
    if kind == "texte-long" and isinstance(data.get("longueur"), int):
        return TooLongText(data["longueur"])
    if kind == "int" and isinstance(value, str) and len(value) <= MAX_INT_DIGITS + 1:
        try:
            return int(value)
        except ValueError:
            return UnsupportedAnswer("une valeur illisible")
    if kind == "float" and isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return UnsupportedAnswer("une valeur illisible")
    if kind in ("list", "tuple") and isinstance(value, list) and len(value) <= MAX_ITEMS:
        items = [decode(part) for part in value]
        return items if kind == "list" else tuple(items)
    description = data.get("description")
    return UnsupportedAnswer(description if isinstance(description, str) else "une valeur")


@dataclass(frozen=True)
class ReportedAnswer:
    """What a graded kernel reported for one exercise."""

    exercise_id: str
    present: bool
    last_run_failed: bool
    value: object = None


def read_report(text: object) -> ReportedAnswer | None:
    """Parse one reported bundle's JSON text; None when it is not a report."""
    if not isinstance(text, str) or len(text) > 4 * MAX_TEXT:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("exercice"), str):
        return None
    present = "valeur" in data and not data.get("absente")
    return ReportedAnswer(
        exercise_id=data["exercice"],
        present=present,
        last_run_failed=data.get("echec") is True,
        value=decode(data.get("valeur")) if present else None,
    )
