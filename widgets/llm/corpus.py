"""The course corpus as the language models read it: a list of documents.

The corpus ships inside the package as text files, in `widgets/data/corpus/`
or `widgets/corpus/sources/` (both are read, files in name order). In each
file, documents are separated by lines holding only `%%%`, and each
document opens with a `# titre` line. The models learn from the title and
the body, without the `# ` mark, which is layout rather than language.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

SEPARATOR = "%%%"
TITLE_MARK = "# "
CORPUS_FOLDERS = (("data", "corpus"), ("corpus", "sources"))


def split_documents(text: str) -> list[str]:
    """Documents of one corpus file, titles unmarked, surrounding blank lines removed."""
    documents, lines = [], []
    for line in [*text.splitlines(), SEPARATOR]:
        if line.strip() != SEPARATOR:
            lines.append(line)
            continue
        document = "\n".join(lines).strip()
        lines = []
        if document.startswith(TITLE_MARK):
            document = document[len(TITLE_MARK) :].lstrip()
        if document:
            documents.append(document)
    return documents


@lru_cache(maxsize=1)
def course_documents() -> tuple[str, ...]:
    """Every document of the shipped corpus, files read in name order.

    An empty tuple when no corpus file ships (the models then refuse to train).
    """
    package = resources.files("widgets")
    files = [
        item
        for folder in CORPUS_FOLDERS
        if package.joinpath(*folder).is_dir()
        for item in sorted(package.joinpath(*folder).iterdir(), key=lambda item: item.name)
        if item.name.endswith(".txt")
    ]
    return tuple(
        document for item in files for document in split_documents(item.read_text(encoding="utf-8"))
    )
