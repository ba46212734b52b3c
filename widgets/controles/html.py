"""The numbers of module 10 as accessible HTML tables and sentences (no Jupyter import).

Tables have a caption and header cells, so that a screen reader can read
them; every rate comes with the count it is made of. The French names of the
columns and of their values are data: `sources/labels.toml`.
"""

from __future__ import annotations

import tomllib
from html import escape
from importlib import resources

import numpy as np

from widgets.controles.dataset import GROUPS, LABEL, REFERENCE_GROUP, SENSITIVE, WATCHED_GROUP
from widgets.controles.generate import Households
from widgets.controles.proxies import ProxyStudy
from widgets.controles.study import Study
from widgets.controles.thresholds import Confusion, ThresholdReport
from widgets.french import (
    NARROW_NBSP,
    NOT_DEFINED,
    format_euros,
    format_number,
    format_percent,
)
from widgets.scrolling import scrolling_region

TABLE_STYLE = "border-collapse:collapse;margin:0.4em 0;font-size:0.95em"
CELL_STYLE = "border:1px solid #999;padding:0.25em 0.6em;text-align:right"
HEAD_STYLE = "border:1px solid #999;padding:0.25em 0.6em;text-align:left;background:#f0f0f0"

_LABELS = tomllib.loads(
    resources.files("widgets.controles").joinpath("sources", "labels.toml").read_text("utf-8")
)
GROUP_NAMES: dict[str, str] = _LABELS["groupes"]
SHORT_GROUP_NAMES: dict[str, str] = _LABELS["groupes_courts"]
VARIABLE_NAMES: dict[str, str] = _LABELS["variables"]
EMPLOYMENT_NAMES: dict[str, str] = _LABELS["emploi"]
HOUSING_NAMES: dict[str, str] = _LABELS["logement"]
BENEFIT_NAMES: dict[str, str] = _LABELS["aides"]
PREVIEW_QUANTILES = (0.02, 0.15, 0.3, 0.45, 0.6, 0.75, 0.88, 0.98)


def times(ratio: float | None) -> str:
    """A ratio written as « × 1,73 »."""
    return NOT_DEFINED if ratio is None else f"×{NARROW_NBSP}{format_number(ratio, 2)}"


def out_of(part: int, whole: int, share: float | None) -> str:
    return f"{format_number(part)} sur {format_number(whole)} ({format_percent(share)})"


def _row(header: str, cells: list[str]) -> str:
    data = "".join(f'<td style="{CELL_STYLE}">{cell}</td>' for cell in cells)
    return f'<tr><th scope="row" style="{HEAD_STYLE}">{header}</th>{data}</tr>'


def _table(caption: str, headers: list[str], rows: list[str]) -> str:
    head = "".join(f'<th scope="col" style="{HEAD_STYLE}">{name}</th>' for name in headers)
    return scrolling_region(
        caption,
        f'<table style="{TABLE_STYLE}"><caption style="text-align:left;caption-side:top">'
        f"{caption}</caption><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody>"
        "</table>",
    )


def group_title(group: str) -> str:
    name = GROUP_NAMES[group]
    return name[0].upper() + name[1:]


def report_table(report: ThresholdReport) -> str:
    """The confusion matrix at one threshold, overall and per group, with rates."""
    cells: list[tuple[str, Confusion]] = [("Ensemble", report.overall)] + [
        (group_title(group), confusion) for group, confusion in report.by_group.items()
    ]
    rows = [
        _row("Foyers évalués", [format_number(c.households) for _, c in cells]),
        _row(
            "Foyers contrôlés (taux de contrôle)",
            [out_of(c.controlled, c.households, c.control_rate) for _, c in cells],
        ),
        _row(
            "Fraudes trouvées (part des fraudes constatées)",
            [out_of(c.controlled_frauds, c.frauds, c.recall) for _, c in cells],
        ),
        _row(
            "Foyers honnêtes contrôlés : fausses alertes (taux de fausses alertes)",
            [out_of(c.controlled_honest, c.honest, c.false_alarm_rate) for _, c in cells],
        ),
        _row("Fraudes manquées", [format_number(c.missed_frauds) for _, c in cells]),
    ]
    caption = (
        f"Au seuil de {format_number(report.threshold, 2)} : ce que le score décide "
        f"pour les {format_number(report.overall.households)} foyers mis de côté pour l'évaluation"
    )
    return _table(caption, ["", *(name for name, _ in cells)], rows)


