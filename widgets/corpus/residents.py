"""Fictional residents of Clairval-sur-Ondine: names, addresses, phone numbers, e-mails.

Every datum is invented. Phone numbers use the range 01 99 00 xx xx, which is set aside
for fiction; e-mail addresses use the domain exemple.fr. Names are drawn from common
French first names and surnames (`sources/residents.toml`) and combined at random.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from widgets.corpus.source_files import read_source
from widgets.corpus.writer import Writer

_NAMES = read_source("residents.toml")


@dataclass(frozen=True)
class Resident:
    title: str  # "M." or "Mme"
    first: str
    last: str
    number: int
    street: str
    phone: str
    email: str

    @property
    def feminine(self) -> bool:
        return self.title == "Mme"

    @property
    def civility(self) -> str:
        return "Madame" if self.feminine else "Monsieur"

    @property
    def address(self) -> str:
        return f"{self.number} {self.street}"

    @property
    def street_the(self) -> str:
        """The street with its article: « la rue des Tanneurs », « le chemin des Vignes »."""
        return the_street(self.street)

    @property
    def block(self) -> str:
        """The recipient block of a letter."""
        return f"{self.civility} {self.first} {self.last}\n{self.address}\nClairval-sur-Ondine"


def the_street(street: str) -> str:
    first = street.split()[0].lower()
    if first[0] in "aeéiou":
        return "l'" + street
    return ("le " if first in _NAMES["masculine"] else "la ") + street


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


class Residents:
    """Draws distinct fictional residents."""

    def __init__(self, writer: Writer) -> None:
        self.w = writer
        self._names: set[tuple[str, str]] = set()
        self._phones: set[str] = set()

    def draw(self) -> Resident:
        w = self.w
        while True:
            feminine = w.maybe(0.55)
            first = w.choice(_NAMES["female"] if feminine else _NAMES["male"])
            last = w.choice(_NAMES["surnames"])
            if (first, last) not in self._names:
                break
        self._names.add((first, last))
        while True:
            phone = f"01 99 00 {w.random.randint(20, 99):02d} {w.random.randint(0, 99):02d}"
            if phone not in self._phones:
                break
        self._phones.add(phone)
        style = w.choice(_NAMES["email_styles"])
        local = style.format(f=_ascii(first), l=_ascii(last).replace(" ", ""), i=_ascii(first)[0])
        local = local.replace("'", "").replace("-", "")
        return Resident(
            "Mme" if feminine else "M.",
            first,
            last,
            w.random.randint(1, 48),
            w.choice(_NAMES["streets"]),
            phone,
            f"{local}@exemple.fr",
        )
