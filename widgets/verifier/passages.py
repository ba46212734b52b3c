"""Cut documents into passages: a few sentences, with their document's title and position.

A passage never crosses a paragraph. A short paragraph without a final full
stop is a heading (« 3. Extinction de l'éclairage public… »): it opens the
passage that follows, so that a passage keeps the subject it belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from widgets.corpus import Document

SENTENCES_PER_PASSAGE = 3
HEADING_MAX_CHARS = 120
SHORT_PASSAGE_CHARS = 60
"""A passage shorter than this (« Représentés : 1. », « Adopté à l'unanimité. ») joins the one
before it: alone, it would be found for its document's title only."""

_BOUNDARY = re.compile(r"(?<=[.!?…])[\s\u00a0\u202f]+(?=[«\"(\d\w])")
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mmes", "dr", "me", "st", "ste", "art", "cf", "p"})


@dataclass(frozen=True)
class Passage:
    """Sentences of one document; `position` counts passages from 1 in that document."""

    kind: str
    title: str
    position: int
    text: str


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`, not cut after « M. », « Mme. » and similar abbreviations."""
    sentences, start = [], 0
    for match in _BOUNDARY.finditer(text):
        before = text[start : match.start()].rstrip(".!?… ")
        last_word = re.split(r"[\s(]", before)[-1].lower() if before else ""
        if last_word in _ABBREVIATIONS or (len(last_word) == 1 and last_word.isalpha()):
            continue
        sentence = text[start : match.start()].strip()
        if sentence:
            sentences.append(sentence)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def _is_heading(paragraph: str) -> bool:
    return len(paragraph) <= HEADING_MAX_CHARS and not paragraph.rstrip().endswith((".", "!", "?"))


def document_passages(document: Document) -> list[Passage]:
    """The passages of one document, in order."""
    chunks: list[str] = []
    heading = ""
    for paragraph in (" ".join(p.split()) for p in document.text.split("\n\n")):
        if not paragraph:
            continue
        if _is_heading(paragraph):
            heading = f"{heading} {paragraph}".strip()
            continue
        sentences = split_sentences(paragraph)
        for first in range(0, len(sentences), SENTENCES_PER_PASSAGE):
            chunk = " ".join(sentences[first : first + SENTENCES_PER_PASSAGE])
            if heading:
                chunks.append(f"{heading} — {chunk}")
            elif chunks and len(chunk) < SHORT_PASSAGE_CHARS:
                chunks[-1] = f"{chunks[-1]} {chunk}"
            else:
                chunks.append(chunk)
            heading = ""
    if heading:
        chunks.append(heading)
    return [
        Passage(document.kind, document.title, position, chunk)
        for position, chunk in enumerate(chunks, start=1)
    ]


def cut(documents: Iterable[Document]) -> list[Passage]:
    """Every passage of every document, document after document."""
    return [passage for document in documents for passage in document_passages(document)]
