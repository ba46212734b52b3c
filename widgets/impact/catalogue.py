"""The models and electricity mixes the calculator offers, read from `models.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class NamedModel:
    key: str
    label: str
    provider: str
    name: str
    """The provider and name under which EcoLogits' repository knows the model."""


@dataclass(frozen=True)
class Catalogue:
    models: dict[str, NamedModel]
    zones: dict[str, str]
    """EcoLogits zone code (ISO 3166-1 alpha-3, or WOR) -> French name."""
    reference: str
    open_weight_host: str


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    raw = tomllib.loads(resources.files("widgets.impact").joinpath("models.toml").read_text())
    models = {
        key: NamedModel(key, entry["label"], entry["provider"], entry["name"])
        for key, entry in raw["models"].items()
    }
    zones = {code: entry["label"] for code, entry in raw["zones"].items()}
    return Catalogue(models, zones, raw["reference"], raw["open_weight_host"])
