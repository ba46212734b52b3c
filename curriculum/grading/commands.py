"""The trainer's four grading commands: `atelier collect`, `grade`, `report`, `feedback`.

Each works in a class folder (`--classe`, `classe` by default, created if
absent), never in the course's own `solutions/` or `notebooks/`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from curriculum.course import RELEASE_DIR, SOURCE_DIR
from curriculum.exit_codes import OK, PROBLEMS, USAGE
from curriculum.grading import results

DEFAULT_CLASS = "classe"


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Declare the four commands on `atelier`'s sub-command parser."""
    collect = commands.add_parser(
        "collect",
        help="rassemble les notebooks reçus (dossier ou zip) dans le dossier de la classe",
        description="Lit un dossier ou un fichier .zip de notebooks rendus (disposition de "
        "nbgrader « submitted/<apprenant>/<module>/ » ou fichiers « <apprenant>_<module>.ipynb »), "
        "en copie chaque notebook du cours dans le dossier de la classe et dit ce qui a été pris "
        "ou refusé, et pourquoi. Les fichiers reçus ne sont jamais modifiés.",
    )
    collect.add_argument("source", type=Path, metavar="SOURCE", help="dossier ou fichier .zip")
    _class_option(collect)

    grade = commands.add_parser(
        "grade",
        help="corrige les notebooks rassemblés, chacun dans un bac à sable",
        description="Exécute chaque notebook rassemblé dans un bac à sable (bubblewrap : sans "
        "réseau, sans accès aux autres fichiers) et note chaque exercice avec les mêmes règles "
        "que la vérification des apprenants.",
    )
    target = grade.add_mutually_exclusive_group(required=True)
    target.add_argument("module", nargs="?", metavar="MODULE", help="par exemple 01-prise-en-main")
    target.add_argument("--tous", action="store_true", help="tous les modules rassemblés")
    _class_option(grade)
    grade.add_argument(
        "--delai",
        type=_positive,
        metavar="S",
        help="temps maximal d'une cellule, en secondes (par défaut : c.Execute.timeout de "
        "nbgrader_config.py)",
    )
    grade.add_argument(
        "--memoire",
        type=_positive,
        default=2048,
        metavar="Mo",
        help="mémoire maximale d'un notebook (2048 Mo par défaut)",
    )
    grade.add_argument(
        "--jobs",
        type=_positive,
        metavar="N",
        help="notebooks corrigés en même temps (par défaut : un par cœur)",
    )
    grade.add_argument(
        "--sans-bwrap",
        action="store_true",
        help="n'utilise pas bubblewrap : correction sans isolement complet (pour essayer)",
    )
    for name, text in (
        ("report", "écrit rapport/notes.csv et rapport/index.html, le bilan de la classe"),
        ("feedback", "écrit une page de retour par apprenant (retours/<identifiant>.html)"),
    ):
        _class_option(
            commands.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        )


def _class_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--classe",
        type=Path,
        default=Path(DEFAULT_CLASS),
        metavar="DOSSIER",
        help=f"le dossier de la classe (« {DEFAULT_CLASS} » par défaut, créé s'il manque)",
    )


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un nombre entier") from None
    if value < 1:
        raise argparse.ArgumentTypeError("le nombre doit être au moins 1")
    return value


def run(args: argparse.Namespace, course_root: Path) -> int:
    """Run one of the four commands; French messages, never a traceback."""
    class_folder = Path(args.classe)
    problem = _class_folder_problem(class_folder, course_root)
    if problem:
        print(f"Erreur : {problem}", file=sys.stderr)
        return USAGE
    if args.command == "collect":
        return _collect(args.source, class_folder, course_root)
    if args.command == "grade":
        return _grade(args, class_folder, course_root)
    if args.command == "report":
        return _report(class_folder, course_root)
    return _feedback(class_folder, course_root)


