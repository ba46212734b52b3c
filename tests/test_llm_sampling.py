"""From probabilities to a token: temperature, top-k, a seeded draw, against numbers by hand."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from widgets.llm.classroom import get_model
from widgets.llm.sampling import (
    SamplingError,
    apply_temperature,
    check_temperature,
    check_top_k,
    draw,
    entropy_bits,
    keep_top_k,
)


def peaked() -> np.ndarray:
    return np.array([0.5, 0.2, 0.15, 0.1, 0.05])


def test_temperature_zero_keeps_only_the_most_likely_token() -> None:
    rng = np.random.default_rng(0)
    assert all(draw(peaked(), 0.0, None, rng) == 0 for _ in range(50))
    assert all(draw(peaked(), 0.0, 2, rng) == 0 for _ in range(50))
    assert apply_temperature(peaked(), 0.0).tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]
    assert apply_temperature(peaked(), 0.01)[0] > 0.999


def test_temperature_one_half_squares_the_probabilities() -> None:
    squares = np.array([0.25, 0.04, 0.0225, 0.01, 0.0025])
    np.testing.assert_allclose(apply_temperature(peaked(), 0.5), squares / 0.325)


def test_higher_temperature_raises_the_entropy() -> None:
    temperatures = [0.1, 0.3, 0.6, 1.0, 1.5, 2.0, 3.0]
    entropies = [entropy_bits(apply_temperature(peaked(), t)) for t in temperatures]
    assert entropies == sorted(entropies)
    assert entropies[0] < entropies[-1]
    np.testing.assert_allclose(apply_temperature(peaked(), 1.0), peaked())


def test_entropy_of_a_fair_choice_among_four_is_two_bits() -> None:
    assert entropy_bits(np.full(4, 0.25)) == pytest.approx(2.0)
    assert entropy_bits(np.array([1.0, 0.0, 0.0])) == 0.0


def test_higher_temperature_raises_entropy_on_the_course_model() -> None:
    probabilities = get_model().predict("Le conseil municipal").probabilities
    entropies = [entropy_bits(apply_temperature(probabilities, t)) for t in (0.2, 0.8, 1.5)]
    assert entropies[0] < entropies[1] < entropies[2]


def test_top_k_keeps_the_k_likeliest_tokens_renormalised() -> None:
    ids, kept = keep_top_k(peaked(), 2)
    by_id = dict(zip(ids.tolist(), kept.tolist(), strict=True))
    assert by_id == pytest.approx({0: 0.5 / 0.7, 1: 0.2 / 0.7})
    every_id, unchanged = keep_top_k(peaked(), None)
    assert every_id.tolist() == [0, 1, 2, 3, 4] and unchanged.tolist() == peaked().tolist()
    assert keep_top_k(peaked(), 9)[0].tolist() == [0, 1, 2, 3, 4]


def test_draw_picks_only_among_the_top_k() -> None:
    rng = np.random.default_rng(1)
    assert {draw(peaked(), 5.0, 2, rng) for _ in range(200)} == {0, 1}


@pytest.mark.parametrize(
    ("top_k", "expected"),
    [
        (None, [0.5, 0.2, 0.15, 0.1, 0.05]),
        (3, [0.5 / 0.85, 0.2 / 0.85, 0.15 / 0.85, 0.0, 0.0]),
    ],
)
def test_draws_follow_the_distribution(top_k: int | None, expected: list[float]) -> None:
    rng = np.random.default_rng(2)
    draws = Counter(draw(peaked(), 1.0, top_k, rng) for _ in range(20_000))
    frequencies = np.array([draws[i] for i in range(5)]) / 20_000
    np.testing.assert_allclose(frequencies, expected, atol=0.015)


def test_the_same_seed_draws_the_same_tokens() -> None:
    def tokens(seed: int) -> list[int]:
        rng = np.random.default_rng(seed)
        return [draw(peaked(), 1.3, 4, rng) for _ in range(30)]

    assert tokens(5) == tokens(5)
    assert tokens(5) != tokens(6)


@pytest.mark.parametrize("value", [-0.1, 5.5, float("nan"), "chaud", True, None])
def test_bad_temperatures_are_refused_in_french(value: object) -> None:
    with pytest.raises(SamplingError, match="température"):
        check_temperature(value)


@pytest.mark.parametrize("value", [0, -3, 2.5, "40", True])
def test_bad_top_k_are_refused_in_french(value: object) -> None:
    with pytest.raises(SamplingError, match="top_k"):
        check_top_k(value)
