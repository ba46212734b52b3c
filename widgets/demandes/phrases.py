"""What the phrase stock of one service is made of, and the stock of every service.

`short` imitates a quick report (« Lampadaire éteint rue Pasteur »),
`sentences` a full sentence from an e-mail, `asks` what the resident asks
for, `details` a remark that often goes with this kind of request, and
`objects` the things residents name (« le lampadaire », « ma carte
d'identité »), to put in the shared templates of `frames`. Some phrases
deliberately use words of a neighbouring service (a street light stands on a
pavement, dead leaves fall in parks and on pavements): that is what makes the
sorting hard, as in a real town hall. The phrases are in
`sources/phrases/<service>.toml`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from widgets.demandes.services import SERVICES, SLUGS
from widgets.demandes.source_files import read_source


@dataclass(frozen=True)
class ServicePhrases:
    short: tuple[str, ...]
    sentences: tuple[str, ...]
    asks: tuple[str, ...]
    details: tuple[str, ...]
    objects: tuple[str, ...]


def _stock(slug: str) -> ServicePhrases:
    raw = read_source(f"phrases/{slug}.toml")
    return ServicePhrases(
        **{field.name: tuple(raw[field.name]) for field in fields(ServicePhrases)}
    )


PHRASES: dict[str, ServicePhrases] = {service: _stock(SLUGS[service]) for service in SERVICES}
