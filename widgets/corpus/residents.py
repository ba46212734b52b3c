"""Fictional residents of Clairval-sur-Ondine: names, addresses, phone numbers, e-mails.

Every datum is invented. Phone numbers use the range 01 99 00 xx xx, which is set aside
for fiction; e-mail addresses use the domain exemple.fr. Names are drawn from common
French first names and surnames and combined at random.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from widgets.corpus.prose import Writer


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FEMALE = _words(
    "Sophie Nathalie Isabelle Catherine Christine Sandrine Valérie Céline Aurélie Émilie "
    "Camille Léa Chloé Manon Inès Sarah Yasmina Amina Samia Lucie Julie Marion Élodie "
    "Monique Jacqueline Colette Josiane Mireille Odile Huguette Agathe Maëlle Nadège Fanny"
)
MALE = _words(
    "Jacques Michel Alain Bernard Philippe Daniel Patrice Gilles Laurent Stéphane Olivier "
    "Nicolas Sébastien Julien Thomas Maxime Hugo Lucas Karim Mehdi Yanis Samuel Raymond "
    "Lucien Marcel Roger Gaëtan Fabrice Cédric Mathieu Benoît Jérôme Adrien Rémi"
)
SURNAMES = _words(
    "Fournel Berthelot Marchal Rabier Haddouche Vallerand Chassagne Delmas Guérin Lacombe "
    "Perrot Mazière Texier Boulanger Renaudin Gaillot Besnard Chauvin Lemoigne Tessier "
    "Brossard Dupuy Mercier Carlier Ferrandon Bonnefoy Lagarde Poirel Rousselot Vernet "
    "Hamelin Couderc Maillard Pichon Bertin Gauvreau Salmon Delattre Morvan Barbier Charpin "
    "Lefranc Bouvier Tardieu Ribeiro Mendès Nguyen Benhamou Kowalski Diallo Ferreira Aubry"
)

STREETS = (
    "rue des Tanneurs",
    "rue du Pont-Vieux",
    "Grande Rue",
    "rue des Écoles",
    "rue du Moulin",
    "chemin des Vignes",
    "allée des Tilleuls",
    "impasse des Lavandières",
    "avenue de la République",
    "rue de la Gare",
    "rue des Peupliers",
    "quai de l'Ondine",
    "route de Vaudrelle",
    "rue des Pommiers",
    "allée des Mirabelliers",
    "place du Marché",
    "rue Pasteur",
    "chemin de la Croix-Berthe",
    "route du Moulin-Bas",
    "rue de Bellefontaine",
    "chemin des Aulnes",
    "rue Saint-Martin",
)


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


_MASCULINE = ("chemin", "quai")


def the_street(street: str) -> str:
    first = street.split()[0].lower()
    if first[0] in "aeéiou":
        return "l'" + street
    return ("le " if first in _MASCULINE else "la ") + street


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
            first = w.choice(FEMALE if feminine else MALE)
            last = w.choice(SURNAMES)
            if (first, last) not in self._names:
                break
        self._names.add((first, last))
        while True:
            phone = f"01 99 00 {w.random.randint(20, 99):02d} {w.random.randint(0, 99):02d}"
            if phone not in self._phones:
                break
        self._phones.add(phone)
        style = w.choice(("{f}.{l}", "{f}{l}", "{i}.{l}", "{l}.{f}"))
        local = style.format(f=_ascii(first), l=_ascii(last).replace(" ", ""), i=_ascii(first)[0])
        local = local.replace("'", "").replace("-", "")
        return Resident(
            "Mme" if feminine else "M.",
            first,
            last,
            w.random.randint(1, 48),
            w.choice(STREETS),
            phone,
            f"{local}@exemple.fr",
        )
