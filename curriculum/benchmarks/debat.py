"""Module 12: how fast the room vote and the deck answer the host's clicks.

A « + » click, a « − » click, a card change and a keystroke in the closing
card are each timed as a kernel runs them: the observer updates the engine,
rewrites the HTML and, for the closing card, saves the file (in a temporary
folder, never in the course).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "12-debat"
CLICKS = 100


def measure_debat(context: BenchContext) -> list[Row]:
    """Median and p95 latency of vote clicks, card changes and keystrokes in the closing card."""
    if not context.selected(MODULE):
        return []
    from widgets.debat.cards import closing_card, load_cards
    from widgets.debat.views.closing import ClosingCard
    from widgets.debat.views.deck import CardDeck

    deck = CardDeck(load_cards())
    counter = deck.vote_area.children[0]
    letters = counter.card.letters
    plus = [counter.plus[letters[step % len(letters)]] for step in range(CLICKS)]
    minus = [counter.minus[letters[step % len(letters)]] for step in range(CLICKS)]
    votes = times_ms(button.click for button in plus + minus)
    moves = times_ms(
        (deck.next.click if (step // (len(deck.cards) - 1)) % 2 == 0 else deck.previous.click)
        for step in range(CLICKS)
    )
    with tempfile.TemporaryDirectory() as folder:
        closing = ClosingCard(closing_card(), Path(folder), results=deck.results)
        sentence = "Nous relirons chaque texte préparé avec une IA. "
        keys = times_ms(
            lambda size=size: setattr(closing.text, "value", sentence[: size % 48 + 1] * (size + 1))
            for size in range(CLICKS)
        )
    return [
        *latency_rows("debat:vote", "Vote à main levée (module 12), à chaque clic", votes, "clics"),
        *latency_rows(
            "debat:cartes", "Paquet de cartes (module 12), à chaque carte", moves, "cartes"
        ),
        *latency_rows(
            "debat:retenons",
            "Carte « Ce que nous retenons » (module 12), à chaque frappe, fichier enregistré",
            keys,
            "frappes",
        ),
    ]
