"""The room vote: « + » and « − » per position, the people present, undo and reset."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as ipw

from widgets.debat.cards import DebateCard
from widgets.debat.html import message_html, vote_table
from widgets.debat.vote import MAX_PEOPLE, RoomVote
from widgets.errors import AtelierError
from widgets.viewkit.controls import LABEL_STYLE, fitted


class VoteCounter(ipw.VBox):
    """The host counts the raised hands for each position of one card and clicks."""

    def __init__(self, card: DebateCard, vote: RoomVote | None = None) -> None:
        self.card = card
        self.vote = vote or RoomVote([position.label for position in card.positions])
        self.plus: dict[str, ipw.Button] = {}
        self.minus: dict[str, ipw.Button] = {}
        rows = []
        for letter, position in zip(card.letters, card.positions, strict=True):
            self.minus[letter] = self._button(
                f"− {letter}",
                f"Retirer une voix à la position {letter}",
                lambda v, key=letter: v.remove(key),
            )
            self.plus[letter] = self._button(
                f"+ {letter}",
                f"Ajouter une voix à la position {letter}",
                lambda v, key=letter: v.add(key),
            )
            name = ipw.HTML(f"<strong>{letter}</strong>. {escape(position.label)}")
            rows.append(ipw.HBox([self.minus[letter], self.plus[letter], name]))
        self.present = ipw.BoundedIntText(
            value=self.vote.present or 0,
            min=0,
            max=MAX_PEOPLE,
            description="Personnes présentes (0 : pas comptées) :",
            tooltip="Le nombre de personnes dans la salle, pour compter celles qui sont sans avis",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="330px"),
        )
        self._syncing = False
        self.present.observe(lambda change: self._present(change["new"]), names="value")
        self.undo = self._button("Annuler", "Annuler le dernier changement", lambda v: v.undo())
        self.reset = self._button(
            "Remettre à zéro", "Remettre toutes les voix de cette carte à zéro", lambda v: v.reset()
        )
        self.result = ipw.HTML()
        self.message = ipw.HTML()
        self.update()
        super().__init__(
            [*rows, self.present, ipw.HBox([self.undo, self.reset]), self.message, self.result]
        )

    def _button(self, label: str, tooltip: str, action: Callable[[RoomVote], object]) -> ipw.Button:
        button = ipw.Button(description=label, tooltip=tooltip, layout=fitted())
        button.on_click(lambda _button: self._apply(action))
        return button

    def _apply(self, action: Callable[[RoomVote], object]) -> None:
        try:
            action(self.vote)
        except AtelierError as error:
            self.message.value = message_html(error.message)
        else:
            self.message.value = ""
        self.update()

    def _present(self, value: int) -> None:
        if not self._syncing:
            self._apply(lambda vote: vote.set_present(value or None))

    def update(self) -> None:
        """Show the counts; the « Personnes présentes » box follows an undo."""
        self.result.value = vote_table(self.vote)
        shown = self.vote.present or 0
        if self.present.value != shown:
            self._syncing = True
            try:
                self.present.value = shown
            finally:
                self._syncing = False
        self.undo.disabled = not self.vote.can_undo
