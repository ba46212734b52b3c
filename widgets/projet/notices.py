"""Drafts of the two texts French law asks of a commune that decides with an algorithm.

- `explicit_notice`: the « mention explicite » every individual decision taken on the
  basis of algorithmic processing carries (CRPA L311-3-1; its content, R311-3-1-1:
  the purpose, the right to obtain the rules, how to exercise it);
- `inventory_entry`: one line of the inventory of main algorithmic processing (L312-1-3),
  with the fields of Etalab's practical sheet;
- `inventory_required`: whether the inventory is due, on the number of AGENTS (50,
  décret 2016-1922), never of inhabitants.

Drafts are plain data (`Draft`), made Markdown by `draft_markdown`. Every text comes
from `sources/notices.toml`; the learner's fields are cleaned (control characters,
lone surrogates), made one line, and cut at `field_limit` characters with a note.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from widgets.arguments import read_count
from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.projet.canvas import clean_text, shown_key
from widgets.projet.document import markdown_escaped

_TEXTS = tomllib.loads(
    resources.files("widgets.projet").joinpath("sources", "notices.toml").read_text("utf-8")
)
NOTICE_FIELDS: dict[str, str] = _TEXTS["notice"]["fields"]
"""Field key -> what it is, in French (« la finalité du traitement »)."""
INVENTORY_FIELDS: dict[str, str] = _TEXTS["inventory"]["fields"]
AGENT_THRESHOLD: int = _TEXTS["threshold"]["agents"]
MAX_AGENTS = 10_000_000
NOT_A_MAPPING: str = _TEXTS["not_a_mapping"]
EXERCISE_DRAFT: str = _TEXTS["exercise"]["draft"]
EXERCISE_MISSING: tuple[str, ...] = tuple(_TEXTS["exercise"]["missing"])
"""The notice fields the exercise draft lacks, written by hand."""
EXAMPLE_FIELDS: dict[str, str] = {
    key: value for key, value in _TEXTS["example"].items() if key != "agents"
}
EXAMPLE_AGENTS: int = _TEXTS["example"]["agents"]


@dataclass(frozen=True)
class Draft:
    """A draft as plain text: title, paragraphs, bullet lines, and notes for the learner."""

    title: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...]
    missing: tuple[str, ...]
    """What the learner left empty, in French (« la finalité du traitement »)."""
    notes: tuple[str, ...]
    """Fields cut because too long, in French."""
    facts: tuple[str, ...]


def _read_fields(fields: object, known: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The learner's fields, cleaned and on one line; notes on the ones cut."""
    if not isinstance(fields, Mapping):
        raise AtelierError(NOT_A_MAPPING)
    limit = _TEXTS["field_limit"]
    values, notes = {}, []
    for key, value in fields.items():
        if not isinstance(key, str) or key not in known:
            raise AtelierError(
                _TEXTS["unknown_field"].format(key=shown_key(key), keys=", ".join(known))
            )
        if value is None:
            continue
        if not isinstance(value, str):
            raise AtelierError(_TEXTS["not_text"].format(label=known[key]))
        text = " ".join(clean_text(value).split()).rstrip(". ")
        if len(text) > limit:
            text = text[: limit - 1] + "…"
            notes.append(_TEXTS["cut_note"].format(label=known[key], limit=format_number(limit)))
        values[key] = text
    return values, notes


def _filled(
    values: dict[str, str], known: Mapping[str, str]
) -> tuple[dict[str, str], tuple[str, ...]]:
    """Every field, empty ones replaced by a visible placeholder; the labels of those."""
    missing = tuple(label for key, label in known.items() if not values.get(key))
    filled = {
        key: values.get(key) or _TEXTS["placeholder"].format(label=label)
        for key, label in known.items()
    }
    return filled, missing


def missing_elements(fields: object) -> tuple[str, ...]:
    """What a notice written with these fields would lack, in French (empty when complete)."""
    values, _notes = _read_fields(fields, NOTICE_FIELDS)
    return _filled(values, NOTICE_FIELDS)[1]


def explicit_notice(fields: object) -> Draft:
    """The « mention explicite » from {decision, purpose, service, contact}."""
    values, notes = _read_fields(fields, NOTICE_FIELDS)
    filled, missing = _filled(values, NOTICE_FIELDS)
    template = _TEXTS["notice"]
    paragraphs = [paragraph.format(**filled) for paragraph in template["paragraphs"]]
    return Draft(
        title=template["title"],
        paragraphs=(*paragraphs, _TEXTS["review"]),
        bullets=(),
        missing=missing,
        notes=tuple(notes),
        facts=tuple(template["facts"]),
    )


def inventory_entry(fields: object) -> Draft:
    """One entry of the inventory, from Etalab's fields (name, purpose, decision, service…)."""
    values, notes = _read_fields(fields, INVENTORY_FIELDS)
    filled, missing = _filled(values, INVENTORY_FIELDS)
    template = _TEXTS["inventory"]
    labels = template["labels"]
    return Draft(
        title=template["title"],
        paragraphs=(template["intro"],),
        bullets=tuple(f"{labels[key]} : {filled[key]}" for key in INVENTORY_FIELDS),
        missing=missing,
        notes=tuple(notes),
        facts=tuple(template["facts"]),
    )


def draft_markdown(draft: Draft) -> str:
    """The draft as Markdown: a heading, paragraphs, a list; the learner's text escaped."""
    parts = [f"### {markdown_escaped(draft.title)}"]
    parts += [markdown_escaped(paragraph) for paragraph in draft.paragraphs]
    if draft.bullets:
        parts.append("\n".join(f"- {markdown_escaped(bullet)}" for bullet in draft.bullets))
    return "\n\n".join(parts) + "\n"


def read_agents(agents: object) -> int:
    high = format_number(MAX_AGENTS)
    try:
        return read_count(agents, 0, MAX_AGENTS, "le nombre d'agents")
    except AtelierError:
        raise AtelierError(_TEXTS["threshold"]["not_a_count"].format(high=high)) from None


def inventory_required(agents: object) -> bool:
    """Whether a body with this many agents (full-time equivalent) must publish the inventory.

    The threshold counts agents or employees (décret 2016-1922), not inhabitants:
    the 3,500-inhabitant figure belongs to another duty (open data by default).
    """
    return read_agents(agents) >= AGENT_THRESHOLD


def inventory_sentence(agents: object) -> str:
    """The French answer for this many agents, with the trap about inhabitants."""
    count = read_agents(agents)
    texts = _TEXTS["threshold"]
    verdict = texts["required"] if count >= AGENT_THRESHOLD else texts["exempt"]
    return f"{verdict.format(agents=format_number(count))} {texts['habitants']}"
