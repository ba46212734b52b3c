"""A footprint as JSON and back (the room server's `atelier.empreinte`): exact round trip,
and None, never an error, for anything odd a server might send."""

from __future__ import annotations

import json
import math

import pytest
from fuzz_values import FUZZ, ODD_VALUES, outcome
from hypothesis import given
from hypothesis import strategies as st

from widgets.impact.estimate import Footprint, Span
from widgets.impact.html import footprint_html
from widgets.impact.payload import footprint_from_payload, footprint_payload

FOOTPRINT = Footprint(
    model="mistral-small-latest",
    tokens=40,
    zone="FRA",
    energy_wh=Span(0.01, 0.02),
    carbon_g=Span(0.003, 0.004),
    carbon_use_g=Span(0.001, 0.002),
    carbon_manufacturing_g=Span(0.002, 0.002),
    water_ml=Span(0.05, 0.09),
)


def test_a_footprint_survives_json_exactly() -> None:
    sent = json.loads(json.dumps(footprint_payload(FOOTPRINT)))
    assert sent["energy_wh"] == {"low": 0.01, "high": 0.02} and sent["tokens"] == 40
    assert footprint_from_payload(sent) == FOOTPRINT


@pytest.mark.parametrize(
    "change",
    [
        {"tokens": 0},
        {"tokens": True},
        {"tokens": 10**7},
        {"tokens": "40"},
        {"model": ""},
        {"model": None},
        {"zone": 3},
        {"energy_wh": {"low": 2, "high": 1}},
        {"energy_wh": {"low": -1, "high": 1}},
        {"water_ml": {"low": math.nan, "high": 1}},
        {"water_ml": {"low": 0, "high": math.inf}},
        {"carbon_g": {"low": 0, "high": 10**400}},
        {"carbon_g": {"low": False, "high": 1}},
        {"carbon_g": [0, 1]},
        {"carbon_use_g": None},
    ],
)
def test_an_odd_part_gives_no_footprint(change: dict) -> None:
    assert footprint_from_payload(footprint_payload(FOOTPRINT) | change) is None


def test_a_missing_part_gives_no_footprint() -> None:
    for name in ("model", "tokens", "energy_wh", "water_ml"):
        payload = footprint_payload(FOOTPRINT)
        del payload[name]
        assert footprint_from_payload(payload) is None


@FUZZ
@given(value=ODD_VALUES, name=st.sampled_from(["model", "tokens", "zone", "water_ml", "low"]))
def test_an_odd_value_anywhere_gives_a_footprint_or_none_never_an_error(
    value: object, name: str
) -> None:
    payload = footprint_payload(FOOTPRINT)
    if name == "low":
        payload["energy_wh"]["low"] = value
    else:
        payload[name] = value
    whole, refused = outcome(lambda: footprint_from_payload(value))
    found, refused_too = outcome(lambda: footprint_from_payload(payload))
    assert whole is None and refused is None and refused_too is None
    if found is not None:
        footprint_html(found).encode("utf-8")  # showable, even with a lone surrogate sent


def test_a_long_or_broken_model_name_is_cut_and_shown_safely() -> None:
    payload = footprint_payload(FOOTPRINT) | {"model": "<b>x</b>\ud800" + "m" * 500}
    found = footprint_from_payload(payload)
    assert found is not None and len(found.model) == 200 and "\ud800" not in found.model
    assert "<b>" not in footprint_html(found)
