"""The shell of the grading pages (class report, learner feedback): one standalone file.

A page opens from a USB key or an e-mail attachment, offline: no script (its
Content-Security-Policy forbids them), no font, no image from outside; plots
are inline SVG. It says `lang="fr"` and prints on A4. Callers escape every
text they put in `body`; `text` does it for learner text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from widgets.french import format_number
from widgets.palette import BLUE, DARK_BLUISH_GREEN, DARK_VERMILION, GREY
from widgets.text import printable

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = f"""
@page {{ size: A4; margin: 14mm 12mm; }}
* {{ box-sizing: border-box; }}
body {{ font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
  color: #111; max-width: 70em; margin: 1.5em auto; padding: 0 1em; }}
h1 {{ font-size: 18pt; margin: 0 0 .2em; }}
h2 {{ font-size: 14pt; margin: 1.6em 0 .4em; border-bottom: 2px solid {BLUE};
  break-after: avoid; page-break-after: avoid; }}
h3 {{ font-size: 12pt; margin: 1.2em 0 .3em; break-after: avoid; page-break-after: avoid; }}
p, li, figcaption {{ overflow-wrap: anywhere; }}
td, th {{ overflow-wrap: break-word; }}
.meta {{ color: #444; font-size: 10pt; }}
.banner {{ border: 2px solid {DARK_VERMILION}; background: #fff4ec; padding: .6em .9em;
  margin: 1em 0; }}
.banner strong {{ color: {DARK_VERMILION}; }}
.note {{ border-left: 6px solid {BLUE}; background: #f3f7fb; padding: .5em .9em; margin: .6em 0; }}
.pair {{ display: flex; flex-wrap: wrap; gap: 1em 2em; align-items: flex-start;
  margin: .5em 0 1em; }}
.pair > figure {{ flex: 1 1 28em; max-width: 44em; }}
.pair > table {{ flex: 0 1 auto; }}
figure {{ margin: 0; break-inside: avoid; page-break-inside: avoid; }}
figure svg {{ width: 100%; height: auto; max-width: 44em; display: block; }}
figcaption {{ font-size: 10pt; color: #333; margin-top: .3em; }}
table {{ border-collapse: collapse; font-size: 10pt; margin: .3em 0 1em; }}
caption {{ text-align: left; font-weight: bold; padding-bottom: .3em; }}
th, td {{ border: 1px solid #bbb; padding: .25em .5em; text-align: left; vertical-align: top; }}
th {{ background: #eef2f6; }}
td.number {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
.state {{ font-weight: bold; }}
.correct {{ color: {BLUE}; }}
.wrong {{ color: {DARK_VERMILION}; }}
.missing {{ color: {GREY}; }}
.good {{ color: {DARK_BLUISH_GREEN}; }}
.exercise {{ border: 1px solid #ccc; border-radius: 4px; padding: .4em .9em; margin: .7em 0;
  break-inside: avoid; page-break-inside: avoid; }}
li > p {{ margin: .15em 0; }}
.question {{ background: #f7f7f7; padding: .1em .7em; }}
footer {{ margin-top: 2em; border-top: 1px solid #999; padding-top: .5em; color: #444;
  font-size: 9.5pt; }}
@media print {{
  body {{ margin: 0; max-width: none; padding: 0; font-size: 10pt; }}
  a {{ color: inherit; text-decoration: none; }}
}}
"""


def count(number: int, singular: str, plural: str) -> str:
    """« 1 notebook », « 3 notebooks »: French puts 0 and 1 in the singular."""
    return f"{format_number(number)} {singular if number < 2 else plural}"


def points(value: float) -> str:
    """Points written the French way: « 3 », « 2,5 »."""
    return format_number(value, 0 if float(value).is_integer() else 1)


def text(value: str) -> str:
    """Learner or file text, made printable (lone surrogates) then escaped."""
    return escape(printable(str(value)))


def page(title: str, body: str) -> str:
    """A whole HTML document; `title` is plain text, `body` is HTML already escaped."""
    return (
        '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def table(
    caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], numbers: Sequence[int] = ()
) -> str:
    """An accessible table: a caption, column and row headers. `rows` hold HTML already
    escaped; columns in `numbers` are right-aligned."""
    head = "".join(f'<th scope="col">{text(header)}</th>' for header in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<th scope="row">{cell}</th>'
            if index == 0
            else f'<td class="number">{cell}</td>'
            if index in numbers
            else f"<td>{cell}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return (
        f"<table><caption>{text(caption)}</caption><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )
