"""The offline classroom model: BPE tokens of the course corpus and a 4-gram Kneser-Ney model.

It is a real language model, only a very small one: trained in about a
second on the course corpus the first time it is used, then kept for the
rest of the session. It gives real probabilities for the next token, and
writes by drawing one token after another, with a temperature and a top-k.

The interface (`get_model`, `next_token_distribution`, `generate`,
`stream`) is what the connector and `atelier serve` use; `predict` also
tells which tokens of the prompt the model could take into account.

Prompts of any kind are accepted: the model only reads the end of a long
prompt (it looks at three tokens anyway), and characters it never saw,
emoji or control characters, are written with byte tokens like any other.
"""

from __future__ import annotations

import codecs
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from widgets.errors import AtelierError
from widgets.llm.corpus import course_documents
from widgets.llm.ngram import DEFAULT_ORDER, KneserNeyModel
from widgets.llm.sampling import SamplingError, check_seed, check_temperature, check_top_k, draw
from widgets.llm.tokenizer import (
    DEFAULT_VOCAB_SIZE,
    BpeTokenizer,
    Token,
    course_tokenizer,
    train_tokenizer,
)

PROMPT_TAIL = 400
"""Characters read at the end of a prompt: far more than the model's context needs."""
MAX_NEW_TOKENS = 5000
START_OF_TEXT = "<début du texte>"


class PromptError(AtelierError, TypeError):
    """The prompt is not text. The French message is what the learner sees."""


@dataclass(frozen=True)
class Prediction:
    """What the model predicts after a prompt, and from which context.

    `probabilities` covers the whole vocabulary (it sums to 1, nothing is 0);
    `context` holds the tokens the model actually took into account, the
    oldest first (the start-of-text marker when the prompt is short).
    """

    prompt_tokens: tuple[Token, ...]
    context: tuple[Token, ...]
    probabilities: np.ndarray
    token_texts: tuple[str, ...]

    def top(self, count: int = 10) -> list[tuple[str, float]]:
        """The `count` likeliest tokens as (text, probability), the likeliest first."""
        return [(self.token_texts[i], float(self.probabilities[i])) for i in self.top_ids(count)]

    def top_ids(self, count: int = 10) -> np.ndarray:
        """The ids of the `count` likeliest tokens (at least 1, at most all), likeliest first."""
        if isinstance(count, bool) or not isinstance(count, int):
            raise SamplingError(
                "le nombre de tokens à montrer doit être un nombre entier, par exemple 10."
            )
        count = max(1, min(count, self.probabilities.size))
        best = np.argpartition(self.probabilities, -count)[-count:]
        return best[np.argsort(-self.probabilities[best], kind="stable")]


@dataclass(frozen=True)
class _Prompt:
    context: list[int]
    prompt_ids: list[int]
    trailing_spaces: int


