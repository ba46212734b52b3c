"""Every data set the course ships: where it lives, how it is rebuilt, and its pinned fingerprint.

A data set belongs to one topic package, in its `data/` folder: the files a
seeded generator writes, and a datasheet, `DATASHEET.md`, in French. The
generator's hand-written inputs (word lists, phrase variants, commune facts)
sit beside it in `sources/`, as data files.

The datasheet pins what was shipped: its « Versions » table has one row per
version, with the date, the SHA-256 fingerprint of the data set and why it
changed. The last row is the version shipped. `check` compares the files with
that row; `atelier data` (`make data`, in `curriculum.data`) runs every
generator and says whether the result still matches it. So data cannot change
silently: a new fingerprint needs a new row that says why, and the command
prints the row to add.

Plain Python: no Jupyter, and nothing heavy is imported until a generator runs.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from widgets.errors import AtelierError

DATASHEET = "DATASHEET.md"
_VERSION_ROW = re.compile(r"^\|\s*(\d{4}-\d{2}-\d{2})\s*\|\s*`?([0-9a-f]{64})`?\s*\|(.*)\|\s*$")


class DataSetError(AtelierError):
    """A shipped data set is missing, unknown or not the pinned version; in French."""


@dataclass(frozen=True)
class ShippedDataSet:
    """One data set: its name, the package whose `data/` folder holds it, its generator.

    `generator` names a function as "module:function". Called with no
    argument, it returns the content of every file of the data set, by file
    name, exactly as shipped. It is imported only when the data are rebuilt.
    """

    name: str
    package: str
    generator: str
    files: tuple[str, ...]
    datasheet_update: str = ""
    """Optional "module:function" that rewrites the parts of the datasheet computed
    from the data (for example a size table): text in, text out."""

    def folder(self) -> Path:
        return Path(str(resources.files(self.package).joinpath("data")))

    def read(self, file_name: str) -> bytes:
        """The bytes of one shipped file, read through the package (not the working directory)."""
        if file_name not in self.files:
            raise DataSetError(
                f"« {file_name} » ne fait pas partie du jeu de données « {self.name} »."
            )
        path = self.folder() / file_name
        if not path.is_file():
            raise DataSetError(
                f"Le fichier {file_name} du jeu de données « {self.name} » est introuvable : "
                "réinstallez le cours (make lab) ou restaurez-le avec git."
            )
        return path.read_bytes()

    def build(self) -> dict[str, bytes]:
        """Run the seeded generator: the content each file should have."""
        generate: Callable[[], Mapping[str, bytes]] = _function(self.generator)
        built = dict(generate())
        if sorted(built) != sorted(self.files):
            raise DataSetError(
                f"Le générateur de « {self.name} » écrit {sorted(built)} "
                f"au lieu de {sorted(self.files)}."
            )
        return built

    def updated_datasheet(self, text: str) -> str:
        """The datasheet with its computed parts brought up to date (unchanged if none)."""
        if not self.datasheet_update:
            return text
        update: Callable[[str], str] = _function(self.datasheet_update)
        return update(text)


def _function(reference: str) -> Callable:
    """The function named "package.module:function", imported now."""
    module_name, _, function_name = reference.partition(":")
    return getattr(importlib.import_module(module_name), function_name)


CORPUS_KINDS = (
    "deliberations",
    "comptes-rendus",
    "courriers",
    "bulletins",
    "faq",
    "communiques",
    "discours",
    "notes",
)

DATA_SETS: dict[str, ShippedDataSet] = {
    data_set.name: data_set
    for data_set in (
        ShippedDataSet(
            "corpus",
            "widgets.corpus",
            "widgets.corpus.generate:build_files",
            tuple(f"{kind}.txt" for kind in CORPUS_KINDS),
            datasheet_update="widgets.corpus.generate:datasheet_with_size_table",
        ),
        ShippedDataSet(
            "demandes",
            "widgets.demandes",
            "widgets.demandes.generate:build_files",
            ("demandes.csv",),
        ),
        ShippedDataSet(
            "batiments",
            "widgets.batiments",
            "widgets.batiments.generate:build_files",
            ("batiments.csv",),
        ),
        ShippedDataSet(
            "controles",
            "widgets.controles",
            "widgets.controles.generate:build_files",
            ("controles.csv",),
        ),
        ShippedDataSet(
            "donnees_personnelles",
            "widgets.donnees_personnelles",
            "widgets.donnees_personnelles.generate:build_files",
            ("evaluation.jsonl",),
        ),
    )
}
"""Every shipped data set, by name; the name is its case study's, everywhere."""


def fingerprint(contents: Mapping[str, bytes]) -> str:
    """SHA-256 over the files of a data set, by sorted file name."""
    digest = hashlib.sha256()
    for name in sorted(contents):
        digest.update(name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(contents[name]).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Version:
    """One row of a datasheet's « Versions » table."""

    date: str
    fingerprint: str
    why: str


def versions(datasheet_text: str) -> list[Version]:
    """The rows of the « Versions » table of a datasheet, oldest first."""
    found = []
    for line in datasheet_text.splitlines():
        match = _VERSION_ROW.match(line.strip())
        if match:
            found.append(Version(match.group(1), match.group(2), match.group(3).strip()))
    return found


def pinned_fingerprint(data_set: ShippedDataSet) -> str | None:
    """The fingerprint of the last row of the datasheet's « Versions » table, if any."""
    sheet = data_set.folder() / DATASHEET
    if not sheet.is_file():
        return None
    rows = versions(sheet.read_text(encoding="utf-8"))
    return rows[-1].fingerprint if rows else None


def known(name: str) -> ShippedDataSet:
    if name not in DATA_SETS:
        raise DataSetError(
            f"Jeu de données inconnu : « {name} ». Jeux connus : {', '.join(sorted(DATA_SETS))}."
        )
    return DATA_SETS[name]


def load(name: str, file_name: str) -> bytes:
    """The bytes of one file of a shipped data set."""
    return known(name).read(file_name)


def check(name: str) -> list[str]:
    """What is wrong with a shipped data set, in French; empty when it is the pinned version."""
    data_set = known(name)
    problems = []
    if not (data_set.folder() / DATASHEET).is_file():
        problems.append(f"« {name} » n'a pas de fiche {DATASHEET} dans son dossier data/.")
        return problems
    try:
        shipped = {file_name: data_set.read(file_name) for file_name in data_set.files}
    except DataSetError as error:
        return [error.message]
    pinned = pinned_fingerprint(data_set)
    actual = fingerprint(shipped)
    if pinned is None:
        problems.append(f"La fiche de « {name} » n'a pas de tableau « Versions ».")
    elif pinned != actual:
        problems.append(
            f"Les fichiers de « {name} » ne sont pas la version inscrite dans sa fiche "
            f"(empreinte {actual[:12]}…, fiche {pinned[:12]}…)."
        )
    return problems
