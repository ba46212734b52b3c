"""`atelier serve` (the room server) and `atelier seance preparer` (its session file).

Secrets never come from the command line (the process list shows it): the room
code comes from `ATELIER_CODE_SALLE` or a file, the online service's key from
`ATELIER_CLE_AMONT` or a file.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from curriculum.exit_codes import OK, PROBLEMS, USAGE


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Declare `serve` and `seance` on `atelier`'s sub-command parser."""
    _add_serve(commands)
    seance = commands.add_parser(
        "seance",
        help="prépare la veille un fichier de séance à rejouer en salle sans internet",
        description="« atelier seance preparer FICHIER --amont SERVICE --modele NOM » envoie au "
        "service en ligne les prompts de la galerie du module 03 (et, avec --parcours, ceux "
        "des modules du parcours) et écrit leurs réponses dans FICHIER ; en salle, « atelier "
        "serve --rejouer FICHIER » les rejoue sans internet. La clé du service se lit dans "
        "ATELIER_CLE_AMONT ou --cle-amont-fichier.",
    )
    actions = seance.add_subparsers(dest="action", required=True, metavar="ACTION")
    prepare = actions.add_parser("preparer", help="joue les prompts et écrit le fichier")
    prepare.add_argument("fichier", type=Path, metavar="FICHIER", help="le fichier de séance")
    prepare.add_argument("--amont", required=True, metavar="PRESET|URL", help="le service")
    prepare.add_argument("--modele", required=True, metavar="NOM", help="le modèle en ligne")
    prepare.add_argument("--cle-amont-fichier", type=Path, metavar="FICHIER")
    prepare.add_argument("--parcours", metavar="PARCOURS", help="ajoute les prompts du parcours")


