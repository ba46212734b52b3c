"""`atelier bench` (`make bench`): speed and memory of the course, against its budgets.

A report, not a test: it always exits 0 once the figures are written, even
when a budget is exceeded, and says in French what is over.

To add a measurement, write a function that takes a `BenchContext` and returns
a list of `Row`, then append it to `MEASUREMENTS`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from curriculum.benchmarks.batiments import measure_batiments
from curriculum.benchmarks.controles import measure_controles
from curriculum.benchmarks.core import BenchContext, Measurement, Row
from curriculum.benchmarks.debat import measure_debat
from curriculum.benchmarks.demandes import measure_demandes
from curriculum.benchmarks.donnees_personnelles import measure_donnees_personnelles
from curriculum.benchmarks.grading import measure_grading
from curriculum.benchmarks.impact import measure_impact
from curriculum.benchmarks.imports import measure_lesson_imports, measure_widgets_import
from curriculum.benchmarks.llm import measure_llm
from curriculum.benchmarks.notebooks import measure_notebooks
from curriculum.benchmarks.ouverture import measure_ouverture
from curriculum.benchmarks.page_latency import measure_page_latency
from curriculum.benchmarks.projet import measure_projet, measure_projet_fiche
from curriculum.benchmarks.prompts import measure_prompts
from curriculum.benchmarks.report import (
    Machine,
    markdown_document,
    markdown_table,
    summary,
    write_json,
)
from curriculum.benchmarks.room import measure_room
from curriculum.benchmarks.verifier import measure_verifier

MEASUREMENTS: list[Measurement] = [
    measure_widgets_import,
    measure_lesson_imports,
    measure_notebooks,
    measure_grading,
    measure_prompts,
    measure_llm,
    measure_controles,
    measure_impact,
    measure_ouverture,
    measure_verifier,
    measure_batiments,
    measure_demandes,
    measure_donnees_personnelles,
    measure_projet,
    measure_projet_fiche,
    measure_debat,
    measure_page_latency,
    measure_room,
]

COURSE_MARKER = "nbgrader_config.py"


def find_course_root(start: Path) -> Path | None:
    """The nearest folder holding nbgrader_config.py, from `start` upwards."""
    for folder in (start, *start.parents):
        if (folder / COURSE_MARKER).is_file():
            return folder
    return None


def positive_int(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre entier positif")
    return number


class FrenchHelpFormatter(argparse.HelpFormatter):
    """argparse's own words ("usage:") in French; the rest of the help is written here."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix or "utilisation : ")


class FrenchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog} : erreur : {message}\n")


def build_parser() -> FrenchArgumentParser:
    parser = FrenchArgumentParser(
        prog="atelier bench",
        formatter_class=FrenchHelpFormatter,
        add_help=False,
        description=(
            "Mesure la vitesse et la mémoire du cours (notebooks, imports) et compare "
            "aux budgets. Écrit bench.json et bench.md."
        ),
    )
    parser.add_argument("-h", "--help", action="help", help="affiche cette aide et s'arrête")
    parser.add_argument(
        "--repeats",
        type=positive_int,
        default=5,
        metavar="N",
        help="nombre de lancements par mesure (5 par défaut)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        metavar="DOSSIER",
        help="dossier des résultats (bench/results à la racine du cours par défaut)",
    )
    parser.add_argument(
        "--only",
        metavar="TEXTE",
        help=(
            "ne mesurer que les notebooks et modules dont le nom contient ce texte "
            "(l'import de widgets est toujours mesuré)"
        ),
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run every measurement, write the reports, print the table; 0 unless the setup is wrong."""
    arguments = build_parser().parse_args(argv)
    root = find_course_root(Path.cwd())
    if root is None:
        print(
            f"Erreur : aucun dossier de cours ici (fichier {COURSE_MARKER} introuvable).",
            file=sys.stderr,
        )
        return 2
    context = BenchContext(root=root, repeats=arguments.repeats, only=arguments.only)
    rows: list[Row] = []
    for measurement in MEASUREMENTS:
        rows.extend(measurement(context))

    output = arguments.output or root / "bench" / "results"
    output.mkdir(parents=True, exist_ok=True)
    machine = Machine.current()
    write_json(output / "bench.json", machine, context.repeats, rows)
    (output / "bench.md").write_text(
        markdown_document(machine, context.repeats, rows), encoding="utf-8"
    )
    print()
    print(markdown_table(rows))
    print()
    print(summary(rows))
    print(f"Résultats écrits dans {output}.")
    return 0
