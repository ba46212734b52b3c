"""Showing tokens and prompts to a learner: invisible characters made visible, French notes."""

from __future__ import annotations

import html
import unicodedata

from widgets.french import format_number
from widgets.llm.classroom import PROMPT_TAIL, START_OF_TEXT, Prediction
from widgets.llm.tokenizer import Token

NBSP = "\u00a0"
_VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"}
_PLOT_SAFE_BELOW = 0x2500
"""Characters from here up (emoji, most symbols) may be missing from the plot font."""


def visible(text: str) -> str:
    """The text of a token with its invisible characters shown: ␣ for a space, ↵ for a new line."""
    shown = []
    for char in text:
        if char in _VISIBLE:
            shown.append(_VISIBLE[char])
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            shown.append(f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")
        else:
            shown.append(char)
    return "".join(shown)


def token_label(token: Token, raw: bytes = b"") -> str:
    """What a chip or a bar shows: the visible text of a token, or its bytes for a fragment."""
    if token.text == START_OF_TEXT:
        return "⟨début⟩"
    if not token.complete:
        return "octet " + " ".join(f"{byte:02X}" for byte in raw) if raw else "octet"
    return visible(token.text) or "∅"


def plot_safe(label: str) -> str:
    """A label the plot font can draw: rare symbols become □, and $ is not read as maths."""
    safe = "".join(c if ord(c) < _PLOT_SAFE_BELOW or c in "␣↵⇥␍□⟨⟩" else "□" for c in label)
    return safe.replace("$", r"\$")


def quoted(text: str) -> str:
    return f"«{NBSP}{html.escape(text, quote=False)}{NBSP}»"


def prompt_notes(text: str, prediction: Prediction) -> list[str]:
    """French sentences about a prompt the model may read differently than the learner thinks."""
    notes = []
    if not text.strip():
        notes.append("Le texte est vide : le modèle prédit alors le premier token d'un document.")
    if len(text) > PROMPT_TAIL:
        notes.append(
            f"Votre texte compte {format_number(len(text))} caractères : "
            "le modèle n'en lit que la fin."
        )
    if any(unicodedata.category(c) == "Cc" and c not in "\n\t" for c in text):
        notes.append(
            "Votre texte contient des caractères invisibles (caractères de contrôle) : "
            "le modèle les lit octet par octet."
        )
    if any(not token.complete for token in prediction.prompt_tokens):
        notes.append(
            "Certains caractères (des émojis, par exemple) n'apparaissent jamais dans le corpus : "
            "le modèle les lit octet par octet et n'a rien appris à leur sujet."
        )
    return notes


def context_sentence(prediction: Prediction) -> str:
    """Which tokens the model took into account, as a French sentence (HTML)."""
    context = prediction.context
    if not context:
        return (
            "Le modèle n'a jamais vu la fin de votre texte dans le corpus : il ne s'appuie "
            "que sur la fréquence de chaque token dans le corpus."
        )
    shown = " ".join(quoted(token_label(token)) for token in context)
    count = len(context)
    tokens = "du dernier token" if count == 1 else f"des {count} derniers tokens"
    return f"Pour prédire, le modèle a tenu compte {tokens} : {shown}."


def notes_html(notes: list[str], sentence: str) -> str:
    items = "".join(f"<li>{html.escape(note, quote=False)}</li>" for note in notes)
    listed = f'<ul style="margin:0.2em 0">{items}</ul>' if notes else ""
    return f'<div aria-live="polite">{listed}<p style="margin:0.3em 0">{sentence}</p></div>'
