"""A sentence cut into tokens, with two vocabulary sizes side by side."""

from __future__ import annotations

import html

import ipywidgets as ipw

from widgets.french import format_number
from widgets.llm.tokenizer import (
    DEFAULT_VOCAB_SIZE,
    Tokenization,
    TokenizerError,
    course_tokenizer,
)
from widgets.llm.views.text import token_label
from widgets.viewkit.controls import LABEL_STYLE
from widgets.viewkit.figure import OKABE_ITO

DEFAULT_SENTENCE = "Le conseil municipal de Clairval-sur-Ondine s'est réuni à la mairie."
VOCAB_SIZES = (500, 1000, 2000, 4000)
MAX_CHARACTERS = 2000
MAX_CHIPS = 300
_TINTS = ((OKABE_ITO[0], "#d6e6f2"), (OKABE_ITO[3], "#fbeccc"))
"""Alternating chips: a full Okabe-Ito border and a light tint of the same colour."""


def chips_html(tokenization: Tokenization, token_bytes: tuple[bytes, ...]) -> str:
    """Each token as a chip: its visible text above its id, chips separated by a bar."""
    chips = []
    for position, token in enumerate(tokenization.tokens[:MAX_CHIPS]):
        border, tint = _TINTS[position % 2]
        label = html.escape(token_label(token, token_bytes[token.id]), quote=False)
        chips.append(
            f'<span title="token {position + 1}, numéro {token.id}" '
            f'style="display:inline-block;margin:2px 0;padding:1px 4px;background:{tint};'
            f'border:1px solid {border};border-left:3px solid #000;text-align:center">'
            f'<span style="font-family:monospace;white-space:pre">{label}</span>'
            f'<br><span style="font-size:75%;color:#333">{token.id}</span></span>'
        )
    hidden = tokenization.count - MAX_CHIPS
    if hidden > 0:
        chips.append(f"<span> … et {format_number(hidden)} autres tokens</span>")
    return '<div role="list" style="line-height:2.4">' + "".join(chips) + "</div>"


def panel_html(text: str, vocab_size: int) -> tuple[str, int]:
    """The chips of `text` for one vocabulary size, and its token count."""
    tokenizer = course_tokenizer(vocab_size)
    tokenization = tokenizer.tokenize(text)
    count = tokenization.count
    plural = "s" if count > 1 else ""
    head = (
        f"<p><strong>Vocabulaire de {format_number(tokenizer.vocab_size)} tokens</strong> : "
        f"<strong>{format_number(count)}</strong> token{plural}</p>"
    )
    return head + chips_html(tokenization, tokenizer.token_bytes), count


def comparison_sentence(sizes: tuple[int, int], counts: tuple[int, int]) -> str:
    """Compare the token counts of the smaller and the larger vocabulary, in French."""
    (small, small_count), (large, large_count) = sorted(zip(sizes, counts, strict=True))
    if small == large:
        return "Choisissez deux tailles de vocabulaire différentes pour les comparer."
    if small_count == large_count:
        return "Pour ce texte, les deux vocabulaires donnent le même nombre de tokens."
    difference = abs(small_count - large_count)
    plural = "s" if difference > 1 else ""
    if large_count < small_count:
        return (
            f"Avec {format_number(large)} tokens de vocabulaire, il faut "
            f"{format_number(difference)} token{plural} de moins qu'avec {format_number(small)} : "
            "des mots entiers deviennent un seul token."
        )
    return (
        f"Pour ce texte, le vocabulaire de {format_number(large)} tokens en utilise "
        f"{format_number(difference)} de plus que celui de {format_number(small)}."
    )


def token_explorer(
    text: str = DEFAULT_SENTENCE, sizes: tuple[int, int] = (500, DEFAULT_VOCAB_SIZE)
) -> ipw.VBox:
    """Type a sentence, see it cut into tokens by two tokenizers of different sizes."""
    box = ipw.Textarea(
        value=text,
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
            tooltip=f"Taille du vocabulaire du tokenizer de {side}",
            style=LABEL_STYLE,
        )
        for side, size in (("de gauche", sizes[0]), ("de droite", sizes[1]))
    )
    message = ipw.HTML()
    panels = [ipw.HTML(layout=ipw.Layout(width="50%")) for _ in range(2)]

    def redraw(_change: object = None) -> None:
        shown = box.value if isinstance(box.value, str) else ""
        notes = []
        if not shown.strip():
            notes.append("Le texte est vide : écrivez une phrase dans la zone de texte.")
        if len(shown) > MAX_CHARACTERS:
            notes.append(
                f"Votre texte compte {format_number(len(shown))} caractères : seuls les "
                f"{format_number(MAX_CHARACTERS)} premiers sont découpés."
            )
            shown = shown[:MAX_CHARACTERS]
        try:
            results = [panel_html(shown, menu.value) for menu in (left, right)]
        except TokenizerError as error:
            message.value = f"<p>{html.escape(error.message, quote=False)}</p>"
            return
        for panel, (content, _count) in zip(panels, results, strict=True):
            panel.value = content
        if shown.strip():
            notes.append(
                comparison_sentence((left.value, right.value), (results[0][1], results[1][1]))
            )
        message.value = (
            '<div aria-live="polite">'
            + "".join(f"<p>{html.escape(note, quote=False)}</p>" for note in notes)
            + "</div>"
        )

    for control in (box, left, right):
        control.observe(redraw, names="value")
    redraw()
    return ipw.VBox([box, ipw.HBox([left, right]), message, ipw.HBox(panels)])
