"""What the download panel shows, as HTML (plain Python)."""

from __future__ import annotations

import base64
from datetime import datetime
from html import escape
from pathlib import Path

from widgets.backup.archive import Archive
from widgets.french import format_size
from widgets.text import printable

SAVE_FIRST_HTML = (
    "<p>Enregistrez d'abord vos notebooks (Ctrl+S, ou menu Fichier, puis Sauvegarder) : "
    "l'archive contient leur dernière version enregistrée.</p>"
)


def archive_html(archive: Archive, folder: Path) -> str:
    payload = base64.b64encode(archive.content).decode("ascii")
    notebooks = [path for path in archive.files if path.suffix == ".ipynb"]
    listing = "".join(
        f"<li>{escape(printable(str(path.relative_to(folder))))} (enregistré le "
        f"{datetime.fromtimestamp(path.stat().st_mtime):%d/%m à %Hh%M})</li>"
        for path in notebooks
    )
    skipped = ""
    if archive.skipped:
        names = ", ".join(escape(printable(path.name)) for path in archive.skipped)
        skipped = f"<p>Fichiers trop lourds, laissés de côté : {names}.</p>"
    return (
        f'<p><a download="{escape(archive.filename)}" '
        f'href="data:application/zip;base64,{payload}" '
        'style="font-weight:bold;font-size:1.1em">'
        f"⬇ Télécharger {escape(archive.filename)} ({format_size(len(archive.content))})</a></p>"
        f"<p>L'archive contient {len(archive.files)} fichier(s), dont ces notebooks :</p>"
        f"<ul>{listing}</ul>{skipped}"
    )


def one_by_one_html(problem: str) -> str:
    """When one archive cannot be made: say why, and how to download each notebook instead."""
    return (
        f"<p>{escape(problem)} Téléchargez vos notebooks un par un : clic droit sur le fichier, "
        "dans le panneau de gauche, puis « Télécharger ».</p>"
    )
