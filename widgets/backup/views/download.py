"""A button that prepares the archive of one's work and a link to download it."""

from __future__ import annotations

from pathlib import Path

import ipywidgets as ipw

from widgets.backup.archive import ArchiveTooLarge, build_archive, find_course_folder
from widgets.backup.html import SAVE_FIRST_HTML, archive_html, one_by_one_html
from widgets.viewkit.controls import fitted


def download_panel(start: Path | None = None) -> ipw.VBox:
    """Save-then-download panel shown in the welcome notebook and in each module."""
    folder = find_course_folder(start or Path.cwd())
    button = ipw.Button(
        description="Préparer l'archive de mon travail",
        tooltip="Rassembler tous vos notebooks dans un fichier .zip à télécharger",
        button_style="primary",
        layout=fitted(),
    )
    result = ipw.HTML(SAVE_FIRST_HTML)

    def prepare(_: ipw.Button) -> None:
        try:
            result.value = archive_html(build_archive(folder), folder)
        except ArchiveTooLarge:
            result.value = one_by_one_html(
                "Votre travail est trop volumineux pour un seul téléchargement."
            )
        except OSError:
            result.value = one_by_one_html("Les fichiers n'ont pas pu être lus.")

    button.on_click(prepare)
    return ipw.VBox([button, result])
