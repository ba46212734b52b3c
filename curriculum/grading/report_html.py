"""rapport/index.html: the class at a glance, for the trainer.

From top to bottom: a banner when a notebook was graded without full isolation,
success per module, per exercise, per learner (each a bar chart with the same
numbers in a table beside it), what could not be graded and why, and the
alerts. Every text that came from a learner or a file name is escaped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from curriculum.grading.charts import Bar, bar_chart
from curriculum.grading.html_page import count, page, points, table, text
from curriculum.grading.results import GRADED_STATUS
from widgets.french import format_number, format_percent, french_date

if TYPE_CHECKING:
    from curriculum.grading.report import ClassReport, Rate

TITLE = "Rapport de correction"
ABSENT = "—"
NOT_GRADED_PREFIX = "non corrigé : "
ISOLATION_SENTENCE = (
    "le code de {count} a tourné sans le bac à sable complet (bubblewrap n'a pas pu démarrer "
    "sur cette machine) : des protections plus faibles ont limité son accès au réseau et aux "
    "fichiers, mais un notebook écrit pour les contourner aurait pu y parvenir. Les notes "
    "restent justes ; relisez les alertes avant de les publier."
)


def report_page(report: ClassReport, class_folder: Path) -> str:
    body = [
        f"<h1>{TITLE}</h1>",
        f'<p class="meta">Classe : {text(Path(class_folder).name)}. Établi le '
        f"{french_date(report.today)}. Les notes, une ligne par apprenant et par module, sont "
        "dans le fichier notes.csv à côté de cette page.</p>",
        _isolation_banner(report),
        _overview(report),
        _modules(report),
        _exercises(report),
        _learners(report),
        _not_graded(report),
        _alerts(report),
        "<footer>Taux de réussite : points obtenus sur points possibles, dans les notebooks "
        "exécutés et corrigés. Un notebook arrêté en cours de route (délai dépassé, Python "
        "arrêté) garde les points gagnés avant l'arrêt. Un fichier illisible ou d'un autre "
        "module n'est pas compté comme un 0 : il figure dans la liste « Non corrigés » avec sa "
        "raison.</footer>",
    ]
    return page(f"{TITLE} : {Path(class_folder).name}", "\n".join(part for part in body if part))


def _isolation_banner(report: ClassReport) -> str:
    partial = report.partial_isolation()
    if not partial:
        return ""
    notebooks = count(len(partial), "notebook", "notebooks")
    return (
        '<section class="banner" aria-labelledby="isolement"><p>'
        f'<strong id="isolement">Correction sans isolement complet</strong> : '
        f"{text(ISOLATION_SENTENCE.format(count=notebooks))}</p></section>"
    )


def _overview(report: ClassReport) -> str:
    alerts = sum(map(len, report.alerts().values()))
    return (
        f'<p class="note">{count(len(report.learners), "apprenant", "apprenants")}, '
        f"{count(len(report.module_ids), 'module', 'modules')} : "
        f"{count(len(report.graded()), 'notebook corrigé', 'notebooks corrigés')}, "
        f"{count(len(report.not_graded), 'fichier non corrigé', 'fichiers non corrigés')}, "
        f"{count(alerts, 'alerte', 'alertes')}.</p>"
    )


def _modules(report: ClassReport) -> str:
    modules = report.module_ids
    rates = {module: report.module_rate(module) for module in modules}
    chart = bar_chart(
        "Taux de réussite par module",
        "Taux de réussite par module : part des points obtenus dans les notebooks exécutés.",
        [Bar(module, rates[module].share) for module in modules],
    )
    rows = [
        [
            text(module),
            text(report.modules[module].title if module in report.modules else ""),
            _number(len(report.graded(module))),
            _number(sum(item.module == module for item in report.not_graded)),
            _out_of(rates[module]),
            _share(rates[module]),
        ]
        for module in modules
    ]
    shown = table(
        "Réussite par module",
        ["Module", "Titre", "Corrigés", "Non corrigés", "Points obtenus", "Taux de réussite"],
        rows,
        numbers=(2, 3, 4, 5),
    )
    return f"<h2>Réussite par module</h2>\n{_pair(chart, shown)}"


def _exercises(report: ClassReport) -> str:
    parts = ["<h2>Réussite par exercice</h2>"]
    for module in report.module_ids:
        info = report.modules.get(module)
        title = f"Module {module}" + (f" : {info.title}" if info and info.title else "")
        parts.append(f"<h3>{text(title)}</h3>")
        ids = report.exercise_ids(module)
        if not ids:
            parts.append("<p>Aucun notebook de ce module n'a pu être exécuté.</p>")
            continue
        rates = {exercise_id: report.exercise_rate(module, exercise_id) for exercise_id in ids}
        labels = {exercise_id: _label(report, module, exercise_id) for exercise_id in ids}
        chart = bar_chart(
            f"Taux de réussite par exercice, module {module}",
            f"Module {module} : part des notebooks exécutés où la réponse à chaque exercice est "
            "correcte.",
            [Bar(f"{key} · {labels[key]}", rates[key].share) for key in ids],
        )
        rows = [
            [text(key), text(labels[key]), _out_of(rates[key]), _share(rates[key])] for key in ids
        ]
        shown = table(
            f"Exercices du module {module}",
            ["Exercice", "Question", "Réponses correctes", "Taux de réussite"],
            rows,
            numbers=(2, 3),
        )
        parts.append(_pair(chart, shown))
    return "\n".join(parts)


def _label(report: ClassReport, module: str, exercise_id: str) -> str:
    info = report.modules.get(module)
    exercise = info.exercise(exercise_id) if info else None
    return exercise.label if exercise else exercise_id


def _learners(report: ClassReport) -> str:
    learners, modules = report.learners, report.module_ids
    rates = {learner: report.learner_rate(learner) for learner in learners}
    chart = bar_chart(
        "Taux de réussite par apprenant",
        "Taux de réussite par apprenant : part des points obtenus, tous modules confondus.",
        [Bar(report.name(learner), rates[learner].share) for learner in learners],
    )
    rows = [
        [text(report.name(learner))]
        + [_grid_cell(report, learner, module) for module in modules]
        + [_out_of(rates[learner]), _share(rates[learner])]
        for learner in learners
    ]
    shown = table(
        "Points par apprenant et par module",
        ["Apprenant", *modules, "Total", "Taux de réussite"],
        rows,
        numbers=tuple(range(1, len(modules) + 3)),
    )
    legend = (
        f"<p>« {ABSENT} » : aucun notebook reçu pour ce module. « non corrigé » : voir la "
        "raison dans la liste suivante.</p>"
    )
    return f"<h2>Réussite par apprenant</h2>\n{chart}\n{shown}\n{legend}"


def _grid_cell(report: ClassReport, learner: str, module: str) -> str:
    row = report.row(learner, module)
    if row is None:
        return ABSENT
    score = f"{points(row.points)} / {points(row.points_max)}"
    if row.statut == GRADED_STATUS:
        return score
    why = text(row.statut.removeprefix(NOT_GRADED_PREFIX))
    return f"{score} ({why})" if report.judged(module, learner) else f"non corrigé ({why})"


def _not_graded(report: ClassReport) -> str:
    if not report.not_graded:
        return "<h2>Non corrigés</h2>\n<p>Tous les notebooks reçus ont été corrigés.</p>"
    rows = [
        [text(item.who), text(item.module or ABSENT), text(item.statut), text(item.raison)]
        for item in report.not_graded
    ]
    shown = table(
        "Fichiers et notebooks non corrigés",
        ["Apprenant ou fichier", "Module", "Statut", "Raison"],
        rows,
    )
    return (
        "<h2>Non corrigés</h2>\n<p>Ces notebooks et fichiers n'ont pas pu être corrigés en "
        "entier. Un notebook arrêté en cours de route garde les points gagnés avant l'arrêt ; "
        "les autres n'ont pas de note. Si la raison le permet, demandez à l'apprenant de "
        f"renvoyer son notebook, puis relancez la collecte et la correction.</p>\n{shown}"
    )


def _alerts(report: ClassReport) -> str:
    found = report.alerts()
    if not found:
        return (
            "<h2>Alertes</h2>\n<p>Aucune alerte : aucune cellule notée modifiée, aucune sortie "
            "tronquée.</p>"
        )
    rows = [
        [text(report.name(learner)), text(module), text(alert)]
        for learner in sorted(found)
        for module, alert in found[learner]
    ]
    shown = table("Alertes par apprenant", ["Apprenant", "Module", "Alerte"], rows)
    return (
        "<h2>Alertes</h2>\n<p>Ce que la correction a trouvé et corrigé d'elle-même (cellule "
        "notée modifiée puis rétablie, sortie trop longue tronquée) : à regarder avant de "
        f"publier les notes.</p>\n{shown}"
    )


def _pair(chart: str, data: str) -> str:
    return f'<div class="pair">{chart}{data}</div>'


def _number(value: int) -> str:
    return format_number(value)


def _out_of(rate: Rate) -> str:
    return f"{points(rate.earned)} sur {points(rate.possible)}"


def _share(rate: Rate) -> str:
    return format_percent(rate.share, 0)
