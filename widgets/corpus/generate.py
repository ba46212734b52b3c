"""Build the corpus files in ``widgets/data/corpus/``.

Each file holds the hand-written documents of ``widgets/corpus/sources/`` and, for some
kinds, documents composed by the seeded generators of this package from the commune's
facts. Same seed, same files, byte for byte::

    python -m widgets.corpus.generate            # writes the files
    python -m widgets.corpus.generate --check    # exits 1 if the files are stale
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib.resources import files
from pathlib import Path

from widgets.corpus.deliberations import all_deliberations, as_document
from widgets.corpus.letters import letters
from widgets.corpus.load import KINDS, SEPARATOR, Document, parse_documents
from widgets.corpus.minutes import minutes
from widgets.corpus.prose import Writer
from widgets.corpus.stats import size_table

SEED = 2026

MONTHS = {
    name: number
    for number, name in enumerate(
        [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        start=1,
    )
}
_DATE = re.compile(r"\b(1er|\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
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
        return (int(date.group(3)), MONTHS[date.group(2)], day, 0)
    return (0, 0, 0, 0)


def handwritten(kind: str) -> list[Document]:
    source = files("widgets.corpus") / "sources" / f"{kind}.txt"
    return parse_documents(kind, source.read_text(encoding="utf-8"))


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


def output_dir() -> Path:
    return Path(str(files("widgets"))) / "data" / "corpus"


TABLE_START, TABLE_END = "<!-- tableau:debut -->", "<!-- tableau:fin -->"


def table_of(contents: dict[str, str]) -> str:
    """The size table of the datasheet, for the given file contents."""
    texts = {
        kind: [f"{d.title}\n\n{d.text}" for d in parse_documents(kind, content)]
        for kind, content in contents.items()
    }
    return size_table(texts)


def size_table_from_files() -> str:
    corpus = files("widgets") / "data" / "corpus"
    return table_of({k: (corpus / f"{k}.txt").read_text(encoding="utf-8") for k in KINDS})


def with_table(datasheet: str, table: str) -> str:
    """The datasheet with its size table replaced (between the two markers)."""
    before, _, rest = datasheet.partition(TABLE_START)
    _, _, after = rest.partition(TABLE_END)
    return f"{before}{TABLE_START}\n{table}\n{TABLE_END}{after}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Construit le corpus de Clairval-sur-Ondine.")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--check", action="store_true", help="vérifie sans écrire")
    args = parser.parse_args(argv)
    target = output_dir()
    contents = build(args.seed)
    wanted = {target / f"{kind}.txt": content for kind, content in contents.items()}
    datasheet = target / "DATASHEET.md"
    if datasheet.exists():
        wanted[datasheet] = with_table(datasheet.read_text(encoding="utf-8"), table_of(contents))
    stale = [p.name for p, c in wanted.items() if not p.exists() or p.read_text("utf-8") != c]
    if args.check:
        if stale:
            print("Fichiers à régénérer : " + ", ".join(stale))
            return 1
        return 0
    for path, content in wanted.items():
        path.write_text(content, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
