"""The project sheet the learner downloads: Markdown, and one standalone HTML page.

Everything the learner typed is escaped where it is written: in HTML with
`html.escape` (a « <script> » in a heading shows as text and never runs; the
page also forbids scripts by its Content-Security-Policy), in Markdown with a
backslash before each character Markdown would read as markup. The HTML page
needs nothing from the network, says `lang="fr"`, and has print rules so that
« Imprimer », then « Enregistrer en PDF », gives a clean A4 sheet.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from widgets.french import french_date
from widgets.projet.canvas import Canvas, clean_text, form
from widgets.projet.risk import RiskAssessment
from widgets.text import without_accents

EMPTY_MARK = "(à compléter)"
RISK_TITLE = "Niveau de risque (règlement européen sur l'IA)"
SHEET_TITLE = "Fiche projet"
FOOTER = (
    "Fiche préparée avec l'Atelier IA, module 11 « Du projet pilote à la gouvernance ». "
    "Les brouillons juridiques sont des points de départ à faire relire : "
    "ils ne remplacent pas l'avis d'un juriste."
)
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_MARKDOWN_LIST_NUMBER = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


@dataclass(frozen=True)
class Section:
    """A part of the sheet added after the canvas: the risk level, a draft notice."""

    title: str
    paragraphs: tuple[str, ...] = ()
    bullets: tuple[str, ...] = ()


def assessment_sections(assessment: RiskAssessment) -> tuple[Section, ...]:
    """The questionnaire's result as three parts of the sheet: level, duties, dates."""
    level = assessment.level_label
    if assessment.annex_point:
        level += f" (annexe III, point {assessment.annex_point})"
    doubts = tuple(f"Point à faire vérifier : {doubt}" for doubt in assessment.doubts)
    dates = tuple(
        deadline.text + (f" Réserve : {deadline.caveat}" if deadline.caveat else "")
        for deadline in assessment.dates
    )
    return (
        Section(
            RISK_TITLE,
            (f"Niveau retenu : {level}.", *doubts, "Pourquoi :"),
            tuple(f"{reason.answer} : {reason.text}" for reason in assessment.reasons),
        ),
        Section("Obligations", (), tuple(duty.text for duty in assessment.obligations)),
        *((Section("Dates clés", (), dates),) if dates else ()),
    )


def markdown_escaped(text: str) -> str:
    """Text shown as typed by a Markdown reader: no link, no tag, no heading, no emphasis."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", clean_text(text))
    escaped = _MARKDOWN_LIST_NUMBER.sub(r"\1\\\2", escaped)
    return re.sub(r"^(\s*)([-=+])", r"\1\\\2", escaped, flags=re.MULTILINE)


def _title(canvas: Canvas) -> str:
    return canvas.title.strip() or "Projet sans nom"


def _blocks(text: str) -> list[str]:
    """Paragraphs of a text: separated by blank lines."""
    return [block.strip("\n") for block in re.split(r"\n\s*\n", text) if block.strip()]


def sheet_markdown(canvas: Canvas, extra: Sequence[Section] = (), today: date | None = None) -> str:
    day = french_date(today or date.today())
    lines = [f"# {SHEET_TITLE} : {markdown_escaped(_title(canvas))}", "", f"*Préparée le {day}.*"]
    for item in form().fields:
        text = canvas.text(item.key)
        lines += ["", f"## {item.label}", "", f"*{item.hint}*", ""]
        blocks = _blocks(text)
        if not blocks:
            lines.append(f"*{EMPTY_MARK}*")
        for number, block in enumerate(blocks):
            lines += ([""] if number else []) + [
                "  \n".join(markdown_escaped(line) for line in block.split("\n"))
            ]
    for section in extra:
        lines += ["", f"## {markdown_escaped(section.title)}", ""]
        for paragraph in section.paragraphs:
            lines += [markdown_escaped(paragraph), ""]
        lines += [f"- {markdown_escaped(bullet)}" for bullet in section.bullets]
    lines += ["", "---", "", f"*{FOOTER}*", ""]
    return "\n".join(lines)


_STYLE = """
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
  color: #111; max-width: 48em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 18pt; margin: 0 0 .2em; }
h2 { font-size: 12.5pt; margin: 1.2em 0 .2em; border-bottom: 1px solid #999;
  break-after: avoid; page-break-after: avoid; }
.hint { color: #444; font-style: italic; margin: 0 0 .4em; font-size: 10pt; }
.empty { color: #777; font-style: italic; }
p { margin: 0 0 .5em; overflow-wrap: anywhere; white-space: pre-wrap; }
li { overflow-wrap: anywhere; }
.date, footer { color: #444; font-size: 9.5pt; }
footer { margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; }
.screen-only { background: #eef3fb; border: 1px solid #9bb; padding: .6em .8em; }
@media print {
  body { margin: 0; max-width: none; padding: 0; }
  .screen-only { display: none; }
  section { break-inside: auto; }
  h2 + .hint, h2 + .hint + p { break-before: avoid; page-break-before: avoid; }
}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _html_paragraphs(texts: Iterable[str]) -> str:
    return "".join(f"<p>{escape(clean_text(text))}</p>" for text in texts)


def _html_section(section: Section) -> str:
    bullets = "".join(f"<li>{escape(clean_text(item))}</li>" for item in section.bullets)
    return (
        f"<section><h2>{escape(clean_text(section.title))}</h2>"
        f"{_html_paragraphs(section.paragraphs)}{f'<ul>{bullets}</ul>' if bullets else ''}"
        "</section>"
    )


def sheet_html(canvas: Canvas, extra: Sequence[Section] = (), today: date | None = None) -> str:
    """A standalone HTML page (no script, no external resource) that prints on A4."""
    title = escape(_title(canvas))
    parts = []
    for item in form().fields:
        blocks = _blocks(canvas.text(item.key))
        body = _html_paragraphs(blocks) if blocks else f'<p class="empty">{EMPTY_MARK}</p>'
        parts.append(
            f"<section><h2>{escape(item.label)}</h2>"
            f'<p class="hint">{escape(item.hint)}</p>{body}</section>'
        )
    parts += [_html_section(section) for section in extra]
    day = french_date(today or date.today())
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{SHEET_TITLE} : {title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        '<p class="screen-only">Pour en faire un PDF : menu « Imprimer » du navigateur '
        "(Ctrl+P), puis « Enregistrer au format PDF ». Ce cadre ne sera pas imprimé.</p>\n"
        f"<h1>{SHEET_TITLE} : {title}</h1>\n"
        f'<p class="date">Préparée le {day}.</p>\n'
        + "\n".join(parts)
        + f"\n<footer>{escape(FOOTER)}</footer>\n</body>\n</html>\n"
    )


def file_name(canvas: Canvas, suffix: str) -> str:
    """« fiche-projet-orienter-les-demandes.html »: ASCII, short, never empty."""
    words = re.findall(r"[a-z0-9]+", without_accents(canvas.title))
    slug = "-".join(words)[:40].strip("-")
    return f"fiche-projet{'-' + slug if slug else ''}.{suffix}"


def data_url(text: str, mime: str) -> str:
    """The whole file inside a link, so that the browser downloads it without a server."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{mime};charset=utf-8;base64,{payload}"
