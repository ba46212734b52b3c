"""Module 11 view: a few text fields, the two legal drafts they make, and the agents threshold.

The « mention explicite » and the inventory entry are rewritten at each
keystroke; the number of agents says whether the inventory is due (50 agents,
never inhabitants). `notice` and `entry` hold the last drafts.
"""

from __future__ import annotations

from collections.abc import Mapping

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.projet.html import draft_html, message_html
from widgets.projet.notices import (
    EXAMPLE_AGENTS,
    EXAMPLE_FIELDS,
    INVENTORY_FIELDS,
    MAX_AGENTS,
    NOT_A_MAPPING,
    NOTICE_FIELDS,
    Draft,
    explicit_notice,
    inventory_entry,
    inventory_sentence,
    read_agents,
)
from widgets.viewkit.controls import LABEL_STYLE


class NoticeDrafts:
    """Text fields (shared by the two drafts), the agents field, and the drafts as they read."""

    def __init__(
        self, fields: Mapping[str, str] | None = None, agents: int = EXAMPLE_AGENTS
    ) -> None:
        values = EXAMPLE_FIELDS if fields is None else fields
        if not isinstance(values, Mapping):
            raise AtelierError(NOT_A_MAPPING)
        labels = {**INVENTORY_FIELDS, **NOTICE_FIELDS}
        self.texts: dict[str, ipw.Text] = {}
        for key, label in labels.items():
            text = ipw.Text(
                value=values.get(key, "") if isinstance(values.get(key, ""), str) else "",
                description=f"{label[0].upper()}{label[1:]} :",
                tooltip=f"Écrivez {label}",
                style=LABEL_STYLE,
                layout=ipw.Layout(width="98%"),
            )
            text.observe(lambda _change: self.refresh(), names="value")
            self.texts[key] = text
        self.agents = ipw.BoundedIntText(
            value=read_agents(agents),
            min=0,
            max=MAX_AGENTS,
            description="Nombre d'agents de la commune (équivalent temps plein) :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="auto"),
        )
        self.agents.observe(lambda _change: self.refresh(), names="value")
        self.notice: Draft | None = None
        self.entry: Draft | None = None
        self.notice_view = ipw.HTML()
        self.threshold_view = ipw.HTML()
        self.entry_view = ipw.HTML()
        self.widget = ipw.VBox(
            [
                *self.texts.values(),
                self.notice_view,
                self.agents,
                self.threshold_view,
                self.entry_view,
            ]
        )
        self.refresh()

    def refresh(self) -> None:
        """Rewrite both drafts and the threshold sentence; never raises."""
        values = {key: text.value for key, text in self.texts.items()}
        try:
            self.notice = explicit_notice({key: values[key] for key in NOTICE_FIELDS})
            self.entry = inventory_entry({key: values[key] for key in INVENTORY_FIELDS})
        except AtelierError as error:
            self.notice_view.value = message_html(error.message)
            self.entry_view.value = ""
        else:
            self.notice_view.value = draft_html(self.notice)
            self.entry_view.value = draft_html(self.entry)
        try:
            self.threshold_view.value = message_html(inventory_sentence(self.agents.value))
        except AtelierError as error:
            self.threshold_view.value = message_html(error.message)
