"""Synthetic benefit-control households (module 10): the seeded generator of the shipped CSV.

The data imitate the kind of file a benefits agency could use to train a
risk score that targets its controls: one row per household controlled in
past campaigns, with the finding of the control as the label. Everything is
invented; the generating process below is the whole truth about the data,
and data/DATASHEET.md explains it in French.

Generating process, in causal order (each step uses only what comes before):

1. nationality (the SENSITIVE attribute, never a feature of the score):
   `hors_ue` for 18 % of households;
2. neighbourhood: non-EU households live three times more often in one of
   the three "quartiers prioritaires" (QPV);
3. precarity, a hidden variable, raised by living in a QPV and by a non-EU
   nationality; it drives employment;
4. family situation and children (same for both groups), employment,
   income, housing, rent share, benefits, changes of situation declared;
5. a real irregularity (error or fraud), hidden: caused ONLY by unstable
   employment, self-employment, changes of situation, the number of
   benefits and receiving AAH while working; neither nationality nor
   neighbourhood cause it;
6. the control: past campaigns sent in-depth controls mostly to the QPVs,
   and an in-depth control finds an irregularity more often than a check on
   documents. The label `fraude_constatee` is "irregular AND found".

So the label is biased by where controls happened; nationality leaks
through neighbourhood, employment and income, which the score does use.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np

from widgets.controles.dataset import (
    AREAS,
    COLUMNS,
    CSV_NAME,
    EMPLOYMENTS,
    HOUSINGS,
    LABEL,
    OTHER_AREAS,
    PRIORITY_AREAS,
    SENSITIVE,
)

SEED = 20_261_123
ROWS = 8_000

# Step 2: share of households living in a QPV, by nationality.
QPV_SHARE = {"francaise": 0.20, "hors_ue": 0.65}
# Step 5: the causes of a real irregularity (log-odds).
IRREGULARITY_BASE = -3.0
IRREGULARITY_EFFECTS = {
    "cdd_interim": 0.9,
    "independant": 1.1,
    "per_change": 0.6,
    "per_benefit": 0.30,
    "aah_and_work": 0.8,
}
# Step 6: past control campaigns.
IN_DEPTH_SHARE = {"qpv": 0.85, "other": 0.15}
DETECTION = {"in_depth": 0.90, "documents": 0.30}


@dataclass(frozen=True)
class Households:
    """The generated households: shipped columns plus the hidden ones, for tests and datasheet."""

    columns: dict[str, np.ndarray]
    irregular: np.ndarray
    in_depth_control: np.ndarray

    def __len__(self) -> int:
        return len(self.irregular)


def generate(seed: int = SEED, rows: int = ROWS) -> Households:
    """Draw `rows` households, always the same ones for the same seed."""
    rng = np.random.default_rng(seed)
    non_eu = rng.random(rows) < 0.18

    qpv = rng.random(rows) < np.where(non_eu, QPV_SHARE["hors_ue"], QPV_SHARE["francaise"])
    area = np.where(
        qpv,
        rng.choice(len(PRIORITY_AREAS), rows, p=[0.40, 0.35, 0.25]),
        len(PRIORITY_AREAS) + rng.choice(len(OTHER_AREAS), rows, p=[0.30, 0.20, 0.25, 0.25]),
    )

    precarity = rng.normal(0.0, 1.0, rows) + 0.9 * qpv + 0.7 * non_eu
    couple = rng.random(rows) < 0.45
    children = np.minimum(rng.poisson(np.where(couple, 1.5, 0.7)), 5)
    employment = _employment(rng, precarity)
    income = _income(rng, employment, couple, children, qpv)
    housing = _housing(rng, qpv, income)
    rent_share = _rent_share(rng, housing, income, children)

    working = np.isin(employment, (0, 1, 2))
    jobless = ~working
    rsa = jobless & (income < 1_000) & (rng.random(rows) < 0.80)
    aah = rng.random(rows) < 0.06
    apl = np.isin(housing, (0, 1)) & (income < 1_500 + 300 * children) & (rng.random(rows) < 0.85)
    activity_bonus = working & (income < 1_900) & (rng.random(rows) < 0.70)
    changes = rng.poisson(
        0.4 + 0.8 * (employment == 1) + 0.5 * (employment == 2) + 0.4 * (~couple & (children > 0))
    )

    benefits = rsa.astype(int) + aah + apl + activity_bonus
    log_odds = (
        IRREGULARITY_BASE
        + IRREGULARITY_EFFECTS["cdd_interim"] * (employment == 1)
        + IRREGULARITY_EFFECTS["independant"] * (employment == 2)
        + IRREGULARITY_EFFECTS["per_change"] * changes
        + IRREGULARITY_EFFECTS["per_benefit"] * benefits
        + IRREGULARITY_EFFECTS["aah_and_work"] * (aah & working)
    )
    irregular = rng.random(rows) < 1.0 / (1.0 + np.exp(-log_odds))
    in_depth = rng.random(rows) < np.where(qpv, IN_DEPTH_SHARE["qpv"], IN_DEPTH_SHARE["other"])
    found = irregular & (
        rng.random(rows) < np.where(in_depth, DETECTION["in_depth"], DETECTION["documents"])
    )

    columns = {
        "foyer_id": np.array([f"F{number:05d}" for number in range(1, rows + 1)]),
        "quartier": np.array(AREAS)[area],
        "quartier_prioritaire": np.where(qpv, "oui", "non"),
        "situation_familiale": np.where(couple, "couple", "seul"),
        "nb_enfants": children,
        "logement": np.array(HOUSINGS)[housing],
        "revenu_mensuel": income,
        "part_loyer": rent_share,
        "emploi": np.array(EMPLOYMENTS)[employment],
        "rsa": rsa.astype(int),
        "aah": aah.astype(int),
        "apl": apl.astype(int),
        "prime_activite": activity_bonus.astype(int),
        "changements_situation": changes,
        SENSITIVE: np.where(non_eu, "hors_ue", "francaise"),
        LABEL: found.astype(int),
    }
    return Households(columns=columns, irregular=irregular, in_depth_control=in_depth)


def _employment(rng: np.random.Generator, precarity: np.ndarray) -> np.ndarray:
    """Index into EMPLOYMENTS: the more precarious, the less often a permanent job."""
    weights = np.stack(
        [
            np.exp(-0.9 * precarity) * 0.50,
            np.exp(0.3 * precarity) * 0.17,
            np.full_like(precarity, 0.08),
            np.exp(0.6 * precarity) * 0.12,
            np.exp(0.4 * precarity) * 0.13,
        ],
        axis=1,
    )
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    return (rng.random(len(precarity))[:, None] > cumulative).sum(axis=1).clip(0, 4)


def _income(
    rng: np.random.Generator,
    employment: np.ndarray,
    couple: np.ndarray,
    children: np.ndarray,
    qpv: np.ndarray,
) -> np.ndarray:
    """Monthly household income in euros, rounded to 10 €."""
    base = np.array([2_100.0, 1_400.0, 1_700.0, 1_050.0, 750.0])[employment]
    spread = np.where(employment == 2, 0.55, 0.30)
    income = base * np.where(couple, 1.6, 1.0) * np.where(qpv, 0.88, 1.0) + 90.0 * children
    income = income * np.exp(rng.normal(0.0, 1.0, len(base)) * spread)
    return (np.round(np.clip(income, 300.0, 9_000.0) / 10.0) * 10).astype(int)


def _housing(rng: np.random.Generator, qpv: np.ndarray, income: np.ndarray) -> np.ndarray:
    """Index into HOUSINGS: social housing mostly in QPVs, owners among higher incomes."""
    owner = 1.0 / (1.0 + np.exp(-(income - 2_600.0) / 500.0)) * np.where(qpv, 0.3, 0.8)
    weights = np.stack(
        [
            np.where(qpv, 0.75, 0.15),
            np.where(qpv, 0.17, 0.55),
            owner,
            np.full(len(qpv), 0.06),
        ],
        axis=1,
    )
    cumulative = np.cumsum(weights / weights.sum(axis=1, keepdims=True), axis=1)
    return (rng.random(len(qpv))[:, None] > cumulative).sum(axis=1).clip(0, 3)


def _rent_share(
    rng: np.random.Generator, housing: np.ndarray, income: np.ndarray, children: np.ndarray
) -> np.ndarray:
    """Share of income spent on rent (0 for owners and people housed by others)."""
    rent = np.where(housing == 0, 390.0, 640.0) + 70.0 * children
    rent = rent * np.exp(rng.normal(0.0, 0.18, len(income)))
    share = np.where(np.isin(housing, (0, 1)), rent / income, 0.0)
    return np.round(np.clip(share, 0.0, 1.5), 2)


def to_csv(households: Households) -> bytes:
    """The shipped columns as UTF-8 CSV bytes, formatted the same way on every machine."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    columns = [households.columns[name] for name in COLUMNS]
    for row in zip(*columns, strict=True):
        writer.writerow(
            f"{value:.2f}" if isinstance(value, np.floating) else str(value) for value in row
        )
    return buffer.getvalue().encode("utf-8")


def build_files() -> dict[str, bytes]:
    """Every file of the data set, by name, exactly as shipped in data/."""
    return {CSV_NAME: to_csv(generate())}
