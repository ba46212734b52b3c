"""What module 02's widgets say, in French: tokens made visible, and the sentences under each view.

Plain Python, tested without a kernel. Sentences that quote a token or the
learner's text escape it (`quoted`), so the views place them in HTML as
they are; `html` builds the fragments around them.
"""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

import numpy as np

from widgets.french import format_number, format_percent
from widgets.llm.classroom import PROMPT_TAIL, START_OF_TEXT, Prediction
from widgets.llm.tokenizer import BpeTokenizer, Token

NBSP = "\u00a0"
_VISIBLE = {" ": "␣", "\n": "↵", "\t": "⇥", "\r": "␍"}
_PLOT_SAFE_BELOW = 0x2500
"""Characters from here up (emoji, most symbols) may be missing from the plot font."""


# ---------------------------------------------------------------- tokens


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


def token_labels(tokenizer: BpeTokenizer, ids: Sequence[int]) -> list[str]:
    """The label of each token id, as the bars show them."""
    return [token_label(tokenizer.token(int(i)), tokenizer.token_bytes[int(i)]) for i in ids]


def plot_safe(label: str) -> str:
    """A label the plot font can draw: rare symbols become □, and $ is not read as maths."""
    safe = "".join(c if ord(c) < _PLOT_SAFE_BELOW or c in "␣↵⇥␍□⟨⟩" else "□" for c in label)
    return safe.replace("$", r"\$")


def short_percent(probability: float) -> str:
    """A percentage with few glyphs: one decimal below 10 %, none above."""
    return format_percent(probability, 1 if probability < 0.1 else 0)


def quoted(text: str) -> str:
    """« text », escaped for HTML, with non-breaking spaces inside the guillemets."""
    return f"«{NBSP}{html.escape(text, quote=False)}{NBSP}»"


# ---------------------------------------------------------------- the token explorer


def text_notes(text: str, limit: int) -> list[str]:
    """What to tell about a text before it is cut into tokens (empty, or cut at `limit`)."""
    notes = []
    if not text.strip():
        notes.append("Le texte est vide : écrivez une phrase dans la zone de texte.")
    if len(text) > limit:
        notes.append(
            f"Votre texte compte {format_number(len(text))} caractères : seuls les "
            f"{format_number(limit)} premiers sont découpés."
        )
    return notes


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


# ---------------------------------------------------------------- next-token predictions


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


def leaders_sentence(labels: list[str], probabilities: np.ndarray, count: int = 3) -> str:
    """The first tokens and their probabilities in words, for those who do not see the bars."""
    leaders = ", ".join(
        f"{quoted(label)} {format_percent(float(p))}"
        for label, p in zip(labels[:count], probabilities[:count], strict=False)
    )
    return f"En tête : {leaders}."


def share_sentence(prediction: Prediction, shown: np.ndarray, vocab_size: int) -> str:
    """How much of the probability the shown tokens hold, and how many tokens share the rest."""
    share = float(prediction.probabilities[shown].sum())
    return (
        f"Ces {len(shown)} tokens réunissent {format_percent(share)} des chances ; les "
        f"{format_number(vocab_size - len(shown))} autres tokens du vocabulaire se partagent "
        "le reste."
    )


def temperature_sentence(
    temperature: float, top_share: float, shown_share: float, shown: int
) -> str:
    """What the temperature does, and the share of the first token and of the `shown` ones."""
    if temperature == 0:
        how = "À la température 0, le modèle prend toujours le token le plus probable."
    elif temperature < 1:
        how = "Sous 1, les tokens déjà probables le deviennent encore plus."
    elif temperature == 1:
        how = "À 1, le modèle tire au sort avec ses probabilités telles quelles."
    else:
        how = "Au-dessus de 1, les chances s'égalisent : des tokens rares peuvent sortir."
    return (
        f"{how} Le token en tête reçoit {format_percent(top_share)} des chances ; "
        f"les {shown} tokens affichés en reçoivent {format_percent(shown_share)}."
    )


# ---------------------------------------------------------------- samples and invention


def distinct_sentence(texts: list[str], temperature: float) -> str:
    """How many of the drawn continuations differ."""
    distinct = len(set(texts))
    total = len(texts)
    if distinct == 1:
        why = (
            " : à la température 0, le modèle prend toujours le token le plus probable."
            if temperature == 0
            else "."
        )
        return f"Les {total} tirages donnent exactement la même suite{why}"
    return (
        f"{distinct} suites différentes sur {total} tirages, pour le même début de texte "
        "et le même modèle."
    )


def verdict(supported: bool | None, corpus_speaks: bool) -> str:
    """What the corpus says of the year an answer gives."""
    if supported is None:
        return "— pas d'année dans cette suite"
    if supported:
        return "✔ cette année figure dans le corpus, sur ce sujet"
    if corpus_speaks:
        return "✘ inventée : le corpus ne donne pas cette année sur ce sujet"
    return "✘ inventée : le corpus ne dit rien de ce sujet"
