"""`atelier report`: the class's grades as `rapport/notes.csv`, and the numbers of the page.

`gather` reads what `grade` and `collect` wrote: every result, and every refused
file whose learner, module and status are known, becomes one row (one per
learner and module); every notebook that could not be graded goes to the
« non corrigés » list with its reason. `report_html` draws the page from it,
`feedback` the learners' pages.

Rates count the notebooks that were run and judged (they have questions): a
graded one, and one stopped on the way (time limit, Python stopped), which keeps
the points earned before the stop. A notebook that could not be read or is
another module's is listed with its reason, not counted as a 0.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from curriculum.grading.course_exercises import ModuleInfo, course_modules
from curriculum.grading.html_page import count
from curriculum.grading.report_html import report_page
from curriculum.grading.results import (
    CORRECT,
    GRADED_STATUS,
    KERNEL_DIED,
    OTHER_ASSIGNMENT,
    PARTIAL_ISOLATION,
    REPORT,
    RESULTS,
    TIMED_OUT,
    UNREADABLE,
    NotebookResult,
    read_received,
    read_results,
)
from widgets.text import printable

CSV_FILE = "notes.csv"
HTML_FILE = "index.html"
COLUMNS = ("identifiant", "module", "points", "points_max", "statut")
REFUSED = "refusé à la collecte"

STATUS_REASONS = {
    UNREADABLE: "le fichier n'a pas pu être lu comme un notebook.",
    OTHER_ASSIGNMENT: "le notebook reçu est celui d'un autre module.",
    TIMED_OUT: "le notebook a dépassé le temps de calcul permis ; les points des questions "
    "atteintes avant sont gardés.",
    KERNEL_DIED: "Python s'est arrêté pendant la correction (mémoire épuisée ou arrêt forcé) ; "
    "les points des questions atteintes avant sont gardés.",
}
"""What a trainer reads next to a status when the grader gave no other reason."""


class ReportError(Exception):
    """What the grading wrote cannot be read; the message is in French."""


@dataclass(frozen=True)
class Row:
    """One line of notes.csv."""

    identifiant: str
    module: str
    points: float
    points_max: float
    statut: str


@dataclass(frozen=True)
class NotGraded:
    """A notebook or file that could not be graded, and why."""

    who: str
    """The learner's name, or the file's path when the learner is unknown."""
    module: str
    statut: str
    raison: str


@dataclass(frozen=True)
class Rate:
    """`earned` out of `possible`: points, or notebooks with a right answer."""

    earned: float
    possible: float

    @property
    def share(self) -> float | None:
        return self.earned / self.possible if self.possible else None


@dataclass
class ClassReport:
    """Everything the report and the feedback pages show, read once."""

    results: list[NotebookResult]
    rows: list[Row]
    not_graded: list[NotGraded]
    names: dict[str, str]
    modules: dict[str, ModuleInfo]
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def is_empty(self) -> bool:
        return not self.rows and not self.not_graded

    @property
    def learners(self) -> list[str]:
        return sorted({row.identifiant for row in self.rows})

    @property
    def module_ids(self) -> list[str]:
        modules = {row.module for row in self.rows} | {item.module for item in self.not_graded}
        return sorted(modules - {""})

    def name(self, learner: str) -> str:
        return self.names.get(learner) or learner

    def graded(self, module: str | None = None) -> list[NotebookResult]:
        """Results with the status « corrigé »."""
        return [r for r in self.results if r.statut == GRADED_STATUS and module in (None, r.module)]

    def judged(self, module: str | None = None, learner: str | None = None) -> list[NotebookResult]:
        """Results that were run and judged (they have questions), even if stopped on the way."""
        return [
            result
            for result in self.results
            if result.questions
            and module in (None, result.module)
            and learner in (None, result.identifiant)
        ]

    def module_rate(self, module: str) -> Rate:
        return _points(self.judged(module=module))

    def learner_rate(self, learner: str) -> Rate:
        return _points(self.judged(learner=learner))

    def exercise_ids(self, module: str) -> list[str]:
        """The module's exercises met in its judged notebooks, in the lesson's order."""
        found = {question.id for result in self.judged(module) for question in result.questions}
        info = self.modules.get(module)
        return sorted(found, key=info.order if info else lambda exercise_id: (0, exercise_id))

    def exercise_rate(self, module: str, exercise_id: str) -> Rate:
        """Judged notebooks where this exercise is right, out of those that contain it."""
        states = [
            question.etat
            for result in self.judged(module)
            for question in result.questions
            if question.id == exercise_id
        ]
        return Rate(sum(state == CORRECT for state in states), len(states))

    def row(self, learner: str, module: str) -> Row | None:
        return next((r for r in self.rows if (r.identifiant, r.module) == (learner, module)), None)

    def alerts(self) -> dict[str, list[tuple[str, str]]]:
        """For each learner with alerts: (module, alert), in order."""
        found: dict[str, list[tuple[str, str]]] = {}
        for result in self.results:
            for alert in result.alertes:
                found.setdefault(result.identifiant, []).append((result.module, alert))
        return found

    def partial_isolation(self) -> list[NotebookResult]:
        return [result for result in self.results if result.isolement == PARTIAL_ISOLATION]


def gather(class_folder: Path, course_root: Path) -> ClassReport:
    """Read the class folder's results and collect report. Raises ReportError."""
    try:
        results = read_results(class_folder)
        received = read_received(class_folder)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        raise ReportError(
            f"Un fichier de {printable(str(Path(class_folder) / RESULTS))} ou la liste de la "
            "collecte est abîmé et ne peut pas être lu : relancez « atelier collect » puis "
            "« atelier grade »."
        ) from None
    module_ids = sorted({r.module for r in results} | {f.module for f in received if f.module})
    modules = course_modules(course_root, module_ids)
    names = {r.identifiant: r.nom for r in received if r.identifiant and r.nom}
    names |= {r.identifiant: r.nom for r in results if r.nom}
    rows = {(r.identifiant, r.module): _result_row(r, modules) for r in results}
    not_graded = [
        NotGraded(_who(r.identifiant, names), r.module, r.statut, _reason(r))
        for r in results
        if r.statut != GRADED_STATUS
    ]
    for item in received:
        if item.pris:
            continue
        if item.identifiant and item.module and item.statut:
            points_max = modules[item.module].points_max
            rows.setdefault(
                (item.identifiant, item.module),
                Row(item.identifiant, item.module, 0, points_max, item.statut),
            )
        who = _who(item.identifiant, names) if item.identifiant else item.fichier
        not_graded.append(
            NotGraded(who, item.module, item.statut or REFUSED, item.raison or REFUSED)
        )
    return ClassReport(
        results=results,
        rows=sorted(rows.values(), key=lambda row: (row.identifiant, row.module)),
        not_graded=sorted(not_graded, key=lambda item: (item.module, item.who.casefold())),
        names={key: printable(value) for key, value in names.items()},
        modules=modules,
    )


