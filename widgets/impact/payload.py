"""A footprint as JSON and back: how the room server sends it with an answer.

The room server (`atelier serve` in front of an online model) estimates each
answer's footprint and sends it in the answer's `atelier.empreinte` field; the
learner's notebook turns it back into a `Footprint` and shows it as module 06
shows any other. What arrives from the network is checked: anything odd gives
None (« empreinte non estimée »), never an error.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from widgets.impact.estimate import MAX_TOKENS, Footprint, Span
from widgets.text import printable

SPANS = ("energy_wh", "carbon_g", "carbon_use_g", "carbon_manufacturing_g", "water_ml")
TEXTS = ("model", "zone", "stand_in_for")
MAX_TEXT_CHARS = 200
MAX_AMOUNT = 1e12
"""Far beyond any request (a terawatt-hour)."""


def footprint_payload(footprint: Footprint) -> dict[str, Any]:
    """`{"model": …, "tokens": …, "zone": …, "energy_wh": {"low": …, "high": …}, …}`."""
    return asdict(footprint)


def _span(value: object) -> Span | None:
    if not isinstance(value, dict):
        return None
    low, high = value.get("low"), value.get("high")
    for number in (low, high):
        if isinstance(number, bool) or not isinstance(number, int | float):
            return None
        # Compared before any conversion: float() of a huge int overflows; nan fails both.
        if not 0 <= number <= MAX_AMOUNT:
            return None
    return Span(float(low), float(high)) if low <= high else None


def footprint_from_payload(data: object) -> Footprint | None:
    """The footprint a server sent, or None when any part of it is missing or odd."""
    if not isinstance(data, dict):
        return None
    texts = {name: data.get(name, "") for name in TEXTS}
    if not all(isinstance(text, str) for text in texts.values()) or not texts["model"]:
        return None
    tokens = data.get("tokens")
    if isinstance(tokens, bool) or not isinstance(tokens, int) or not 1 <= tokens <= MAX_TOKENS:
        return None
    spans = {name: _span(data.get(name)) for name in SPANS}
    if any(span is None for span in spans.values()):
        return None
    clean = {name: printable(text)[:MAX_TEXT_CHARS] for name, text in texts.items()}
    return Footprint(tokens=tokens, **clean, **spans)  # type: ignore[arg-type]