def disparity_html(report: ThresholdReport) -> str:
    """The two disparity ratios, each with one sentence saying what it means."""
    watched, reference = GROUP_NAMES[WATCHED_GROUP], GROUP_NAMES[REFERENCE_GROUP]
    alarm = report.false_alarm_ratio
    if alarm is None:
        meaning = (
            f"aucun foyer honnête de {reference} n'est contrôlé à ce seuil : "
            "le rapport n'a pas de sens."
        )
    else:
        meaning = (
            f"parmi les foyers honnêtes, le taux de contrôle du groupe {watched} vaut "
            f"{format_number(alarm, 2)} fois celui du groupe {reference}."
        )
    return (
        '<p style="line-height:1.6;margin:0.3em 0">'
        f"<strong>Rapport des taux de fausses alertes ({watched} ÷ {reference}) : "
        f"{times(alarm)}</strong> ; {escape(meaning)}<br>"
        f"Rapport des taux de contrôle, fraude ou non : {times(report.control_ratio)}. "
        "Un rapport de 1 voudrait dire : même traitement pour les deux groupes.</p>"
    )


def summary_html(report: ThresholdReport) -> str:
    """Three sentences: how many controls, how many honest households, how many frauds found."""
    overall = report.overall
    return (
        '<p role="status" aria-live="polite" style="line-height:1.6;margin:0.3em 0">'
        f"À ce seuil, <strong>{format_number(overall.controlled)} foyers</strong> sont contrôlés. "
        f"Parmi eux, <strong>{format_number(overall.controlled_honest)} foyers honnêtes</strong> "
        "(fausses alertes). Les contrôles trouvent "
        f"<strong>{format_percent(overall.recall, 0)}</strong> des fraudes constatées.</p>"
    )


def distributions_note(report: ThresholdReport) -> str:
    """The note under the score distributions: honest households controlled, frauds found."""

    def per_group(rate: str) -> str:
        return ", ".join(
            f"{format_percent(getattr(report.by_group[group], rate), 0)} ({GROUP_NAMES[group]})"
            for group in GROUPS
        )

    return (
        f'<p aria-live="polite">Seuil : {format_number(report.threshold, 2)}. '
        f"Honnêtes contrôlés : {per_group('false_alarm_rate')}. "
        f"Fraudes trouvées : {per_group('recall')}.</p>"
    )


def variants_table(proxies: ProxyStudy, threshold: float) -> str:
    """The three versions of the model at one threshold: quality and false alarms per group."""
    rows = []
    for variant in proxies.variants:
        report = variant.table.report(threshold)
        rows.append(
            _row(
                variant.name,
                [
                    format_number(100 * variant.auc, 0),
                    format_percent(report.by_group[REFERENCE_GROUP].false_alarm_rate),
                    format_percent(report.by_group[WATCHED_GROUP].false_alarm_rate),
                    times(report.false_alarm_ratio),
                ],
            )
        )
    headers = [
        "Version du modèle",
        "Qualité du classement (sur 100)",
        f"Fausses alertes, {GROUP_NAMES[REFERENCE_GROUP]}",
        f"Fausses alertes, {GROUP_NAMES[WATCHED_GROUP]}",
        "Rapport",
    ]
    caption = f"Au seuil de {format_number(threshold, 2)}, trois versions du même modèle"
    return _table(caption, headers, rows)


