"""How residents really type: no accents, SMS abbreviations, typos, capitals, homophones.

Every function takes the generator's seeded `random.Random`, so the same
seed always gives the same mistakes. The word lists are in `sources/noise.toml`.
"""

from __future__ import annotations

import random
import re
import unicodedata

from widgets.demandes.source_files import read_source

_NOISE = read_source("noise.toml")

ABBREVIATIONS: tuple[tuple[str, str], ...] = tuple(
    (entry["word"], entry["short"]) for entry in _NOISE["abbreviations"]
)
"""Whole words (or expressions) and how they are shortened in a text message."""

HOMOPHONES: tuple[tuple[str, str], ...] = tuple(
    (entry["word"], entry["slip"]) for entry in _NOISE["homophones"]
)
"""Common spelling slips between words that sound alike."""

AZERTY_NEIGHBOURS: dict[str, str] = _NOISE["azerty_neighbours"]
"""Neighbouring keys on a French AZERTY keyboard."""

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    )


def _replace_word(text: str, word: str, replacement: str, rng: random.Random, rate: float) -> str:
    pattern = re.compile(rf"(?<![\w']){re.escape(word)}(?![\w'-])", re.IGNORECASE)
    return pattern.sub(lambda match: replacement if rng.random() < rate else match.group(0), text)


def abbreviate(text: str, rng: random.Random, rate: float = 0.7) -> str:
    """Shorten words the way people do in a text message."""
    for word, short in ABBREVIATIONS:
        text = _replace_word(text, word, short, rng, rate)
    return text


def homophone_slip(text: str, rng: random.Random) -> str:
    """One spelling slip between words that sound alike, if the message has such a word."""
    candidates = [(word, wrong) for word, wrong in HOMOPHONES if word in text.lower()]
    if not candidates:
        return text
    word, wrong = rng.choice(candidates)
    return _replace_word(text, word, wrong, rng, 0.6)


def participle_slip(text: str, rng: random.Random) -> str:
    """« réparé » written « réparer », or the reverse: the commonest slip in French."""
    words = [m for m in _WORD.finditer(text) if len(m.group(0)) > 4]
    words = [m for m in words if m.group(0).endswith(("é", "er"))]
    if not words:
        return text
    match = rng.choice(words)
    word = match.group(0)
    swapped = word[:-1] + "er" if word.endswith("é") else word[:-2] + "é"
    return text[: match.start()] + swapped + text[match.end() :]


def _typo(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # two letters swapped
        return word[:position] + word[position + 1] + word[position] + word[position + 2 :]
    if kind == 1:  # a letter forgotten
        return word[:position] + word[position + 1 :]
    if kind == 2:  # a letter doubled
        return word[: position + 1] + word[position] + word[position + 1 :]
    neighbours = AZERTY_NEIGHBOURS.get(word[position].lower())
    if not neighbours:
        return word
    return word[:position] + rng.choice(neighbours) + word[position + 1 :]


def typos(text: str, rng: random.Random, rate: float) -> str:
    """Each word of four letters or more gets a typo with probability `rate`."""

    def maybe(match: re.Match[str]) -> str:
        word = match.group(0)
        if len(word) >= 4 and rng.random() < rate:
            return _typo(word, rng)
        return word

    return _WORD.sub(maybe, text)


def drop_some_accents(text: str, rng: random.Random, rate: float = 0.5) -> str:
    """Accents forgotten on some words only, as on a phone keyboard."""
    return _WORD.sub(
        lambda m: strip_accents(m.group(0)) if rng.random() < rate else m.group(0), text
    )


def shout(sentence: str) -> str:
    return sentence.upper()


def drop_punctuation(text: str) -> str:
    return re.sub(r"\s*[.,;:]+(\s|$)", r"\1", text)
