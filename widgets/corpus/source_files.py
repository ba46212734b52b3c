"""The generator's hand-written inputs: the files of `sources/`, read through the package."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


def source_text(name: str) -> str:
    """One file of `sources/`, as text: `source_text("discours.txt")`."""
    return resources.files("widgets.corpus").joinpath("sources", name).read_text(encoding="utf-8")


@cache
def read_source(name: str) -> dict[str, Any]:
    """One TOML file of `sources/`, parsed: `read_source("commune.toml")`."""
    return tomllib.loads(source_text(name))