def proxies_table(proxies: ProxyStudy, limit: int = 6) -> str:
    """The variables of the score that reveal nationality best, each on its own."""
    rows = [
        _row(VARIABLE_NAMES[proxy.feature], [format_number(100 * proxy.guess_auc, 0)])
        for proxy in proxies.proxies[:limit]
    ]
    caption = (
        "Ce que chaque variable du score, seule, révèle de la nationalité "
        "(sur 100 ; 50 = pas mieux que le hasard)"
    )
    return _table(caption, ["Variable utilisée par le score", "Indice"], rows)


def proxies_summary(proxies: ProxyStudy) -> str:
    scores = proxies.mean_scores
    return (
        '<p style="line-height:1.6;margin:0.3em 0">'
        "Un petit modèle qui cherche à deviner la nationalité à partir des seules variables "
        f"du score obtient <strong>{format_number(100 * proxies.guess_auc, 0)} sur 100</strong> "
        "(50 = hasard, 100 = sans erreur). "
        f"Score moyen : {format_number(scores[REFERENCE_GROUP], 2)} pour les foyers de "
        f"{GROUP_NAMES[REFERENCE_GROUP]}, {format_number(scores[WATCHED_GROUP], 2)} pour ceux "
        f"de {GROUP_NAMES[WATCHED_GROUP]}.</p>"
    )


def hidden_truth_table(households: Households) -> str:
    """Real irregularities (known only because the data are invented) against found ones."""
    columns = households.columns
    nationality = columns[SENSITIVE]
    priority = columns["quartier_prioritaire"] == "oui"
    groups = [(group_title(group), nationality == group) for group in GROUPS] + [
        ("Quartiers prioritaires", priority),
        ("Autres quartiers", ~priority),
    ]
    found = columns[LABEL].astype(bool)
    rows = [
        _row(
            name,
            [
                format_number(int(mask.sum())),
                format_percent(float(np.mean(households.irregular[mask]))),
                format_percent(float(np.mean(households.in_depth_control[mask])), 0),
                format_percent(float(np.mean(found[mask]))),
            ],
        )
        for name, mask in groups
    ]
    headers = [
        "Groupe",
        "Foyers",
        "Irrégularités réelles (cachées)",
        "Contrôles approfondis",
        "Fraudes constatées",
    ]
    caption = (
        "Tous les foyers du jeu de données : ce qui s'est passé, et ce que les contrôles ont vu"
    )
    return _table(caption, headers, rows)


def households_table(study: Study) -> str:
    """Eight households set aside for evaluation, from the lowest score to the highest."""
    scores = study.table.scores
    order = np.argsort(scores, kind="stable")
    picked = [int(order[round(q * (len(order) - 1))]) for q in PREVIEW_QUANTILES]
    columns = study.columns
    rows = []
    for position in picked:
        row = int(study.test[position])
        benefits = [name for key, name in BENEFIT_NAMES.items() if columns[key][row]]
        rows.append(
            _row(
                escape(str(columns["foyer_id"][row])),
                [
                    escape(str(columns["quartier"][row])),
                    f"{columns['situation_familiale'][row]}, {columns['nb_enfants'][row]} enf.",
                    HOUSING_NAMES[str(columns["logement"][row])],
                    EMPLOYMENT_NAMES[str(columns["emploi"][row])],
                    format_euros(int(columns["revenu_mensuel"][row]), 0),
                    format_percent(float(columns["part_loyer"][row]), 0),
                    ", ".join(benefits) or "aucune",
                    str(columns["changements_situation"][row]),
                    f"<strong>{format_number(float(scores[position]), 2)}</strong>",
                    "oui" if columns[LABEL][row] else "non",
                    GROUP_NAMES[str(columns[SENSITIVE][row])],
                ],
            )
        )
    headers = [
        "Foyer",
        "Quartier",
        "Famille",
        "Logement",
        "Emploi",
        "Revenu mensuel",
        "Part du revenu pour le loyer",
        "Aides reçues",
        "Changements déclarés (12 mois)",
        "Score",
        "Fraude constatée",
        "Nationalité (non utilisée par le score)",
    ]
    caption = "Huit foyers mis de côté pour l'évaluation, du score le plus bas au plus haut"
    return _table(caption, headers, rows)
