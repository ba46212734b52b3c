"""Module 06's engine: EcoLogits' own figures, French refusals, odd input (fuzz).

Expected values are computed here by calling EcoLogits directly, not through
`widgets.impact`.
"""

from __future__ import annotations

import math

import pytest
from ecologits.electricity_mix_repository import electricity_mixes
from ecologits.impacts.llm import compute_llm_impacts
from ecologits.tracers.utils import PROVIDER_CONFIG_MAP, llm_impacts
from hypothesis import given
from hypothesis import strategies as st

from curriculum.facts import load_facts
from tests.fuzz_values import FUZZ, HUGE_INTEGERS, ODD_VALUES, assert_french, outcome
from widgets.impact.comparisons import comparisons, sentences
from widgets.impact.estimate import (
    ImpactError,
    estimate_by_size,
    estimate_named,
    find_provider,
    lookup,
)


def bounds(value) -> tuple[float, float]:
    if hasattr(value, "min"):
        return value.min, value.max
    return value, value


def assert_same(span, value, scale: float = 1_000) -> None:
    low, high = bounds(value)
    assert span.low == pytest.approx(low * scale, rel=1e-12)
    assert span.high == pytest.approx(high * scale, rel=1e-12)


@pytest.mark.parametrize(
    ("key", "provider", "name", "tokens", "zone"),
    [
        ("mistral-large-latest", "mistralai", "mistral-large-latest", 400, "FRA"),
        ("gpt-4o", "openai", "gpt-4o", 123, "WOR"),
        ("gpt-4o-mini", "openai", "gpt-4o-mini", 2_000, "DEU"),
        ("mistral-large-2", "huggingface_hub", "mistralai/Mistral-Large-Instruct-2407", 400, "FRA"),
    ],
)
def test_named_models_give_ecologits_own_figures(key, provider, name, tokens, zone):
    direct = llm_impacts(
        provider, name, tokens, request_latency=math.inf, electricity_mix_zone=zone
    )
    found = estimate_named(key, tokens, zone)
    assert_same(found.energy_wh, direct.energy.value)
    assert_same(found.carbon_g, direct.gwp.value)
    assert_same(found.carbon_use_g, direct.usage.gwp.value)
    assert_same(found.carbon_manufacturing_g, direct.embodied.gwp.value)
    assert_same(found.water_ml, direct.wcf.value)
    assert found.tokens == tokens and found.zone == zone


def test_closed_models_come_with_a_range():
    found = estimate_named("gpt-4o", 400, "FRA")
    assert found.energy_wh.low < found.energy_wh.high


def test_a_parameter_count_matches_the_same_open_model_in_the_repository():
    direct = llm_impacts(
        "huggingface_hub",
        "meta-llama/Meta-Llama-3.1-8B-Instruct",
        300,
        request_latency=math.inf,
        electricity_mix_zone="POL",
    )
    found = estimate_by_size(8.03, 300, "POL")
    assert_same(found.energy_wh, direct.energy.value)
    assert_same(found.carbon_g, direct.gwp.value)
    assert_same(found.water_ml, direct.wcf.value)
    assert "8,03 milliards" in found.model


def test_a_parameter_count_uses_compute_llm_impacts_with_the_open_model_host():
    mix = electricity_mixes.find_electricity_mix(zone="FRA")
    host = PROVIDER_CONFIG_MAP["huggingface_hub"]
    direct = compute_llm_impacts(
        model_active_parameter_count=70,
        model_total_parameter_count=70,
        output_token_count=1_000,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=host.datacenter_pue,
        datacenter_wue=host.datacenter_wue,
        request_latency=math.inf,
    )
    found = estimate_by_size(70, 1_000, "FRA")
    assert_same(found.energy_wh, direct.energy.value)
    assert_same(found.carbon_g, direct.gwp.value)


def test_french_electricity_cuts_carbon_not_energy():
    france = estimate_named("mistral-large-latest", 400, "FRA")
    world = estimate_named("mistral-large-latest", 400, "WOR")
    assert france.energy_wh == world.energy_wh
    assert france.carbon_g.high * 4 < world.carbon_g.low


