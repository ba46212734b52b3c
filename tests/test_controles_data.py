"""The synthetic control data set: reproducible to the byte, with the biases it promises."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from widgets.datasets import control

SHIPPED_SHA256 = "e2957209f3ac767d2f31467d2cf0c7ef014925bf68f15b09391d406b706850d5"


@pytest.fixture(scope="module")
def households() -> control.Households:
    return control.generate()


@pytest.fixture(scope="module")
def columns() -> dict[str, np.ndarray]:
    return control.load()


def test_shipped_csv_has_the_pinned_hash_and_equals_a_fresh_generation(households) -> None:
    shipped = control.shipped_csv()
    assert control.sha256(shipped) == SHIPPED_SHA256
    assert control.to_csv(households) == shipped


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    small = control.to_csv(control.generate(seed=7, rows=300))
    assert control.to_csv(control.generate(seed=7, rows=300)) == small
    assert control.to_csv(control.generate(seed=8, rows=300)) != small


def test_datasheet_ships_beside_the_data_with_hash_and_licence() -> None:
    sheet = resources.files("widgets").joinpath("data", "controles.DATASHEET.md").read_text("utf-8")
    assert SHIPPED_SHA256 in sheet
    assert "CC BY 4.0" in sheet
    assert "inventé" in sheet
    for fact_id in ("caf-revelation-2022", "caf-code-2023"):
        assert fact_id in sheet


def test_columns_rows_and_types(columns) -> None:
    assert tuple(columns) == control.COLUMNS
    assert all(len(values) == control.ROWS for values in columns.values())
    assert set(columns[control.SENSITIVE]) == set(control.GROUPS)
    assert set(columns[control.LABEL]) == {0, 1}
    assert set(columns["quartier"]) == set(control.AREAS)
    assert set(columns["emploi"]) == set(control.EMPLOYMENTS)
    assert set(columns["logement"]) == set(control.HOUSINGS)
    assert columns["revenu_mensuel"].min() >= 300
    assert columns["part_loyer"].min() >= 0.0 and columns["part_loyer"].max() <= 1.5
    assert len(set(columns["foyer_id"])) == control.ROWS


def test_read_csv_refuses_other_columns() -> None:
    with pytest.raises(ValueError):
        control.read_csv(b"a,b\n1,2\n")


def test_the_score_may_not_use_nationality_nor_the_label() -> None:
    assert control.SENSITIVE not in control.FEATURES
    assert control.LABEL not in control.FEATURES
    assert "foyer_id" not in control.FEATURES


def rate(values: np.ndarray, mask: np.ndarray) -> float:
    return float(np.mean(values[mask]))


def test_base_rates_overall_and_per_group(columns) -> None:
    found = columns[control.LABEL]
    non_eu = columns[control.SENSITIVE] == "hors_ue"
    assert 0.06 <= found.mean() <= 0.10
    assert 0.05 <= rate(found, ~non_eu) <= 0.09
    assert 0.085 <= rate(found, non_eu) <= 0.13
    assert rate(found, non_eu) - rate(found, ~non_eu) >= 0.02
    assert 0.15 <= non_eu.mean() <= 0.21


def test_real_irregularities_are_nearly_equal_but_found_ones_are_not(households) -> None:
    """The label is biased by where controls happened, not by who commits more irregularities."""
    non_eu = households.columns[control.SENSITIVE] == "hors_ue"
    real_gap = rate(households.irregular, non_eu) - rate(households.irregular, ~non_eu)
    found = households.columns[control.LABEL]
    found_gap = rate(found, non_eu) - rate(found, ~non_eu)
    assert abs(real_gap) < 0.02
    assert found_gap > real_gap + 0.015


def test_label_bias_comes_from_in_depth_controls_in_priority_areas(households) -> None:
    priority = households.columns["quartier_prioritaire"] == "oui"
    found = households.columns[control.LABEL]
    in_depth = households.in_depth_control
    assert rate(in_depth, priority) > 0.8 and rate(in_depth, ~priority) < 0.2
    real_ratio = rate(households.irregular, priority) / rate(households.irregular, ~priority)
    found_ratio = rate(found, priority) / rate(found, ~priority)
    assert real_ratio < 1.5 < 2.2 < found_ratio
    assert np.all(households.irregular[found == 1])


def test_nationality_leaks_through_neighbourhood_employment_and_income(columns) -> None:
    non_eu = (columns[control.SENSITIVE] == "hors_ue").astype(float)
    priority = (columns["quartier_prioritaire"] == "oui").astype(float)
    assert 0.3 <= np.corrcoef(non_eu, priority)[0, 1] <= 0.45
    permanent = columns["emploi"] == "cdi"
    assert rate(permanent, non_eu == 1) < rate(permanent, non_eu == 0) - 0.15
    incomes = columns["revenu_mensuel"]
    assert np.median(incomes[non_eu == 1]) < np.median(incomes[non_eu == 0]) - 300
    priority_areas = np.isin(columns["quartier"], control.PRIORITY_AREAS)
    assert np.array_equal(priority_areas, priority == 1)
