"""The buildings data set of module 09: reproducible, shaped as its datasheet says."""

from __future__ import annotations

import csv
import hashlib
import io
import math
from collections import Counter
from functools import lru_cache

import numpy as np
import pytest

from widgets import shipped_data
from widgets.batiments.generate import SEED, Building, DataSet, build_files, csv_text, generate
from widgets.batiments.recipe import load_recipe
from widgets.batiments.table import COLUMNS, load_buildings, parse_buildings

SHIPPED_SHA256 = "f198245a809786ea72457adefdf3c59f1d0f7f8fbfeee410bc88ffbbf50721a7"
"""SHA-256 of batiments.csv as shipped since 2026-11-23."""
RECIPE = load_recipe()


@lru_cache(maxsize=1)
def data() -> DataSet:
    return generate()


def shipped_csv() -> bytes:
    return shipped_data.load("batiments", "batiments.csv")


def test_shipped_csv_has_the_pinned_hash_and_equals_a_fresh_generation() -> None:
    assert hashlib.sha256(shipped_csv()).hexdigest() == SHIPPED_SHA256
    assert build_files() == {"batiments.csv": shipped_csv()}
    assert build_files() == build_files(SEED)


def test_another_seed_gives_another_data_set() -> None:
    assert csv_text(generate(SEED + 1)) != csv_text(data())


def test_datasheet_pins_the_shipped_version_and_describes_the_file() -> None:
    assert shipped_data.check("batiments") == []
    folder = shipped_data.known("batiments").folder()
    sheet = (folder / "DATASHEET.md").read_text("utf-8")
    rows = shipped_data.versions(sheet)
    assert [row.date for row in rows] == ["2026-11-23"]
    file_digest = bytes.fromhex(SHIPPED_SHA256)
    assert rows[-1].fingerprint == hashlib.sha256(b"batiments.csv\0" + file_digest).hexdigest()
    assert "CC BY 4.0" in sheet and "fictif" in sheet
    assert "580 lignes" in sheet and f"graine fixe ({SEED})" in sheet
    assert "widgets/batiments/generate.py" in sheet and "sources/batiments.toml" in sheet
    for identifier in data().anomalies:
        assert f"`{identifier}`" in sheet
    for column in COLUMNS:
        assert f"`{column}`" in sheet


def test_rows_columns_and_communes() -> None:
    buildings = data().buildings
    assert shipped_csv().decode("utf-8").splitlines()[0] == ",".join(COLUMNS)
    assert len(buildings) == 580
    assert len({b.identifier for b in buildings}) == len(buildings)
    communes = Counter(b.commune for b in buildings)
    assert len(communes) == 12 and set(communes) == {c.name for c in RECIPE.communes}
    assert communes["Clairval-sur-Ondine"] == 44
    town_halls = Counter(b.commune for b in buildings if b.building_type == "mairie")
    assert all(count == 1 for count in town_halls.values()) and len(town_halls) == 12
    types = Counter(b.building_type for b in buildings)
    assert len(types) == 7 and set(types) == {kind.name for kind in RECIPE.types}
    assert types["école"] == 194  # the schools of the complexity slider
    assert set(Counter(b.heating for b in buildings)) == set(RECIPE.prices)


def test_values_stay_in_their_stated_ranges() -> None:
    for building in data().buildings:
        kind = RECIPE.type_named(building.building_type)
        assert kind.min_surface <= building.surface_m2 <= kind.max_surface
        assert building.surface_m2 % 10 == 0
        assert 1880 <= building.year_built <= 2024
        assert kind.min_hours <= building.weekly_hours <= kind.max_hours
        assert building.kwh > 0 and building.energy_bill_euros > 0
        if building.year_built > 2000:
            assert building.heating != "fioul" and not building.insulation_renovated


def test_the_bill_contains_the_answer() -> None:
    table = load_buildings()
    prices = RECIPE.prices
    for heating in prices:
        mask = np.array([h == heating for h in table.heating])
        assert np.corrcoef(table.bill_euros[mask], table.kwh[mask])[0, 1] > 0.999, heating
    converted = table.bill_euros / np.array([prices[h] for h in table.heating])
    assert np.corrcoef(converted, table.kwh)[0, 1] > 0.999
    assert np.median(np.abs(converted / table.kwh - 1)) < 0.02
    # All heatings together the correlation is lower, because prices differ: the
    # datasheet says so, and the model needs the heating to convert the bill.
    assert 0.8 < np.corrcoef(table.bill_euros, table.kwh)[0, 1] < 0.95


def test_the_formula_is_the_one_the_datasheet_writes() -> None:
    # A gas-heated school of the 1989-2000 era, of median surface and typical hours,
    # not renovated, in a commune of climate 1: 1 400 m² × 125 kWh/m².
    assert RECIPE.expected_kwh("école", 1_400, 1995, "gaz", 45, False) == pytest.approx(175_000)
    # The same school built in 1960, renovated, with a heat pump, used 90 hours a week.
    factors = 1.40 * 0.72 * 0.50 * (0.55 + 0.45 * 2) * 1.1
    assert RECIPE.expected_kwh(
        "école", 1_400, 1960, "pompe à chaleur", 90, True, 1.1
    ) == pytest.approx(175_000 * factors)
    assert RECIPE.expected_kwh("école", 2_800, 1995, "gaz", 45, False) == pytest.approx(
        2_800 * 125 * 2**-0.12
    )


def _ratio_to_formula(building: Building) -> float:
    climate = RECIPE.commune_named(building.commune).climate
    expected = RECIPE.expected_kwh(
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
    anomalies = data().anomalies
    assert sorted(anomalies) == ["BEL-004", "CLV-005", "MTV-005", "OND-005", "SFO-001"]
    by_id = {b.identifier: b for b in data().buildings}
    for identifier, anomaly in anomalies.items():
        building = by_id[identifier]
        assert identifier.startswith(anomaly.prefix + "-")
        assert building.building_type == anomaly.building_type
        ratio = _ratio_to_formula(building)
        # Far outside the ±10 % noise, on the side of the planted factor.
        assert (ratio > 1.5) if anomaly.factor > 1 else (ratio < 0.5), identifier
    normal = [
        math.log(_ratio_to_formula(b)) for b in data().buildings if b.identifier not in anomalies
    ]
    assert abs(np.mean(normal)) < 0.02 and 0.08 < np.std(normal) < 0.12
    assert max(abs(value) for value in normal) < 0.45


def test_loader_reads_every_column_and_refuses_another_file() -> None:
    table = load_buildings()
    rows = list(csv.DictReader(io.StringIO(shipped_csv().decode("utf-8"))))
    assert len(table) == len(rows) == 580
    assert table.identifiers == tuple(row["identifiant"] for row in rows)
    schools = [float(row["consommation_kwh"]) for row in rows if row["type_batiment"] == "école"]
    assert table.mean_kwh("école") == pytest.approx(sum(schools) / len(schools))
    bills = sum(float(row["facture_energie_euros"]) for row in rows)
    assert table.mean_price() == pytest.approx(
        bills / sum(float(r["consommation_kwh"]) for r in rows)
    )
    assert 0.10 < table.mean_price() < 0.20
    assert table.renovated.sum() == sum(row["isolation_renovee"] == "oui" for row in rows)
    with pytest.raises(ValueError):
        parse_buildings(b"a,b\n1,2\n")
