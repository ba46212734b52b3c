"""A BPE tokenizer trained on the course corpus, in memory, in a fraction of a second.

BPE (byte-pair encoding) starts from single bytes and learns to merge the
pairs that come together most often in the corpus, until the vocabulary
has the requested size. Frequent words end up as one token, rare words are
cut into pieces, and any text at all (accents, emoji, control characters)
can be written with the 256 byte tokens, so decoding gives back exactly the
text that was encoded.

Before BPE, a French-friendly rule cuts the text into pieces that a token
never crosses: a word keeps its leading space and an elided article keeps
its apostrophe (« l' », « qu' »), numbers and punctuation stay apart. The
tokenizer is then trained with the `tokenizers` library (Rust, offline)
and cached for each vocabulary size, in this process only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.llm.corpus import course_documents
from widgets.text import printable

DEFAULT_VOCAB_SIZE = 2000
MIN_VOCAB_SIZE = 300
MAX_VOCAB_SIZE = 8000
MAX_TEXT_CHARS = 100_000
"""Longest text `tokenize` cuts: at worst (emoji only) about a second; longer is refused."""

# A word with its leading space (and the apostrophe of an elision), a number,
# a run of punctuation, or spaces: BPE merges happen inside these pieces only.
FRENCH_PIECES = (
    r" ?[\p{L}\p{M}]+['’]?"
    r"| ?\p{N}+"
    r"| ?[^\s\p{L}\p{M}\p{N}]+"
    r"|\s+(?!\S)"
    r"|\s+"
)


class TokenizerError(AtelierError, ValueError):
    """The tokenizer cannot be built as asked. The French message is what the learner sees."""


@dataclass(frozen=True)
class Token:
    """One token of a text: its number in the vocabulary and the text it stands for.

    `text` is what the token gives when decoded alone. A token holding only
    part of a character (a piece of an emoji) decodes to « � »; `complete`
    is then False.
    """

    id: int
    text: str
    complete: bool = True


@dataclass(frozen=True)
class Tokenization:
    """A text cut into tokens, for a vocabulary of `vocab_size` tokens."""

    text: str
    tokens: tuple[Token, ...]
    vocab_size: int

    @property
    def count(self) -> int:
        return len(self.tokens)

    @property
    def ids(self) -> list[int]:
        return [token.id for token in self.tokens]


def _bytes_to_symbols() -> dict[int, str]:
    """The byte-to-character table of byte-level BPE (as in GPT-2).

    Printable bytes stand for themselves; the others are moved to unused
    characters, so that every byte is a visible, distinct symbol.
    """
    printable = [*range(ord("!"), ord("~") + 1), *range(0xA1, 0xAD), *range(0xAE, 0x100)]
    table, shift = {}, 0
    for byte in range(256):
        if byte in printable:
            table[byte] = chr(byte)
        else:
            table[byte] = chr(256 + shift)
            shift += 1
    return table


_SYMBOL_TO_BYTE = {symbol: byte for byte, symbol in _bytes_to_symbols().items()}


class BpeTokenizer:
    """A trained tokenizer: encode a text to ids, decode ids to the same text."""

    def __init__(self, backend, requested_size: int) -> None:
        self._backend = backend
        self.requested_size = requested_size
        vocabulary = backend.get_vocab()
        self.vocab_size = len(vocabulary)
        pieces = [b""] * self.vocab_size
        for symbols, index in vocabulary.items():
            pieces[index] = bytes(_SYMBOL_TO_BYTE[symbol] for symbol in symbols)
        self.token_bytes: tuple[bytes, ...] = tuple(pieces)
        self.token_texts: tuple[str, ...] = tuple(
            piece.decode("utf-8", errors="replace") for piece in pieces
        )
        self._complete = tuple(_is_whole_text(piece) for piece in pieces)

    def encode(self, text: str) -> list[int]:
        """The ids of `text`; a lone surrogate (not UTF-8) is encoded as « � »."""
        return self._backend.encode(printable(text), add_special_tokens=False).ids

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        clean = [printable(text) for text in texts]
        encodings = self._backend.encode_batch(clean, add_special_tokens=False)
        return [encoding.ids for encoding in encodings]

    def decode(self, ids: Sequence[int]) -> str:
        """The text of a sequence of ids; bytes cut in the middle of a character give « � »."""
        return b"".join(self.token_bytes[index] for index in ids).decode("utf-8", errors="replace")

    def token(self, index: int) -> Token:
        return Token(index, self.token_texts[index], self._complete[index])

    def tokenize(self, text: str) -> Tokenization:
        """`text` cut into tokens; `Tokenization.text` is the text as encoded (printable)."""
        clean = printable(text)
        tokens = tuple(self.token(index) for index in self.encode(clean))
        return Tokenization(text=clean, tokens=tokens, vocab_size=self.vocab_size)


def _is_whole_text(piece: bytes) -> bool:
    try:
        piece.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_vocab_size(vocab_size: object) -> int:
    """The vocabulary size as an int, or a French `TokenizerError`."""
    if isinstance(vocab_size, bool) or not isinstance(vocab_size, int):
        raise TokenizerError("La taille du vocabulaire doit être un nombre entier de tokens.")
    if not MIN_VOCAB_SIZE <= vocab_size <= MAX_VOCAB_SIZE:
        raise TokenizerError(
            f"La taille du vocabulaire doit être comprise entre {format_number(MIN_VOCAB_SIZE)} "
            f"et {format_number(MAX_VOCAB_SIZE)} tokens."
        )
    return vocab_size


def train_tokenizer(documents: Sequence[str], vocab_size: int) -> BpeTokenizer:
    """Train a byte-level BPE tokenizer on `documents`, in memory.

    The vocabulary may end up smaller than asked when the texts are too short
    to justify that many merges; `BpeTokenizer.vocab_size` tells the real size.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers

    vocab_size = check_vocab_size(vocab_size)
    if not any(document.strip() for document in documents):
        raise TokenizerError("Aucun texte pour entraîner le tokenizer : le corpus est vide.")
    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(FRENCH_PIECES), behavior="isolated"),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    backend.train_from_iterator(documents, trainer=trainer)
    return BpeTokenizer(backend, vocab_size)


def course_tokenizer(vocab_size: int = DEFAULT_VOCAB_SIZE) -> BpeTokenizer:
    """The tokenizer trained on the course corpus, trained once per size in this process."""
    return _trained_on_course(check_vocab_size(vocab_size))


@lru_cache(maxsize=8)
def _trained_on_course(vocab_size: int) -> BpeTokenizer:
    return train_tokenizer(course_documents(), vocab_size)


def tokenize(text: str, vocab_size: int = DEFAULT_VOCAB_SIZE) -> Tokenization:
    """Cut `text` into tokens with the course tokenizer of `vocab_size` tokens."""
    if not isinstance(text, str):
        raise TokenizerError("Le texte à découper doit être du texte, entre guillemets.")
    if len(text) > MAX_TEXT_CHARS:
        raise TokenizerError(
            f"Le texte est trop long pour être découpé ici ({format_number(len(text))} "
            f"caractères, au plus {format_number(MAX_TEXT_CHARS)}) : prenez-en un extrait."
        )
    return course_tokenizer(vocab_size).tokenize(text)
