"""From next-token probabilities to a choice: temperature, top-k, and a seeded draw.

The temperature T reshapes a distribution p into p^(1/T), renormalised:
below 1 it sharpens it (the likely tokens become likelier still), above 1
it flattens it, and at 0 only the most likely token remains (greedy
choice). Top-k keeps only the k likeliest tokens before drawing.
"""

from __future__ import annotations

import numpy as np

from widgets.errors import AtelierError

MAX_TEMPERATURE = 5.0
GREEDY_BELOW = 1e-3
"""Temperatures below this are treated as 0: always the most likely token."""
SEED_MODULUS = 2**64


class SamplingError(AtelierError, ValueError):
    """A sampling setting is out of range. The French message is what the learner sees."""


def check_temperature(temperature: object) -> float:
    if isinstance(temperature, bool) or not isinstance(temperature, int | float):
        raise SamplingError("la température doit être un nombre, par exemple 0.8.")
    # Compared before any conversion: float() of a huge int overflows; nan fails both tests.
    if not 0.0 <= temperature <= MAX_TEMPERATURE:
        raise SamplingError(
            f"la température doit être un nombre entre 0 et {MAX_TEMPERATURE:g} "
            "(0 : toujours le token le plus probable)."
        )
    return float(temperature)


def check_top_k(top_k: object) -> int | None:
    if top_k is None:
        return None
    if isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1:
        raise SamplingError(
            "top_k doit être un nombre entier d'au moins 1, ou None pour garder tous les tokens."
        )
    return top_k


def check_seed(seed: object) -> int | None:
    """The seed of a draw: None (a new draw each time) or an int, taken modulo 2**64.

    Seeds from 0 to 2**64 - 1 are used as they are; any other int (-1, or a
    huge one, which numpy would take seconds to digest) is brought into that
    range, as APIs with 64-bit seeds do.
    """
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise SamplingError("la graine (seed) doit être un nombre entier, ou None.")
    return seed % SEED_MODULUS


def apply_temperature(probabilities: np.ndarray, temperature: float) -> np.ndarray:
    """p^(1/T), renormalised; at T = 0, all the mass on the most likely token.

    Computed in logarithms so that small temperatures do not underflow.
    """
    if temperature < GREEDY_BELOW:
        greedy = np.zeros_like(probabilities)
        greedy[int(np.argmax(probabilities))] = 1.0
        return greedy
    with np.errstate(divide="ignore"):
        logits = np.log(probabilities) / temperature
    logits -= logits.max()
    weights = np.exp(logits)
    return weights / weights.sum()


def keep_top_k(probabilities: np.ndarray, top_k: int | None) -> tuple[np.ndarray, np.ndarray]:
    """The ids of the k likeliest tokens and their probabilities, renormalised.

    With `top_k` None (or at least the vocabulary size), every id is kept, in
    order. The ids of a real cut come in no particular order.
    """
    if top_k is None or top_k >= probabilities.size:
        return np.arange(probabilities.size), probabilities
    kept = np.argpartition(probabilities, -top_k)[-top_k:]
    return kept, probabilities[kept] / probabilities[kept].sum()


def draw(
    probabilities: np.ndarray,
    temperature: float,
    top_k: int | None,
    rng: np.random.Generator,
) -> int:
    """One token id drawn among the k likeliest, reshaped by the temperature (argmax at T = 0)."""
    if temperature < GREEDY_BELOW:
        return int(np.argmax(probabilities))
    candidates, kept = keep_top_k(probabilities, top_k)
    reshaped = apply_temperature(kept, temperature)
    cumulative = np.cumsum(reshaped)
    position = int(np.searchsorted(cumulative, rng.random() * cumulative[-1], side="right"))
    return int(candidates[min(position, reshaped.size - 1)])


def entropy_bits(probabilities: np.ndarray) -> float:
    """Shannon entropy in bits: how spread out the choice is (0 = no choice at all)."""
    positive = probabilities[probabilities > 0]
    return float(-(positive * np.log2(positive)).sum())
