"""Text a learner typed, made safe to show back.

A lone surrogate (« B\\ud800 », what some tools paste for a broken emoji) is a
valid Python string that cannot be encoded as UTF-8: sent to the browser, it
breaks the message that carries it, and the cell never replies. Whatever
echoes a learner's text passes it through `printable` first.
"""

from __future__ import annotations

import re
import unicodedata

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` with every lone surrogate replaced by « � »."""
    return _LONE_SURROGATE.sub(REPLACEMENT, text)


def shortened(text: str, limit: int = 40) -> str:
    """The start of a learner's text, printable, with « … » when it was cut."""
    clean = printable(text.strip())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"


def without_accents(text: str) -> str:
    """Lower case, accents removed (« Élue » → « elue »): how engines compare French words.

    Lone surrogates are made printable first, so the result can always be shown.
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", printable(text).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def folded(text: str) -> str:
    """`without_accents`, with every run of white space made one space."""
    return " ".join(without_accents(text).split())
