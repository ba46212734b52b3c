"""The generator's hand-written inputs: the TOML files of `sources/`, read through the package."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any


def read_source(name: str) -> dict[str, Any]:
    """One file of `sources/`, parsed: `read_source("phrases/voirie.toml")`."""
    path = resources.files("widgets.demandes").joinpath("sources", *name.split("/"))
    return tomllib.loads(path.read_text(encoding="utf-8"))
