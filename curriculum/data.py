"""`atelier data`: rebuild every shipped data set from its seeded generator, and refuse
a data set whose fingerprint changed without its datasheet saying why.

For each data set of `widgets.shipped_data.DATA_SETS`, the generator runs and
its files are written to the package's `data/` folder (only the files that
differ), together with the computed parts of its datasheet. Then the
fingerprint of the files is compared with the last row of the datasheet's
« Versions » table. A new fingerprint is refused until a row with that
fingerprint says why the data changed: the command prints the row to add.
With `--verifier`, nothing is written: the command only says what differs.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from widgets.shipped_data import (
    DATA_SETS,
    DATASHEET,
    ShippedDataSet,
    fingerprint,
    pinned_fingerprint,
)


@dataclass(frozen=True)
class Rebuilt:
    """What rebuilding one data set found, in French for the maintainer."""

    name: str
    changed_files: tuple[str, ...]
    fingerprint: str
    pinned: str | None

    @property
    def explained(self) -> bool:
        return self.fingerprint == self.pinned

    def report(self, today: dt.date) -> str:
        if self.changed_files:
            files = ", ".join(self.changed_files)
            first = f"« {self.name} » : fichiers différents du générateur : {files}."
        else:
            first = f"« {self.name} » : les fichiers sont ceux que donne le générateur."
        if self.explained:
            return f"{first} Empreinte inscrite dans la fiche : {self.fingerprint[:12]}…"
        return (
            f"{first}\n  L'empreinte {self.fingerprint[:12]}… n'est pas la dernière de la fiche "
            f"{DATASHEET}. Si ce changement est voulu, ajoutez à la fin de son tableau "
            "« Versions » la ligne :\n"
            f"  | {today.isoformat()} | `{self.fingerprint}` | <ce qui a changé, et pourquoi> |"
        )


def rebuild(data_set: ShippedDataSet, *, write: bool) -> Rebuilt:
    """Run the generator; write what differs when `write`; compare with the pinned version."""
    built = data_set.build()
    folder = data_set.folder()
    changed = []
    for file_name, content in sorted(built.items()):
        path = folder / file_name
        if path.is_file() and path.read_bytes() == content:
            continue
        changed.append(file_name)
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    sheet = folder / DATASHEET
    if sheet.is_file():
        text = sheet.read_text(encoding="utf-8")
        updated = data_set.updated_datasheet(text)
        if updated != text:
            changed.append(DATASHEET)
            if write:
                sheet.write_text(updated, encoding="utf-8")
    return Rebuilt(data_set.name, tuple(changed), fingerprint(built), pinned_fingerprint(data_set))


def rebuild_all(names: list[str], *, write: bool) -> list[Rebuilt]:
    chosen = names or sorted(DATA_SETS)
    return [rebuild(DATA_SETS[name], write=write) for name in chosen]
