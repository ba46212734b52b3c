"""The turns of phrase the checklist and exercise 1 look for, read from `patterns.toml`.

They are matched on normalised text (lower case, no accents, one kind of
apostrophe, single spaces: see `normalize`), so « Rédigez », « rédigez »
and « REDIGEZ » are the same, and so are « n'invente » and « n’invente ».
Every quantifier is bounded, so that a 1 MB paste is read in linear time.
The same patterns serve the coach and the graded exercise of module 03:
what the coach praises is what the exercise accepts. Each key of the data
file is a list of alternatives; `{name}` includes the alternatives of
another key.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

_INCLUDE = re.compile(r"\{([a-z_]+)\}")


@cache
def _sources() -> dict[str, str]:
    text = resources.files("widgets.prompts").joinpath("patterns.toml").read_text("utf-8")
    joined = {name: "|".join(parts) for name, parts in tomllib.loads(text).items()}

    def expand(source: str, depth: int = 0) -> str:
        if depth > 3:
            return source
        return _INCLUDE.sub(lambda m: expand(joined[m.group(1)], depth + 1), source)

    return {name: expand(source) for name, source in joined.items()}


def source(name: str) -> str:
    """The regular expression of one key, alternatives joined, inclusions expanded."""
    return _sources()[name]


@cache
def pattern(name: str) -> re.Pattern[str]:
    """The compiled pattern of one key of `patterns.toml`."""
    return re.compile(f"(?:{source(name)})")


def found(name: str, normalized: str) -> str | None:
    """The first match of pattern `name` in a normalised text, or None."""
    match = pattern(name).search(normalized)
    return match.group(0).strip() if match else None
