"""Every shipped data set: rebuilt from its seed, byte for byte, at its pinned fingerprint."""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
import textwrap

import pytest

from curriculum.cli import main as atelier
from curriculum.data import rebuild
from widgets.shipped_data import (
    DATA_SETS,
    DataSetError,
    ShippedDataSet,
    check,
    fingerprint,
    load,
    versions,
)

NAMES = sorted(DATA_SETS)


@pytest.mark.parametrize("name", NAMES)
def test_the_shipped_files_are_the_version_the_datasheet_pins(name: str) -> None:
    assert check(name) == []


@pytest.mark.parametrize("name", NAMES)
def test_the_seeded_generator_rebuilds_the_shipped_files_byte_for_byte(name: str) -> None:
    result = rebuild(DATA_SETS[name], write=False)
    assert result.changed_files == ()
    assert result.explained


def test_the_fingerprint_is_sha256_over_names_and_contents_in_name_order() -> None:
    contents = {"b.csv": b"2\n", "a.csv": b"1\n"}
    digest = hashlib.sha256()
    for name, data in (("a.csv", b"1\n"), ("b.csv", b"2\n")):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    assert fingerprint(contents) == digest.hexdigest()
    assert fingerprint({"a.csv": b"1\n"}) != fingerprint({"a.csv": b"1 \n"})


def test_the_versions_table_is_read_row_by_row_and_the_last_row_is_pinned() -> None:
    sheet = textwrap.dedent(
        f"""\
        ## Versions

        | date | empreinte SHA-256 | pourquoi |
        |---|---|---|
        | 2026-11-20 | `{"a" * 64}` | première version |
        | 2026-12-01 | `{"b" * 64}` | une colonne de plus |
        """
    )
    rows = versions(sheet)
    assert [row.fingerprint[0] for row in rows] == ["a", "b"]
    assert rows[-1].why == "une colonne de plus"


@pytest.fixture
def toy_package(tmp_path, monkeypatch):
    """A package `toy_data` with a generator whose output the test controls."""
    package = tmp_path / "toy_data"
    (package / "data").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "generate.py").write_text(
        "CONTENT = b'x,y\\n1,2\\n'\n\ndef build_files():\n    return {'toy.csv': CONTENT}\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    yield package
    for module in ("toy_data", "toy_data.generate"):
        sys.modules.pop(module, None)


def test_a_changed_fingerprint_is_refused_until_the_datasheet_says_why(toy_package) -> None:
    toy = ShippedDataSet("toy", "toy_data", "toy_data.generate:build_files", ("toy.csv",))
    new_print = fingerprint({"toy.csv": b"x,y\n1,2\n"})
    sheet = toy_package / "data" / "DATASHEET.md"
    sheet.write_text(f"# Toy\n\n## Versions\n\n| 2026-11-01 | `{'0' * 64}` | début |\n")

    first = rebuild(toy, write=True)
    assert first.changed_files == ("toy.csv",)
    assert not first.explained
    report = first.report(dt.date(2026, 12, 1))
    assert f"| 2026-12-01 | `{new_print}` |" in report
    assert "ajoutez à la fin de son tableau « Versions »" in report
    assert (toy_package / "data" / "toy.csv").read_bytes() == b"x,y\n1,2\n"

    sheet.write_text(sheet.read_text() + f"| 2026-12-01 | `{new_print}` | une ligne |\n")
    second = rebuild(toy, write=True)
    assert second.changed_files == ()
    assert second.explained


def test_loading_an_unknown_data_set_or_file_is_a_french_error() -> None:
    with pytest.raises(DataSetError, match="Jeu de données inconnu"):
        load("inconnu", "x.csv")
    with pytest.raises(DataSetError, match="ne fait pas partie"):
        load(NAMES[0], "absent.csv")


def test_atelier_data_refuses_an_unknown_data_set_in_french(capsys) -> None:
    assert atelier(["data", "--verifier", "inconnu"]) == 2
    assert "jeu de données inconnu : inconnu" in capsys.readouterr().out
