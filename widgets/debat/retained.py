"""What the group retains: a Markdown document, kept on disk next to the notebook.

The host types in the closing card; every change is written to
`ce-que-nous-retenons.md` in the notebook's folder, so a closed tab or a
restarted kernel loses nothing, the course's archive (module 00's download
panel) carries the file, and the closing card reads it back when shown again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from widgets.errors import AtelierError
from widgets.french import french_date
from widgets.text import printable

RETAINED_FILE = "ce-que-nous-retenons.md"
MAX_RETAINED_CHARS = 200_000
"""Far more than a group writes in ten minutes; beyond, the text is a paste gone wrong."""
_TEXT_BEGIN = "<!-- texte -->"
_TEXT_END = "<!-- /texte -->"
_TYPED = re.compile(re.escape(_TEXT_BEGIN) + r"\n(.*)\n" + re.escape(_TEXT_END), re.DOTALL)


def read_typed(value: object) -> str:
    """The text the host typed, printable, or a French `AtelierError` when it is too long."""
    if not isinstance(value, str):
        raise AtelierError("Ce que le groupe retient s'écrit comme un texte.")
    if len(value) > MAX_RETAINED_CHARS:
        raise AtelierError(
            f"Le texte dépasse {MAX_RETAINED_CHARS // 1000} 000 caractères : gardez l'essentiel, "
            "en quelques phrases."
        )
    return printable(value)


def retained_markdown(typed: str, votes: Sequence[tuple[str, str]], day: date) -> str:
    """The document to download: the typed text, then one line per card that was voted on.

    `votes` pairs a card's title with the one-sentence summary of its vote.
    """
    text = read_typed(typed).strip() or "*(Rien n'a encore été écrit.)*"
    lines = [
        "# Ce que nous retenons",
        "",
        f"*Atelier IA, module 12 « Débattre : l'IA dans notre commune », {french_date(day)}.*",
        "",
        _TEXT_BEGIN,
        text,
        _TEXT_END,
    ]
    if votes:
        lines += ["", "## Les votes de la salle", ""]
        lines += [f"- **{printable(title)}** — {printable(summary)}" for title, summary in votes]
    return "\n".join(lines) + "\n"


def typed_part(markdown: str) -> str:
    """The typed text of a document written by `retained_markdown` (empty when there is none)."""
    match = _TYPED.search(markdown)
    if not match or match.group(1).startswith("*(Rien n'a encore"):
        return ""
    return match.group(1)


def save_retained(folder: Path, markdown: str) -> Path:
    """Write the document in `folder`; a French `AtelierError` when the disk refuses."""
    path = Path(folder) / RETAINED_FILE
    try:
        path.write_text(markdown, encoding="utf-8")
    except OSError:
        raise AtelierError(
            f"Le fichier {RETAINED_FILE} n'a pas pu être enregistré : téléchargez votre texte "
            "avec le lien ci-dessous, ou copiez-le dans une cellule."
        ) from None
    return path


def load_retained(folder: Path) -> str:
    """The typed text saved earlier in `folder`, or an empty text when there is none to read."""
    try:
        markdown = (Path(folder) / RETAINED_FILE).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""
    return typed_part(markdown)
