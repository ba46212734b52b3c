"""The closing card: the host writes what the group retains, saved and downloadable."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import ipywidgets as ipw

from widgets.debat.cards import DebateCard
from widgets.debat.html import closing_html, download_link, message_html
from widgets.debat.retained import (
    RETAINED_FILE,
    load_retained,
    retained_markdown,
    save_retained,
)
from widgets.errors import AtelierError
from widgets.viewkit.controls import LABEL_STYLE, fitted


class ClosingCard(ipw.VBox):
    """A text area « Ce que nous retenons »: every change is saved next to the notebook."""

    def __init__(
        self,
        card: DebateCard,
        folder: Path,
        results: Callable[[], list[tuple[str, str]]] = list,
        today: Callable[[], date] = date.today,
    ) -> None:
        self.folder = Path(folder)
        self.results = results
        self.today = today
        self.text = ipw.Textarea(
            value=load_retained(self.folder),
            placeholder="Ce que nous ferons, ce que nous ne ferons pas, à qui poser nos questions…",
            description="Ce que nous retenons :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="95%", height="220px"),
        )
        self.refresh_button = ipw.Button(
            description="Mettre à jour le fichier (avec les derniers votes)",
            tooltip="Réécrire le fichier à télécharger avec le texte et les votes de la salle",
            layout=fitted(),
        )
        self.status = ipw.HTML()
        self.link = ipw.HTML()
        self.text.observe(lambda _change: self.save(), names="value")
        self.refresh_button.on_click(lambda _button: self.save())
        self.renew_link()
        super().__init__(
            [
                ipw.HTML(closing_html(card)),
                self.text,
                ipw.HBox([self.refresh_button]),
                self.status,
                self.link,
            ]
        )

    def markdown(self) -> str:
        return retained_markdown(self.text.value, self.results(), self.today())

    def renew_link(self) -> str | None:
        """The document as it stands, behind the download link (None when the text is refused)."""
        try:
            markdown = self.markdown()
        except AtelierError as error:
            self.status.value = message_html(error.message)
            return None
        self.link.value = download_link(RETAINED_FILE, markdown)
        return markdown

    def save(self) -> None:
        """Renew the download link and write the file next to the notebook.

        Only a change writes the file: showing the card alone leaves the folder as it was.
        """
        markdown = self.renew_link()
        if markdown is None:
            return
        try:
            save_retained(self.folder, markdown)
        except AtelierError as error:
            self.status.value = message_html(error.message)
            return
        self.status.value = (
            f"<p>Enregistré dans <code>{RETAINED_FILE}</code>, à côté de ce notebook, "
            f"à {datetime.now():%Hh%M}. L'archive de votre travail le contient aussi.</p>"
        )
