"""The HTML fragments of module 11's views (no Jupyter import): verdict, drafts, threshold.

Every text that comes from a learner is escaped; the verdict is announced by
screen readers as it changes (`aria-live`), and each level is written out in
words, never told by its colour alone.
"""

from __future__ import annotations

import tomllib
from html import escape
from importlib import resources

from widgets.projet.notices import Draft
from widgets.projet.risk import RiskAssessment
from widgets.text import printable

_LABELS = tomllib.loads(
    resources.files("widgets.projet").joinpath("sources", "display.toml").read_text("utf-8")
)
RISK_LABELS: dict[str, str] = _LABELS["risk"]
DRAFT_LABELS: dict[str, str] = _LABELS["drafts"]
LEVEL_COLOURS = {
    "interdit": "#d55e00",
    "haut-risque": "#e69f00",
    "transparence": "#0072b2",
    "minimal": "#009e73",
}
"""Okabe-Ito colours, for the left border only: the level is always written in words."""
BOX_STYLE = "border-left:6px solid {colour};padding:0.4em 0.8em;margin:0.4em 0;background:#f7f7f7"


def _text(text: str) -> str:
    return escape(printable(text))


def _list(items: list[str] | tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _section(title: str, items: list[str] | tuple[str, ...]) -> str:
    return f"<h4>{_text(title)}</h4>{_list(items)}" if items else ""


def message_html(message: str) -> str:
    """A French message in the verdict's place (missing answers, odd input)."""
    return f'<div aria-live="polite"><p>{_text(message)}</p></div>'


def assessment_html(assessment: RiskAssessment) -> str:
    """The verdict: level and Annex III point, reasons, duties by law, dates, doubts, sources."""
    labels = RISK_LABELS
    colour = LEVEL_COLOURS[assessment.level]
    point = (
        " — " + _text(labels["annex_point"].format(point=assessment.annex_point))
        if assessment.annex_point
        else ""
    )
    head = (
        f'<div style="{BOX_STYLE.format(colour=colour)}">'
        f"<p>{_text(labels['verdict'])} : <strong>{_text(assessment.level_label)}</strong>"
        f"{point}</p></div>"
    )
    reasons = [
        f"<em>{_text(reason.answer)}</em> : {_text(reason.text)}" for reason in assessment.reasons
    ]
    by_law = {
        law: [_text(duty.text) for duty in assessment.obligations if duty.law == law]
        for law in ("ia", "france", "info")
    }
    dates = [
        _text(deadline.text)
        + (
            f" <em>{_text(labels['caveat'])} : {_text(deadline.caveat)}</em>"
            if deadline.caveat
            else ""
        )
        for deadline in assessment.dates
    ]
    parts = [
        head,
        _section(labels["doubts"], [_text(doubt) for doubt in assessment.doubts]),
        _section(labels["reasons"], reasons),
        _section(labels["duties_ia"], by_law["ia"]),
        _section(labels["duties_france"], by_law["france"]),
        _section(labels["duties_info"], by_law["info"]),
        _section(labels["dates"], dates),
        f"<p><small>{_text(labels['facts'])} : {_text(', '.join(assessment.fact_ids))}</small></p>",
    ]
    return '<div aria-live="polite">' + "".join(parts) + "</div>"


def draft_html(draft: Draft) -> str:
    """A draft as it would read, then what is missing and the notes, escaped."""
    body = "".join(f"<p>{_text(paragraph)}</p>" for paragraph in draft.paragraphs)
    if draft.bullets:
        body += _list([_text(bullet) for bullet in draft.bullets])
    box = BOX_STYLE.format(colour="#56b4e9")
    missing = (
        _section(DRAFT_LABELS["missing"], [_text(item) for item in draft.missing])
        if draft.missing
        else f"<p>{_text(DRAFT_LABELS['complete'])}</p>"
    )
    notes = _section(DRAFT_LABELS["notes"], [_text(note) for note in draft.notes])
    return (
        f'<div aria-live="polite"><h4>{_text(draft.title)}</h4>'
        f'<div style="{box}">{body}</div>{missing}{notes}</div>'
    )


# ------------------------------------------------------------ the project canvas and its sheet

SHEET_WAITING_HTML = (
    "<p>Remplissez la fiche plus haut, puis cliquez sur le bouton : deux liens de "
    "téléchargement apparaîtront ici.</p>"
)


def canvas_intro_html(commune: str) -> str:
    return (
        "<p>Une rubrique par question. Écrivez quelques phrases, ou laissez vide ce que vous ne "
        "savez pas encore : la fiche dira ce qui reste à compléter. Le texte gris de chaque case "
        f"est l'exemple de {escape(commune)} ; le bouton le recopie dans les cases vides.</p>"
    )


def field_heading_html(label: str, hint: str) -> str:
    return (
        f'<div style="margin-top:.6em"><b>{escape(label)}</b><br>'
        f'<span style="color:#555;font-style:italic">{escape(hint)}</span></div>'
    )


def length_notes_html(notes: tuple[str, ...] | list[str]) -> str:
    return "".join(f'<p style="color:#8a4b00">{escape(note)}</p>' for note in notes)


def sheet_links_html(
    files: list[tuple[str, str, str]],
    filled: int,
    missing: list[str],
    notes: tuple[str, ...],
) -> str:
    """Download links for `files` (name, data URL, what it is), then what is left to write."""
    links = "".join(
        f'<p><a download="{escape(name)}" href="{escape(url)}" '
        f'style="font-weight:bold;font-size:1.05em">⬇ Télécharger {escape(what)}</a> '
        f"({escape(name)})</p>"
        for name, url, what in files
    )
    total = filled + len(missing)
    status = f"<p>{filled} rubrique(s) remplie(s) sur {total}.</p>"
    if missing:
        status += "<p>À compléter : " + ", ".join(escape(label) for label in missing) + ".</p>"
    return (
        f"{status}{links}<p>Pour un PDF : ouvrez la page téléchargée dans le navigateur, menu "
        "« Imprimer » (Ctrl+P), puis « Enregistrer au format PDF ».</p>"
        f"{length_notes_html(notes)}"
    )
