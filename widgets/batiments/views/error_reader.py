"""Reading an error in kWh: type an error, choose a type of building, read what it means."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.batiments.html import alert_html, reading_html
from widgets.batiments.reading import PLURALS, read_error, read_error_kwh, reading_for_every_type
from widgets.batiments.table import BuildingTable, load_buildings
from widgets.errors import AtelierError
from widgets.viewkit.controls import LABEL_STYLE

DEFAULT_TYPE = "école"


class ErrorReader:
    """A number field for the error, a menu of building types, and the reading."""

    def __init__(self, table: BuildingTable, start_error: float) -> None:
        self.table = table
        self.error_box = ipw.FloatText(
            value=start_error,
            description="Erreur moyenne (kWh par an)",
            tooltip="Tapez une erreur moyenne en kWh par an, par exemple 15000",
            style=LABEL_STYLE,
        )
        self.type_menu = ipw.Dropdown(
            options=[(PLURALS.get(kind, kind), kind) for kind in table.building_types()],
            value=DEFAULT_TYPE,
            description="Comparer aux",
            tooltip="Type de bâtiment auquel comparer l'erreur",
            style=LABEL_STYLE,
        )
        self.output = ipw.HTML()
        for control in (self.error_box, self.type_menu):
            control.observe(lambda _change: self.show(), names="value")
        self.show()
        self.widget = ipw.VBox([ipw.HBox([self.error_box, self.type_menu]), self.output])

    def show(self) -> None:
        error_kwh, building_type = self.error_box.value, self.type_menu.value
        try:
            chosen = read_error(error_kwh, building_type, self.table)
        except AtelierError as error:
            self.output.value = alert_html(error.message)
            return
        self.output.value = reading_html(chosen, reading_for_every_type(error_kwh, self.table))


def error_reader(start_error: float = 15_000.0) -> ipw.VBox:
    return ErrorReader(load_buildings(), read_error_kwh(start_error)).widget
