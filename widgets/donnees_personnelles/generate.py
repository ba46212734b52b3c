"""The guard's evaluation set: letters, e-mails and minutes with labelled personal data.

Seeded, so that `build_files()` gives the same bytes every time. Identifiers
are fictional but VALID (their keys are computed with python-stdnum); the
decoys are not personal data and must not be found: ordinary dates, streets
and schools named after people, numbers whose key is wrong. Each line of
`evaluation.jsonl` is one document with its spans (kind, start, end, text).
"""

from __future__ import annotations

import json
import random
import re
import tomllib
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir

from widgets.french import MONTH_NAMES

SEED = 2026_04
DOCUMENTS = 130
FILE_NAME = "evaluation.jsonl"
SLOT = re.compile(r"\{(\w+)\}")
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTVWXYZ"


@cache
def sources() -> dict[str, Any]:
    folder = resources.files(__package__).joinpath("sources")
    merged: dict[str, Any] = {}
    for name in ("people.toml", "templates.toml"):
        merged |= tomllib.loads(folder.joinpath(name).read_text(encoding="utf-8"))
    return merged


def spaced(digits: str, groups: tuple[int, ...]) -> str:
    parts, position = [], 0
    for size in groups:
        parts.append(digits[position : position + size])
        position += size
    return " ".join(part for part in parts if part)


def nir_digits(rng: random.Random) -> str:
    """Sex, year, month, department (2A/2B included), commune, order: 13 characters."""
    department = rng.choice(sources()["nir_departments"])
    return (
        f"{rng.choice('12')}{rng.randrange(100):02d}{rng.randrange(1, 13):02d}{department}"
        f"{rng.randrange(1, 990):03d}{rng.randrange(1, 999):03d}"
    )


def nir(rng: random.Random, valid: bool = True) -> str:
    body = nir_digits(rng)
    key = int(stdnum_nir.calc_check_digits(body))
    key = key if valid else key % 97 + 1
    compact = f"{body}{key:02d}"
    return spaced(compact, (1, 2, 2, 2, 3, 3, 2)) if rng.random() < 0.8 else compact


def siren(rng: random.Random, valid: bool = True) -> str:
    body = f"{rng.randrange(10**7, 10**8)}"
    key = int(luhn.calc_check_digit(body))
    return spaced(f"{body}{key if valid else (key + 3) % 10}", (3, 3, 3))


def siret(rng: random.Random, valid: bool = True) -> str:
    head = siren(rng).replace(" ", "") + f"{rng.randrange(1, 100):04d}"
    key = int(luhn.calc_check_digit(head))
    return spaced(f"{head}{key if valid else (key + 4) % 10}", (3, 3, 3, 5))


def iban(rng: random.Random, valid: bool = True) -> str:
    bank, branch = f"{rng.randrange(10**4, 10**5):05d}", f"{rng.randrange(10**5):05d}"
    account = f"{rng.randrange(10**10, 10**11):011d}"
    rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib:02d}"
    check = stdnum_iban.calc_check_digits(f"FR00{bban}")
    if not valid:
        check = f"{(int(check) + 1) % 97 + 2:02d}"
    compact = f"FR{check}{bban}"
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def phone(rng: random.Random) -> str:
    number = f"{rng.choice(sources()['phone_prefixes'])} {rng.randrange(100):02d} "
    number += f"{rng.randrange(100):02d}"
    style = rng.randrange(4)
    if style == 1:
        return number.replace(" ", ".")
    if style == 2:
        return number.replace(" ", "")
    if style == 3:
        return "+33 " + number[1:]
    return number


def plate(rng: random.Random) -> str:
    letters = [rng.choice(PLATE_LETTERS) for _ in range(4)]
    return f"{letters[0]}{letters[1]}-{rng.randrange(1, 1000):03d}-{letters[2]}{letters[3]}"


def date(rng: random.Random, years: tuple[int, int]) -> str:
    day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(*years)
    if rng.random() < 0.3:
        return f"{day:02d}/{month:02d}/{year}"
    return f"{'1er' if day == 1 else day} {MONTH_NAMES[month - 1]} {year}"


