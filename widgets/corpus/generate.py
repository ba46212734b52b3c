"""Build the corpus files shipped in `widgets/corpus/data/`.

Each file holds the hand-written documents of `sources/<kind>.txt` and, for some kinds,
documents composed by the seeded generators of this package from the commune's facts.
Same seed, same files, byte for byte. `build_files` is what `widgets.shipped_data`
runs to rebuild or check the data set; `datasheet_with_size_table` rewrites the size
table of the datasheet from the files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from widgets import shipped_data
from widgets.corpus.deliberations import all_deliberations, as_document
from widgets.corpus.letters import letters
from widgets.corpus.load import KINDS, SEPARATOR, Document, parse_documents
from widgets.corpus.minutes import minutes
from widgets.corpus.source_files import source_text
from widgets.corpus.stats import size_table
from widgets.corpus.writer import Writer
from widgets.french import MONTH_NAMES

SEED = 2026

_DATE = re.compile(r"\b(1er|\d{1,2}) (" + "|".join(MONTH_NAMES) + r") (\d{4})\b")
_NUMBER = re.compile(r"n° (\d{4})-(\d{3})|n° (\d+)")


def sort_key(document: Document) -> tuple[int, ...]:
    """Chronological order: deliberation number, bulletin issue, or the first date of the title."""
    number = _NUMBER.search(document.title)
    if number and number.group(1):
        return (int(number.group(1)), 0, 0, int(number.group(2)))
    if number and number.group(3):
        return (int(number.group(3)), 0, 0, 0)
    date = _DATE.search(document.title)
    if date:
        day = 1 if date.group(1) == "1er" else int(date.group(1))
        return (int(date.group(3)), MONTH_NAMES.index(date.group(2)) + 1, day, 0)
    return (0, 0, 0, 0)


def handwritten(kind: str) -> list[Document]:
    return parse_documents(kind, source_text(f"{kind}.txt"))


def build(seed: int = SEED) -> dict[str, str]:
    """The content of every corpus file, by kind."""
    writers = {kind: Writer(f"{seed}-{kind}") for kind in KINDS}
    deliberations = all_deliberations(writers["deliberations"], handwritten("deliberations"))
    documents = {kind: handwritten(kind) for kind in KINDS}
    documents["deliberations"] = [as_document(writers["deliberations"], d) for d in deliberations]
    documents["comptes-rendus"] += minutes(writers["comptes-rendus"], deliberations)
    documents["courriers"] += letters(writers["courriers"])
    contents = {}
    for kind in KINDS:
        items = documents[kind]
        if kind != "faq":
            items.sort(key=sort_key)
        blocks = [f"# {d.title}\n{d.text}" for d in items]
        contents[kind] = f"\n{SEPARATOR}\n".join(blocks) + "\n"
    return contents


def build_files() -> dict[str, bytes]:
    """The shipped files, by file name, exactly as `widgets.shipped_data` expects them."""
    return {f"{kind}.txt": content.encode("utf-8") for kind, content in build().items()}


TABLE_START, TABLE_END = "<!-- tableau:debut -->", "<!-- tableau:fin -->"


def size_table_of(files: Mapping[str, bytes]) -> str:
    """The size table of the datasheet, for the given corpus files (by file name)."""
    texts = {
        kind: [
            f"{d.title}\n\n{d.text}"
            for d in parse_documents(kind, files[f"{kind}.txt"].decode("utf-8"))
        ]
        for kind in KINDS
    }
    return size_table(texts)


def shipped_files() -> dict[str, bytes]:
    return {f"{kind}.txt": shipped_data.load("corpus", f"{kind}.txt") for kind in KINDS}


def datasheet_with_size_table(text: str, files: Mapping[str, bytes] | None = None) -> str:
    """The datasheet `text` with its size table (between the two markers) recomputed.

    The table describes `files` (by file name), the shipped corpus files by default.
    """
    table = size_table_of(shipped_files() if files is None else files)
    before, _, rest = text.partition(TABLE_START)
    _, _, after = rest.partition(TABLE_END)
    return f"{before}{TABLE_START}\n{table}\n{TABLE_END}{after}"
