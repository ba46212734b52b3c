"""Seeded choices among hand-written wordings, and the filling of their values."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from typing import Any


class Writer:
    """Seeded choices among hand-written variants.

    ``pick(key, variants)`` draws without replacement among the variants registered under
    ``key``, so that two documents of the same kind use different wordings as long as
    there are wordings left; then it starts a new shuffled round.
    """

    def __init__(self, seed: int | str) -> None:
        self.random = random.Random(seed)
        self._bags: dict[str, list[int]] = {}

    def pick(self, key: str, variants: Sequence[str]) -> str:
        bag = self._bags.get(key)
        if not bag:
            bag = list(range(len(variants)))
            self.random.shuffle(bag)
            self._bags[key] = bag
        return variants[bag.pop()]

    def maybe(self, probability: float) -> bool:
        return self.random.random() < probability

    def choice(self, items: Sequence):
        return items[self.random.randrange(len(items))]

    def sample(self, items: Sequence, k: int) -> list:
        return self.random.sample(list(items), k)


class Wordings:
    """The wordings of one kind of passage (a table of a TOML source), for one document.

    Each entry of the table is a template, or a list of templates among which the writer
    draws. Calling ``wordings("intro")`` returns the entry ``intro`` with its values
    (``{year}``, ``{finance.introduced}``…) filled in.
    """

    def __init__(
        self, writer: Writer, table: Mapping[str, Any], key: str, values: Mapping[str, Any]
    ) -> None:
        self.writer = writer
        self.table = table
        self.key = key
        self.values = dict(values)

    def __call__(self, name: str, /, **values: Any) -> str:
        entry = self.table[name]
        if isinstance(entry, list):
            entry = self.writer.pick(f"{self.key}.{name}", entry)
        return entry.format_map({**self.values, **values})

    def lines(self, name: str, /, **values: Any) -> list[str]:
        """An entry written one item a line (the visas of a deliberation), filled, by line."""
        return self(name, **values).split("\n")