def test_the_registry_figures_are_what_the_engine_gives():
    statement = load_facts()["impact-ecologits-ordres-de-grandeur"].statement
    large = estimate_named("mistral-large-latest", 400, "FRA")
    gpt = estimate_named("gpt-4o", 400, "FRA")
    small = estimate_by_size(7, 400, "FRA")
    assert round(large.energy_wh.low, 1) == 1.2 and "1,2 Wh" in statement
    assert round(large.carbon_g.low, 3) == 0.091 and "0,091 gCO2eq" in statement
    assert round(large.water_ml.low, 1) == 4.3 and "4,3 mL" in statement
    assert (round(gpt.energy_wh.low, 2), round(gpt.energy_wh.high, 2)) == (0.58, 0.96)
    assert (round(gpt.carbon_g.low, 3), round(gpt.carbon_g.high, 3)) == (0.040, 0.056)
    assert (round(gpt.water_ml.low, 1), round(gpt.water_ml.high, 1)) == (2.4, 4.0)
    assert round(small.energy_wh.middle, 2) == 0.03 and "0,03 Wh" in statement


def test_the_study_gap_is_five_to_twenty_five_times():
    for zone in ("FRA", "WOR"):
        carbon = estimate_named("mistral-large-2", 400, zone).carbon_g
        assert 1.14 / carbon.high >= 5 and 1.14 / carbon.low <= 26


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: estimate_named("chatgpt-9", 400, "FRA"), "pas dans la liste"),
        (lambda: estimate_named("gpt-4o", 400, "MARS"), "zone d'électricité"),
        (lambda: lookup("openai", "gpt-4o-inconnu", 400, "FRA"), "ne connaît pas le modèle"),
        (lambda: lookup("openai", "gpt-4o", 400, "XXX"), "ne connaît pas le mix"),
        (lambda: estimate_by_size(0, 400, "FRA"), "milliards"),
        (lambda: estimate_named("gpt-4o", 0, "FRA"), "tokens"),
    ],
)
def test_unknown_models_zones_and_sizes_are_refused_in_french(call, words):
    with pytest.raises(ImpactError) as error:
        call()
    assert words in error.value.message
    assert_french(error.value.message)


def test_find_provider():
    assert find_provider("gpt-4o-mini") == "openai"
    assert find_provider("mistral-small-latest") == "mistralai"
    assert find_provider("albert-large") is None


def test_comparisons_cite_registry_facts_with_their_amounts():
    facts = load_facts()
    for comparison in comparisons():
        if comparison.fact:
            assert "8,16 TWh" in facts[comparison.fact].statement
            assert comparison.amount == 8.16e12
        else:
            assert "choisi" in comparison.text
    lines = sentences(estimate_named("mistral-large-latest", 400, "FRA"))
    assert lines[0].startswith("Il faudrait environ 9 requêtes")


def test_odd_token_counts_are_refused():
    for tokens in [*HUGE_INTEGERS, -1, 1_000_001, 2.5, math.nan, "400", None, True]:
        result, message = outcome(lambda tokens=tokens: estimate_named("gpt-4o", tokens, "FRA"))
        assert result is None and "tokens" in message


def test_the_largest_answer_is_estimated():
    found = estimate_by_size(10_000, 1_000_000, "WOR")
    assert math.isfinite(found.energy_wh.high) and found.energy_wh.high > 0
    assert sentences(found)


@FUZZ
@given(model=ODD_VALUES, tokens=ODD_VALUES, zone=ODD_VALUES)
def test_fuzz_named(model, tokens, zone):
    outcome(lambda: estimate_named(model, tokens, zone))


@FUZZ
@given(
    billions=st.one_of(ODD_VALUES, st.floats(0.01, 10_000)),
    tokens=st.one_of(ODD_VALUES, st.integers(1, 1_000_000)),
    zone=st.one_of(ODD_VALUES, st.sampled_from(["FRA", "WOR", "USA"])),
)
def test_fuzz_by_size(billions, tokens, zone):
    result, _ = outcome(lambda: estimate_by_size(billions, tokens, zone))
    if result is not None:
        assert all(line.isprintable() for line in sentences(result))
