"""Generate the data set of residents' requests: `data/demandes.csv`.

Same seed, same bytes: the random source is seeded once, sets are used only
to test membership (never iterated), and the CSV is written with fixed line
endings. `build_files()` gives the exact bytes shipped; `make data` (that is,
`atelier data demandes`) writes them into `data/` and compares them with the
fingerprint of the datasheet.
"""

from __future__ import annotations

import csv
import io
import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from widgets.demandes.ambiguous import CASES, AmbiguousCase
from widgets.demandes.compose import STYLES, choose_style, compose
from widgets.demandes.frames import fill
from widgets.demandes.noise import strip_accents
from widgets.demandes.services import NEIGHBOURS, SERVICE_COUNTS, SERVICES

SEED = 8
TWO_TOPIC_SHARE = 0.09
NEIGHBOUR_SHARE = 0.6
AMBIGUOUS_STYLE_WEIGHTS = (40, 35, 10, 15)
COLUMNS = ("id", "message", "service", "ambigu", "service_secondaire")
FILE_NAME = "demandes.csv"
MAX_ATTEMPTS = 2_000


@dataclass(frozen=True)
class Row:
    message: str
    service: str
    ambiguous: bool
    second_service: str


def _dedup_key(message: str) -> str:
    """Two messages that differ only by case, accents or punctuation count as one."""
    return " ".join(re.findall(r"[a-z]+", strip_accents(message).lower()))


class _UniqueMessages:
    def __init__(self) -> None:
        self._seen: set[str] = set()

    def draw(self, make: Callable[[], str]) -> str:
        for _ in range(MAX_ATTEMPTS):
            message = make()
            key = _dedup_key(message)
            if key and key not in self._seen:
                self._seen.add(key)
                return message
        raise RuntimeError("the phrase stock is too small to draw a new message")


def _ambiguous_rows(case: AmbiguousCase, rng: random.Random, unique: _UniqueMessages) -> list[Row]:
    def make() -> str:
        style = rng.choices(STYLES, weights=AMBIGUOUS_STYLE_WEIGHTS)[0]
        core = fill(rng.choice(case.variants), rng)
        return compose(case.service, style, rng, core=core)

    return [Row(unique.draw(make), case.service, True, case.other) for _ in range(case.rows)]


def _other_service(service: str, rng: random.Random) -> str:
    if service in NEIGHBOURS and rng.random() < NEIGHBOUR_SHARE:
        return rng.choice(NEIGHBOURS[service])
    others = [name for name in SERVICES if name != service]
    return rng.choices(others, weights=[SERVICE_COUNTS[name] for name in others])[0]


def _plain_row(service: str, rng: random.Random, unique: _UniqueMessages) -> Row:
    """A message for one service; sometimes with a second topic for another service."""
    second = _other_service(service, rng) if rng.random() < TWO_TOPIC_SHARE else ""
    style = choose_style(service, rng)
    message = unique.draw(lambda: compose(service, style, rng, second=second or None))
    return Row(message, service, False, second)


def generate_rows(seed: int = SEED) -> list[Row]:
    """All rows, shuffled: `SERVICE_COUNTS` rows per service, ambiguous cases included."""
    rng = random.Random(seed)
    unique = _UniqueMessages()
    rows: list[Row] = []
    for service in SERVICES:
        service_rows = [
            row
            for case in CASES
            if case.service == service
            for row in _ambiguous_rows(case, rng, unique)
        ]
        while len(service_rows) < SERVICE_COUNTS[service]:
            service_rows.append(_plain_row(service, rng, unique))
        rows.extend(service_rows)
    rng.shuffle(rows)
    return rows


def csv_text(seed: int = SEED) -> str:
    """The whole CSV file as text (UTF-8 when written, « \\n » line endings)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for number, row in enumerate(generate_rows(seed), start=1):
        writer.writerow((number, row.message, row.service, int(row.ambiguous), row.second_service))
    return buffer.getvalue()


def build_files() -> dict[str, bytes]:
    """Every file of the data set, by name, exactly as shipped."""
    return {FILE_NAME: csv_text(SEED).encode("utf-8")}
