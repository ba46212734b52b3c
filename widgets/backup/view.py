"""A button that prepares the archive of one's work and a link to download it."""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path

import ipywidgets as ipw

from widgets.backup.engine import Archive, ArchiveTooLarge, build_archive, find_course_folder
from widgets.french import format_size


def archive_html(archive: Archive, folder: Path) -> str:
    payload = base64.b64encode(archive.content).decode("ascii")
    notebooks = [path for path in archive.files if path.suffix == ".ipynb"]
    listing = "".join(
        f"<li>{escape(str(path.relative_to(folder)))} (enregistré le "
        f"{datetime.fromtimestamp(path.stat().st_mtime):%d/%m à %Hh%M})</li>"
        for path in notebooks
    )
    skipped = ""
    if archive.skipped:
        names = ", ".join(escape(path.name) for path in archive.skipped)
        skipped = f"<p>Fichiers trop lourds, laissés de côté : {names}.</p>"
    return (
        f'<p><a download="{escape(archive.filename)}" '
        f'href="data:application/zip;base64,{payload}" '
        'style="font-weight:bold;font-size:1.1em">'
        f"⬇ Télécharger {escape(archive.filename)} ({format_size(len(archive.content))})</a></p>"
        f"<p>L'archive contient {len(archive.files)} fichier(s), dont ces notebooks :</p>"
        f"<ul>{listing}</ul>{skipped}"
    )


def download_panel(start: Path | None = None) -> ipw.VBox:
    """Save-then-download panel shown in the welcome notebook and in each module."""
    folder = find_course_folder(start or Path.cwd())
    button = ipw.Button(
        description="Préparer l'archive de mon travail",
        tooltip="Rassembler tous vos notebooks dans un fichier .zip à télécharger",
        button_style="primary",
        layout=ipw.Layout(width="auto"),
    )
    result = ipw.HTML(
        "<p>Enregistrez d'abord vos notebooks (Ctrl+S, ou menu Fichier, puis Sauvegarder) : "
        "l'archive contient leur dernière version enregistrée.</p>"
    )

    def prepare(_: ipw.Button) -> None:
        try:
            result.value = archive_html(build_archive(folder), folder)
        except ArchiveTooLarge:
            result.value = (
                "<p>Votre travail est trop volumineux pour un seul téléchargement. "
                "Téléchargez vos notebooks un par un : clic droit sur le fichier, "
                "dans le panneau de gauche, puis « Télécharger ».</p>"
            )
        except OSError:
            result.value = (
                "<p>Les fichiers n'ont pas pu être lus. Téléchargez vos notebooks un par un : "
                "clic droit sur le fichier, dans le panneau de gauche, puis « Télécharger ».</p>"
            )

    button.on_click(prepare)
    return ipw.VBox([button, result])
