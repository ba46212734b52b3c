"""Text a learner typed, made safe to show back.

A lone surrogate (« B\\ud800 », what some tools paste for a broken emoji) is a
valid Python string that cannot be encoded as UTF-8: sent to the browser, it
breaks the message that carries it, and the cell never replies. Whatever
echoes a learner's text passes it through `printable` first.
"""

from __future__ import annotations

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """`text` with every lone surrogate replaced by « � »."""
    return _LONE_SURROGATE.sub(REPLACEMENT, text)


def shortened(text: str, limit: int = 40) -> str:
    """The start of a learner's text, printable, with « … » when it was cut."""
    clean = printable(text.strip())
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"