def _class_folder_problem(class_folder: Path, course_root: Path) -> str:
    folder = class_folder.resolve()
    for protected in (SOURCE_DIR, RELEASE_DIR):
        inside = (Path(course_root) / protected).resolve()
        if folder == inside or inside in folder.parents:
            return (
                f"le dossier de la classe ne peut pas être dans {protected}/, qui appartient "
                "au cours. Choisissez un autre dossier avec --classe."
            )
    if folder.exists() and not folder.is_dir():
        return f"{class_folder} existe mais n'est pas un dossier."
    return ""


def _collect(source: Path, class_folder: Path, course_root: Path) -> int:
    from curriculum.grading.collect import collect
    from curriculum.grading.received import CollectError

    try:
        report = collect(source, class_folder, course_root)
    except CollectError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        return PROBLEMS
    print("\n".join(report.french_lines()))
    return OK if report.counts["pris"] else PROBLEMS


def _grade(args: argparse.Namespace, class_folder: Path, course_root: Path) -> int:
    from curriculum.grading.grade import (
        collected,
        default_jobs,
        grade_class,
        graded_modules,
        result_line,
    )
    from curriculum.grading.sandbox import find_sandbox
    from curriculum.nbgrader_generate import GenerateError, load_course_config

    known = graded_modules(course_root)
    if args.tous:
        modules = [module for module in known if collected(class_folder, module)]
    elif args.module not in known:
        print(
            f"Erreur : « {args.module} » n'est pas un module noté du cours. "
            f"Modules notés : {', '.join(known)}.",
            file=sys.stderr,
        )
        return USAGE
    else:
        modules = [args.module]
    if not any(collected(class_folder, module) for module in modules):
        print(
            f"Aucun notebook rassemblé à corriger dans {class_folder}/{results.SUBMITTED}/ : "
            "lancez d'abord « atelier collect SOURCE ».",
            file=sys.stderr,
        )
        return PROBLEMS
    timeout = args.delai
    if timeout is None:
        try:
            timeout = int(load_course_config(course_root).Execute.timeout)
        except (GenerateError, TypeError, ValueError):
            timeout = 120
    sandbox = find_sandbox(args.memoire, allow_bwrap=not args.sans_bwrap)
    if sandbox.isolated:
        print(
            "Isolement : chaque notebook tourne dans un bac à sable bubblewrap (pas de réseau, "
            "système en lecture seule, aucun accès aux autres notebooks ni au dossier de la "
            f"classe), {args.memoire} Mo de mémoire et {timeout} s par cellule au plus."
        )
    else:
        print(
            f"ATTENTION, correction sans isolement complet : {sandbox.reason} Protection de "
            "repli : réseau, programmes et fichiers hors du dossier de travail refusés par "
            "Python, mémoire limitée ; un code malveillant pourrait la contourner."
        )
    summary = grade_class(
        class_folder,
        course_root,
        modules,
        sandbox,
        timeout,
        args.jobs or default_jobs(),
        progress=lambda result: print(result_line(result), flush=True),
    )
    for path in summary.changed_files:
        print(f"ALERTE : le fichier reçu {path} a changé pendant la correction.", file=sys.stderr)
    print(
        f"{len(summary.results)} notebook(s) corrigé(s). Ensuite : « atelier report » et "
        "« atelier feedback »."
    )
    return PROBLEMS if summary.changed_files else OK


def _report(class_folder: Path, course_root: Path) -> int:
    from curriculum.grading.report import ReportError, write_report

    try:
        summary = write_report(class_folder, course_root)
    except ReportError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    print("\n".join(summary.french_lines()))
    return OK


def _feedback(class_folder: Path, course_root: Path) -> int:
    from curriculum.grading.feedback import write_feedback
    from curriculum.grading.report import ReportError

    try:
        pages = write_feedback(class_folder, course_root)
    except ReportError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    if not pages:
        print("Aucun résultat : lancez d'abord « atelier collect » puis « atelier grade ».")
        return PROBLEMS
    print(f"{len(pages)} page(s) de retour écrite(s) dans {class_folder / results.FEEDBACK}/.")
    return OK
