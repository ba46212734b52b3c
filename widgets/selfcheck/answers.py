"""Reading what a learner typed: letters, numbers and free text.

Learners write French numbers ("3,95", "25 200 €"), lower-case letters,
stray spaces. These helpers accept all of that and raise `AnswerFormatError`
with a French sentence for anything they cannot read.
"""

from __future__ import annotations

import math
import numbers
import re

from widgets.errors import AtelierError
from widgets.text import folded

MAX_SHORT_ANSWER = 200
MAX_TEXT_ANSWER = 20_000


class AnswerFormatError(AtelierError, ValueError):
    """The answer cannot be read; its French message, shown to the learner, says why."""


def describe_type(value: object) -> str:
    """A French name for the kind of value a learner gave."""
    if isinstance(value, bool):
        return "un booléen (True ou False)"
    if isinstance(value, numbers.Number):
        return "un nombre"
    if isinstance(value, str):
        return "un texte"
    if value is None:
        return "la valeur vide None"
    if isinstance(value, list | tuple | set | dict):
        return "une liste ou un ensemble de valeurs"
    return "une valeur d'un type inattendu"


def parse_letter(value: object, letters: tuple[str, ...]) -> str:
    """Return the chosen letter in upper case ("b)" -> "B")."""
    choices = ", ".join(f'"{letter}"' for letter in letters)
    if not isinstance(value, str):
        raise AnswerFormatError(
            f"la réponse attendue est une lettre entre guillemets ({choices}), "
            f"or vous avez donné {describe_type(value)}."
        )
    if len(value) > MAX_SHORT_ANSWER:
        raise AnswerFormatError(
            f"la réponse est trop longue : écrivez seulement une lettre ({choices})."
        )
    cleaned = value.strip().strip(").:-").strip().upper()
    if cleaned not in letters:
        shown = value.strip()[:40]
        raise AnswerFormatError(
            f"« {shown} » n'est pas une des lettres proposées. Choisissez parmi {choices}."
        )
    return cleaned


_NUMBER_TEXT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009_]+")


def parse_number(value: object, unit: str = "") -> float:
    """Return a finite float from a number or a French-written number."""
    if _looks_like_decimal_comma(value):
        raise AnswerFormatError(
            "en Python, un nombre décimal s'écrit avec un point et non une virgule : "
            "écrivez 3.95 et non 3,95 (ou mettez le nombre entre guillemets)."
        )
    if isinstance(value, bool) or not isinstance(value, numbers.Real | str):
        raise AnswerFormatError(
            f"la réponse attendue est un nombre (par exemple 3.5), "
            f"or vous avez donné {describe_type(value)}."
        )
    if isinstance(value, str):
        if len(value) > MAX_SHORT_ANSWER:
            raise AnswerFormatError("la réponse est trop longue : écrivez seulement un nombre.")
        text = value.strip()
        for suffix in (unit, "€", "%", "euros", "euro"):
            if suffix and text.lower().endswith(suffix.lower()):
                text = text[: -len(suffix)].strip()
        text = _SPACES.sub("", text)
        if not _NUMBER_TEXT.match(text):
            raise AnswerFormatError(
                f"« {value.strip()[:40]} » ne se lit pas comme un nombre. "
                "Écrivez seulement des chiffres, par exemple 3.5 ou 1200."
            )
        number = float(text.replace(",", "."))
    else:
        number = float(value)
    if not math.isfinite(number):
        raise AnswerFormatError("la réponse doit être un nombre fini (ni nan, ni infini).")
    return number


def _looks_like_decimal_comma(value: object) -> bool:
    """`prix = 3,95` is valid Python: it makes the pair (3, 95)."""
    return (
        isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, int) and not isinstance(part, bool) for part in value)
    )


def normalize_text(text: str) -> str:
    """Lower case, no accents, single spaces: what text rules are matched on."""
    return folded(text)


def read_text(value: object) -> str:
    """Return the learner's text, refusing non-text, empty and enormous answers."""
    if not isinstance(value, str):
        raise AnswerFormatError(
            f"la réponse attendue est un texte entre guillemets, "
            f"or vous avez donné {describe_type(value)}."
        )
    if not value.strip():
        raise AnswerFormatError(
            "votre texte est vide : écrivez votre réponse entre les guillemets."
        )
    if len(value) > MAX_TEXT_ANSWER:
        raise AnswerFormatError(
            f"votre texte compte {len(value):,} caractères ; la limite est de "
            f"{MAX_TEXT_ANSWER:,}. Raccourcissez-le.".replace(",", "\u202f")
        )
    return value
