"""Every HTML fragment the language-model widgets show (plain Python, returns strings).

Text a learner typed or a model wrote is always escaped. Live regions
(`aria-live`) let screen readers announce what changed after a keystroke.
"""

from __future__ import annotations

import html

from widgets.french import format_number, format_percent
from widgets.llm.invention import Inquiry
from widgets.llm.tokenizer import Tokenization
from widgets.llm.wording import quoted, token_label, verdict

MAX_CHIPS = 300
MAX_EVIDENCE_SENTENCES = 5

Tints = tuple[tuple[str, str], tuple[str, str]]
"""Two (border, background) pairs that alternate from chip to chip."""


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


# ---------------------------------------------------------------- tokens


def chips_html(tokenization: Tokenization, token_bytes: tuple[bytes, ...], tints: Tints) -> str:
    """Each token as a chip: its visible text above its id, chips separated by a bar."""
    chips = []
    for position, token in enumerate(tokenization.tokens[:MAX_CHIPS]):
        border, tint = tints[position % 2]
        label = _escape(token_label(token, token_bytes[token.id]))
        chips.append(
            f'<span role="listitem" title="token {position + 1}, numéro {token.id}" '
            f'style="display:inline-block;margin:2px 0;padding:1px 4px;background:{tint};'
            f'border:1px solid {border};border-left:3px solid #000;text-align:center">'
            f'<span style="font-family:monospace;white-space:pre">{label}</span>'
            f'<br><span style="font-size:75%;color:#333">{token.id}</span></span>'
        )
    hidden = tokenization.count - MAX_CHIPS
    if hidden > 0:
        chips.append(f'<span role="listitem"> … et {format_number(hidden)} autres tokens</span>')
    return '<div role="list" style="line-height:2.4">' + "".join(chips) + "</div>"


def panel_html(
    tokenization: Tokenization, vocab_size: int, token_bytes: tuple[bytes, ...], tints: Tints
) -> str:
    """The token count of a text for one vocabulary size, above its chips."""
    count = tokenization.count
    plural = "s" if count > 1 else ""
    head = (
        f"<p><strong>Vocabulaire de {format_number(vocab_size)} tokens</strong> : "
        f"<strong>{format_number(count)}</strong> token{plural}</p>"
    )
    return head + chips_html(tokenization, token_bytes, tints)


def paragraphs_html(sentences: list[str]) -> str:
    """Plain sentences, one paragraph each, announced when they change."""
    paragraphs = "".join(f"<p>{_escape(sentence)}</p>" for sentence in sentences)
    return f'<div aria-live="polite">{paragraphs}</div>'


def error_html(message: str) -> str:
    return f"<p>{_escape(message)}</p>"


# ---------------------------------------------------------------- predictions and draws


def notes_html(notes: list[str], sentence: str) -> str:
    """Plain notes as a list, then a sentence that may hold HTML (see `wording.quoted`)."""
    items = "".join(f"<li>{_escape(note)}</li>" for note in notes)
    listed = f'<ul style="margin:0.2em 0">{items}</ul>' if notes else ""
    return f'<div aria-live="polite">{listed}<p style="margin:0.3em 0">{sentence}</p></div>'


def continuation_html(prompt: str, continuation: str, prompt_chars: int = 120) -> str:
    """The end of the prompt in grey, then the model's continuation in bold."""
    shown_prompt = prompt[-prompt_chars:]
    ellipsis = "…" if len(prompt) > prompt_chars else ""
    return (
        '<span style="white-space:pre-wrap">'
        f'<span style="color:#555">{ellipsis}{_escape(shown_prompt)}</span>'
        f"<strong>{_escape(continuation)}</strong></span>"
    )


def drawn_html(seed: int, new_tokens: int, prompt: str, continuation: str) -> str:
    """The continuation drawn under the temperature bars."""
    return (
        f"<p><strong>Suite tirée</strong> (tirage n° {seed}, "
        f"{new_tokens} tokens) :<br>{continuation_html(prompt, continuation)}</p>"
    )


def sample_column_html(seed: int, prompt: str, continuation: str) -> str:
    """One column of the side-by-side samples."""
    return (
        f'<div style="padding:0 0.6em;border-left:3px solid #000">'
        f"<p><strong>Tirage n° {seed}</strong></p>"
        f"<p>{continuation_html(prompt, continuation, prompt_chars=60)}</p></div>"
    )


def summary_html(note: str, sentence: str) -> str:
    return f'<p aria-live="polite">{_escape(note)}{_escape(sentence)}</p>'


# ---------------------------------------------------------------- the confident invention

EMPTY_QUESTION_HTML = (
    "<p>Le début de phrase est vide : écrivez une question de fait à compléter, "
    "par exemple une date d'inauguration.</p>"
)


def inquiry_html(prompt: str, inquiry: Inquiry) -> str:
    """The model's answers, what the corpus says, and the verdict on each year given."""
    evidence = inquiry.evidence
    corpus_speaks = bool(evidence.sentences)
    rows = "".join(
        f"<tr><td>{_escape(answer.label)}</td>"
        f"<td><span style='color:#555'>…{_escape(prompt[-40:])}</span>"
        f"<strong>{_escape(answer.text)}</strong></td>"
        f"<td>{_escape(verdict(answer.supported, corpus_speaks))}</td></tr>"
        for answer in inquiry.answers
    )
    table = (
        '<table style="border-collapse:collapse" cellpadding="4">'
        "<thead><tr><th>Réponse</th><th>Ce que le modèle écrit</th>"
        "<th>Vérification dans le corpus</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    years = sorted({year for answer in inquiry.answers for year in answer.years})
    summary = (
        f"<p>Le modèle donne {format_percent(inquiry.number_share)} de chances que le token "
        "suivant commence un nombre (une date, une année). "
    )
    if years:
        summary += (
            f"Selon le tirage, il écrit {len(years)} année{'s' if len(years) > 1 else ''} "
            f"différente{'s' if len(years) > 1 else ''} : {', '.join(years)}, "
            "toujours sur le même ton assuré."
        )
    summary += "</p>"
    terms = " et ".join(quoted(term) for term in evidence.terms) or "(aucun mot)"
    if corpus_speaks:
        listed = "".join(
            f"<li>{_escape(sentence)}</li>"
            for sentence in evidence.sentences[:MAX_EVIDENCE_SENTENCES]
        )
        more = len(evidence.sentences) - MAX_EVIDENCE_SENTENCES
        extra = f"<p>… et {format_number(more)} autres phrases.</p>" if more > 0 else ""
        corpus = (
            f"<p><strong>Ce que dit le corpus</strong> : {len(evidence.sentences)} phrase(s) "
            f"contiennent {terms}.</p><ul>{listed}</ul>{extra}"
        )
    else:
        corpus = (
            f"<p><strong>Ce que dit le corpus</strong> : aucune phrase ne contient {terms}. "
            "Le modèle ne pouvait donc pas le savoir : il a écrit une suite probable, "
            "pas un fait.</p>"
        )
    return f'<div aria-live="polite">{table}{summary}{corpus}</div>'


# ---------------------------------------------------------------- the settings panel


def note_html(text: str, icon: str = "") -> str:
    return f"<p>{icon}{_escape(text)}</p>"


def status_html(text: str, ok: bool | None = None) -> str:
    """A status line: ✔ when it went well, ✖ when it did not, nothing while it runs."""
    icon = {True: "✔ ", False: "✖ ", None: ""}[ok]
    return f'<p role="status"><strong>{icon}</strong>{_escape(text)}</p>'
