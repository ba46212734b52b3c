"""The coach's check for personal data in a prompt: e-mail, telephone, social security, IBAN.

The coach asks module 04's guard (`widgets.donnees_personnelles.guard`) and
keeps the four kinds that are easiest to recognise, with its rules only (no
name model: the coach answers at each keystroke). Identifiers are validated
there (a NIR with a wrong key is not one).
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.donnees_personnelles.guard import find_personal_data


@dataclass(frozen=True)
class PersonalDataKind:
    name: str
    placeholder: str
    guard_kind: str


KINDS: tuple[PersonalDataKind, ...] = (
    PersonalDataKind("une adresse électronique", "[Courriel]", "email"),
    PersonalDataKind("un numéro de téléphone", "[Téléphone]", "phone"),
    PersonalDataKind("un numéro de sécurité sociale", "[Numéro de sécurité sociale]", "nir"),
    PersonalDataKind("un IBAN (coordonnées bancaires)", "[IBAN]", "iban"),
)


def personal_data_kinds(text: str) -> list[PersonalDataKind]:
    """The kinds of personal data found in `text`, in the order of `KINDS`."""
    found = {finding.kind for finding in find_personal_data(text, names_pass="no")}
    return [kind for kind in KINDS if kind.guard_kind in found]
