"""The project canvas as a form: one text box per heading, Clairval's example as a guide."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.projet.canvas import Canvas, example_canvas, form, length_notes, read_canvas
from widgets.projet.html import canvas_intro_html, field_heading_html, length_notes_html
from widgets.viewkit.controls import fitted


class ProjectCanvas(ipw.VBox):
    """The form; `canvas` is what the learner has typed so far, cleaned, never cut."""

    def __init__(self) -> None:
        known = form()
        self.title_box = ipw.Text(
            placeholder=f"Exemple : {known.example_title}",
            layout=ipw.Layout(width="100%"),
        )
        self.boxes = {
            item.key: ipw.Textarea(
                placeholder=f"Exemple à {known.example_commune} : {item.example}",
                rows=3,
                layout=ipw.Layout(width="100%"),
            )
            for item in known.fields
        }
        self._example = ipw.Button(
            description="Compléter les rubriques vides avec l'exemple",
            tooltip="Remplit seulement les rubriques encore vides : ce que vous avez écrit reste",
            icon="clipboard",
            layout=fitted(),
        )
        self._example.on_click(self.fill_with_example)
        self._notes = ipw.HTML()
        rows: list[ipw.Widget] = [
            ipw.HTML(canvas_intro_html(known.example_commune)),
            self._example,
            ipw.HTML(field_heading_html(known.title_label, known.title_hint)),
            self.title_box,
        ]
        for item in known.fields:
            rows += [ipw.HTML(field_heading_html(item.label, item.hint)), self.boxes[item.key]]
            self.boxes[item.key].observe(self._show_notes, "value")
        super().__init__([*rows, self._notes], layout=ipw.Layout(max_width="820px"))

    @property
    def canvas(self) -> Canvas:
        return read_canvas(
            {key: box.value for key, box in self.boxes.items()}, title=self.title_box.value
        )

    def fill_with_example(self, _: object = None) -> None:
        example = example_canvas()
        if not self.title_box.value.strip():
            self.title_box.value = example.title
        for key, box in self.boxes.items():
            if not box.value.strip():
                box.value = example.text(key)

    def _show_notes(self, _: object = None) -> None:
        self._notes.value = length_notes_html(length_notes(self.canvas))
