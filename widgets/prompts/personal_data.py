"""A simple check for personal data in a prompt: e-mail, telephone, social security, IBAN.

Module 04 brings the full guard (names, addresses, identifiers with their
checksums). Here the coach only warns about the patterns that are easiest
to recognise, so that a learner never pastes them into a prompt. Every
quantifier is bounded, so that a 1 MB text is read in linear time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class PersonalDataKind:
    name: str
    placeholder: str
    pattern: re.Pattern[str]


KINDS: tuple[PersonalDataKind, ...] = (
    PersonalDataKind(
        "une adresse électronique",
        "[Courriel]",
        re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}"),
    ),
    PersonalDataKind(
        "un numéro de téléphone",
        "[Téléphone]",
        re.compile(r"(?<![\d+])(?:\+33 ?|0033 ?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)"),
    ),
    PersonalDataKind(
        "un numéro de sécurité sociale",
        "[Numéro de sécurité sociale]",
        re.compile(
            r"(?<!\d)[12] ?\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\d) ?(?:\d{2}|2[abAB]) ?\d{3} ?\d{3}"
            r"(?: ?\d{2})?(?!\d)"
        ),
    ),
    PersonalDataKind(
        "un IBAN (coordonnées bancaires)",
        "[IBAN]",
        re.compile(r"\b[Ff][Rr]\d{2}(?: ?[0-9A-Za-z]{4}){5} ?[0-9A-Za-z]{1,3}\b"),
    ),
)


def personal_data_kinds(text: str) -> list[PersonalDataKind]:
    """The kinds of personal data found in `text`, in the order of `KINDS`."""
    return [kind for kind in KINDS if kind.pattern.search(text)]
