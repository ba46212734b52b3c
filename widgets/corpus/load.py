"""Read the shipped corpus files (plain Python, no Jupyter)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from widgets import shipped_data
from widgets.shipped_data import CORPUS_KINDS

SEPARATOR = "%%%"

KINDS: tuple[str, ...] = CORPUS_KINDS
"""The kinds of text, one file each: `deliberations.txt`, `comptes-rendus.txt`…"""


@dataclass(frozen=True)
class Document:
    """One text of the corpus: its kind (file name), its title (header line) and its body."""

    kind: str
    title: str
    text: str


def parse_documents(kind: str, raw: str) -> list[Document]:
    """Split the content of one corpus file into documents."""
    documents = []
    for block in raw.split(f"\n{SEPARATOR}\n"):
        block = block.strip("\n")
        if not block:
            continue
        header, _, body = block.partition("\n")
        if not header.startswith("# "):
            raise ValueError(f"Document sans ligne de titre « # … » dans {kind} : {header[:60]!r}")
        documents.append(Document(kind=kind, title=header[2:].strip(), text=body.strip("\n")))
    return documents


@cache
def _read(kind: str) -> tuple[Document, ...]:
    raw = shipped_data.load("corpus", f"{kind}.txt").decode("utf-8")
    return tuple(parse_documents(kind, raw))


def load_documents(kind: str | None = None) -> list[Document]:
    """Documents of one kind (for example ``"deliberations"``), or of every kind if None."""
    if kind is not None and kind not in KINDS:
        raise ValueError(f"Type de texte inconnu : {kind!r}. Types possibles : {', '.join(KINDS)}.")
    kinds = KINDS if kind is None else (kind,)
    return [document for name in kinds for document in _read(name)]


def load_text(kind: str | None = None) -> str:
    """The whole corpus (or one kind) as one text: each document's title then its body."""
    return "\n\n".join(f"{d.title}\n\n{d.text}" for d in load_documents(kind))