class Filler:
    """Draws the value of each slot and remembers the labelled spans."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        data = sources()
        first_names = data["first_names_f"] + data["first_names_m"]
        pick = rng.choice
        self.labelled: dict[str, tuple[str, Callable[[], str]]] = {
            "person": ("person", lambda: f"{pick(first_names)} {pick(data['surnames'])}"),
            "person_f": (
                "person",
                lambda: f"{pick(data['first_names_f'])} {pick(data['surnames'])}",
            ),
            "person_m": (
                "person",
                lambda: f"{pick(data['first_names_m'])} {pick(data['surnames'])}",
            ),
            "person_caps": (
                "person",
                lambda: f"{pick(data['surnames']).upper()} {pick(data['first_names_f'])}",
            ),
            "town": ("place", lambda: pick(data["towns"])[0]),
            "email": ("email", self.email),
            "service_email": (
                "email",
                lambda: f"{pick(data['services'])}@{pick(data['mail_domains'])}",
            ),
            "phone": ("phone", lambda: phone(rng)),
            "nir": ("nir", lambda: nir(rng)),
            "iban": ("iban", lambda: iban(rng)),
            "siren": ("siren", lambda: siren(rng)),
            "siret": ("siret", lambda: siret(rng)),
            "address": ("address", self.address),
            "birth_date": ("birth_date", lambda: date(rng, (1935, 2008))),
            "plate": ("vehicle_plate", lambda: plate(rng)),
        }
        self.decoys: dict[str, Callable[[], str]] = {
            "date": lambda: date(rng, (2024, 2027)),
            "named_after": lambda: (
                f"{pick(data['things_named_after'])} {pick(data['named_after'])}"
            ),
            "named_after_bare": lambda: pick(data["named_after"]),
            "bad_nir": lambda: nir(rng, valid=False),
            "bad_siren": lambda: siren(rng, valid=False),
            "bad_siret": lambda: siret(rng, valid=False),
            "bad_iban": lambda: iban(rng, valid=False),
            "bad_phone": lambda: f"{pick(data['phone_prefixes'])} {rng.randrange(100):02d}",
            "company": lambda: pick(data["companies"]),
            "amount": lambda: f"{rng.randrange(50, 20000)} €",
            "ref": lambda: f"{rng.randrange(2024, 2027)}-{rng.randrange(1, 999):04d}",
        }

    def email(self) -> str:
        data = sources()
        first = self.rng.choice(data["first_names_f"] + data["first_names_m"])
        last = self.rng.choice(data["surnames"])
        local = f"{first}.{last}".lower().replace(" ", "")
        for accented, plain in zip("éèêëàâçîïôöùûü", "eeeeaaciioouuu", strict=True):
            local = local.replace(accented, plain)
        return f"{local}@{self.rng.choice(data['mail_domains'])}"

    def address(self) -> str:
        data = sources()
        town, postcode = self.rng.choice(data["towns"])
        street = f"{self.rng.choice(data['street_types'])} {self.rng.choice(data['streets'])}"
        return f"{self.rng.randrange(1, 120)} {street}, {postcode} {town}"


def fill(template: str, filler: Filler) -> dict[str, Any]:
    pieces: list[str] = []
    spans: list[dict[str, Any]] = []
    position = 0
    length = 0
    for match in SLOT.finditer(template):
        literal = template[position : match.start()]
        pieces.append(literal)
        length += len(literal)
        slot = match.group(1)
        if slot in filler.labelled:
            kind, draw = filler.labelled[slot]
            value = draw()
            spans.append({"kind": kind, "start": length, "end": length + len(value), "text": value})
        else:
            value = filler.decoys[slot]()
        pieces.append(value)
        length += len(value)
        position = match.end()
    pieces.append(template[position:])
    return {"text": "".join(pieces), "spans": spans}


def documents() -> list[dict[str, Any]]:
    rng = random.Random(SEED)
    filler = Filler(rng)
    templates = sources()["templates"]
    found = []
    for number in range(DOCUMENTS):
        template = templates[number % len(templates)]
        document = {"id": f"doc-{number + 1:03d}", "genre": template["genre"]}
        found.append(document | fill(template["text"], filler))
    return found


def build_files() -> dict[str, bytes]:
    lines = [json.dumps(document, ensure_ascii=False) for document in documents()]
    return {FILE_NAME: ("\n".join(lines) + "\n").encode("utf-8")}
