"""Every HTML fragment of module 09: data tables, the texts under the widgets, alerts.

Plain Python: each function takes the engines' results and returns a string.
"""

from __future__ import annotations

from html import escape

from widgets.batiments.leak import FEATURES, BuildingError, LeakResult
from widgets.batiments.reading import PLURALS, ErrorReading
from widgets.batiments.sweep import ComplexitySweep
from widgets.batiments.table import COLUMNS, BuildingTable
from widgets.french import format_number, format_percent
from widgets.palette import BLUE, VERMILION
from widgets.scrolling import scrolling_region

HOME_COMMUNE = "Clairval-sur-Ondine"
CELL = 'style="border:1px solid #999;padding:2px 6px"'
TABLE = '<table style="border-collapse:collapse;font-size:90%;margin:0.4em 0">'
READING_TABLE = "border-collapse:collapse;margin-top:0.4em"
READING_CELL = 'style="border:1px solid #999;padding:2px 8px;text-align:right"'
READING_HEAD = 'style="border:1px solid #999;padding:2px 8px;text-align:left"'
BAR_COLOURS = {True: VERMILION, False: BLUE}
"""Suspect buildings in vermilion, the others in blue."""


def _kwh(value: float) -> str:
    return f"{format_number(value)} kWh par an"


def alert_html(message: str) -> str:
    """A French message in place of a result, for a value the engine refused."""
    return f'<div role="alert">⚠ {escape(message, quote=False)}</div>'


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
    caption = (
        f"Les {len(rows)} premiers bâtiments de {HOME_COMMUNE} (sur {len(table)} bâtiments "
        "de 12 communes fictives)"
    )
    return scrolling_region(
        caption,
        f'{TABLE}<caption style="text-align:left">{caption}</caption><tr>{head}</tr>{body}</table>',
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
    caption = (
        f"Les {len(errors)} bâtiments de test sur lesquels le modèle honnête (toutes les "
        "colonnes sauf la facture) se trompe le plus"
    )
    return scrolling_region(
        caption,
        f'{TABLE}<caption style="text-align:left">{caption}</caption><tr>{head}</tr>{body}</table>',
    )


def sweep_summary_html(sweep: ComplexitySweep, degree: int, top_kwh: float) -> str:
    """Both errors at one degree, as kWh and as a share of a school's use, and the verdict."""
    point = sweep.at(degree)
    train, test = len(sweep.train_kwh), len(sweep.test_kwh)
    frame = ""
    if sweep.leaves_the_frame(degree, top_kwh):
        frame = (
            "<br>La courbe sort du cadre : pour certaines surfaces, le modèle prédit une "
            "consommation négative ou démesurée, ce qui est absurde."
        )
    return (
        '<div aria-live="polite" style="line-height:1.6">'
        f"<strong>Degré {degree}</strong><br>"
        f"Erreur moyenne sur les {train} écoles d'entraînement : "
        f"<strong>{_kwh(point.train_mae)}</strong> "
        f"({format_percent(sweep.share(point.train_mae), 0)} de la consommation moyenne "
        "d'une école)<br>"
        f"Erreur moyenne sur les {test} écoles de test : "
        f"<strong>{_kwh(point.test_mae)}</strong> "
        f"({format_percent(sweep.share(point.test_mae), 0)})<br>"
        f"{sweep.verdict(degree)}{frame}</div>"
    )


def leak_result_html(
    result: LeakResult, baseline: LeakResult, train_count: int, test_count: int
) -> str:
    """Both errors for the ticked columns, a bar against the model without any column, a verdict."""
    ratio = min(result.test_mae / baseline.test_mae, 1.0)
    names = ", ".join(FEATURES[column] for column in result.columns) or "aucune"
    symbol = "⚠ " if result.suspicious else ""
    return (
        '<div aria-live="polite" style="line-height:1.6">'
        f"Colonnes utilisées : {names}<br>"
        f"Erreur moyenne sur les {train_count} bâtiments d'entraînement : "
        f"<strong>{_kwh(result.train_mae)}</strong><br>"
        f"Erreur moyenne sur les {test_count} bâtiments de test : "
        f"<strong>{_kwh(result.test_mae)}</strong>, soit "
        f"<strong>{format_percent(result.test_share)}</strong> de leur consommation "
        "moyenne<br>"
        f'<div role="img" aria-label="Erreur de test : {format_percent(ratio, 0)} de celle du '
        'modèle sans aucune colonne" style="width:320px;height:14px;border:1px solid #333;'
        f'margin:4px 0"><div style="width:{ratio * 100:.1f}%;height:100%;'
        f'background:{BAR_COLOURS[result.suspicious]}"></div></div>'
        "<span style=\"font-size:90%\">La barre compare l'erreur de test à celle d'un modèle "
        "sans aucune colonne (barre pleine).</span><br>"
        f"{symbol}{result.verdict()}</div>"
    )


def reading_html(chosen: ErrorReading, readings: list[ErrorReading]) -> str:
    """The sentence for the chosen type, then the same error against every type."""
    rows = "".join(
        f"<tr><th scope='row' {READING_HEAD}>"
        f"{'▶ ' if r.building_type == chosen.building_type else ''}"
        f"{escape(PLURALS.get(r.building_type, r.building_type))}</th>"
        f"<td {READING_CELL}>{format_number(r.type_mean_kwh)}</td>"
        f"<td {READING_CELL}>{format_percent(r.share, 0)}</td></tr>"
        for r in readings
    )
    return (
        f'<div aria-live="polite" style="line-height:1.6"><p>{escape(chosen.sentence())}</p>'
        f'<table style="{READING_TABLE}"><caption style="text-align:left">La même erreur, '
        "comparée à la consommation moyenne de chaque type de bâtiment (chiffres fictifs "
        "du jeu de données)</caption>"
        f"<tr><th scope='col' {READING_HEAD}>Type</th>"
        f"<th scope='col' {READING_HEAD}>Consommation moyenne (kWh par an)</th>"
        f"<th scope='col' {READING_HEAD}>Part que représente l'erreur</th></tr>{rows}</table></div>"
    )
