"""Facts of the fictional commune of Clairval-sur-Ondine, shared by every generator.

Everything here is invented: the commune, its council, its agents, its residents, its
figures. Numbers that several texts quote (budgets, tariffs, dates of works) live here
once, so that the deliberations, the minutes and the letters agree with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

COMMUNE = "Clairval-sur-Ondine"
MAYOR = "Anne-Sophie Delorme"
MAIRIE_PHONE = "01 99 00 12 00"
MAIRIE_EMAIL = "mairie.clairval@exemple.fr"


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


MEMBERS: tuple[Member, ...] = (
    Member("Mme", "Anne-Sophie", "Delorme", "maire"),
    Member("M.", "Bernard", "Lefèvre-Rigal", "premier adjoint chargé des finances"),
    Member("Mme", "Nadia", "Benali", "adjointe chargée des affaires scolaires et de la jeunesse"),
    Member("M.", "Thierry", "Gombert", "adjoint chargé des travaux et de l'urbanisme"),
    Member("Mme", "Sylvie", "Moreau-Kerjean", "adjointe chargée des solidarités et des aînés"),
    Member("M.", "Julien", "Pradel", "adjoint chargé de la vie associative et du sport"),
    Member("Mme", "Océane", "Tissier", "adjointe chargée de l'environnement"),
    Member("M.", "Gérard", "Fontanel", "conseiller délégué au patrimoine et à la mémoire"),
    Member("Mme", "Léa", "Carrasco", "conseillère déléguée au numérique et à la communication"),
    Member("M.", "Marc", "Dufresne"),
    Member("Mme", "Isabelle", "Roche-Aubert"),
    Member("M.", "Christophe", "Vidalenc"),
    Member("Mme", "Martine", "Jolivet"),
    Member("M.", "Romain", "Estève"),
    Member("Mme", "Chantal", "Brémond"),
    Member("M.", "Kévin", "Le Gall"),
    Member("Mme", "Sandrine", "Mercadier"),
    Member("M.", "Philippe", "Aubertin"),
    Member("Mme", "Émilie", "Garnier"),
    Member("M.", "Yannick", "Poulain"),
    Member("Mme", "Mireille", "Castagné"),
    Member("Mme", "Laurence", "Dumoulin"),
    Member("M.", "Patrick", "Leroux", "conseiller municipal d'opposition", opposition=True),
    Member("Mme", "Fatima", "Ouazzani", "conseillère municipale d'opposition", opposition=True),
    Member("M.", "Hervé", "Quillet", "conseiller municipal d'opposition", opposition=True),
    Member("Mme", "Céline", "Navarro", "conseillère municipale d'opposition", opposition=True),
    Member("M.", "Antoine", "Bellamy", "conseiller municipal d'opposition", opposition=True),
)

BY_LAST_NAME = {m.last: m for m in MEMBERS}


def member(last: str) -> Member:
    return BY_LAST_NAME[last]


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

    @property
    def missing(self) -> set[str]:
        return set(self.proxies) | set(self.absent)

    @property
    def present(self) -> list[Member]:
        return [m for m in MEMBERS if m.last not in self.missing]

    @property
    def voters(self) -> int:
        return len(MEMBERS) - len(self.absent)

    def opposition_voters(self) -> int:
        return sum(1 for m in MEMBERS if m.opposition and m.last not in self.absent)


def _s(
    day: str,
    convened: str,
    proxies: dict[str, str],
    absent: tuple[str, ...],
    secretary: str,
    opened: str,
    closed: str,
    public: int,
) -> Session:
    return Session(
        date.fromisoformat(day),
        date.fromisoformat(convened),
        proxies,
        absent,
        secretary,
        opened,
        closed,
        public,
    )


SESSIONS: tuple[Session, ...] = (
    _s(
        "2023-01-26",
        "2023-01-19",
        {"Castagné": "Jolivet"},
        ("Bellamy",),
        "Garnier",
        "20 h 02",
        "22 h 05",
        11,
    ),
    _s(
        "2023-03-23",
        "2023-03-16",
        {"Poulain": "Gombert", "Navarro": "Leroux"},
        (),
        "Le Gall",
        "20 h 00",
        "23 h 02",
        19,
    ),
    _s(
        "2023-05-25",
        "2023-05-17",
        {"Estève": "Pradel"},
        ("Dumoulin", "Vidalenc"),
        "Mercadier",
        "20 h 05",
        "21 h 48",
        6,
    ),
    _s(
        "2023-07-06",
        "2023-06-29",
        {"Brémond": "Tissier", "Quillet": "Ouazzani"},
        ("Garnier",),
        "Dufresne",
        "20 h 03",
        "21 h 37",
        9,
    ),
    _s(
        "2023-09-28",
        "2023-09-21",
        {"Aubertin": "Lefèvre-Rigal"},
        (),
        "Roche-Aubert",
        "20 h 01",
        "22 h 26",
        34,
    ),
    _s(
        "2023-11-16",
        "2023-11-09",
        {"Mercadier": "Benali", "Le Gall": "Carrasco"},
        ("Bellamy",),
        "Vidalenc",
        "20 h 04",
        "22 h 12",
        8,
    ),
    _s(
        "2023-12-14",
        "2023-12-07",
        {"Jolivet": "Moreau-Kerjean"},
        ("Castagné",),
        "Poulain",
        "19 h 02",
        "20 h 41",
        5,
    ),
    _s(
        "2024-01-25",
        "2024-01-18",
        {"Dumoulin": "Fontanel", "Estève": "Gombert"},
        ("Aubertin",),
        "Le Gall",
        "20 h 03",
        "22 h 19",
        14,
    ),
    _s(
        "2024-03-21",
        "2024-03-14",
        {"Estève": "Gombert", "Mercadier": "Benali", "Aubertin": "Lefèvre-Rigal"},
        ("Castagné", "Dumoulin"),
        "Carrasco",
        "20 h 04",
        "22 h 41",
        23,
    ),
    _s(
        "2024-05-16",
        "2024-05-08",
        {"Vidalenc": "Dufresne"},
        ("Navarro",),
        "Jolivet",
        "20 h 02",
        "21 h 55",
        12,
    ),
    _s(
        "2024-07-04",
        "2024-06-27",
        {"Garnier": "Pradel", "Poulain": "Tissier"},
        (),
        "Brémond",
        "20 h 00",
        "22 h 08",
        10,
    ),
    _s(
        "2024-09-26",
        "2024-09-19",
        {"Roche-Aubert": "Jolivet"},
        ("Estève",),
        "Aubertin",
        "20 h 03",
        "22 h 31",
        27,
    ),
    _s(
        "2024-11-21",
        "2024-11-14",
        {"Castagné": "Moreau-Kerjean", "Bellamy": "Quillet"},
        (),
        "Garnier",
        "20 h 01",
        "22 h 02",
        9,
    ),
    _s(
        "2024-12-12",
        "2024-12-05",
        {"Dufresne": "Gombert"},
        ("Mercadier",),
        "Dumoulin",
        "19 h 01",
        "21 h 14",
        41,
    ),
    _s(
        "2025-01-30",
        "2025-01-23",
        {"Le Gall": "Carrasco"},
        ("Jolivet",),
        "Estève",
        "20 h 02",
        "22 h 24",
        16,
    ),
    _s(
        "2025-03-27",
        "2025-03-20",
        {"Brémond": "Pradel", "Ouazzani": "Leroux"},
        ("Poulain",),
        "Castagné",
        "20 h 00",
        "23 h 11",
        21,
    ),
    _s(
        "2025-05-22",
        "2025-05-15",
        {"Aubertin": "Lefèvre-Rigal"},
        (),
        "Mercadier",
        "20 h 04",
        "22 h 00",
        13,
    ),
    _s(
        "2025-07-03",
        "2025-06-26",
        {"Estève": "Gombert", "Garnier": "Benali"},
        ("Quillet",),
        "Vidalenc",
        "20 h 02",
        "21 h 51",
        8,
    ),
    _s(
        "2025-09-25",
        "2025-09-18",
        {"Dumoulin": "Fontanel"},
        (),
        "Poulain",
        "20 h 03",
        "22 h 47",
        31,
    ),
    _s(
        "2025-11-20",
        "2025-11-13",
        {"Roche-Aubert": "Tissier", "Navarro": "Bellamy"},
        ("Castagné",),
        "Le Gall",
        "20 h 01",
        "22 h 09",
        10,
    ),
    _s(
        "2025-12-11",
        "2025-12-04",
        {"Vidalenc": "Dufresne"},
        ("Jolivet",),
        "Brémond",
        "19 h 03",
        "20 h 52",
        7,
    ),
    _s(
        "2026-01-22",
        "2026-01-15",
        {"Mercadier": "Benali"},
        ("Aubertin",),
        "Garnier",
        "20 h 02",
        "22 h 33",
        18,
    ),
    _s(
        "2026-02-19",
        "2026-02-12",
        {"Poulain": "Gombert", "Leroux": "Quillet"},
        (),
        "Carrasco",
        "20 h 00",
        "22 h 58",
        26,
    ),
)

SESSION_BY_DATE = {s.day: s for s in SESSIONS}


@dataclass(frozen=True)
class Accounts:
    """Results of one financial year (compte administratif), in euros."""

    year: int
    op_income: str
    op_spending: str
    op_carried: str  # fonctionnement result carried from the year before
    inv_income: str
    inv_spending: str
    inv_carried: str  # investissement balance carried from the year before (signed)
    rar_spending: str  # restes à réaliser
    rar_income: str
    capitalised: str  # amount put in account 1068


# The 2023 accounts are written by hand in sources/deliberations.txt; they continue these.
ACCOUNTS: dict[int, Accounts] = {
    2022: Accounts(
        2022,
        "4188430.12",
        "3668215.60",
        "95000.00",
        "1120540.30",
        "1295760.85",
        "242531.79",
        "520300.00",
        "211500.00",
        "479214.52",
    ),
    2024: Accounts(
        2024,
        "4402318.75",
        "3951604.28",
        "349379.26",
        "2214560.40",
        "2506112.95",
        "-148902.11",
        "688000.00",
        "702500.00",
        "425954.66",
    ),
}


@dataclass(frozen=True)
class BudgetYear:
    year: int
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
    projects: tuple[tuple[str, int], ...]
    grants_total: int
    ccas: int


BUDGETS: dict[int, BudgetYear] = {
    2023: BudgetYear(
        2023,
        4_120_000,
        2_350_000,
        2_044_000,
        1_118_000,
        268_000,
        285_000,
        3_140_000,
        805_000,
        47,
        "41,6",
        0,
        (
            ("la réfection complète de la rue des Tanneurs", 390_000),
            ("le remplacement de l'éclairage public par des luminaires à LED", 186_000),
            ("le programme annuel d'entretien de la voirie", 240_000),
            ("les études de la rénovation énergétique du groupe scolaire Marie-Curie", 64_000),
            ("la création d'un columbarium au cimetière communal", 68_000),
        ),
        58_400,
        82_000,
    ),
    2025: BudgetYear(
        2025,
        4_395_000,
        2_870_000,
        2_196_000,
        1_081_000,
        198_000,
        295_000,
        3_268_000,
        655_000,
        49,
        "43,1",
        0,
        (
            (
                "la seconde tranche de la rénovation énergétique du groupe scolaire Marie-Curie",
                690_000,
            ),
            ("la fin de la restauration du clocher de l'église Saint-Martin", 312_000),
            ("l'aire de jeux du parc du Moulin-Bas", 95_000),
            ("l'installation de huit caméras de vidéoprotection", 74_000),
            ("les études de la voie verte le long de l'Ondine", 48_000),
            ("le programme annuel d'entretien de la voirie", 230_000),
        ),
        62_750,
        92_000,
    ),
    2026: BudgetYear(
        2026,
        4_472_000,
        2_640_000,
        2_251_000,
        1_094_000,
        193_000,
        320_000,
        3_021_000,
        690_000,
        49,
        "43,4",
        400_000,
        (
            ("les travaux de la voie verte le long de l'Ondine", 540_000),
            ("les études de maîtrise d'œuvre de la maison de santé", 165_000),
            ("le programme annuel d'entretien de la voirie", 250_000),
            ("la mise en accessibilité de la salle des Marronniers", 88_000),
            ("le remplacement de deux véhicules des services techniques", 61_000),
        ),
        63_900,
        94_000,
    ),
}

# Budget 2024 figures also appear in texts written by hand.
BUDGET_2024 = {"operating": 4_286_000, "investment": 3_150_000, "debt_start": 2_910_000}

TAX_BUILT = "38,42 %"
TAX_UNBUILT = "52,10 %"


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


CANTEEN: tuple[CanteenTariffs, ...] = (
    CanteenTariffs(
        "2023-2024",
        "4 septembre 2023",
        (
            ("inférieur ou égal à 500 €", "1,00 €"),
            ("de 501 € à 900 €", "2,35 €"),
            ("de 901 € à 1 300 €", "3,25 €"),
            ("supérieur à 1 300 € ou non communiqué", "3,95 €"),
        ),
        "5,05 €",
        "6,30 €",
        "1,15 €",
        2022,
        "8,71 €",
        "3,52 €",
        "4,05 €",
        "1,14 €",
        21,
        48,
    ),
    CanteenTariffs(
        "2025-2026",
        "1er septembre 2025",
        (
            ("inférieur ou égal à 500 €", "1,00 €"),
            ("de 501 € à 800 €", "2,20 €"),
            ("de 801 € à 1 100 €", "2,95 €"),
            ("de 1 101 € à 1 500 €", "3,60 €"),
            ("supérieur à 1 500 € ou non communiqué", "4,25 €"),
        ),
        "5,30 €",
        "6,60 €",
        "1,20 €",
        2024,
        "9,35 €",
        "3,86 €",
        "4,31 €",
        "1,18 €",
        26,
        55,
    ),
    CanteenTariffs(
        "2026-2027",
        "1er septembre 2026",
        (
            ("inférieur ou égal à 500 €", "1,00 €"),
            ("de 501 € à 800 €", "2,25 €"),
            ("de 801 € à 1 100 €", "3,00 €"),
            ("de 1 101 € à 1 500 €", "3,65 €"),
            ("supérieur à 1 500 € ou non communiqué", "4,30 €"),
        ),
        "5,40 €",
        "6,70 €",
        "1,20 €",
        2025,
        "9,41 €",
        "3,90 €",
        "4,33 €",
        "1,18 €",
        27,
        57,
    ),
)


@dataclass(frozen=True)
class Association:
    name: str
    short: str
    grants: dict[int, int] = field(default_factory=dict)


ASSOCIATIONS: tuple[Association, ...] = (
    Association(
        "Comité des fêtes de Clairval",
        "le Comité des fêtes",
        {2023: 9_200, 2025: 9_700, 2026: 9_800},
    ),
    Association(
        "Union sportive clairvalaise (football)",
        "l'Union sportive clairvalaise",
        {2023: 7_900, 2025: 8_400, 2026: 8_500},
    ),
    Association(
        "Épicerie solidaire Le Panier de l'Ondine",
        "le Panier de l'Ondine",
        {2023: 5_500, 2025: 6_500, 2026: 6_800},
    ),
    Association(
        "Harmonie municipale de Clairval",
        "l'Harmonie municipale",
        {2023: 5_600, 2025: 5_900, 2026: 5_900},
    ),
    Association(
        "Coopérative scolaire du groupe scolaire Marie-Curie",
        "la coopérative scolaire",
        {2023: 4_560, 2025: 4_725, 2026: 4_800},
    ),
    Association(
        "Judo-club de l'Ondine", "le Judo-club de l'Ondine", {2023: 3_000, 2025: 3_200, 2026: 3_200}
    ),
    Association(
        "Tennis club clairvalais", "le Tennis club", {2023: 2_300, 2025: 2_400, 2026: 2_450}
    ),
    Association(
        "Association des parents d'élèves Marie-Curie",
        "l'association des parents d'élèves",
        {2023: 2_100, 2025: 2_250, 2026: 2_300},
    ),
    Association(
        "Les Tréteaux de Clairval (théâtre)",
        "les Tréteaux de Clairval",
        {2023: 1_800, 2025: 1_950, 2026: 2_000},
    ),
    Association(
        "Club des aînés de l'Ondine", "le Club des aînés", {2023: 1_750, 2025: 1_850, 2026: 1_900}
    ),
    Association(
        "Les Amis du Moulin (patrimoine)",
        "les Amis du Moulin",
        {2023: 1_400, 2025: 1_600, 2026: 1_650},
    ),
    Association(
        "Les Volants de l'Ondine (badminton)",
        "les Volants de l'Ondine",
        {2023: 1_000, 2025: 1_450, 2026: 1_500},
    ),
    Association(
        "Gymnastique volontaire clairvalaise",
        "la Gymnastique volontaire",
        {2023: 1_050, 2025: 1_100, 2026: 1_100},
    ),
    Association("Chorale Les Voix de l'Ondine", "la chorale", {2023: 850, 2025: 950, 2026: 950}),
    Association(
        "Société de pêche La Truite de l'Ondine",
        "la société de pêche",
        {2023: 650, 2025: 750, 2026: 800},
    ),
    Association(
        "Section locale des anciens combattants",
        "la section des anciens combattants",
        {2023: 650, 2025: 650, 2026: 650},
    ),
    Association(
        "Amicale des donneurs de sang de Clairval",
        "l'Amicale des donneurs de sang",
        {2023: 400, 2025: 400, 2026: 450},
    ),
)
