"""Size and repetition measures of the corpus, used by its tests and its datasheet."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from widgets.french import format_number, format_percent

# A sentence ends with . ! ? or … followed by a space. A blank line also ends one, unless the
# line before it ends with a comma, a semicolon or a colon: the recitals of a deliberation
# (« Le conseil municipal, Vu …, Après en avoir délibéré, … ») and its decision form one
# sentence, as do a salutation and the first sentence of a letter. Abbreviations (M. for
# Monsieur, L. and R. before an article number, Tél.) do not end a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?<!\bM\.)(?<!\b[LRD]\.)(?<!\bTél\.)\s+|(?<![,;:])\n\s*\n")
# Headings, addresses and signatures have no final punctuation: they are not sentences.
_TERMINAL = (".", "!", "?", "…", "»", ")")
_WORD = re.compile(r"\w+")
MIN_SENTENCE_WORDS = 6


def word_count(text: str) -> int:
    """Words separated by whitespace, as a word processor counts them."""
    return len(text.split())


def sentences(text: str, min_words: int = MIN_SENTENCE_WORDS) -> list[str]:
    """Sentences of at least ``min_words`` words (runs of letters or digits), spaces normalised."""
    pieces = (" ".join(piece.split()) for piece in _SENTENCE_END.split(text))
    return [
        piece
        for piece in pieces
        if piece.endswith(_TERMINAL) and len(_WORD.findall(piece)) >= min_words
    ]


def duplicate_share(texts: Iterable[str], min_words: int = MIN_SENTENCE_WORDS) -> float:
    """Share of sentences that repeat a sentence already seen (0.0 when all are distinct)."""
    counts = Counter(s for text in texts for s in sentences(text, min_words))
    total = sum(counts.values())
    return (total - len(counts)) / total if total else 0.0


KIND_LABELS = {
    "deliberations": "Délibérations",
    "comptes-rendus": "Comptes rendus de séance",
    "courriers": "Courriers aux habitants",
    "bulletins": "Articles du bulletin municipal",
    "faq": "Foires aux questions",
    "communiques": "Communiqués de presse",
    "discours": "Discours",
    "notes": "Notes au conseil municipal",
}


def size_table(documents_by_kind: Mapping[str, list[str]]) -> str:
    """A Markdown table: documents, words and repeated sentences per kind, then the total."""
    rows = [
        "| Type de texte | Fichier | Documents | Mots | Phrases répétées |",
        "|---|---|---:|---:|---:|",
    ]
    every = []
    for kind, texts in documents_by_kind.items():
        every += texts
        words = format_number(sum(word_count(t) for t in texts))
        share = format_percent(duplicate_share(texts))
        rows.append(f"| {KIND_LABELS[kind]} | `{kind}.txt` | {len(texts)} | {words} | {share} |")
    total = format_number(sum(word_count(t) for t in every))
    share = format_percent(duplicate_share(every))
    rows.append(f"| **Total** | | **{len(every)}** | **{total}** | **{share}** |")
    return "\n".join(rows)
