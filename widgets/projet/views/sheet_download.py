"""The button that turns the canvas (and, if wanted, the risk level and drafts) into files."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import ipywidgets as ipw

from widgets.projet.canvas import length_notes
from widgets.projet.document import Section, data_url, file_name, sheet_html, sheet_markdown
from widgets.projet.html import SHEET_WAITING_HTML, sheet_links_html
from widgets.projet.views.canvas import ProjectCanvas
from widgets.viewkit.controls import fitted


class SheetDownload(ipw.VBox):
    """Prepare, then download: the files travel inside the links (no server path, Voilà too).

    `extra` returns the sections to add after the canvas (the risk level, the drafts),
    read from the other views when the button is pressed.
    """

    def __init__(
        self,
        canvas_view: ProjectCanvas,
        extra: Callable[[], Sequence[Section]] | None = None,
        extra_label: str = "",
    ) -> None:
        self._canvas_view = canvas_view
        self._extra = extra
        self._include = ipw.Checkbox(
            value=extra is not None,
            description=extra_label,
            indent=False,
            layout=fitted(),
        )
        button = ipw.Button(
            description="Préparer ma fiche projet",
            tooltip="Rassembler la fiche dans une page à imprimer et un fichier texte",
            button_style="primary",
            icon="download",
            layout=fitted(),
        )
        button.on_click(self.prepare)
        self.result = ipw.HTML(SHEET_WAITING_HTML)
        options = [self._include] if extra is not None and extra_label else []
        super().__init__([*options, button, self.result])

    def prepare(self, _: object = None) -> None:
        canvas = self._canvas_view.canvas
        extra = list(self._extra()) if self._extra and self._include.value else []
        files = [
            (
                file_name(canvas, "html"),
                data_url(sheet_html(canvas, extra), "text/html"),
                "la fiche, page à imprimer",
            ),
            (
                file_name(canvas, "md"),
                data_url(sheet_markdown(canvas, extra), "text/markdown"),
                "la fiche en texte (Markdown)",
            ),
        ]
        self.result.value = sheet_links_html(
            files,
            len(canvas.filled()),
            [item.label for item in canvas.missing()],
            length_notes(canvas),
        )
