"""The debate cards, read from `sources/cartes.toml` and checked on load.

A card names the facts that inform it by their ids in the course's facts
registry (curriculum/facts.toml) and never copies their statements: the
notebook shows them in boxes written by `atelier release`, the trainer guide
prints them. `widgets` may not import `curriculum`, so a test checks that
every id exists in the registry.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.errors import AtelierError

SOURCE = "cartes.toml"
MIN_POSITIONS = 2
MAX_POSITIONS = 3
MAX_TEXT = 400
"""Longest text on a card, in characters: a card is read aloud and projected."""
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class DebateCardsError(AtelierError):
    """The cards file is badly written; the message says where, in French."""


@dataclass(frozen=True)
class Position:
    label: str
    text: str


@dataclass(frozen=True)
class DebateCard:
    id: str
    title: str
    question: str
    positions: tuple[Position, ...]
    fact_ids: tuple[str, ...]
    room_question: str

    @property
    def letters(self) -> tuple[str, ...]:
        """A, B, C: how the room names the positions when it votes."""
        return tuple("ABC"[: len(self.positions)])


def _text(entry: dict, key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DebateCardsError(f"{where} : le champ « {key} » manque ou est vide.")
    if len(value) > MAX_TEXT:
        raise DebateCardsError(
            f"{where} : le champ « {key} » dépasse {MAX_TEXT} caractères ; une carte se lit à "
            "voix haute, raccourcissez-le."
        )
    return value.strip()


def _position(entry: object, where: str) -> Position:
    if not isinstance(entry, dict):
        raise DebateCardsError(f"{where} : une position doit avoir une étiquette et un texte.")
    return Position(_text(entry, "label", where), _text(entry, "text", where))


def _card(entry: object, number: int, *, closing: bool) -> DebateCard:
    where = "la carte de clôture" if closing else f"la carte n° {number}"
    if not isinstance(entry, dict):
        raise DebateCardsError(f"{where} est mal écrite.")
    card_id = _text(entry, "id", where)
    if not _ID.match(card_id):
        raise DebateCardsError(
            f"{where} : l'identifiant « {card_id} » ne doit contenir que des minuscules sans "
            "accent, des chiffres et des tirets."
        )
    where = f"{where} ({card_id})"
    raw_positions = entry.get("positions", [])
    raw_facts = entry.get("facts", [])
    if not isinstance(raw_positions, list) or not isinstance(raw_facts, list):
        raise DebateCardsError(f"{where} : positions et faits s'écrivent en listes.")
    positions = tuple(_position(item, where) for item in raw_positions)
    facts = tuple(raw_facts)
    if closing:
        if positions or facts:
            raise DebateCardsError(f"{where} : la carte de clôture n'a ni positions ni faits.")
    else:
        if not MIN_POSITIONS <= len(positions) <= MAX_POSITIONS:
            raise DebateCardsError(
                f"{where} : il faut de {MIN_POSITIONS} à {MAX_POSITIONS} positions, "
                f"pas {len(positions)}."
            )
        if len({position.label for position in positions}) != len(positions):
            raise DebateCardsError(f"{where} : deux positions portent la même étiquette.")
        if not facts:
            raise DebateCardsError(f"{where} : une carte cite au moins un fait du registre.")
    for fact in facts:
        if not isinstance(fact, str) or not _ID.match(fact):
            raise DebateCardsError(f"{where} : « {fact} » n'est pas un identifiant de fait.")
    if len(set(facts)) != len(facts):
        raise DebateCardsError(f"{where} : un fait est cité deux fois.")
    return DebateCard(
        id=card_id,
        title=_text(entry, "title", where),
        question=_text(entry, "question", where),
        positions=positions,
        fact_ids=facts,
        room_question=_text(entry, "room_question", where),
    )


def parse_cards(text: str) -> tuple[tuple[DebateCard, ...], DebateCard]:
    """The debate cards and the closing card of a cards file, or a French `DebateCardsError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        where = f" (ligne {line.group(1)})" if line else ""
        raise DebateCardsError(f"Le fichier des cartes n'est pas du TOML valide{where}.") from None
    entries = data.get("cartes")
    if not isinstance(entries, list) or not entries:
        raise DebateCardsError("Le fichier des cartes ne contient aucune carte [[cartes]].")
    cards = tuple(_card(entry, number, closing=False) for number, entry in enumerate(entries, 1))
    closing = _card(data.get("cloture"), 0, closing=True)
    ids = [card.id for card in (*cards, closing)]
    repeated = sorted({card_id for card_id in ids if ids.count(card_id) > 1})
    if repeated:
        raise DebateCardsError(f"Deux cartes portent le même identifiant : {', '.join(repeated)}.")
    return cards, closing


@cache
def _shipped() -> tuple[tuple[DebateCard, ...], DebateCard]:
    text = resources.files("widgets.debat").joinpath("sources", SOURCE).read_text("utf-8")
    return parse_cards(text)


def load_cards() -> tuple[DebateCard, ...]:
    """The debate cards, in the order of the file (the closing card is apart)."""
    return _shipped()[0]


def closing_card() -> DebateCard:
    """The card « Ce que nous retenons »: no positions, no facts, a question for the room."""
    return _shipped()[1]


def card_by_id(card_id: str) -> DebateCard:
    """One debate card by its id, or a French `AtelierError` naming the ids that exist."""
    for card in load_cards() if isinstance(card_id, str) else ():
        if card.id == card_id:
            return card
    known = ", ".join(f"« {card.id} »" for card in load_cards())
    raise AtelierError(f"Aucune carte ne porte cet identifiant. Les cartes : {known}.")
