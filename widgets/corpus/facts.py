"""Facts of the fictional commune of Clairval-sur-Ondine, shared by every generator.

Everything is invented: the commune, its council, its agents, its residents, its
figures. The council and its sessions are in `sources/commune.toml`; the figures that
several texts quote (budgets, accounts, tariffs, grants) in `sources/figures.toml`, once,
so that the deliberations, the minutes and the letters agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from widgets.corpus.source_files import read_source

MAYOR_ROLE = "maire"


@dataclass(frozen=True)
class Member:
    """A member of the municipal council."""

    title: str  # "M." or "Mme"
    first: str
    last: str
    role: str = ""
    opposition: bool = False

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def formal(self) -> str:
        return f"{self.title} {self.first} {self.last}"

    @property
    def feminine(self) -> bool:
        return self.title == "Mme"

    @property
    def is_mayor(self) -> bool:
        return self.role == MAYOR_ROLE

    @property
    def introduced(self) -> str:
        """« M. Bernard Lefèvre-Rigal, premier adjoint chargé des finances, », « Mme la Maire »."""
        if self.is_mayor:
            return "Mme la Maire"
        return f"{self.formal}, {self.role}," if self.role else self.formal

    @property
    def named(self) -> str:
        """« M. Bernard Lefèvre-Rigal », « Mme la Maire »."""
        return "Mme la Maire" if self.is_mayor else self.formal

    @property
    def short(self) -> str:
        """« M. Lefèvre-Rigal », « Mme la Maire »."""
        return "Mme la Maire" if self.is_mayor else f"{self.title} {self.last}"

    @property
    def pronoun(self) -> str:
        """The subject pronoun at the start of a sentence: « Elle », « Il »."""
        return "Elle" if self.feminine else "Il"


_COMMUNE = read_source("commune.toml")
INHABITANTS: int = _COMMUNE["inhabitants"]
MEMBERS: tuple[Member, ...] = tuple(Member(**m) for m in _COMMUNE["members"])
BY_LAST_NAME = {m.last: m for m in MEMBERS}
MAYOR = next(m for m in MEMBERS if m.is_mayor)


def member(last: str) -> Member:
    return BY_LAST_NAME[last]


@dataclass(frozen=True)
class Planned:
    """A deliberation composed by program: its number, its kind of text, its year."""

    number: str
    text: str
    argument: int | str | None = None


@dataclass(frozen=True)
class Session:
    """A meeting of the council: who was there, who gave a proxy to whom."""

    day: date
    convened: date
    proxies: dict[str, str]  # absent member's last name -> last name of the proxy holder
    absent: tuple[str, ...]  # absent without proxy
    secretary: str
    opened: str
    closed: str
    public: int = 0  # residents in the public seats
    generated: tuple[Planned, ...] = ()

    @property
    def missing(self) -> set[str]:
        return set(self.proxies) | set(self.absent)

    @property
    def present(self) -> list[Member]:
        return [m for m in MEMBERS if m.last not in self.missing]

    @property
    def voters(self) -> int:
        return len(MEMBERS) - len(self.absent)

    def opposition_voters(self) -> tuple[str, ...]:
        """The last names of the opposition members who vote (present or represented)."""
        return tuple(m.last for m in MEMBERS if m.opposition and m.last not in self.absent)


def _session(record: dict[str, Any]) -> Session:
    planned = tuple(Planned(**item) for item in record.get("generated", ()))
    return Session(**{**record, "absent": tuple(record["absent"]), "generated": planned})


SESSIONS: tuple[Session, ...] = tuple(_session(s) for s in _COMMUNE["sessions"])
SESSION_BY_DATE = {s.day: s for s in SESSIONS}


def _by_year(table: dict[str, Any]) -> dict[int, Any]:
    return {int(year): value for year, value in table.items()}


@dataclass(frozen=True)
class Accounts:
    """Results of one financial year (compte administratif), in euros, as decimal strings."""

    op_income: str
    op_spending: str
    op_carried: str  # fonctionnement result carried from the year before
    inv_income: str
    inv_spending: str
    inv_carried: str  # investissement balance carried from the year before (signed)
    rar_spending: str  # restes à réaliser
    rar_income: str
    capitalised: str  # amount put in account 1068


@dataclass(frozen=True)
class Project:
    label: str
    amount: int


@dataclass(frozen=True)
class BudgetYear:
    operating: int
    investment: int
    staff: int
    general: int
    energy: int
    transfer: int  # virement à la section d'investissement
    debt_start: int  # encours au 1er janvier
    gross_savings: int  # épargne brute de l'année précédente
    agents: int
    fte: str
    loan: int
    projects: tuple[Project, ...]
    grants_total: int
    ccas: int


@dataclass(frozen=True)
class CanteenTariffs:
    school_year: str
    start: str
    bands: tuple[tuple[str, str], ...]  # (quotient familial range, price)
    outside: str
    adult: str
    basket: str
    cost_year: int
    cost: str
    food: str
    staff: str
    other: str
    organic: int
    quality: int


@dataclass(frozen=True)
class Association:
    name: str
    grants: dict[int, int]


_FIGURES = read_source("figures.toml")
ACCOUNTS = {year: Accounts(**a) for year, a in _by_year(_FIGURES["accounts"]).items()}
BUDGETS = {
    year: BudgetYear(**{**b, "projects": tuple(Project(**p) for p in b["projects"])})
    for year, b in _by_year(_FIGURES["budgets"]).items()
}
TAXES: dict[str, Any] = _FIGURES["taxes"]
TAX_PRODUCT = _by_year(TAXES["product"])
FEES: dict[int, dict[str, Any]] = _by_year(_FIGURES["fees"])
CANTEEN = tuple(
    CanteenTariffs(**{**t, "bands": tuple(tuple(band) for band in t["bands"])})
    for t in _FIGURES["canteen"]
)
ASSOCIATIONS = tuple(
    Association(a["name"], _by_year(a["grants"])) for a in _FIGURES["associations"]
)
