"""HTML fragments of module 12: a card big enough to project, the vote table, the download link.

Positions carry their letter and their label in words, the vote table gives
numbers and a text bar: nothing relies on colour alone.
"""

from __future__ import annotations

import base64
from html import escape

from widgets.debat.cards import DebateCard
from widgets.debat.vote import RoomVote
from widgets.french import format_percent
from widgets.palette import BLUE, DARK_VERMILION, GREY

CARD_STYLE = (
    "border:2px solid #444;border-radius:8px;padding:14px 18px;max-width:900px;"
    "font-size:1.25em;line-height:1.45;background:#fff;color:#111"
)
BAR_WIDTH = 20
"""Characters of the text bar for a 100 % share."""


def card_html(card: DebateCard, number: int, count: int) -> str:
    """A card: title, question, lettered positions, where its facts are, the room question."""
    positions = "".join(
        f'<li style="margin:6px 0"><strong>{letter}. {escape(position.label)}</strong> : '
        f"{escape(position.text)}</li>"
        for letter, position in zip(card.letters, card.positions, strict=True)
    )
    boxes = "encadré" if len(card.fact_ids) == 1 else "encadrés"
    return (
        f'<section style="{CARD_STYLE}" aria-label="Carte {number} sur {count}">'
        f'<p style="margin:0;color:{GREY}">Carte {number} sur {count}</p>'
        f'<h3 style="margin:4px 0 8px;font-size:1.5em">{escape(card.title)}</h3>'
        f'<p style="font-size:1.2em"><strong>{escape(card.question)}</strong></p>'
        f'<ol style="list-style:none;padding-left:0">{positions}</ol>'
        f"<p><em>Les faits : {len(card.fact_ids)} {boxes} « À savoir », sous le titre "
        f"« Carte {number} » de la section « Les faits de chaque carte », juste après les "
        "cartes.</em></p>"
        f'<p style="border-left:6px solid {BLUE};padding-left:10px">'
        f"<strong>Question pour la salle :</strong> {escape(card.room_question)}</p>"
        "</section>"
    )


def closing_html(card: DebateCard) -> str:
    return (
        f'<section style="{CARD_STYLE}" aria-label="{escape(card.title)}">'
        f'<h3 style="margin:0 0 8px;font-size:1.5em">{escape(card.title)}</h3>'
        f'<p style="font-size:1.2em"><strong>{escape(card.question)}</strong></p>'
        f"<p>{escape(card.room_question)}</p></section>"
    )


def text_bar(share: float | None) -> str:
    filled = round((share or 0) * BAR_WIDTH)
    return "█" * filled + "·" * (BAR_WIDTH - filled)


def vote_table(vote: RoomVote) -> str:
    """Hands per position: letter, label, count, share of votes cast and a text bar."""
    cell = "border:1px solid #bbb;padding:3px 8px;"
    rows = "".join(
        f'<tr><th scope="row" style="{cell}text-align:left">{letter}. {escape(label)}</th>'
        f'<td style="{cell}text-align:right">{count}</td>'
        f'<td style="{cell}text-align:right">{format_percent(share, 0)}</td>'
        f'<td style="{cell}font-family:monospace" aria-hidden="true">{text_bar(share)}</td></tr>'
        for letter, label, count, share in zip(
            vote.letters, vote.labels, vote.counts, vote.tally.shares(), strict=True
        )
    )
    head = "".join(
        f'<th scope="col" style="{cell}">{name}</th>'
        for name in ("Position", "Voix", "Part des voix", "")
    )
    return (
        '<table style="border-collapse:collapse;font-size:1.1em">'
        f'<caption style="text-align:left">Résultat du vote à main levée</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
        f'<p role="status"><strong>{escape(vote.summary())}</strong></p>'
    )


def message_html(message: str) -> str:
    return (
        f'<p role="alert" style="color:{DARK_VERMILION}">{escape(message)}</p>' if message else ""
    )


def download_link(filename: str, markdown: str) -> str:
    """A link that downloads `markdown` as a file, like the course's archive (module 00)."""
    payload = base64.b64encode(markdown.encode("utf-8")).decode("ascii")
    return (
        f'<p><a download="{escape(filename)}" '
        f'href="data:text/markdown;charset=utf-8;base64,{payload}" '
        'style="font-weight:bold;font-size:1.1em">'
        f"⬇ Télécharger {escape(filename)}</a> (un fichier texte, lisible dans tout éditeur)</p>"
    )