class ClassroomModel:
    """A BPE tokenizer and an n-gram model trained on the same texts."""

    def __init__(
        self,
        documents: tuple[str, ...] | list[str],
        vocab_size: int = DEFAULT_VOCAB_SIZE,
        order: int = DEFAULT_ORDER,
        tokenizer: BpeTokenizer | None = None,
    ) -> None:
        """Train on `documents`; `tokenizer`, if given, must have been trained on them too."""
        started = time.perf_counter()
        self.tokenizer: BpeTokenizer = tokenizer or train_tokenizer(documents, vocab_size)
        sequences = self.tokenizer.encode_batch(documents)
        self.ngram = KneserNeyModel(sequences, self.tokenizer.vocab_size, order)
        self.training_seconds = time.perf_counter() - started
        self.documents = tuple(documents)

    @property
    def vocab_size(self) -> int:
        return self.tokenizer.vocab_size

    @property
    def order(self) -> int:
        return self.ngram.order

    @property
    def training_tokens(self) -> int:
        return self.ngram.training_tokens

    def _prompt(self, text: str) -> _Prompt:
        if not isinstance(text, str):
            raise PromptError("le début de texte (le prompt) doit être du texte, entre guillemets.")
        truncated = len(text) > PROMPT_TAIL
        tail = text[-PROMPT_TAIL:]
        # A prompt ending with a space would end on a lone space token, which the
        # corpus almost never has (words carry their space): leave it out, and
        # take it back from the start of the continuation.
        kept = tail.rstrip(" ")
        ids = self.tokenizer.encode(kept)
        if truncated and len(ids) > self.order:
            ids = ids[1:]  # the first piece may be cut in the middle
        pad = [] if truncated else [self.ngram.start_id] * (self.order - 1)
        context = (pad + ids)[-(self.order - 1) :] if self.order > 1 else []
        return _Prompt(context, ids, len(tail) - len(kept))

    def predict(self, text: str) -> Prediction:
        """Next-token probabilities after `text`, with the context they come from."""
        prompt = self._prompt(text)
        probabilities, used = self.ngram.distribution(prompt.context)
        context = prompt.context[len(prompt.context) - used :] if used else []
        return Prediction(
            prompt_tokens=tuple(self.tokenizer.token(i) for i in prompt.prompt_ids),
            context=tuple(self._token(i) for i in context),
            probabilities=probabilities,
            token_texts=self.tokenizer.token_texts,
        )

    def _token(self, index: int) -> Token:
        if index == self.ngram.start_id:
            return Token(index, START_OF_TEXT)
        return self.tokenizer.token(index)

    def next_token_distribution(self, text: str, top: int = 10) -> list[tuple[str, float]]:
        """The `top` likeliest next tokens as (text, probability), the likeliest first."""
        return self.predict(text).top(top)

    def generate_ids(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 0.8,
        top_k: int | None = 40,
        seed: int | None = None,
    ) -> Iterator[int]:
        """The ids of the continuation, drawn one by one (see `generate`)."""
        yield from self._ids(self._prompt(prompt), max_new_tokens, temperature, top_k, seed)

    def _ids(
        self,
        prompt: _Prompt,
        max_new_tokens: int,
        temperature: float,
        top_k: int | None,
        seed: int | None,
    ) -> Iterator[int]:
        temperature = check_temperature(temperature)
        top_k = check_top_k(top_k)
        count = _check_length(max_new_tokens)
        rng = np.random.default_rng(check_seed(seed))
        context = list(prompt.context)
        width = self.order - 1
        for _ in range(count):
            probabilities, _used = self.ngram.distribution(context)
            token = draw(probabilities, temperature, top_k, rng)
            if width:
                context = [*context[1 - width :], token] if width > 1 else [token]
            yield token

    def stream(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 0.8,
        top_k: int | None = 40,
        seed: int | None = None,
    ) -> Iterator[str]:
        """The continuation of `prompt`, piece by piece, as it is drawn.

        Pieces are whole characters: a token holding half of a character waits
        for the next one. Joined, the pieces are exactly `generate(...)`.
        """
        parsed = self._prompt(prompt)
        decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        spaces_to_skip = parsed.trailing_spaces
        pieces = self._ids(parsed, max_new_tokens, temperature, top_k, seed)
        for final, data in _with_end(self.tokenizer.token_bytes[i] for i in pieces):
            piece = decoder.decode(data, final=final)
            if spaces_to_skip and piece:
                stripped = piece.lstrip(" ")
                skipped = min(spaces_to_skip, len(piece) - len(stripped))
                piece = piece[skipped:]
                spaces_to_skip = 0
            if piece:
                yield piece

    def generate(
        self,
        prompt: str,
        max_new_tokens: int = 60,
        temperature: float = 0.8,
        top_k: int | None = 40,
        seed: int | None = None,
    ) -> str:
        """The continuation of `prompt` (without the prompt itself).

        `temperature` 0 always takes the likeliest token; `top_k` keeps only the
        k likeliest tokens at each step (None: all); the same `seed` gives the
        same text again (any int: see `check_seed`).
        """
        return "".join(self.stream(prompt, max_new_tokens, temperature, top_k, seed))


def _check_length(max_new_tokens: object) -> int:
    if isinstance(max_new_tokens, bool) or not isinstance(max_new_tokens, int):
        raise SamplingError("max_new_tokens doit être un nombre entier de tokens.")
    if not 0 <= max_new_tokens <= MAX_NEW_TOKENS:
        raise SamplingError(f"max_new_tokens doit être compris entre 0 et {MAX_NEW_TOKENS} tokens.")
    return max_new_tokens


def _with_end(items: Iterator[bytes]) -> Iterator[tuple[bool, bytes]]:
    """Each item with a flag for the last one (an empty last item if there is none)."""
    previous = None
    for item in items:
        if previous is not None:
            yield False, previous
        previous = item
    yield True, previous if previous is not None else b""


_lock = threading.Lock()
_model: ClassroomModel | None = None


def get_model() -> ClassroomModel:
    """The classroom model trained on the course corpus: trained on first call, then kept."""
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                # The tokenizer widget shows this same vocabulary: train it once.
                _model = ClassroomModel(course_documents(), tokenizer=course_tokenizer())
    return _model
