"""A sentence cut into tokens, with two vocabulary sizes side by side."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.arguments import read_text
from widgets.french import format_number
from widgets.llm.html import error_html, panel_html, paragraphs_html
from widgets.llm.tokenizer import DEFAULT_VOCAB_SIZE, TokenizerError, course_tokenizer
from widgets.llm.views.controls import text_of
from widgets.llm.wording import comparison_sentence, text_notes
from widgets.palette import OKABE_ITO
from widgets.viewkit.controls import LABEL_STYLE

DEFAULT_SENTENCE = "Le conseil municipal de Clairval-sur-Ondine s'est réuni à la mairie."
VOCAB_SIZES = (500, 1000, 2000, 4000)
MAX_CHARACTERS = 2000
TINTS = ((OKABE_ITO[0], "#d6e6f2"), (OKABE_ITO[3], "#fbeccc"))
"""Alternating chips: a full Okabe-Ito border and a light tint of the same colour."""


def cut(text: str, vocab_size: int) -> tuple[str, int]:
    """The chips of `text` for one vocabulary size, and its token count."""
    tokenizer = course_tokenizer(vocab_size)
    tokenization = tokenizer.tokenize(text)
    content = panel_html(tokenization, tokenizer.vocab_size, tokenizer.token_bytes, TINTS)
    return content, tokenization.count


def token_explorer(
    text: str = DEFAULT_SENTENCE, sizes: tuple[int, int] = (500, DEFAULT_VOCAB_SIZE)
) -> ipw.VBox:
    """Type a sentence, see it cut into tokens by two tokenizers of different sizes."""
    if not isinstance(sizes, tuple | list) or len(sizes) != 2 or not set(sizes) <= set(VOCAB_SIZES):
        choices = ", ".join(format_number(size) for size in VOCAB_SIZES)
        raise TokenizerError(f"Choisissez deux tailles de vocabulaire parmi {choices} tokens.")
    box = ipw.Textarea(
        value=read_text(text, "le texte à découper"),
        description="Votre texte",
        placeholder="Écrivez une phrase, par exemple une ligne de compte rendu.",
        tooltip="Le texte à découper en tokens",
        continuous_update=True,
        style=LABEL_STYLE,
        layout=ipw.Layout(width="95%", height="4em"),
    )
    options = [(f"{format_number(size)} tokens", size) for size in VOCAB_SIZES]
    left, right = (
        ipw.Dropdown(
            options=options,
            value=size,
            description=f"Vocabulaire {side}",
            tooltip=f"Nombre de tokens que connaît le vocabulaire {side}",
            style=LABEL_STYLE,
        )
        for side, size in (("de gauche", sizes[0]), ("de droite", sizes[1]))
    )
    message = ipw.HTML()
    panels = [ipw.HTML(layout=ipw.Layout(width="50%")) for _ in range(2)]

    def redraw(_change: object = None) -> None:
        typed = text_of(box)
        notes = text_notes(typed, MAX_CHARACTERS)
        shown = typed[:MAX_CHARACTERS]
        try:
            results = [cut(shown, menu.value) for menu in (left, right)]
        except TokenizerError as error:
            message.value = error_html(error.message)
            return
        for panel, (content, _count) in zip(panels, results, strict=True):
            panel.value = content
        if shown.strip():
            counts = (results[0][1], results[1][1])
            notes.append(comparison_sentence((left.value, right.value), counts))
        message.value = paragraphs_html(notes)

    for control in (box, left, right):
        control.observe(redraw, names="value")
    redraw()
    return ipw.VBox([box, ipw.HBox([left, right]), message, ipw.HBox(panels)])
