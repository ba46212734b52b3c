"""The commands for a course on a JupyterHub: `atelier lien`, `publier` and `tableau`.

`lien` prints the links that open a module or a path (nbgitpuller on a hub,
Binder otherwise); `tableau` writes the trainer's dashboard of a session from
the learners' saved notebooks.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from curriculum.exit_codes import OK, PROBLEMS, USAGE
from curriculum.learner_branch import LEARNER_BRANCH
from curriculum.links import BRANCH, DEPOT

DASHBOARD_FILE = "tableau.html"


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Declare `lien` and `tableau` on `atelier`'s sub-command parser."""
    link = commands.add_parser(
        "lien",
        help="affiche les liens qui ouvrent un module ou un parcours (JupyterHub ou Binder)",
        description="Sur un JupyterHub (--hub), les liens passent par nbgitpuller : ils "
        "récupèrent la dernière version du cours sans effacer le travail des apprenants, puis "
        "ouvrent le module. Sans --hub : les liens Binder.",
    )
    link.add_argument("module", nargs="?", metavar="MODULE", help="par exemple 03-prompts")
    link.add_argument("--parcours", metavar="PARCOURS", help="tous les modules d'un parcours")
    link.add_argument("--hub", metavar="URL", help="l'adresse du JupyterHub")
    link.add_argument("--depot", default=DEPOT, metavar="URL", help="le dépôt git du cours")
    link.add_argument(
        "--vue", choices=("jupyterlab", "sans-code"), help="la vue (par défaut : celle du parcours)"
    )
    link.add_argument(
        "--branche",
        default=BRANCH,
        metavar="BRANCHE",
        help=f"la branche que les liens apportent ({BRANCH} par défaut ; pour des apprenants : "
        f"{LEARNER_BRANCH}, voir atelier publier)",
    )
    publish = commands.add_parser(
        "publier",
        help=f"publie la branche « {LEARNER_BRANCH} » : le cours sans les corrigés ni les tests",
        description="Crée ou avance, dans ce dépôt git, une branche qui contient le cours sans "
        "solutions/ ni tests/, pour que les liens nbgitpuller d'un JupyterHub n'apportent pas "
        "les corrigés aux apprenants. Ne touche ni aux fichiers ni à la branche courante.",
    )
    publish.add_argument("--branche", default=LEARNER_BRANCH, metavar="BRANCHE")
    publish.add_argument(
        "--depuis", default="HEAD", metavar="COMMIT", help="la version du cours (HEAD par défaut)"
    )
    board = commands.add_parser(
        "tableau",
        help="écrit le tableau de bord d'une séance : qui a ouvert quel module, qui bloque",
        description="Lit les notebooks enregistrés des apprenants (sans jamais recopier leurs "
        "réponses) et écrit une page : modules ouverts, exercices réussis, à revoir, pas "
        "essayés, pour chaque apprenant.",
    )
    board.add_argument(
        "--comptes",
        type=Path,
        default=Path("/home"),
        metavar="DOSSIER",
        help="le dossier des comptes des apprenants (/home par défaut)",
    )
    board.add_argument(
        "--sortie",
        type=Path,
        default=Path(DASHBOARD_FILE),
        metavar="FICHIER",
        help=f"la page à écrire ({DASHBOARD_FILE} par défaut)",
    )


def run(args: argparse.Namespace, course_root: Path) -> int:
    if args.command == "lien":
        return _links(args, course_root)
    if args.command == "publier":
        return _publish(args, course_root)
    return _dashboard(args, course_root)


def _publish(args: argparse.Namespace, course_root: Path) -> int:
    from curriculum.learner_branch import PublishError, publish_learner_branch

    try:
        published = publish_learner_branch(course_root, args.depuis, args.branche)
    except PublishError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    print("\n".join(published.french_lines()))
    return OK


def _links(args: argparse.Namespace, course_root: Path) -> int:
    from curriculum.link_command import LinkError, lien_lines

    try:
        lines = lien_lines(
            course_root,
            hub=args.hub,
            depot=args.depot,
            parcours=args.parcours,
            module=args.module,
            vue=args.vue,
            branche=args.branche,
        )
    except LinkError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return USAGE
    print("\n".join(lines))
    return OK


def _dashboard(args: argparse.Namespace, course_root: Path) -> int:
    from curriculum.dashboard import DashboardError, write_dashboard

    try:
        summary = write_dashboard(args.comptes, course_root, args.sortie)
    except DashboardError as error:
        print(f"Erreur : {error}", file=sys.stderr)
        return PROBLEMS
    print("\n".join(summary.french_lines()))
    return OK
