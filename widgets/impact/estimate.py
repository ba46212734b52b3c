"""One request's footprint, estimated offline by EcoLogits (0.11), with French errors.

EcoLogits is imported at the first estimate, not with the package (about
0.1 to 0.3 s). A request is either a model of the catalogue, looked up in
EcoLogits' own repository with `llm_impacts`, or a parameter count for an
open-weight model, computed with `compute_llm_impacts` and the data-centre
efficiency EcoLogits assumes for its « huggingface_hub » provider. The
request latency is left infinite, as EcoLogits does when it is not measured.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.impact.amounts import significant
from widgets.impact.catalogue import catalogue

MAX_TOKENS = 1_000_000
"""Far beyond any answer (a novel is about 150,000 tokens)."""
MIN_BILLIONS = 0.01
MAX_BILLIONS = 10_000.0


class ImpactError(AtelierError, ValueError):
    """A request the calculator cannot estimate, said in French."""


@dataclass(frozen=True)
class Span:
    """A value EcoLogits gives as a range; low == high when the model's size is known."""

    low: float
    high: float

    @property
    def middle(self) -> float:
        return (self.low + self.high) / 2

    def scaled(self, factor: float) -> Span:
        return Span(self.low * factor, self.high * factor)


@dataclass(frozen=True)
class Footprint:
    """Energy in Wh, carbon in gCO2eq, water in mL, for one request."""

    model: str
    """French name of the model, as the learner chose it."""
    tokens: int
    zone: str
    """EcoLogits zone code of the electricity mix."""
    energy_wh: Span
    carbon_g: Span
    carbon_use_g: Span
    carbon_manufacturing_g: Span
    water_ml: Span
    """EcoLogits counts water for the use phase only."""
    stand_in_for: str = ""
    """When the footprint is another model's: the model that really answered."""


def read_tokens(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_TOKENS:
        raise ImpactError(
            "Le nombre de tokens de la réponse doit être un nombre entier de 1 à "
            f"{format_number(MAX_TOKENS)}."
        )
    return int(value)


def read_zone(value: object) -> str:
    zones = catalogue().zones
    if not isinstance(value, str) or value not in zones:
        choices = ", ".join(f"« {code} » ({name})" for code, name in zones.items())
        raise ImpactError(f"Cette zone d'électricité n'est pas proposée ; choisissez : {choices}.")
    return value


def read_billions(value: object) -> float:
    """A parameter count in billions; huge integers are compared before any conversion."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        number = math.nan
    elif isinstance(value, int):
        number = float(value) if abs(value) <= MAX_BILLIONS else math.inf
    else:
        number = float(value)
    if not MIN_BILLIONS <= number <= MAX_BILLIONS:
        raise ImpactError(
            "Le nombre de paramètres s'écrit en milliards, de "
            f"{format_number(MIN_BILLIONS, 2)} à {format_number(MAX_BILLIONS)} "
            "(par exemple 7 pour un modèle de 7 milliards de paramètres)."
        )
    return number


def read_model(value: object) -> str:
    models = catalogue().models
    if not isinstance(value, str) or value not in models:
        choices = ", ".join(f"« {key} »" for key in models)
        raise ImpactError(f"Ce modèle n'est pas dans la liste du cours ; choisissez : {choices}.")
    return value


@lru_cache(maxsize=1)
def _ecologits() -> Any:
    """The EcoLogits functions, imported once; its English log lines are silenced."""
    from ecologits import electricity_mix_repository
    from ecologits.impacts import llm
    from ecologits.tracers import utils

    logging.getLogger("ecologits").setLevel(logging.CRITICAL)
    return utils, llm, electricity_mix_repository.electricity_mixes


def _span(value: Any) -> Span:
    if hasattr(value, "min"):
        return Span(float(value.min), float(value.max))
    return Span(float(value), float(value))


def _footprint(impacts: Any, model: str, tokens: int, zone: str) -> Footprint:
    if getattr(impacts, "errors", None):
        codes = {error.code for error in impacts.errors}
        if "zone-not-registered" in codes:
            raise ImpactError(f"EcoLogits ne connaît pas le mix électrique « {zone} ».")
        raise ImpactError(f"EcoLogits ne connaît pas le modèle « {model} ».")
    return Footprint(
        model=model,
        tokens=tokens,
        zone=zone,
        energy_wh=_span(impacts.energy.value).scaled(1_000),
        carbon_g=_span(impacts.gwp.value).scaled(1_000),
        carbon_use_g=_span(impacts.usage.gwp.value).scaled(1_000),
        carbon_manufacturing_g=_span(impacts.embodied.gwp.value).scaled(1_000),
        water_ml=_span(impacts.wcf.value).scaled(1_000),
    )


def find_provider(model_name: str) -> str | None:
    """The first EcoLogits provider whose repository knows `model_name`, if any."""
    utils, _, _ = _ecologits()
    from ecologits.model_repository import models

    for provider in utils.PROVIDER_CONFIG_MAP:
        if models.find_model(provider=provider, model_name=model_name) is not None:
            return provider
    return None


@lru_cache(maxsize=4096)
def lookup(provider: str, name: str, tokens: int, zone: str | None) -> Footprint:
    """Any model of EcoLogits' repository; `zone=None` is the provider's data-centre country."""
    utils, _, _ = _ecologits()
    impacts = utils.llm_impacts(
        provider, name, tokens, request_latency=math.inf, electricity_mix_zone=zone
    )
    host_zone = zone or utils.PROVIDER_CONFIG_MAP[provider].datacenter_location
    return _footprint(impacts, name, tokens, host_zone)


def estimate_named(model: object, tokens: object, zone: object) -> Footprint:
    """A model of the course's list (`models.toml`), by its key."""
    entry = catalogue().models[read_model(model)]
    found = lookup(entry.provider, entry.name, read_tokens(tokens), read_zone(zone))
    return replace(found, model=entry.label)


@lru_cache(maxsize=4096)
def _by_size(billions: float, tokens: int, zone: str) -> Footprint:
    utils, llm, mixes = _ecologits()
    mix = mixes.find_electricity_mix(zone=zone)
    host = utils.PROVIDER_CONFIG_MAP[catalogue().open_weight_host]
    impacts = llm.compute_llm_impacts(
        model_active_parameter_count=billions,
        model_total_parameter_count=billions,
        output_token_count=tokens,
        request_latency=math.inf,
        if_electricity_mix_adpe=mix.adpe,
        if_electricity_mix_pe=mix.pe,
        if_electricity_mix_gwp=mix.gwp,
        if_electricity_mix_wue=mix.wue,
        datacenter_pue=host.datacenter_pue,
        datacenter_wue=host.datacenter_wue,
    )
    label = f"modèle de {significant(billions, 3, trim=True)} milliards de paramètres"
    return _footprint(impacts, label, tokens, zone)


def estimate_by_size(billions: object, tokens: object, zone: object) -> Footprint:
    """An open-weight dense model of `billions` billion parameters."""
    return _by_size(read_billions(billions), read_tokens(tokens), read_zone(zone))
