"""The course corpus as the language models read it: one text per document.

The corpus and its loader belong to `widgets.corpus` (files in
`widgets/corpus/data/`). The models learn from each document's title and
body, joined as a reader sees them, without the `# ` mark of the title
line, which is layout rather than language.
"""

from __future__ import annotations

from functools import lru_cache

from widgets.corpus import Document, load_documents, parse_documents


def training_text(document: Document) -> str:
    return f"{document.title}\n\n{document.text}"


def split_documents(raw: str) -> list[str]:
    """The training texts of one file in the corpus format (`%%%` separators, `# ` titles)."""
    return [training_text(document) for document in parse_documents("texte", raw)]


@lru_cache(maxsize=1)
def course_documents() -> tuple[str, ...]:
    """Every document of the shipped corpus, as training texts."""
    return tuple(training_text(document) for document in load_documents())
