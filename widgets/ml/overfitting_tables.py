"""Two HTML tables of module 09: a look at the data, and the largest errors of the model."""

from __future__ import annotations

from html import escape

import ipywidgets as ipw

from widgets.datasets.buildings import COLUMNS
from widgets.french import format_number
from widgets.ml.overfitting_data import BuildingTable, load_buildings
from widgets.ml.overfitting_leak import BuildingError, leak_experiment

HOME_COMMUNE = "Clairval-sur-Ondine"
CELL = 'style="border:1px solid #999;padding:2px 6px"'
TABLE = '<table style="border-collapse:collapse;font-size:90%;margin:0.4em 0">'


def _row_values(table: BuildingTable, i: int) -> tuple[str, ...]:
    return (
        table.identifiers[i],
        table.communes[i],
        table.types[i],
        format_number(table.surface_m2[i]),
        str(int(table.year_built[i])),
        table.heating[i],
        format_number(table.weekly_hours[i]),
        "oui" if table.renovated[i] else "non",
        format_number(table.bill_euros[i]),
        format_number(table.kwh[i]),
    )


def preview_html(table: BuildingTable, count: int) -> str:
    """The first `count` buildings of Clairval-sur-Ondine, every column."""
    rows = [i for i, commune in enumerate(table.communes) if commune == HOME_COMMUNE][:count]
    head = "".join(f"<th scope='col' {CELL}>{escape(column)}</th>" for column in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td {CELL}>{escape(v)}</td>" for v in _row_values(table, i)) + "</tr>"
        for i in rows
    )
    return (
        f'<div style="overflow-x:auto">{TABLE}<caption style="text-align:left">'
        f"Les {len(rows)} premiers bâtiments de {HOME_COMMUNE} (sur {len(table)} bâtiments "
        f"de 12 communes fictives)</caption><tr>{head}</tr>{body}</table></div>"
    )


def largest_errors_html(errors: tuple[BuildingError, ...]) -> str:
    head = "".join(
        f"<th scope='col' {CELL}>{title}</th>"
        for title in (
            "Bâtiment",
            "Commune",
            "Type",
            "Consommation relevée (kWh)",
            "Prédiction (kWh)",
            "Écart (kWh)",
        )
    )
    body = "".join(
        f"<tr><td {CELL}>{escape(e.identifier)}</td><td {CELL}>{escape(e.commune)}</td>"
        f"<td {CELL}>{escape(e.building_type)}</td><td {CELL}>{format_number(e.kwh)}</td>"
        f"<td {CELL}>{format_number(e.predicted)}</td><td {CELL}>{format_number(e.error)}</td></tr>"
        for e in errors
    )
    return (
        f'<div style="overflow-x:auto">{TABLE}<caption style="text-align:left">Les '
        f"{len(errors)} bâtiments de test sur lesquels le modèle honnête (toutes les colonnes "
        f"sauf la facture) se trompe le plus</caption><tr>{head}</tr>{body}</table></div>"
    )


def data_preview(count: int = 8) -> ipw.HTML:
    return ipw.HTML(preview_html(load_buildings(), count))


def largest_errors_table(count: int = 5) -> ipw.HTML:
    return ipw.HTML(largest_errors_html(leak_experiment().largest_errors(count)))
