"""Requests that genuinely belong to two services.

Each case (in `sources/ambiguous.toml`) is labelled with the service that
handles it at Clairval-sur-Ondine (`service`), and names the other one a
reader could pick (`other`). The data set flags them in its `ambigu` column: a
model, like a new agent, cannot get them right from the words alone; it needs
the commune's own rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.demandes.source_files import read_source


@dataclass(frozen=True)
class AmbiguousCase:
    service: str
    other: str
    rule: str
    """Why `service` handles the case, in French."""
    variants: tuple[str, ...]
    rows: int


CASES: tuple[AmbiguousCase, ...] = tuple(
    AmbiguousCase(
        service=case["service"],
        other=case["other"],
        rule=case["rule"],
        variants=tuple(case["variants"]),
        rows=case["rows"],
    )
    for case in read_source("ambiguous.toml")["case"]
)
"""About 5 % of the rows, in the order the generator draws them."""
