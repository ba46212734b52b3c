"""The synthetic control data set: reproducible to the byte, with the biases it promises."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from widgets import shipped_data
from widgets.controles import dataset, generate

SHIPPED_SHA256 = "e2957209f3ac767d2f31467d2cf0c7ef014925bf68f15b09391d406b706850d5"
"""SHA-256 of controles.csv as shipped since 2026-11-23."""


@pytest.fixture(scope="module")
def households() -> generate.Households:
    return generate.generate()


@pytest.fixture(scope="module")
def columns() -> dict[str, np.ndarray]:
    return dataset.load()


def test_shipped_csv_has_the_pinned_hash_and_equals_a_fresh_generation() -> None:
    shipped = shipped_data.load("controles", "controles.csv")
    assert hashlib.sha256(shipped).hexdigest() == SHIPPED_SHA256
    assert generate.build_files() == {"controles.csv": shipped}


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    small = generate.to_csv(generate.generate(seed=7, rows=300))
    assert generate.to_csv(generate.generate(seed=7, rows=300)) == small
    assert generate.to_csv(generate.generate(seed=8, rows=300)) != small


def test_datasheet_pins_the_shipped_version_and_gives_the_licence() -> None:
    assert shipped_data.check("controles") == []
    folder = shipped_data.known("controles").folder()
    sheet = (folder / "DATASHEET.md").read_text("utf-8")
    rows = shipped_data.versions(sheet)
    assert [row.date for row in rows] == ["2026-11-23"]
    file_digest = bytes.fromhex(SHIPPED_SHA256)
    assert rows[-1].fingerprint == hashlib.sha256(b"controles.csv\0" + file_digest).hexdigest()
    assert "CC BY 4.0" in sheet
    assert "inventé" in sheet
    for fact_id in ("caf-revelation-2022", "caf-code-2023"):
        assert fact_id in sheet


def test_columns_rows_and_types(columns) -> None:
    assert tuple(columns) == dataset.COLUMNS
    assert all(len(values) == generate.ROWS for values in columns.values())
    assert set(columns[dataset.SENSITIVE]) == set(dataset.GROUPS)
    assert set(columns[dataset.LABEL]) == {0, 1}
    assert set(columns["quartier"]) == set(dataset.AREAS)
    assert set(columns["emploi"]) == set(dataset.EMPLOYMENTS)
    assert set(columns["logement"]) == set(dataset.HOUSINGS)
    assert columns["revenu_mensuel"].min() >= 300
    assert columns["part_loyer"].min() >= 0.0 and columns["part_loyer"].max() <= 1.5
    assert len(set(columns["foyer_id"])) == generate.ROWS


def test_read_csv_refuses_other_columns() -> None:
    with pytest.raises(ValueError):
        dataset.read_csv(b"a,b\n1,2\n")


def test_the_score_may_not_use_nationality_nor_the_label() -> None:
    assert dataset.SENSITIVE not in dataset.FEATURES
    assert dataset.LABEL not in dataset.FEATURES
    assert "foyer_id" not in dataset.FEATURES


def rate(values: np.ndarray, mask: np.ndarray) -> float:
    return float(np.mean(values[mask]))


def test_base_rates_overall_and_per_group(columns) -> None:
    found = columns[dataset.LABEL]
    non_eu = columns[dataset.SENSITIVE] == "hors_ue"
    assert 0.06 <= found.mean() <= 0.10
    assert 0.05 <= rate(found, ~non_eu) <= 0.09
    assert 0.085 <= rate(found, non_eu) <= 0.13
    assert rate(found, non_eu) - rate(found, ~non_eu) >= 0.02
    assert 0.15 <= non_eu.mean() <= 0.21


def test_real_irregularities_are_nearly_equal_but_found_ones_are_not(households) -> None:
    """The label is biased by where controls happened, not by who commits more irregularities."""
    non_eu = households.columns[dataset.SENSITIVE] == "hors_ue"
    real_gap = rate(households.irregular, non_eu) - rate(households.irregular, ~non_eu)
    found = households.columns[dataset.LABEL]
    found_gap = rate(found, non_eu) - rate(found, ~non_eu)
    assert abs(real_gap) < 0.02
    assert found_gap > real_gap + 0.015


def test_label_bias_comes_from_in_depth_controls_in_priority_areas(households) -> None:
    priority = households.columns["quartier_prioritaire"] == "oui"
    found = households.columns[dataset.LABEL]
    in_depth = households.in_depth_control
    assert rate(in_depth, priority) > 0.8 and rate(in_depth, ~priority) < 0.2
    real_ratio = rate(households.irregular, priority) / rate(households.irregular, ~priority)
    found_ratio = rate(found, priority) / rate(found, ~priority)
    assert real_ratio < 1.5 < 2.2 < found_ratio
    assert np.all(households.irregular[found == 1])


def test_nationality_leaks_through_neighbourhood_employment_and_income(columns) -> None:
    non_eu = (columns[dataset.SENSITIVE] == "hors_ue").astype(float)
    priority = (columns["quartier_prioritaire"] == "oui").astype(float)
    assert 0.3 <= np.corrcoef(non_eu, priority)[0, 1] <= 0.45
    permanent = columns["emploi"] == "cdi"
    assert rate(permanent, non_eu == 1) < rate(permanent, non_eu == 0) - 0.15
    incomes = columns["revenu_mensuel"]
    assert np.median(incomes[non_eu == 1]) < np.median(incomes[non_eu == 0]) - 300
    priority_areas = np.isin(columns["quartier"], dataset.PRIORITY_AREAS)
    assert np.array_equal(priority_areas, priority == 1)


def test_every_column_and_value_the_tables_show_has_a_french_name() -> None:
    from widgets.controles import html

    assert set(html.VARIABLE_NAMES) == set(dataset.FEATURES)
    assert set(html.EMPLOYMENT_NAMES) == set(dataset.EMPLOYMENTS)
    assert set(html.HOUSING_NAMES) == set(dataset.HOUSINGS)
    assert tuple(html.GROUP_NAMES) == tuple(html.SHORT_GROUP_NAMES) == dataset.GROUPS
    assert list(html.BENEFIT_NAMES) == ["rsa", "aah", "apl", "prime_activite"]
