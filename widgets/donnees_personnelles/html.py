"""HTML fragments of the guard's widget: highlighted findings, pseudonymised text, answers.

Each finding is underlined in its kind's colour AND followed by its kind's
name in a small label, so that colour is never the only clue.
"""

from __future__ import annotations

from html import escape

from widgets.donnees_personnelles.cues import kind_label
from widgets.donnees_personnelles.guard import KINDS, Finding
from widgets.palette import BLACK, BLUE, GREY, ORANGE, REDDISH_PURPLE, SKY_BLUE, VERMILION
from widgets.palette import BLUISH_GREEN as GREEN

COLOURS = dict(
    zip(
        KINDS,
        (
            VERMILION,
            VERMILION,
            ORANGE,
            ORANGE,
            BLUE,
            BLUE,
            GREY,
            GREEN,
            GREEN,
            REDDISH_PURPLE,
            SKY_BLUE,
        ),
        strict=True,
    )
)
BOX = "border-left:6px solid {colour};padding:0.4em 0.8em;background:#f7f7f7;margin:0.3em 0"


def _text(value: str) -> str:
    return escape(value.encode("utf-8", "replace").decode("utf-8"))


def _mark(finding: Finding) -> str:
    colour = COLOURS[finding.kind]
    source = " (modèle des noms)" if finding.by_model else ""
    return (
        f'<span style="border-bottom:3px solid {colour};background:#fff7e6" '
        f'title="{escape(kind_label(finding.kind))}{source}">{_text(finding.text)}'
        f'<span style="font-size:0.75em;font-weight:bold;color:{BLACK};margin-left:0.2em">'
        f"[{escape(kind_label(finding.kind))}]</span></span>"
    )


def highlighted_html(text: str, findings: list[Finding]) -> str:
    """The text with each finding marked and labelled by kind."""
    pieces, position = [], 0
    for finding in findings:
        pieces += [_text(text[position : finding.start]), _mark(finding)]
        position = finding.end
    pieces.append(_text(text[position:]))
    return f'<div style="white-space:pre-wrap;line-height:1.8">{"".join(pieces)}</div>'


def summary_html(findings: list[Finding]) -> str:
    if not findings:
        return "<p>Aucune donnée personnelle repérée.</p>"
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    items = "".join(
        f"<li>{count} {escape(kind_label(kind, count))}</li>" for kind, count in counts.items()
    )
    return f"<p><strong>Repéré :</strong></p><ul>{items}</ul>"


def text_box_html(title: str, text: str, colour: str = BLUE) -> str:
    return (
        f'<div style="{BOX.format(colour=colour)}"><p style="margin:0 0 0.3em 0">'
        f'<strong>{escape(title)}</strong></p><div style="white-space:pre-wrap">'
        f"{_text(text)}</div></div>"
    )


def pseudonymised_answer_html(text: str, replaced: int) -> str:
    """The answer to a pseudonymised prompt, with its originals put back on this computer."""
    note = (
        f"{replaced} donnée(s) personnelle(s) remplacée(s) par des étiquettes avant l'envoi ; "
        "les originaux ont été remis ici, sur cet ordinateur."
    )
    return text_box_html("Réponse (originaux remis)", text.strip() or "(réponse vide)", GREEN) + (
        f'<p style="color:{GREY};margin:0.2em 0">{escape(note)}</p>'
    )


def status_html(message: str) -> str:
    return f'<p style="color:{GREY};margin:0.2em 0"><em>{escape(message)}</em></p>'
