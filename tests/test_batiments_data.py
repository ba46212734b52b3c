"""The buildings data set of module 09: reproducible, shaped as its datasheet says."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from importlib import resources

import numpy as np
import pytest

from widgets.datasets.buildings import (
    COLUMNS,
    COMMUNES,
    PLANTED,
    PRICES,
    SEED,
    TYPES,
    csv_text,
    expected_kwh,
    generate,
    shipped_csv_bytes,
    type_named,
)
from widgets.ml.overfitting_data import load_buildings, parse_buildings

SHIPPED_SHA256 = "f198245a809786ea72457adefdf3c59f1d0f7f8fbfeee410bc88ffbbf50721a7"


def test_same_seed_gives_the_byte_identical_shipped_csv() -> None:
    fresh = csv_text(generate(SEED)).encode("utf-8")
    assert fresh == csv_text(generate(SEED)).encode("utf-8")
    assert fresh == shipped_csv_bytes()
    assert hashlib.sha256(shipped_csv_bytes()).hexdigest() == SHIPPED_SHA256


def test_another_seed_gives_another_data_set() -> None:
    assert csv_text(generate(SEED + 1)) != csv_text(generate(SEED))


def test_rows_columns_and_communes() -> None:
    data = generate()
    buildings = data.buildings
    assert csv_text(data).splitlines()[0] == ",".join(COLUMNS)
    assert len(buildings) == 580
    assert len({b.identifier for b in buildings}) == len(buildings)
    communes = Counter(b.commune for b in buildings)
    assert set(communes) == {commune.name for commune in COMMUNES}
    assert communes["Clairval-sur-Ondine"] == 44
    town_halls = Counter(b.commune for b in buildings if b.building_type == "mairie")
    assert all(count == 1 for count in town_halls.values()) and len(town_halls) == 12
    types = Counter(b.building_type for b in buildings)
    assert set(types) == {kind.name for kind in TYPES}
    assert types["école"] == 194  # the schools of the complexity slider
    assert set(Counter(b.heating for b in buildings)) == set(PRICES)


def test_values_stay_in_their_stated_ranges() -> None:
    for building in generate().buildings:
        kind = type_named(building.building_type)
        assert kind.min_surface <= building.surface_m2 <= kind.max_surface
        assert building.surface_m2 % 10 == 0
        assert 1880 <= building.year_built <= 2024
        assert kind.min_hours <= building.weekly_hours <= kind.max_hours
        assert building.kwh > 0 and building.energy_bill_euros > 0
        if building.year_built > 2000:
            assert building.heating != "fioul" and not building.insulation_renovated


def test_the_bill_contains_the_answer() -> None:
    table = load_buildings()
    for heating in PRICES:
        mask = np.array([h == heating for h in table.heating])
        assert np.corrcoef(table.bill_euros[mask], table.kwh[mask])[0, 1] > 0.999, heating
    converted = table.bill_euros / np.array([PRICES[h] for h in table.heating])
    assert np.corrcoef(converted, table.kwh)[0, 1] > 0.999
    assert np.median(np.abs(converted / table.kwh - 1)) < 0.02
    # All heatings together the correlation is lower, because prices differ: the
    # datasheet says so, and the model needs the heating to convert the bill.
    assert 0.8 < np.corrcoef(table.bill_euros, table.kwh)[0, 1] < 0.95


def _ratio_to_formula(building) -> float:
    climate = next(c.climate for c in COMMUNES if c.name == building.commune)
    expected = expected_kwh(
        building.building_type,
        building.surface_m2,
        building.year_built,
        building.heating,
        building.weekly_hours,
        building.insulation_renovated,
        climate,
    )
    return building.kwh / expected


def test_planted_anomalies_are_where_the_datasheet_says() -> None:
    data = generate()
    assert len(data.anomalies) == len(PLANTED)
    by_id = {b.identifier: b for b in data.buildings}
    for identifier, anomaly in data.anomalies.items():
        building = by_id[identifier]
        assert identifier.startswith(anomaly.prefix + "-")
        assert building.building_type == anomaly.building_type
        ratio = _ratio_to_formula(building)
        # Far outside the ±10 % noise, on the side of the planted factor.
        assert (ratio > 1.5) if anomaly.factor > 1 else (ratio < 0.5), identifier
    normal = [
        math.log(_ratio_to_formula(b)) for b in data.buildings if b.identifier not in data.anomalies
    ]
    assert abs(np.mean(normal)) < 0.02 and 0.08 < np.std(normal) < 0.12
    assert max(abs(value) for value in normal) < 0.45


def test_datasheet_describes_the_file() -> None:
    sheet = resources.files("widgets").joinpath("data", "batiments.DATASHEET.md").read_text()
    assert "CC BY 4.0" in sheet and "fictif" in sheet
    assert "580 lignes" in sheet and f"graine fixe ({SEED})" in sheet
    for identifier in generate().anomalies:
        assert f"`{identifier}`" in sheet
    for column in COLUMNS:
        assert f"`{column}`" in sheet


def test_loader_reads_every_column_and_refuses_another_file() -> None:
    table = load_buildings()
    assert len(table) == 580
    assert table.mean_kwh("école") == pytest.approx(
        np.mean([b.kwh for b in generate().buildings if b.building_type == "école"])
    )
    assert 0.10 < table.mean_price() < 0.20
    with pytest.raises(ValueError):
        parse_buildings(b"a,b\n1,2\n")
