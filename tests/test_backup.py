"""The download of one's work: the archive engine and the panel."""

from __future__ import annotations

import base64
import io
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from widgets.backup import archive as backup
from widgets.backup.views.download import download_panel


def _course(tmp_path: Path) -> Path:
    for module in ("00-accueil", "01-prise-en-main"):
        (tmp_path / module).mkdir()
        (tmp_path / module / f"{module}.ipynb").write_text("{}", encoding="utf-8")
    (tmp_path / "01-prise-en-main" / ".ipynb_checkpoints").mkdir()
    (tmp_path / "01-prise-en-main" / ".ipynb_checkpoints" / "old.ipynb").write_text("{}")
    (tmp_path / "01-prise-en-main" / "notes.txt").write_text("mes notes")
    return tmp_path


def test_course_folder_is_found_from_a_module_folder(tmp_path: Path) -> None:
    course = _course(tmp_path)
    assert backup.find_course_folder(course / "01-prise-en-main") == course
    assert backup.find_course_folder(course) == course


def test_archive_holds_the_work_but_not_hidden_folders(tmp_path: Path) -> None:
    course = _course(tmp_path)
    archive = backup.build_archive(course, now=datetime(2026, 11, 23, 17, 5))
    assert archive.filename == "atelier-ia-mon-travail-2026-11-23-17h05.zip"
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert sorted(names) == [
        "atelier-ia/00-accueil/00-accueil.ipynb",
        "atelier-ia/01-prise-en-main/01-prise-en-main.ipynb",
        "atelier-ia/01-prise-en-main/notes.txt",
    ]


def test_too_big_files_are_skipped_and_too_big_archives_refused(tmp_path, monkeypatch) -> None:
    course = _course(tmp_path)
    monkeypatch.setattr(backup, "MAX_FILE_BYTES", 5)
    archive = backup.build_archive(course)
    assert [path.name for path in archive.skipped] == ["notes.txt"]
    monkeypatch.setattr(backup, "MAX_ARCHIVE_BYTES", 1)
    with pytest.raises(backup.ArchiveTooLarge):
        backup.build_archive(course)


def test_download_panel_gives_a_working_link(tmp_path: Path) -> None:
    course = _course(tmp_path)
    panel = download_panel(course / "00-accueil")
    button, result = panel.children
    assert "Enregistrez d'abord" in result.value
    button.click()
    assert "Télécharger atelier-ia-mon-travail-" in result.value
    payload = result.value.split("base64,", 1)[1].split('"', 1)[0]
    names = zipfile.ZipFile(io.BytesIO(base64.b64decode(payload))).namelist()
    assert "atelier-ia/00-accueil/00-accueil.ipynb" in names


def test_download_panel_explains_an_unreadable_folder(tmp_path: Path, monkeypatch) -> None:
    course = _course(tmp_path)
    panel = download_panel(course)

    def unreadable(folder: Path, now: object = None) -> None:
        raise PermissionError

    monkeypatch.setattr("widgets.backup.views.download.build_archive", unreadable)
    button, result = panel.children
    button.click()
    assert "un par un" in result.value