def _add_serve(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser(
        "serve",
        help="sert un modèle à toute la salle (API compatible OpenAI)",
        description="Sert le modèle de la classe (ou, avec --amont, un modèle en ligne) sur "
        "http://127.0.0.1:8765/v1. Dans les réglages du modèle, chaque participant choisit "
        "« Serveur de la salle ». Le code de la salle se lit dans la variable "
        "ATELIER_CODE_SALLE ou dans un fichier (--code-fichier), jamais sur la ligne de "
        "commande. Ctrl+C arrête le serveur.",
    )
    serve.add_argument("--port", type=int, default=8765, help="port d'écoute (8765 par défaut)")
    serve.add_argument(
        "--host", help="adresse d'écoute (127.0.0.1 par défaut, 0.0.0.0 avec --reseau)"
    )
    serve.add_argument(
        "--reseau",
        action="store_true",
        help="écoute sur le réseau de la salle ; un code de la salle est alors exigé "
        "(tiré au hasard et affiché si vous n'en donnez pas)",
    )
    serve.add_argument(
        "--code-fichier",
        type=Path,
        metavar="FICHIER",
        help="fichier dont la première ligne est le code de la salle",
    )
    serve.add_argument(
        "--amont",
        metavar="PRESET|URL",
        help="transmet les demandes à ce service en ligne (albert, mistral, ollama… ou une "
        "adresse) ; clé dans ATELIER_CLE_AMONT ou --cle-amont-fichier",
    )
    serve.add_argument("--modele", metavar="NOM", help="le modèle du service en ligne")
    serve.add_argument(
        "--cle-amont-fichier",
        type=Path,
        metavar="FICHIER",
        help="fichier dont la première ligne est la clé du service en ligne",
    )
    serve.add_argument(
        "--enregistrer",
        type=Path,
        metavar="FICHIER",
        help="enregistre chaque prompt et sa réponse dans ce fichier de séance",
    )
    serve.add_argument(
        "--rejouer",
        type=Path,
        metavar="FICHIER",
        help="répond depuis ce fichier de séance, sans internet",
    )
    serve.add_argument(
        "--limite-participant",
        type=_per_minute,
        default=20,
        metavar="N",
        help="demandes par minute pour chaque participant (20 par défaut)",
    )
    serve.add_argument(
        "--limite-salle",
        type=_per_minute,
        default=300,
        metavar="N",
        help="demandes par minute pour toute la salle (300 par défaut)",
    )
    # Refused with an explanation: a secret on the command line shows in the process list.
    serve.add_argument("--cle", help=argparse.SUPPRESS)
    serve.add_argument("--cle-amont", help=argparse.SUPPRESS)


def _per_minute(text: str) -> int:
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(
            f"« {text} » : une limite est un nombre entier positif de demandes par minute"
        )
    return int(text)


SECRET_IN_ARGV = (
    "{option} n'est pas accepté : ce qui est écrit sur la ligne de commande se lit dans la "
    "liste des processus de l'ordinateur (ps). {instead}"
)


def serve(args: argparse.Namespace) -> int:
    """`atelier serve`: French messages, never a traceback; a secret in argv is refused."""
    from widgets.llm.room_limits import RateLimits
    from widgets.llm.room_start import RoomOptions, ServeError, run

    refused = {
        "--cle": (
            args.cle,
            "Mettez le code de la salle dans la variable d'environnement ATELIER_CODE_SALLE "
            "ou dans un fichier (--code-fichier FICHIER) ; avec --reseau et sans code, le "
            "serveur en tire un au hasard. Changez ce code : il a été tapé en clair.",
        ),
        "--cle-amont": (
            args.cle_amont,
            "Mettez la clé du service en ligne dans la variable d'environnement "
            "ATELIER_CLE_AMONT ou dans un fichier (--cle-amont-fichier FICHIER). Remplacez "
            "cette clé auprès du service : elle a été tapée en clair.",
        ),
    }
    for option, (value, instead) in refused.items():
        if value is not None:
            print(
                f"Erreur : {SECRET_IN_ARGV.format(option=option, instead=instead)}", file=sys.stderr
            )
            return USAGE
    options = RoomOptions(
        host=args.host,
        port=args.port,
        network=args.reseau,
        code_file=args.code_fichier,
        upstream=args.amont,
        upstream_model=args.modele,
        upstream_key_file=args.cle_amont_fichier,
        record=args.enregistrer,
        replay=args.rejouer,
        limits=RateLimits(args.limite_participant, args.limite_salle),
    )
    try:
        run(options)
    except ServeError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        return USAGE
    return OK


def prepare_session_file(args: argparse.Namespace, course_root: Path) -> int:
    """`atelier seance preparer`: play the session's prompts online, write the file."""
    from curriculum.syllabus import SyllabusError, load_course_syllabus
    from widgets.errors import AtelierError
    from widgets.llm.gateway import GatewayBackend
    from widgets.llm.room_start import RoomOptions, upstream_key
    from widgets.llm.session_prompts import gallery_prompts, prepare_session, prompts_for_modules

    try:
        prompts = gallery_prompts()
        if args.parcours:
            syllabus = load_course_syllabus(course_root)
            path = next((p for p in syllabus.paths if p.id == args.parcours), None)
            if path is None:
                known = ", ".join(p.id for p in syllabus.paths)
                print(f"Erreur : parcours inconnu « {args.parcours} » ({known}).", file=sys.stderr)
                return USAGE
            prompts += prompts_for_modules([step.module for step in path.steps if step.module])
        options = RoomOptions(upstream=args.amont, upstream_key_file=args.cle_amont_fichier)
        backend = GatewayBackend(args.amont, args.modele, upstream_key(options, os.environ))
        report = prepare_session(
            backend,
            prompts,
            args.fichier,
            progress=lambda done, total, title: print(f"[{done}/{total}] {title}", flush=True),
        )
    except (AtelierError, SyllabusError) as error:
        print(f"Erreur : {getattr(error, 'message', error)}", file=sys.stderr)
        return PROBLEMS
    print("\n".join(report.lines()))
    return OK
