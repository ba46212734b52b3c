"""Module 12: the « Ce que nous retenons » document keeps exactly what the host typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome, showable
from hypothesis import given

from widgets.debat.retained import (
    RETAINED_FILE,
    load_retained,
    retained_markdown,
    save_retained,
    typed_part,
)
from widgets.errors import AtelierError
from widgets.text import printable

DAY = date(2026, 5, 8)


def test_the_document_reads_as_a_host_wrote_it() -> None:
    markdown = retained_markdown("  Relire avant de publier.  ", [("Carte", "Résumé.")], DAY)
    assert markdown == (
        "# Ce que nous retenons\n\n"
        "*Atelier IA, module 12 « Débattre : l'IA dans notre commune », 8 mai 2026.*\n\n"
        "<!-- texte -->\nRelire avant de publier.\n<!-- /texte -->\n\n"
        "## Les votes de la salle\n\n- **Carte** — Résumé.\n"
    )
    assert typed_part(markdown) == "Relire avant de publier."
    empty = retained_markdown("", [], DAY)
    assert "Rien n'a encore été écrit" in empty and "Les votes" not in empty
    assert typed_part(empty) == ""


def test_nothing_saved_reads_as_empty(tmp_path: Path) -> None:
    assert load_retained(tmp_path) == ""
    (tmp_path / RETAINED_FILE).write_bytes(b"\xff\xfe")
    assert load_retained(tmp_path) == ""


def test_a_text_is_a_string() -> None:
    with pytest.raises(AtelierError, match="comme un texte"):
        retained_markdown(None, [], DAY)


@FUZZ
@given(ODD_TEXT)
def test_any_typed_text_comes_back_from_the_file(tmp_path_factory, typed) -> None:
    folder = tmp_path_factory.mktemp("retenons")
    markdown, message = outcome(lambda: retained_markdown(typed, [("Carte", "Résumé.")], DAY))
    if message:
        return
    assert showable(markdown)
    save_retained(folder, markdown)
    expected = printable(typed).strip().replace("\r\n", "\n").replace("\r", "\n")
    assert load_retained(folder) == expected


@FUZZ
@given(ODD_VALUES)
def test_odd_values_are_refused_in_french(value) -> None:
    outcome(lambda: retained_markdown(value, [], DAY))
