"""HTML fragments of module 07: the comparison grid and what open weights give.

Every cell shows a symbol AND a word (« ● ouvert », « ◐ partiel », « ○ fermé »),
so the grid reads without colour, printed in black and white or with a screen reader.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from widgets.french import format_percent, french_date
from widgets.ouverture.checklist import VendorQuestion
from widgets.ouverture.index import Model, OpennessIndex
from widgets.ouverture.scores import group_scores, total_score, weights_reading

SYMBOLS = {"open": "●", "partial": "◐", "closed": "○"}
BACKGROUNDS = {"open": "#dff0e0", "partial": "#fbeccd", "closed": "#f6dada"}
CELL = "border:1px solid #bbb;padding:3px 6px;"


def rating_cell(index: OpennessIndex, rating: str) -> str:
    word = index.rating_labels[rating]
    return (
        f'<td style="{CELL}background:{BACKGROUNDS[rating]}">'
        f'<span aria-hidden="true">{SYMBOLS[rating]}</span> {escape(word)}</td>'
    )


def comparison_grid(index: OpennessIndex, models: Sequence[Model]) -> str:
    """Dimensions in rows, grouped, models in columns, one score row per group."""
    if not models:
        return "<p><em>Choisissez au moins un modèle dans le menu.</em></p>"
    head = "".join(
        f'<th style="{CELL}" scope="col">{escape(model.name)}<br>'
        f"<small>{escape(model.organisation)}, {escape(model.country)}</small></th>"
        for model in models
    )
    rows = []
    scores = [group_scores(index, model) for model in models]
    for group, label in index.groups.items():
        points = "".join(
            f'<td style="{CELL}"><strong>{format_percent(score[group], 0)}</strong></td>'
            for score in scores
        )
        rows.append(
            f'<tr><th style="{CELL}text-align:left" scope="row">{escape(label)} '
            f"(part des points)</th>{points}</tr>"
        )
        for dimension in (d for d in index.dimensions if d.group == group):
            cells = "".join(rating_cell(index, model.ratings[dimension.id]) for model in models)
            rows.append(
                f'<tr><td style="{CELL}padding-left:18px" title="{escape(dimension.meaning)}">'
                f"{escape(dimension.label)}</td>{cells}</tr>"
            )
    totals = "".join(
        f'<td style="{CELL}"><strong>{format_percent(total_score(index, model), 0)}</strong></td>'
        for model in models
    )
    rows.append(f'<tr><th style="{CELL}text-align:left" scope="row">Total</th>{totals}</tr>')
    return (
        '<table style="border-collapse:collapse;font-size:90%">'
        f'<tr><th style="{CELL}" scope="col">Critère</th>{head}</tr>{"".join(rows)}</table>'
        f"{legend(index)}"
    )


def legend(index: OpennessIndex) -> str:
    words = " ; ".join(
        f"{SYMBOLS[key]} {escape(word)}" for key, word in index.rating_labels.items()
    )
    return (
        f"<p><small>{words}. Ouvert compte 1 point, partiel 0,5, fermé 0. Source : "
        f'<a href="{escape(index.url)}" target="_blank">European Open Source AI Index</a>, '
        f"données du {french_date(index.data_date)} "
        f"(licence {escape(index.licence)}).</small></p>"
    )


def weights_summary(index: OpennessIndex, model: Model) -> str:
    """What « poids ouverts » gives this model, and which criteria stay partial or closed."""
    reading = weights_reading(index, model)
    labels = {d.id: d.label for d in index.dimensions}
    if reading.end_weights_open:
        gives = "les poids du modèle final sont ouverts : on peut le télécharger et l'héberger."
    elif reading.weights_partial:
        gives = (
            "l'indice note certains poids « partiels » : publiés sous conditions, ou sans "
            "description complète. Lisez la licence et la fiche du modèle avant de l'héberger."
        )
    else:
        gives = "les poids du modèle final ne sont pas ouverts."
    missing = "".join(
        f"<li>{escape(labels[key])} : {escape(index.rating_labels[rating])}</li>"
        for key, rating in reading.not_open
    )
    return (
        f"<p><strong>{escape(model.name)}</strong> : {gives}</p>"
        f"<p>Ce que les poids ne garantissent pas ici :</p><ul>{missing}</ul>"
    )


def vendor_checklist(questions: Sequence[VendorQuestion]) -> str:
    """The questions as a numbered list, each with why it matters."""
    items = "".join(
        f"<li><strong>{escape(q.theme)}.</strong> {escape(q.question)}<br>"
        f"<small><em>Pourquoi :</em> {escape(q.why)}</small></li>"
        for q in questions
    )
    return f"<ol>{items}</ol>"
