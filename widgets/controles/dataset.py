"""The control data set as the score sees it: its columns, and the shipped CSV read (plain Python).

One row per household controlled in past campaigns, with the finding of the
control as the label. How the rows were invented is in `generate.py` and
`data/DATASHEET.md`.
"""

from __future__ import annotations

import csv
import io

import numpy as np

from widgets import shipped_data

DATA_SET = "controles"
CSV_NAME = "controles.csv"

SENSITIVE = "nationalite"
LABEL = "fraude_constatee"
GROUPS = ("francaise", "hors_ue")
"""Values of the sensitive attribute: reference group first."""
REFERENCE_GROUP, WATCHED_GROUP = GROUPS

PRIORITY_AREAS = ("Les Tilleuls", "La Croix-Verte", "Le Haut-Moulin")
OTHER_AREAS = ("Ondeville centre", "Les Coteaux", "Clairval-sur-Ondine", "Bourgs ruraux")
AREAS = PRIORITY_AREAS + OTHER_AREAS

EMPLOYMENTS = ("cdi", "cdd_interim", "independant", "chomage", "inactif")
HOUSINGS = ("hlm", "locatif_prive", "proprietaire", "heberge")

CATEGORICAL = ("quartier", "situation_familiale", "logement", "emploi")
NUMERIC = (
    "nb_enfants",
    "revenu_mensuel",
    "part_loyer",
    "rsa",
    "aah",
    "apl",
    "prime_activite",
    "changements_situation",
)
FEATURES = CATEGORICAL + NUMERIC
"""What the risk score may use: everything but the identifier, the label and nationality."""

COLUMNS = (
    "foyer_id",
    "quartier",
    "quartier_prioritaire",
    "situation_familiale",
    "nb_enfants",
    "logement",
    "revenu_mensuel",
    "part_loyer",
    "emploi",
    "rsa",
    "aah",
    "apl",
    "prime_activite",
    "changements_situation",
    SENSITIVE,
    LABEL,
)


def read_csv(content: bytes) -> dict[str, np.ndarray]:
    """Columns of a control CSV, with numbers as numbers and the rest as text."""
    rows = list(csv.reader(io.StringIO(content.decode("utf-8"))))
    header, body = rows[0], rows[1:]
    if tuple(header) != COLUMNS:
        raise ValueError("unexpected columns in the control data set")
    table = dict(zip(header, zip(*body, strict=True), strict=True))
    columns: dict[str, np.ndarray] = {}
    for name, values in table.items():
        if name == "part_loyer":
            columns[name] = np.array(values, dtype=float)
        elif name in NUMERIC or name == LABEL:
            columns[name] = np.array(values, dtype=int)
        else:
            columns[name] = np.array(values, dtype=str)
    return columns


def load() -> dict[str, np.ndarray]:
    """The shipped data set, column by column."""
    return read_csv(shipped_data.load(DATA_SET, CSV_NAME))
