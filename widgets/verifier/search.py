"""Passage search: a TF-IDF index over every passage of the course corpus.

Why these settings: a passage's document title is indexed with it (the date
of a session is in the title of its minutes); numbers are words too (« 2023 »,
« 22000 » find the right session among similar ones); the weight of a word
repeated in a passage grows with its logarithm only (`sublinear_tf`), so a
list of names does not drown the rest. The index is built once, the first
time a search needs it, and remembers how long that took.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from widgets.corpus import load_documents
from widgets.errors import AtelierError
from widgets.verifier.passages import Passage, cut
from widgets.verifier.words import Profile, bounded_text, profile, tokens

MAX_QUERY_CHARS = 2_000
MAX_RESULTS = 20


class QueryError(AtelierError):
    """A question the search cannot read (not a text, too long, a wrong number of results)."""


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    """Cosine similarity between the question and the passage, from 0 to 1."""
    profile: Profile


class PassageIndex:
    """Passages, their TF-IDF vectors and their profiles for the support check;
    `build_seconds` is the time the build took."""

    def __init__(self, passages: list[Passage]) -> None:
        start = time.perf_counter()
        self.passages = passages
        self.vectorizer = TfidfVectorizer(
            tokenizer=tokens, lowercase=False, token_pattern=None, sublinear_tf=True
        )
        texts = [f"{passage.title} {passage.text}" for passage in passages]
        self.matrix: csr_matrix = self.vectorizer.fit_transform(texts)
        self.profiles = [profile(text) for text in texts]
        self.build_seconds = time.perf_counter() - start

    def search(self, question: object, k: int = 5) -> list[Hit]:
        """The `k` passages closest to `question`, best first; none when it has no known word."""
        return self.search_many([question], k)[0]

    def search_many(self, questions: list[object], k: int = 5) -> list[list[Hit]]:
        """`search` for several questions at once (one product of matrices: faster)."""
        texts = [read_query(question) for question in questions]
        if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= MAX_RESULTS:
            raise QueryError(f"Le nombre de passages doit être un entier de 1 à {MAX_RESULTS}.")
        if not texts:
            return []
        scores = (self.matrix @ self.vectorizer.transform(texts).T).toarray()
        return [self._best(column, k) for column in scores.T]

    def _best(self, scores: np.ndarray, k: int) -> list[Hit]:
        candidates = np.flatnonzero(scores > 0)
        best = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [Hit(self.passages[i], float(scores[i]), self.profiles[i]) for i in best]


def read_query(question: object) -> str:
    """`question` if it is a text the search can read; a French error otherwise."""
    return bounded_text(
        question,
        MAX_QUERY_CHARS,
        "la question",
        "la recherche",
        "Posez une question plus courte.",
        QueryError,
    )


@cache
def default_index() -> PassageIndex:
    """The index of the whole course corpus, built the first time it is asked for."""
    return PassageIndex(cut(load_documents()))
