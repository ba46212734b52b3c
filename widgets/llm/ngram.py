"""An n-gram language model with interpolated Kneser-Ney smoothing, in numpy.

The model counts, in the training texts, which token followed each run of
up to `order - 1` tokens. To predict what comes after a context, it mixes
the longest context it has seen with shorter and shorter ones, down to a
uniform share for every token of the vocabulary: so the probabilities sum
to 1 and no token ever has probability 0, even one never seen.

Kneser-Ney's two ideas, in plain words:
- a fixed discount D is taken from every count seen, and that mass is
  handed down to the shorter context (absolute discounting);
- the shorter contexts do not count how often a token appears, but after
  how many different tokens it appears (its "continuation count"): a token
  seen often but always in the same phrase is not a good guess elsewhere.

Counts are stored per order as sorted arrays of context keys (the tokens
of a context packed into one integer) and a compressed sparse row table of
the tokens that followed each context, so a prediction is a few vectorised
operations over the vocabulary.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

DEFAULT_ORDER = 4
FALLBACK_DISCOUNT = 0.75


@dataclass(frozen=True)
class _Level:
    """The counts for one order k: contexts of k - 1 tokens and the tokens that followed."""

    context_keys: np.ndarray
    indptr: np.ndarray
    next_ids: np.ndarray
    discounted: np.ndarray
    """(count - D) / total of the context, for each (context, next token) pair."""
    backoff: np.ndarray
    """D × (number of distinct next tokens) / total: the mass handed to the shorter context."""
    discount: float

    def row(self, key: int) -> int | None:
        position = int(np.searchsorted(self.context_keys, key))
        if position < self.context_keys.size and self.context_keys[position] == key:
            return position
        return None


def _discount(counts: np.ndarray) -> float:
    """Ney's estimate D = n1 / (n1 + 2 n2), from the numbers of counts equal to 1 and 2."""
    ones = int(np.count_nonzero(counts == 1))
    twos = int(np.count_nonzero(counts == 2))
    if ones == 0 or twos == 0:
        return FALLBACK_DISCOUNT
    return min(max(ones / (ones + 2 * twos), 0.05), 0.95)


def _level(grams: np.ndarray, counts: np.ndarray, base: int) -> _Level:
    contexts = grams // base
    context_keys, starts = np.unique(contexts, return_index=True)
    indptr = np.append(starts, grams.size).astype(np.int64)
    values = counts.astype(np.float64)
    totals = np.add.reduceat(values, starts)
    types = np.diff(indptr).astype(np.float64)
    discount = _discount(counts)
    per_pair_total = np.repeat(totals, np.diff(indptr))
    return _Level(
        context_keys=context_keys,
        indptr=indptr,
        next_ids=(grams % base).astype(np.int64),
        discounted=(values - discount) / per_pair_total,
        backoff=discount * types / totals,
        discount=discount,
    )


class KneserNeyModel:
    """Next-token probabilities over a vocabulary of `vocab_size` tokens.

    `sequences` are the training texts as lists of token ids. Each starts
    after `order - 1` copies of a "start of text" marker (id `vocab_size`),
    which may appear in a context but is never predicted.
    """

    def __init__(
        self, sequences: Sequence[Sequence[int]], vocab_size: int, order: int = DEFAULT_ORDER
    ) -> None:
        if order < 1:
            raise ValueError("order must be at least 1")
        self.vocab_size = vocab_size
        self.order = order
        self.start_id = vocab_size
        self._base = vocab_size + 1
        if self._base**order >= 2**63:
            raise ValueError("vocabulary too large for this order: context keys would overflow")
        padded, positions = self._padded(sequences)
        if positions.size == 0:
            raise ValueError("no training tokens")
        self.training_tokens = int(positions.size)
        self._levels = self._count(padded, positions)

    def _padded(self, sequences: Sequence[Sequence[int]]) -> tuple[np.ndarray, np.ndarray]:
        """All sequences end to end, each after order - 1 start markers; where the tokens are."""
        pad = self.order - 1
        parts, positions, offset = [], [], 0
        for sequence in sequences:
            ids = np.asarray(sequence, dtype=np.int64)
            if ids.size and (ids.min() < 0 or ids.max() >= self.vocab_size):
                raise ValueError("token id outside the vocabulary")
            parts.append(np.full(pad, self.start_id, dtype=np.int64))
            parts.append(ids)
            positions.append(np.arange(offset + pad, offset + pad + ids.size))
            offset += pad + ids.size
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        return np.concatenate(parts), np.concatenate(positions)

    def _count(self, padded: np.ndarray, positions: np.ndarray) -> list[_Level]:
        """Raw counts for the highest order, continuation counts below it."""
        keys = [padded[positions]]
        for k in range(2, self.order + 1):
            keys.append(padded[positions - (k - 1)] * self._base ** (k - 1) + keys[-1])
        grams, counts = np.unique(keys[-1], return_counts=True)
        levels = [_level(grams, counts, self._base)]
        for k in range(self.order - 1, 0, -1):
            # N1+(• w_1..w_k): the distinct (k+1)-grams that end with this k-gram.
            grams, counts = np.unique(grams % self._base**k, return_counts=True)
            levels.append(_level(grams, counts, self._base))
        return levels[::-1]

    def context_key(self, context: Sequence[int]) -> int:
        key = 0
        for token in context:
            key = key * self._base + int(token)
        return key

    def distribution(self, context: Sequence[int]) -> tuple[np.ndarray, int]:
        """Probabilities of every token after `context`, and how many context tokens counted.

        Only the last `order - 1` ids of `context` matter; pad a short context
        with `start_id` to mean "at the start of a text". The second value is
        the length of the longest context the model had seen in training:
        0 means it could only use how common each token is.
        """
        context = list(context)[-(self.order - 1) :] if self.order > 1 else []
        probabilities = np.full(self.vocab_size, 1.0 / self.vocab_size)
        used = 0
        for k, level in enumerate(self._levels, start=1):
            if k - 1 > len(context):
                break
            row = level.row(self.context_key(context[len(context) - (k - 1) :]))
            if row is None:
                break
            low, high = level.indptr[row], level.indptr[row + 1]
            probabilities *= level.backoff[row]
            probabilities[level.next_ids[low:high]] += level.discounted[low:high]
            used = k - 1
        return probabilities, used
