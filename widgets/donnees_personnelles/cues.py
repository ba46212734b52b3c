"""The guard's word lists, read once from `cues.toml`."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def cues() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("cues.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def kind_label(kind: str, count: int = 1) -> str:
    """« numéro de téléphone », or its plural when `count` > 1."""
    entry = cues()["kinds"][kind]
    return entry["plural"] if count > 1 else entry["label"]


def placeholder_word(kind: str) -> str:
    return cues()["kinds"][kind]["placeholder"]
