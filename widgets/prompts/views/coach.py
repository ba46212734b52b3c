"""The prompt coach: seven fields, the assembled prompt and the checklist, updated live.

Every keystroke re-assembles the prompt and re-runs the checklist (under a
millisecond for the longest prompt of the gallery; see
curriculum/benchmarks/prompts.py). Bad input never raises: whatever the
engine cannot handle becomes a French message under the fields.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.french import format_number
from widgets.prompts.checklist import check_fields
from widgets.prompts.fields import FIELD_SPECS, MAX_FIELD_CHARS, PromptFields, assemble
from widgets.prompts.html import checklist_html, help_html, message_html, prompt_html
from widgets.viewkit.controls import LABEL_STYLE

_UNEXPECTED = (
    "Le coach n'a pas pu analyser ce texte. Vérifiez-le, ou videz le champ modifié en dernier."
)


class PromptCoach:
    """The coach's controls and what they show; `widget` is what the notebook displays."""

    def __init__(self, initial: PromptFields | None = None) -> None:
        initial = initial or PromptFields()
        self.inputs: dict[str, ipw.Textarea] = {
            spec.name: ipw.Textarea(
                value=initial.get(spec.name),
                placeholder=spec.placeholder,
                description=f"{spec.label} :",
                tooltip=spec.help,
                rows=3 if spec.name in ("context", "constraints", "examples") else 2,
                continuous_update=True,
                style=LABEL_STYLE,
                layout=ipw.Layout(width="98%"),
            )
            for spec in FIELD_SPECS
        }
        self.notice = ipw.HTML()
        self.prompt_view = ipw.HTML()
        self.checklist_view = ipw.HTML()
        self._holding = False
        for control in self.inputs.values():
            control.observe(self._on_change, names="value")
        helps = {spec.name: ipw.HTML(help_html(spec.help)) for spec in FIELD_SPECS}
        form = ipw.VBox(
            [ipw.VBox([self.inputs[spec.name], helps[spec.name]]) for spec in FIELD_SPECS]
            + [self.notice],
            layout=ipw.Layout(width="50%", min_width="320px"),
        )
        result = ipw.VBox(
            [self.checklist_view, self.prompt_view],
            layout=ipw.Layout(width="50%", min_width="320px"),
        )
        self.widget = ipw.HBox([form, result], layout=ipw.Layout(flex_flow="row wrap"))
        self.update()

    @property
    def fields(self) -> PromptFields:
        return PromptFields.from_mapping({name: box.value for name, box in self.inputs.items()})

    def fill(self, prompt: PromptFields) -> None:
        """Put a whole prompt in the fields, then update once."""
        self._holding = True
        try:
            for name, box in self.inputs.items():
                box.value = prompt.get(name)
        finally:
            self._holding = False
        self.update()

    def clear(self) -> None:
        self.fill(PromptFields())

    def update(self) -> None:
        """Re-assemble and re-check; never raises."""
        try:
            raw = {name: box.value for name, box in self.inputs.items()}
            too_long = [
                spec.label
                for spec in FIELD_SPECS
                if isinstance(raw[spec.name], str) and len(raw[spec.name]) > MAX_FIELD_CHARS
            ]
            prompt = PromptFields.from_mapping(raw)
            self.checklist_view.value = checklist_html(check_fields(prompt), "Le coach")
            self.prompt_view.value = prompt_html(assemble(prompt))
            self.notice.value = (
                message_html(
                    f"Champ trop long ({', '.join(too_long)}) : seuls les "
                    f"{format_number(MAX_FIELD_CHARS)} premiers caractères sont pris en compte."
                )
                if too_long
                else ""
            )
        except Exception:  # a learner never meets a traceback from the coach
            self.notice.value = message_html(_UNEXPECTED)

    def _on_change(self, _change: dict) -> None:
        if not self._holding:
            self.update()
