"""Fill the slots of a phrase template with places of the commune.

Slots in phrase templates (`{lieu}`, `{de_rue}`, `{parc_a}`...) are filled by
`fill`, always in the order they appear, from the generator's seeded random
source. The places are in `sources/commune.toml`, the phrases that surround
the heart of a request (greetings, moods, closings) in `sources/frames.toml`.
Every place is fictional: Clairval-sur-Ondine does not exist.
"""

from __future__ import annotations

import random
import string
from typing import Any

from widgets.demandes.source_files import read_source

COMMUNE: dict[str, Any] = read_source("commune.toml")
FRAMES: dict[str, Any] = read_source("frames.toml")

_DE = {"la": "de la ", "l'": "de l'", "le": "du "}
_DANS = {"la": "dans la ", "l'": "dans l'", "le": "dans le "}


def _street(rng: random.Random) -> dict[str, str]:
    streets = COMMUNE["streets"]
    return streets[rng.randrange(len(streets))]


def _de(street: dict[str, str]) -> str:
    """« de la rue Pasteur », « de l'avenue de la Gare », « du chemin des Vignes »."""
    return _DE[street["article"]] + street["name"]


def slot_value(slot: str, rng: random.Random) -> str:
    """A random value for one slot of a template."""
    if slot == "rue":
        return _street(rng)["name"]
    if slot == "de_rue":
        return _de(_street(rng))
    if slot == "dans_rue":
        street = _street(rng)
        return _DANS[street["article"]] + street["name"]
    if slot == "angle":
        first, second = rng.sample(COMMUNE["streets"], 2)
        return f"à l'angle {_de(first)} et {_de(second)}"
    if slot == "n":
        return str(rng.randint(1, 140))
    if slot == "lieu":
        return fill(rng.choice(COMMUNE["place_templates"]), rng)
    if slot in ("parc_a", "parc_de"):
        return rng.choice(COMMUNE["parks"])[slot.removeprefix("parc_")]
    if slot in ("ecole_a", "ecole_de"):
        return rng.choice(COMMUNE["schools"])[slot.removeprefix("ecole_")]
    if slot == "carrefour":
        return rng.choice(COMMUNE["crossroads"])
    if slot == "duree":
        return rng.choice(COMMUNE["durations"])
    raise KeyError(f"unknown slot {slot!r}")


def fill(template: str, rng: random.Random) -> str:
    """Replace every `{slot}` of `template`, left to right."""
    parts = []
    for literal, slot, _spec, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if slot is not None:
            parts.append(slot_value(slot, rng))
    return "".join(parts)
