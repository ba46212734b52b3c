"""The card deck: one card at a time, big enough to project, with its room vote below."""

from __future__ import annotations

from collections.abc import Sequence

import ipywidgets as ipw

from widgets.debat.cards import DebateCard
from widgets.debat.html import card_html
from widgets.debat.views.vote import VoteCounter
from widgets.viewkit.controls import LABEL_STYLE, fitted


class CardDeck(ipw.VBox):
    """Choose a card in the menu or with « précédente » / « suivante »; each card keeps its vote."""

    def __init__(self, cards: Sequence[DebateCard]) -> None:
        self.cards = tuple(cards)
        self.counters: dict[str, VoteCounter] = {}
        self.menu = ipw.Dropdown(
            options=[(f"{number}. {card.title}", card.id) for number, card in self.numbered()],
            value=self.cards[0].id,
            description="Carte :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="auto"),
        )
        self.previous = ipw.Button(
            description="◀ Carte précédente",
            tooltip="Revenir à la carte précédente",
            layout=fitted(),
        )
        self.next = ipw.Button(
            description="Carte suivante ▶", tooltip="Passer à la carte suivante", layout=fitted()
        )
        self.previous.on_click(lambda _button: self.move(-1))
        self.next.on_click(lambda _button: self.move(1))
        self.card = ipw.HTML()
        self.vote_title = ipw.HTML()
        self.vote_area = ipw.VBox()
        self.menu.observe(lambda _change: self.update(), names="value")
        self.update()
        super().__init__(
            [
                ipw.HBox([self.previous, self.menu, self.next]),
                self.card,
                self.vote_title,
                self.vote_area,
            ]
        )

    def numbered(self) -> list[tuple[int, DebateCard]]:
        return list(enumerate(self.cards, 1))

    @property
    def position(self) -> int:
        return [card.id for card in self.cards].index(self.menu.value)

    def move(self, step: int) -> None:
        """Go to the previous (-1) or next (+1) card, staying within the deck."""
        target = min(max(self.position + step, 0), len(self.cards) - 1)
        self.menu.value = self.cards[target].id

    def counter(self, card: DebateCard) -> VoteCounter:
        """The vote of one card, made the first time it is shown and kept afterwards."""
        if card.id not in self.counters:
            self.counters[card.id] = VoteCounter(card)
        return self.counters[card.id]

    def results(self) -> list[tuple[str, str]]:
        """(card title, vote summary) for each card the room voted on, in the deck's order."""
        return [
            (card.title, self.counters[card.id].vote.summary())
            for card in self.cards
            if card.id in self.counters and self.counters[card.id].vote.tally.total
        ]

    def update(self) -> None:
        index = self.position
        card = self.cards[index]
        self.card.value = card_html(card, index + 1, len(self.cards))
        self.vote_title.value = (
            "<p><strong>Vote à main levée :</strong> lisez les positions, faites lever les "
            "mains, puis cliquez « + A » autant de fois qu'il y a de mains pour A, et ainsi "
            "de suite.</p>"
        )
        self.vote_area.children = [self.counter(card)]
        self.previous.disabled = index == 0
        self.next.disabled = index == len(self.cards) - 1
