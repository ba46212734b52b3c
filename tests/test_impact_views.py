"""Module 06's calculator view and lesson: French values, speed, exercises that hold."""

from __future__ import annotations

import re
import time

from ecologits.tracers.utils import llm_impacts

from widgets.impact.views.calculator import BY_SIZE, Calculator
from widgets.lessons import impact as lesson

DECIMAL_POINT = re.compile(r"\d\.\d")
TAG = re.compile(r"<[^>]+>")


def test_the_calculator_shows_three_results_the_french_way():
    view = Calculator()
    view.model.value = "gpt-4o"
    view.tokens.value = 1_200
    html = view.result.value
    for word in ("Énergie", "Carbone", "Eau", "1\u202f200 tokens", " à ", "fabrication"):
        assert word in html
    assert not DECIMAL_POINT.search(TAG.sub("", html))
    assert "1\u202f200 tokens" in view.tokens.description


def test_the_size_slider_appears_only_for_a_model_chosen_by_size():
    view = Calculator()
    assert view.billions.layout.display == "none"
    view.model.value = BY_SIZE
    view.billions.value = 70
    assert view.billions.layout.display == ""
    assert "70 milliards de paramètres" in view.result.value


def test_a_slider_move_answers_fast():
    view = Calculator()
    samples = []
    for tokens in range(10, 2_000, 20):
        start = time.perf_counter()
        view.tokens.value = tokens
        samples.append(time.perf_counter() - start)
    assert sorted(samples)[int(0.95 * len(samples))] < 0.030


def carbon(provider: str, name: str, tokens: int, zone: str) -> float:
    return llm_impacts(provider, name, tokens, 1e9, electricity_mix_zone=zone).gwp.value


def test_q1_the_smaller_model_is_the_biggest_cut():
    start = carbon("mistralai", "mistral-large-latest", 800, "WOR")
    cuts = {
        "A": start / carbon("mistralai", "mistral-small-latest", 800, "WOR"),
        "B": start / carbon("mistralai", "mistral-large-latest", 400, "WOR"),
        "C": start / carbon("mistralai", "mistral-large-latest", 800, "FRA"),
    }
    assert max(cuts, key=cuts.get) == lesson.BIGGEST_CUT.correct
    assert round(cuts["A"], 1) == 7.6 and round(cuts["C"], 1) == 6.3


def test_q2_accepts_exactly_the_lengths_within_both_limits():
    def energy_wh(tokens: int) -> float:
        impacts = llm_impacts("mistralai", "mistral-large-latest", tokens, 1e9, "FRA")
        return impacts.energy.value * 1000

    fits = [t for t in range(100, 300, 10) if t >= 150 and energy_wh(t) <= 0.5]
    assert fits == [150, 160, 170]
    accepted = [
        t for t in range(100, 300, 10) if lesson.q2.exercise.evaluate(t).state.value == "correct"
    ]
    assert accepted == fits