def _result_row(result: NotebookResult, modules: dict[str, ModuleInfo]) -> Row:
    points_max = result.points_max or modules[result.module].points_max
    return Row(result.identifiant, result.module, result.points, points_max, result.statut)


def _who(learner: str, names: dict[str, str]) -> str:
    name = names.get(learner, "")
    return f"{name} ({learner})" if name and name != learner else learner


def _reason(result: NotebookResult) -> str:
    default = STATUS_REASONS.get(result.statut, "")
    return " ".join([default, *result.alertes]).strip() or result.statut


def _points(results: Iterable[NotebookResult]) -> Rate:
    chosen = list(results)
    return Rate(sum(r.points for r in chosen), sum(r.points_max for r in chosen))


def plain_number(value: float) -> str:
    """« 3 » or « 2.5 »: a number any spreadsheet or script reads back (dot, no spaces)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def notes_csv(rows: Iterable[Row]) -> str:
    """notes.csv's text: `;` between columns, points with a dot.

    Why `;`: a French Excel opens a double-clicked .csv with its list separator,
    which is `;`; with `,` every line lands in one column. Why a byte order mark
    (written by `write_report`): without it, Excel reads the file as Windows-1252
    and « corrigé » shows as « corrigÃ© »; LibreOffice, Python's csv with
    `utf-8-sig`, and pandas read it as well. Points are plain numbers with a dot,
    as scripts expect: every exercise of the course is worth a whole point, so
    points are whole numbers and French Excel reads them as numbers too.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(
            (
                _cell(row.identifiant),
                _cell(row.module),
                plain_number(row.points),
                plain_number(row.points_max),
                _cell(row.statut),
            )
        )
    return buffer.getvalue()


def _cell(value: str) -> str:
    """Printable, and never read as a formula by a spreadsheet (« =… », « +… », « @… »)."""
    value = printable(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


@dataclass(frozen=True)
class ReportSummary:
    """What `write_report` did, for the terminal."""

    class_folder: Path
    written: tuple[Path, ...] = ()
    learners: int = 0
    graded: int = 0
    not_graded: int = 0
    alerts: int = 0
    partial: int = 0

    def french_lines(self) -> list[str]:
        folder = printable(str(self.class_folder))
        if not self.written:
            return [
                f"Rien à mettre dans le rapport : {folder} ne contient ni résultat de correction "
                "ni fichier reçu.",
                "Lancez d'abord « atelier collect », puis « atelier grade ».",
            ]
        lines = [
            f"{count(self.learners, 'apprenant', 'apprenants')} : "
            f"{count(self.graded, 'notebook corrigé', 'notebooks corrigés')}, "
            f"{count(self.not_graded, 'fichier non corrigé', 'fichiers non corrigés')}"
            + (" (la liste et les raisons sont dans le rapport)." if self.not_graded else "."),
        ]
        if self.alerts:
            lines.append(
                f"{count(self.alerts, 'alerte', 'alertes')} (cellule notée modifiée puis "
                "rétablie, sortie tronquée…) : lisez-les dans le rapport."
            )
        if self.partial:
            lines.append(
                "Attention : correction sans isolement complet pour "
                f"{count(self.partial, 'notebook', 'notebooks')} (voir le bandeau en haut du "
                "rapport)."
            )
        lines += [f"Écrit : {printable(str(path))}" for path in self.written]
        return lines


def write_report(class_folder: Path, course_root: Path) -> ReportSummary:
    """Write rapport/notes.csv and rapport/index.html; nothing when there is nothing to report.

    Raises ReportError (French message) when the results cannot be read.
    """
    report = gather(class_folder, course_root)
    if report.is_empty:
        return ReportSummary(Path(class_folder))
    folder = Path(class_folder) / REPORT
    folder.mkdir(parents=True, exist_ok=True)
    csv_path, html_path = folder / CSV_FILE, folder / HTML_FILE
    csv_path.write_text(notes_csv(report.rows), encoding="utf-8-sig", newline="")
    html_path.write_text(printable(report_page(report, Path(class_folder))), encoding="utf-8")
    return ReportSummary(
        class_folder=Path(class_folder),
        written=(csv_path, html_path),
        learners=len(report.learners),
        graded=len(report.graded()),
        not_graded=len(report.not_graded),
        alerts=sum(len(items) for items in report.alerts().values()),
        partial=len(report.partial_isolation()),
    )
