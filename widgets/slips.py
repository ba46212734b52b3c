"""The slips a learner makes in a code cell, named in French (plain Python, no Jupyter).

Each function takes what Python reports (a missing name, a syntax error) and
returns one or two calm French sentences that name the real cause: a
misspelt name, a quote that is not closed, typographic quotes, « x » for a
multiplication, a « % » or « € » typed after a number, a decimal comma. The
kernel extension (`widgets.french_errors`) shows them instead of a traceback.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from widgets.selfcheck.answer_runs import UNREAD_ANSWER
from widgets.text import printable, shortened

LESSON_NAME = "atelier"
CLOSE_NAME_CUTOFF = 0.8

_TYPOGRAPHIC_QUOTES = "“”„‟«»‘’‚‛"
_INVALID_CHARACTER = re.compile(r"invalid character '(.)'")
_MULTIPLY_WITH_X = re.compile(r"(?:\w|\))\s+[x×]\s+(?:\w|\()|\d[x×]\d")
_NUMBER_THEN_PERCENT = re.compile(r"\d\s*%")
_DECIMAL_COMMA = re.compile(r"\d,\d")

_SYNTAX_CAUSES = (
    (
        "unterminated triple-quoted string literal",
        'des triples guillemets """ sont ouverts mais jamais refermés : ajoutez """ '
        "à la fin de votre texte",
    ),
    ("unterminated string literal", "un guillemet est ouvert mais jamais refermé"),
    ("was never closed", "une parenthèse ou un crochet ouvert n'est pas refermé"),
    ("unmatched", "une parenthèse ou un crochet fermant est en trop"),
    ("unexpected indent", "la ligne commence par des espaces en trop"),
    ("expected an indented block", "la ligne après les deux-points doit être décalée"),
    ("perhaps you forgot a comma", "il manque peut-être une virgule ou des guillemets"),
)


def close_name(name: str, known: Iterable[str]) -> str | None:
    """The defined name the learner most likely meant (« jours_de_classe »), if any."""
    candidates = [
        candidate
        for candidate in known
        if isinstance(candidate, str) and not candidate.startswith("_") and candidate != name
    ]
    matches = difflib.get_close_matches(name, candidates, n=1, cutoff=CLOSE_NAME_CUTOFF)
    return matches[0] if matches else None


def name_error_message(
    name: str | None, known: Iterable[str] = (), unread_answer: bool = False
) -> str:
    """Explain a NameError to someone who has never programmed."""
    if name == LESSON_NAME:
        return (
            "Le notebook n'est pas encore préparé : exécutez d'abord la première cellule "
            "de code, celle qui affiche « Configuration terminée »."
        )
    if unread_answer:
        return UNREAD_ANSWER[0].upper() + UNREAD_ANSWER[1:]
    shown = printable(name or "ce nom")
    close = close_name(name or "", known)
    if close:
        return (
            f"Python ne connaît pas « {shown} ». Vouliez-vous écrire {close} ? "
            "Corrigez le nom, puis exécutez de nouveau la cellule."
        )
    run_first = (
        f"« {shown} » n'est pas encore défini : exécutez d'abord la cellule qui le définit, "
        "plus haut (ou tout le notebook : menu Exécution, puis « Exécuter toutes les cellules »)."
    )
    if "_" in shown:
        return run_first
    return (
        f"Python ne connaît pas « {shown} ». Si c'est une réponse écrite en toutes lettres, "
        f'mettez-la entre guillemets, par exemple "{shown}". Sinon, {run_first}'
    )


def syntax_error_message(error: SyntaxError) -> str:
    """Say which line Python could not read, and the likely cause, in French."""
    raw = (error.msg or "").lower()
    line = printable((error.text or "").strip())
    where = f"la ligne {error.lineno}" if error.lineno else "une ligne"
    quoted = f" : « {shortened(line, 80)} »" if line else ""
    message = f"Python n'a pas pu lire {where}{quoted}."
    cause = _syntax_cause(raw, line)
    if cause:
        return f"{message} Cause probable : {cause}."
    return f"{message} Vérifiez les guillemets et les parenthèses."


def _syntax_cause(raw: str, line: str) -> str | None:
    invalid = _INVALID_CHARACTER.search(raw)
    character = invalid.group(1) if invalid else ""
    if character and character in _TYPOGRAPHIC_QUOTES:
        return (
            f"le guillemet {character} n'est pas lu par Python, qui n'accepte que les "
            'guillemets droits " ou \' : remplacez “ ” ou « » par "'
        )
    if character == "×" or ("invalid" in raw and _MULTIPLY_WITH_X.search(line)):
        return "pour multiplier, Python utilise l'étoile * et non x ou × : écrivez a * b"
    if character == "€":
        return "écrivez le nombre seul, sans le signe €"
    if "invalid syntax" in raw and _NUMBER_THEN_PERCENT.search(line):
        return "écrivez le nombre seul, sans le signe % (par exemple 12 pour 12 %)"
    for key, text in _SYNTAX_CAUSES:
        if key in raw:
            return text
    if _DECIMAL_COMMA.search(line):
        return "un nombre décimal s'écrit avec un point et non une virgule : 3.5 et non 3,5"
    if "invalid decimal literal" in raw:
        return "un nombre est collé à des lettres"
    return None
