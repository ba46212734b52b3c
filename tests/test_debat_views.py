"""Module 12: the deck, the vote counter and the closing card, driven as a host would."""

from __future__ import annotations

import base64
import re
import tomllib
from datetime import date
from html import unescape
from importlib import resources
from pathlib import Path

from widgets.debat.cards import closing_card, load_cards
from widgets.debat.html import card_html
from widgets.debat.retained import MAX_RETAINED_CHARS, RETAINED_FILE, load_retained
from widgets.debat.views.closing import ClosingCard
from widgets.debat.views.deck import CardDeck
from widgets.debat.views.vote import VoteCounter

RAW = tomllib.loads(
    resources.files("widgets.debat").joinpath("sources", "cartes.toml").read_text("utf-8")
)
DAY = date(2026, 12, 1)


def plain(html: str) -> str:
    return unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_deck_shows_each_card_and_moves_within_bounds() -> None:
    deck = CardDeck(load_cards())
    first = RAW["cartes"][0]
    shown = plain(deck.card.value)
    assert first["title"] in shown and first["question"] in shown
    assert "Question pour la salle" in shown and first["room_question"] in shown
    for letter, position in zip("ABC", first["positions"], strict=False):
        assert f"{letter}. {position['label']}" in shown and position["text"] in shown
    assert "3 encadrés « À savoir »" in shown and "Carte 1 sur 7" in shown
    assert deck.previous.disabled and not deck.next.disabled
    deck.previous.click()
    assert deck.menu.value == first["id"]
    for _ in range(10):
        deck.next.click()
    assert deck.menu.value == RAW["cartes"][-1]["id"] and deck.next.disabled
    deck.menu.value = "droit-auteur"
    assert "1 encadré « À savoir »" in plain(deck.card.value)


def test_each_card_keeps_its_own_vote() -> None:
    deck = CardDeck(load_cards())
    counter = deck.vote_area.children[0]
    counter.plus["A"].click()
    counter.plus["A"].click()
    counter.plus["C"].click()
    deck.next.click()
    assert deck.vote_area.children[0] is not counter
    assert deck.vote_area.children[0].vote.counts == (0, 0, 0)
    deck.previous.click()
    assert deck.vote_area.children[0] is counter and counter.vote.counts == (2, 0, 1)
    title = RAW["cartes"][0]["title"]
    assert deck.results() == [(title, counter.vote.summary())]


def test_the_vote_counter_shows_numbers_and_words_not_colour_alone() -> None:
    card = load_cards()[0]
    counter = VoteCounter(card)
    counter.present.value = 10
    for letter in "ABBB":
        counter.plus[letter].click()
    counter.minus["B"].click()
    shown = plain(counter.result.value)
    labels = [position["label"] for position in RAW["cartes"][0]["positions"]]
    assert re.search(rf"A\. {re.escape(labels[0])}\s+1\s+33\u202f%", shown)
    assert re.search(rf"B\. {re.escape(labels[1])}\s+2\s+67\u202f%", shown)
    assert "Sur 10 personnes présentes, 3 ont voté" in shown and "7 sans avis" in shown
    assert "█" in counter.result.value and 'aria-hidden="true"' in counter.result.value


def test_odd_clicks_say_why_and_undo_brings_back() -> None:
    counter = VoteCounter(load_cards()[1])
    assert counter.undo.disabled
    counter.minus["A"].click()
    assert "aucune voix" in plain(counter.message.value)
    counter.plus["A"].click()
    assert counter.message.value == "" and not counter.undo.disabled
    counter.present.value = 1
    counter.plus["B"].click()
    assert "chaque personne vote une fois" in plain(counter.message.value)
    counter.present.value = 0
    assert counter.vote.present is None
    counter.reset.click()
    assert counter.vote.counts == (0, 0, 0)
    counter.undo.click()
    assert counter.vote.counts == (1, 0, 0)
    counter.undo.click()
    assert counter.vote.present == 1 and counter.present.value == 1


def test_the_closing_card_saves_what_is_typed_and_offers_it_for_download(tmp_path: Path) -> None:
    results = [("Un discours écrit avec une IA", "3 voix comptées : « Oui » arrive en tête.")]
    view = ClosingCard(closing_card(), tmp_path, lambda: results, lambda: DAY)
    assert "Ce que nous retenons" in plain(view.children[0].value)
    assert not (tmp_path / RETAINED_FILE).exists()
    typed = "Nous relirons tout texte préparé avec une IA.\n<script>alert(1)</script>"
    view.text.value = typed
    saved = (tmp_path / RETAINED_FILE).read_text(encoding="utf-8")
    assert typed in saved and "1er décembre 2026" in saved
    assert "- **Un discours écrit avec une IA** — 3 voix comptées" in saved
    payload = re.search(r"base64,([A-Za-z0-9+/=]+)", view.link.value).group(1)
    assert base64.b64decode(payload).decode("utf-8") == saved
    assert 'download="ce-que-nous-retenons.md"' in view.link.value
    assert "<script>" not in view.link.value and "Enregistré" in plain(view.status.value)
    again = ClosingCard(closing_card(), tmp_path)
    assert again.text.value == typed == load_retained(tmp_path)


def test_a_huge_or_broken_text_is_refused_without_losing_the_file(tmp_path: Path) -> None:
    view = ClosingCard(closing_card(), tmp_path, today=lambda: DAY)
    view.text.value = "Un texte gardé."
    view.text.value = "x" * (MAX_RETAINED_CHARS + 1)
    assert "dépasse" in plain(view.status.value)
    assert load_retained(tmp_path) == "Un texte gardé."
    view.text.value = "B\ud800 " + "é" * 100_000
    assert load_retained(tmp_path) == "B\ufffd " + "é" * 100_000


def test_the_closing_card_says_so_when_the_folder_cannot_be_written(tmp_path: Path) -> None:
    view = ClosingCard(closing_card(), tmp_path / "absent", today=lambda: DAY)
    view.text.value = "Quelque chose."
    assert "n'a pas pu être enregistré" in plain(view.status.value)
    assert "base64," in view.link.value


def test_card_html_escapes_the_file_text() -> None:
    card = load_cards()[0]
    html = card_html(card, 1, 7)
    assert "<script" not in html and "«" in html


def test_too_few_people_present_is_refused_and_the_box_comes_back() -> None:
    counter = VoteCounter(load_cards()[2])
    counter.present.value = 5
    for letter in "ABC":
        counter.plus[letter].click()
    counter.present.value = 2
    assert "déjà 3 mains levées" in plain(counter.message.value)
    assert counter.present.value == 5 and counter.vote.present == 5
