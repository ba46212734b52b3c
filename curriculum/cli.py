"""The `atelier` command: check the course, release learner notebooks, print the guides,
grade a class,
benchmark.

Exit codes: 0 all is well, 1 problems found, 2 the command was misused.
Expected problems are printed as one French sentence, never as a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path
from typing import Any, NoReturn

from curriculum import hub_commands, room_commands
from curriculum.course import CONFIG_FILE, RELEASE_DIR, find_course_root
from curriculum.exit_codes import OK, PROBLEMS, USAGE
from curriculum.grading import commands as grading_commands
from widgets.errors import os_reason

GUIDE_FILE = "guide-formateur.html"
GRADING = ("collect", "grade", "report", "feedback")
_ENGLISH = re.compile(r": (invalid|expected|ignored|conflicting)")
COMMANDS = (
    "check, release, guide, data, guard, bench, serve, seance, collect, grade, report, "
    "feedback, lien, publier ou tableau"
)


class _FrenchParser(argparse.ArgumentParser):
    """argparse speaks English; these are the messages our users can meet."""

    def __init__(self, *, add_help: bool = True, **kwargs: Any) -> None:
        super().__init__(add_help=False, formatter_class=_FrenchFormatter, **kwargs)
        self._positionals.title = "arguments"
        self._optionals.title = "options"
        if add_help:
            self.add_argument("-h", "--help", action="help", help="affiche cette aide et s'arrête")

    def error(self, message: str) -> NoReturn:
        if "invalid choice" in message:
            text = f"sous-commande inconnue : choisissez {COMMANDS}."
        elif "one of the arguments" in message:
            text = "indiquez un module (par exemple 01-prise-en-main) ou --tous."
        elif "not allowed with argument" in message:
            text = "indiquez soit un module, soit --tous, pas les deux."
        elif message.startswith("argument ") and not _ENGLISH.search(message):
            text = message.split(": ", 1)[-1] + "."  # our own type checks speak French
        elif "arguments are required" in message and "SOUS-COMMANDE" not in message:
            text = "il manque : " + message.split(":", 1)[1].strip() + "."
        elif "required" in message:
            text = "indiquez une sous-commande parmi " + COMMANDS + "."
        elif "unrecognized arguments" in message:
            text = "arguments non reconnus : " + message.split(":", 1)[1].strip() + "."
        else:
            text = "arguments incorrects."
        self.print_usage(sys.stderr)
        self.exit(USAGE, f"Erreur : {text} Aide : atelier --help\n")


class _FrenchFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: Any = None) -> None:
        french = "Utilisation : " if prefix is None else prefix
        super().add_usage(usage, actions, groups, prefix=french)


def _parser() -> argparse.ArgumentParser:
    parser = _FrenchParser(
        prog="atelier",
        description="Outils du cours Atelier IA, à lancer dans le dossier du cours.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="SOUS-COMMANDE")
    commands.add_parser(
        "check",
        help="vérifie que le programme et les notebooks sont cohérents",
        description="Vérifie le programme (curriculum/syllabus.toml), les notebooks de "
        "solutions/ et de notebooks/, et la liste des parcours de la page d'accueil.",
    )
    release = commands.add_parser(
        "release",
        help="régénère les versions apprenantes (notebooks/) à partir de solutions/",
        description="Nettoie les notebooks de solutions/ puis écrit leur version apprenante "
        "dans notebooks/. Sans module indiqué : tous les modules disponibles.",
    )
    release.add_argument(
        "modules",
        nargs="*",
        metavar="MODULE",
        help="identifiant d'un module, par exemple 01-prise-en-main",
    )
    guide = commands.add_parser(
        "guide",
        help="écrit le guide des formateurs imprimable (tous les guides et les cartes de débat)",
        description="Rassemble les guides de curriculum/guides/ (salle, parcours, modules) et "
        "les cartes de débat en un seul document HTML à imprimer depuis le navigateur.",
    )
    guide.add_argument(
        "--sortie",
        type=Path,
        default=Path(GUIDE_FILE),
        metavar="FICHIER",
        help=f"le fichier HTML à écrire ({GUIDE_FILE} dans le dossier courant par défaut)",
    )
    data = commands.add_parser(
        "data",
        help="régénère les jeux de données livrés et vérifie leur empreinte",
        description="Relance le générateur (à graine fixe) de chaque jeu de données livré, "
        "réécrit ses fichiers dans le dossier data/ de son paquet, puis vérifie que leur "
        "empreinte SHA-256 est la dernière inscrite dans la fiche DATASHEET.md.",
    )
    data.add_argument(
        "jeux", nargs="*", metavar="JEU", help="les jeux à régénérer (par défaut : tous)"
    )
    data.add_argument(
        "--verifier", action="store_true", help="n'écrit rien : dit seulement ce qui diffère"
    )
    commands.add_parser(
        "guard",
        help="mesure la détection des données personnelles sur son jeu d'évaluation",
        description="Rappel et précision du garde-fou des données personnelles (module 04), "
        "par sorte de donnée, sur le jeu d'évaluation livré ; échoue si un objectif est manqué.",
    )
    commands.add_parser(
        "bench",
        help="mesure la vitesse et la mémoire (les options suivantes sont transmises)",
        description="Mesures de vitesse et de mémoire, hors tests.",
        add_help=False,
    )
    room_commands.add_parsers(commands)
    grading_commands.add_parsers(commands)
    hub_commands.add_parsers(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # `bench` passes everything after it, options included, to the benchmarks.
    if argv[:1] == ["bench"]:
        from curriculum import bench

        return bench.main(argv[1:])
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else USAGE
    if args.command == "serve":
        return room_commands.serve(args)
    if args.command == "data":
        return _data(args.jeux, write=not args.verifier)
    if args.command == "guard":
        from curriculum.guard_report import main as guard_report

        return guard_report()

    root = find_course_root(Path.cwd())
    if root is None:
        print(
            f"Erreur : aucun fichier {CONFIG_FILE} dans ce dossier ni au-dessus. "
            "Placez-vous dans le dossier du cours avant de lancer atelier.",
            file=sys.stderr,
        )
        return USAGE
    if args.command == "check":
        return _check(root)
    if args.command == "guide":
        return _guide(root, args.sortie)
    if args.command in GRADING:
        return grading_commands.run(args, root)
    if args.command in ("lien", "publier", "tableau"):
        return hub_commands.run(args, root)
    if args.command == "seance":
        return room_commands.prepare_session_file(args, root)
    return _release(root, args.modules)


def _data(names: list[str], *, write: bool) -> int:
    import datetime as dt

    from curriculum.data import rebuild_all
    from widgets.shipped_data import DATA_SETS

    unknown = [name for name in names if name not in DATA_SETS]
    if unknown:
        known = ", ".join(sorted(DATA_SETS))
        print(f"Erreur : jeu de données inconnu : {', '.join(unknown)}. Jeux : {known}.")
        return USAGE
    results = rebuild_all(names, write=write)
    for result in results:
        print(result.report(dt.date.today()))
    if write:
        return OK if all(result.explained for result in results) else PROBLEMS
    return OK if all(r.explained and not r.changed_files for r in results) else PROBLEMS


def _check(root: Path) -> int:
    from curriculum.check import check_course
    from curriculum.check_facts import stale_facts

    for warning in stale_facts(root):
        print(f"Avertissement : {warning}")
    problems = check_course(root)
    if not problems:
        print("Tout est cohérent : programme, notebooks, guides et page d'accueil sont à jour.")
        return OK
    count = len(problems)
    print(f"{count} problème{'s' if count > 1 else ''} à corriger :")
    for problem in problems:
        print(f"- {problem}")
    return PROBLEMS


def _guide(root: Path, output: Path) -> int:
    from curriculum.guide_html import write_guide
    from curriculum.guides import load_guides
    from curriculum.syllabus import SyllabusError, load_course_syllabus
    from widgets.french import format_size

    try:
        syllabus = load_course_syllabus(root)
    except SyllabusError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    for problem in load_guides(root).problems:
        print(f"Avertissement : {problem}")
    output = output.resolve()
    try:
        write_guide(root, syllabus, output)
    except OSError as error:
        print(f"Erreur : impossible d'écrire {output} ({os_reason(error)}).", file=sys.stderr)
        return PROBLEMS
    size = format_size(output.stat().st_size)
    print(
        f"Guide des formateurs écrit dans {output} ({size}) : ouvrez-le dans un navigateur "
        "et imprimez-le (A4)."
    )
    return OK


def _release(root: Path, module_ids: list[str]) -> int:
    from curriculum.syllabus import SyllabusError, load_course_syllabus

    try:
        syllabus = load_course_syllabus(root)
    except SyllabusError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    module_ids = module_ids or [module.id for module in syllabus.modules if module.available]
    unknown = [module_id for module_id in module_ids if syllabus.module(module_id) is None]
    if unknown:
        known = ", ".join(module.id for module in syllabus.modules)
        print(
            f"Erreur : module inconnu : {', '.join(unknown)}. Modules du programme : {known}.",
            file=sys.stderr,
        )
        return PROBLEMS

    start = time.perf_counter()
    from curriculum.release import ReleaseError, release_module  # imports nbgrader: slow

    failed = 0
    for module_id in module_ids:
        try:
            files = release_module(root, module_id, root / RELEASE_DIR)
        except ReleaseError as error:
            print(f"Erreur : {error}", file=sys.stderr)
            failed += 1
            continue
        print(
            f"{module_id} : version apprenante écrite dans {RELEASE_DIR}/{module_id}/ "
            f"({len(files)} fichier{'s' if len(files) > 1 else ''})."
        )
    seconds = f"{time.perf_counter() - start:.1f}".replace(".", ",")
    done = len(module_ids) - failed
    print(f"{done} module{'s' if done > 1 else ''} publié{'s' if done > 1 else ''} en {seconds} s.")
    return PROBLEMS if failed else OK
