"""The French sentences of the coach and of exercise 1, read from `advice.toml`.

A sentence quotes what the learner wrote (made printable and shortened),
never the expected answer.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

from widgets.prompts.normalize import as_written
from widgets.prompts.roles import RoleKind, RoleReading, role_examples
from widgets.text import shortened

QUOTE_CHARS = 60
"""A quoted piece of the learner's prompt is cut beyond this length."""


@cache
def _sentences() -> dict[str, dict[str, str]]:
    text = resources.files("widgets.prompts").joinpath("advice.toml").read_text("utf-8")
    return tomllib.loads(text)


def say(section: str, key: str, **values: str) -> str:
    """One sentence of `advice.toml`, its {names} filled in."""
    return _sentences()[section][key].format(**values)


def quote(normalized: str, raw: str) -> str:
    """The learner's own words for a normalised piece, printable and short."""
    return shortened(as_written(normalized, raw), QUOTE_CHARS)


def role_problem(reading: RoleReading, raw: str, town_hall_only: bool) -> str | None:
    """Why the role is not accepted, or None when it is.

    The coach accepts any real person or function (`town_hall_only` False);
    exercise 1 only a function plausible at the town hall.
    """
    accepted = reading.plausible_at_town_hall if town_hall_only else reading.given
    if accepted:
        return None
    return say(
        "role",
        reading.kind.name.lower(),
        cue=quote(reading.cue, raw),
        phrase=quote(reading.phrase, raw),
        role=quote(reading.role, raw),
        examples=role_examples(),
    )


def role_praise(reading: RoleReading, raw: str) -> str:
    """What the coach says of a role it recognises."""
    key = {RoleKind.NEEDS_ANCHOR: "needs_anchor", RoleKind.ELSEWHERE: "elsewhere"}
    return say("role_given", key.get(reading.kind, "town_hall"), role=quote(reading.role, raw))


def join_items(items: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]
