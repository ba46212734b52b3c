"""Every HTML fragment of module 03's coach (plain Python, returns strings).

Each rule shows a symbol AND a word (✔ fait, ✘ à améliorer), and colours
come from the Okabe-Ito palette: colour never carries meaning alone.
Whatever a learner typed or a model wrote is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from widgets.french import format_number
from widgets.palette import BLUE, GREY, VERMILION
from widgets.palette import BLUISH_GREEN as GREEN
from widgets.prompts.checklist import Checklist

"""Okabe-Ito blue, vermilion and bluish green (`widgets.viewkit.figure.OKABE_ITO`,
which imports matplotlib: an engine cannot import it)."""
MAX_SHOWN_CHARS = 8_000
"""The assembled prompt is shown up to this length; longer, its end is elided."""


_HEADER = (
    '<tr><th scope="col" style="text-align:left;padding:2px 8px">État</th>'
    '<th scope="col" style="text-align:left;padding:2px 8px">Règle et conseil</th></tr>'
)


def escape_text(value: str) -> str:
    """Escape text placed between tags; quotes stay as typed."""
    return escape(value, quote=False)


def checklist_html(checklist: Checklist, title: str = "Liste de vérification") -> str:
    rows = "".join(
        "<tr>"
        f'<td style="white-space:nowrap;padding:2px 8px;color:{BLUE if r.met else VERMILION}">'
        f"<strong>{r.symbol} {escape_text(r.status)}</strong></td>"
        f'<td style="padding:2px 8px" title="{escape(r.rule.description)}">'
        f"<strong>{escape_text(r.rule.title)}</strong><br>"
        f'<span style="color:#1a1a1a">{escape_text(r.advice)}</span></td>'
        "</tr>"
        for r in checklist.results
    )
    notice = (
        "<p><em>Texte très long : seul son début est analysé.</em></p>"
        if checklist.truncated
        else ""
    )
    return (
        '<div role="status" aria-live="polite" style="line-height:1.35">'
        f'<p style="margin:0.2em 0"><strong>{escape_text(title)} : score {checklist.score} / '
        f"{checklist.total}</strong> ({checklist.word_count} mots), "
        f"{escape_text(checklist.verdict)}</p>{notice}"
        f'<table style="border-collapse:collapse">{_HEADER}{rows}</table></div>'
    )


def score_line(checklist: Checklist) -> str:
    """One line: the score and what is missing, for the before/after comparison."""
    missing = [r.rule.title.lower() for r in checklist.results if not r.met]
    detail = "rien ne manque" if not missing else "à améliorer : " + " ; ".join(missing)
    return (
        f'<p style="margin:0.2em 0"><strong>Score du coach : {checklist.score} / '
        f"{checklist.total}</strong> ({escape_text(detail)})</p>"
    )


def prompt_html(text: str) -> str:
    """The assembled prompt, as it would be sent to the model."""
    if not text.strip():
        return (
            f'<p style="color:{GREY}"><em>Le prompt assemblé apparaîtra ici dès que vous '
            "remplirez un champ.</em></p>"
        )
    shown = text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "\n[…]"
    return (
        '<div aria-live="polite"><p style="margin:0.2em 0"><strong>Le prompt assemblé</strong>'
        " (ce qui sera envoyé au modèle) :</p>"
        '<pre style="white-space:pre-wrap;background:#f7f7f7;border-left:6px solid '
        f'{BLUE};padding:0.5em;margin:0;font-size:0.95em">{escape_text(shown)}</pre></div>'
    )


def message_html(text: str, ok: bool = False) -> str:
    """A short French message: ✔ for information, ⚠ for a problem."""
    colour, symbol = (BLUE, "✔") if ok else (VERMILION, "⚠")
    return (
        f'<p role="status" style="margin:0.2em 0;color:{colour}">'
        f'<strong><span aria-hidden="true">{symbol}</span> {escape_text(text)}</strong></p>'
    )


def help_html(text: str) -> str:
    """The help line under a field of the coach."""
    return f'<small style="color:#444">{escape_text(text)}</small>'


def _needs_items(needs: tuple[str, ...]) -> str:
    return "".join(f"<li>{escape_text(need)}</li>" for need in needs)


def details_html(vague: str, needs: tuple[str, ...], score: Checklist) -> str:
    """Above the coach: the vague prompt of a gallery task, its score, what an answer needs."""
    return (
        '<div style="margin:0.4em 0">'
        f"<p><strong>Le prompt vague, avant :</strong> « {escape_text(vague)} » "
        f"(score du coach : {score.score} / {score.total}). Ci-dessous, le prompt structuré.</p>"
        "<p><strong>Ce dont une bonne réponse a besoin</strong> (pour relire la réponse "
        f"du modèle) :</p><ul>{_needs_items(needs)}</ul></div>"
    )


def needs_html(needs: tuple[str, ...]) -> str:
    """What a good answer needs, to reread both answers of the comparison."""
    return (
        '<div style="margin:0.3em 0"><strong>Ce dont une bonne réponse a besoin</strong> '
        f"(relisez les deux réponses avec cette liste) :<ul>{_needs_items(needs)}</ul></div>"
    )


def answer_html(reply: Any) -> str:
    """A model's answer, with which backend and model wrote it and how long it took."""
    text = str(getattr(reply, "text", "")).strip() or "(réponse vide)"
    model = escape_text(str(getattr(reply, "model", "?")))
    backend = escape_text(str(getattr(reply, "backend", "?")))
    seconds = format_number(float(getattr(reply, "duration_s", 0.0)), 1)
    return (
        f'<div style="border-left:6px solid {GREEN};padding:0.4em 0.8em;background:#f7f7f7">'
        f'<p style="margin:0 0 0.3em 0"><strong>Réponse</strong> ({backend}, modèle « {model} », '
        f"{seconds} s) :</p>"
        f'<div style="white-space:pre-wrap">{escape_text(text)}</div></div>'
    )
