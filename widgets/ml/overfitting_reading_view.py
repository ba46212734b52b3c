"""Reading an error in kWh: type an error, choose a type of building, read what it means."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.ml.overfitting_data import BuildingTable, load_buildings
from widgets.ml.overfitting_reading import PLURALS, read_error, reading_for_every_type

DEFAULT_TYPE = "école"
TABLE_STYLE = "border-collapse:collapse;margin-top:0.4em"
CELL = 'style="border:1px solid #999;padding:2px 8px;text-align:right"'
HEAD = 'style="border:1px solid #999;padding:2px 8px;text-align:left"'


def reading_html(error_kwh: object, building_type: object, table: BuildingTable) -> str:
    """The sentence for the chosen type, then the same error against every type."""
    chosen = read_error(error_kwh, building_type, table)
    rows = "".join(
        f"<tr><th scope='row' {HEAD}>{'▶ ' if r.building_type == chosen.building_type else ''}"
        f"{escape(PLURALS.get(r.building_type, r.building_type))}</th>"
        f"<td {CELL}>{format_number(r.type_mean_kwh)}</td>"
        f"<td {CELL}>{format_number(r.share * 100)} %</td></tr>"
        for r in reading_for_every_type(error_kwh, table)
    )
    return (
        f'<div aria-live="polite" style="line-height:1.6"><p>{escape(chosen.sentence())}</p>'
        f'<table style="{TABLE_STYLE}"><caption style="text-align:left">La même erreur, '
        "comparée à la consommation moyenne de chaque type de bâtiment (chiffres fictifs "
        "du jeu de données)</caption>"
        f"<tr><th scope='col' {HEAD}>Type</th>"
        f"<th scope='col' {HEAD}>Consommation moyenne (kWh par an)</th>"
        f"<th scope='col' {HEAD}>Part que représente l'erreur</th></tr>{rows}</table></div>"
    )


class ErrorReader:
    """A number field for the error, a menu of building types, and the reading."""

    def __init__(self, table: BuildingTable, start_error: float) -> None:
        self.table = table
        self.error_box = ipw.FloatText(
            value=start_error,
            description="Erreur moyenne (kWh par an)",
            tooltip="Tapez une erreur moyenne en kWh par an, par exemple 15000",
            style={"description_width": "initial"},
        )
        self.type_menu = ipw.Dropdown(
            options=[(PLURALS.get(kind, kind), kind) for kind in table.building_types()],
            value=DEFAULT_TYPE,
            description="Comparer aux",
            tooltip="Type de bâtiment auquel comparer l'erreur",
            style={"description_width": "initial"},
        )
        self.output = ipw.HTML()
        for control in (self.error_box, self.type_menu):
            control.observe(lambda _change: self.show(), names="value")
        self.show()
        self.widget = ipw.VBox([ipw.HBox([self.error_box, self.type_menu]), self.output])

    def show(self) -> None:
        try:
            self.output.value = reading_html(self.error_box.value, self.type_menu.value, self.table)
        except AtelierError as error:
            self.output.value = f'<div role="alert">⚠ {escape(error.message)}</div>'


def error_reader(start_error: float = 15_000.0) -> ipw.VBox:
    return ErrorReader(load_buildings(), start_error).widget
