"""Starting `atelier serve`: which backend, which room code, what the trainer is told.

Nothing secret ever comes from the command line, where any user of the
computer reads it (`ps`): the room code comes from the environment variable
`ATELIER_CODE_SALLE` or a file, the upstream key from `ATELIER_CLE_AMONT` or
a file. On the room's network (`--reseau`) a code is required; without one,
the server draws a short one to write on the board.
"""

from __future__ import annotations

import os
import secrets
import socket
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from widgets.errors import AtelierError
from widgets.llm.classroom_backend import ClassroomModel, default_classroom_model
from widgets.llm.config import is_loopback
from widgets.llm.interface import Secret
from widgets.llm.room_backend import ClassroomBackend, RoomBackend
from widgets.llm.room_limits import RateLimits
from widgets.llm.server import DEFAULT_PORT, RoomServer, make_server

CODE_ENV = "ATELIER_CODE_SALLE"
UPSTREAM_KEY_ENV = "ATELIER_CLE_AMONT"
CODE_LETTERS = "ABCDEFGHJKMNPRSTUVWXYZ"
"""Capitals not mistaken for one another or for a digit when read aloud: no I, L, O, Q."""
CODE_LENGTH = 6
MIN_CODE_CHARS = 4
MAX_SECRET_CHARS = 400


class ServeError(AtelierError):
    """`atelier serve` cannot start; the message says what to do, in French."""


@dataclass(frozen=True)
class RoomOptions:
    """What the trainer chose on the command line (never a secret, only where to read one)."""

    host: str | None = None
    port: int = DEFAULT_PORT
    network: bool = False
    code_file: Path | None = None
    upstream: str | None = None
    upstream_model: str | None = None
    upstream_key_file: Path | None = None
    record: Path | None = None
    replay: Path | None = None
    limits: RateLimits = field(default_factory=RateLimits)


def draw_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def read_secret_file(path: Path, what: str, option: str) -> str:
    """The first line of a file holding a code or a key, checked; French errors."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ServeError(f"Fichier {what} introuvable : « {path} » ({option}).") from None
    except (OSError, UnicodeDecodeError):
        raise ServeError(
            f"Impossible de lire le fichier {what} « {path} » ({option}) : vérifiez qu'il "
            "s'agit d'un fichier texte lisible."
        ) from None
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        raise ServeError(f"Le fichier {what} « {path} » est vide ({option}).")
    return _checked(lines[0], what, f"le fichier « {path} »")


def _checked(value: str, what: str, origin: str) -> str:
    if len(value) > MAX_SECRET_CHARS or not value.isprintable():
        raise ServeError(f"Le contenu {what} lu dans {origin} n'est pas une ligne de texte simple.")
    return value


def room_code(
    options: RoomOptions, host: str, environ: Mapping[str, str]
) -> tuple[str | None, str]:
    """The room code and a French sentence on where it comes from (never the code itself),
    except for a drawn code, which the sentence gives so that the trainer writes it on the board."""
    if options.code_file is not None:
        code = read_secret_file(options.code_file, "du code de la salle", "--code-fichier")
        origin = f"Code de la salle lu dans « {options.code_file} »."
    elif environ.get(CODE_ENV, "").strip():
        code = _checked(environ[CODE_ENV].strip(), "du code", f"la variable {CODE_ENV}")
        origin = f"Code de la salle lu dans la variable d'environnement {CODE_ENV}."
    elif not is_loopback(host):
        code = draw_code()
        return code, (
            f"Code de la salle : {code} — écrivez-le au tableau ; chaque participant le saisit "
            "dans le champ « Clé » après avoir choisi « Serveur de la salle »."
        )
    else:
        return None, "Sans code de la salle : seul cet ordinateur peut utiliser ce serveur."
    if len("".join(code.split())) < MIN_CODE_CHARS:
        raise ServeError(
            f"Code de la salle trop court : {MIN_CODE_CHARS} caractères au moins, par exemple "
            f"{draw_code()}."
        )
    return code, origin


def upstream_key(options: RoomOptions, environ: Mapping[str, str]) -> Secret | None:
    if options.upstream_key_file is not None:
        return Secret(
            read_secret_file(options.upstream_key_file, "de la clé amont", "--cle-amont-fichier")
        )
    value = environ.get(UPSTREAM_KEY_ENV, "").strip()
    return (
        Secret(_checked(value, "de la clé", f"la variable {UPSTREAM_KEY_ENV}")) if value else None
    )


def check_choices(options: RoomOptions) -> None:
    """The combinations that make no sense, refused before anything starts."""
    if options.replay is not None and options.upstream is not None:
        raise ServeError(
            "Choisissez --rejouer (la séance enregistrée, sans internet) ou --amont (le modèle "
            "en ligne), pas les deux."
        )
    if options.replay is not None and options.record is not None:
        raise ServeError(
            "--rejouer et --enregistrer ne vont pas ensemble : enregistrez la veille avec "
            "--amont … --enregistrer FICHIER, puis rejouez en salle avec --rejouer FICHIER."
        )
    if options.record is not None and options.upstream is None:
        raise ServeError(
            "--enregistrer prépare la séance avec le modèle en ligne : indiquez aussi --amont. "
            "Sans --amont, rien n'est à enregistrer (le modèle de la classe marche sans "
            "internet), et aucun garde-fou ne filtrerait les données personnelles avant "
            "l'écriture sur le disque."
        )
    if options.upstream_model is not None and options.upstream is None:
        raise ServeError("--modele choisit le modèle en ligne : indiquez aussi --amont.")
    if options.upstream is not None and not options.upstream_model:
        raise ServeError(
            "Indiquez le modèle en ligne avec --modele, par exemple --modele albert-large."
        )
    if options.replay is not None and not options.replay.is_file():
        raise ServeError(f"Fichier de séance introuvable : « {options.replay} » (--rejouer).")
    if options.upstream_key_file is not None and options.upstream is None:
        raise ServeError("--cle-amont-fichier sert avec --amont : indiquez aussi --amont.")
    if options.limits.per_learner < 1 or options.limits.per_room < 1:
        raise ServeError("Les limites de demandes par minute sont des nombres entiers positifs.")


def build_backend(
    options: RoomOptions,
    environ: Mapping[str, str],
    model_factory: Callable[[], ClassroomModel],
) -> RoomBackend:
    """The backend the options describe; `ServeError` (French) when it cannot be built."""
    try:
        if options.upstream is not None:
            from widgets.llm.gateway import GatewayBackend

            key = upstream_key(options, environ)
            backend: RoomBackend = GatewayBackend(options.upstream, options.upstream_model, key)
        elif options.replay is not None:
            from widgets.llm.replay import ReplayBackend

            backend = ReplayBackend(options.replay, fallback=ClassroomBackend(model_factory()))
        else:
            backend = ClassroomBackend(model_factory())
        if options.record is not None:
            from widgets.llm.record import RecordingBackend

            backend = RecordingBackend(backend, options.record)
    except AtelierError as error:  # ServeError included: the same French message
        raise ServeError(error.message) from None
    return backend


def lan_address() -> str:
    """This computer's address on the room's network, as learners type it (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1: a route lookup, nothing leaves
            return probe.getsockname()[0]
        except OSError:
            return socket.gethostname()


def banner(
    server: RoomServer, backend: RoomBackend, options: RoomOptions, code_note: str
) -> list[str]:
    host, port = server.server_address[:2]
    url = server.url if is_loopback(str(host)) else f"http://{lan_address()}:{port}/v1"
    if options.record is not None:
        disk = (
            "Mode enregistrement : chaque prompt et sa réponse sont écrits dans "
            f"« {options.record} »."
        )
    else:
        disk = (
            "Aucun texte de demande n'est écrit sur le disque : chaque demande reste en mémoire "
            "le temps de sa réponse, le journal ne montre que l'heure, le chemin et le statut."
        )
    limits = options.limits
    return [
        f"Serveur de la salle sur {url} — Ctrl+C pour arrêter",
        f"Réponses : {backend.description}.",
        disk,
        f"Limites : {limits.per_learner} demandes par minute et par participant, "
        f"{limits.per_room} pour toute la salle.",
        code_note,
    ]


def run(
    options: RoomOptions,
    *,
    environ: Mapping[str, str] = os.environ,
    model_factory: Callable[[], ClassroomModel] = default_classroom_model,
    out: TextIO = sys.stdout,
) -> None:
    """Serve until Ctrl+C. Raises `ServeError` (French) when it cannot start."""
    host = options.host or ("0.0.0.0" if options.network else "127.0.0.1")
    if not is_loopback(host) and not options.network:
        raise ServeError(
            f"Par prudence, le serveur n'écoute que sur cet ordinateur (127.0.0.1), pas sur "
            f"« {host} » : pour le partager avec la salle, ajoutez --reseau."
        )
    if not 0 <= options.port <= 65_535:
        raise ServeError("Le port doit être un nombre entre 1 et 65535, par exemple 8765.")
    check_choices(options)
    code, code_note = room_code(options, host, environ)

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    say("Préparation du serveur de la salle…")
    backend = build_backend(options, environ, model_factory)
    try:
        server = make_server(backend, host, options.port, code=code, limits=options.limits, log=say)
    except OSError:
        raise ServeError(
            f"Impossible d'écouter sur {host}:{options.port} : le port est peut-être déjà utilisé "
            "(choisissez-en un autre avec --port) ou l'adresse n'est pas celle de cet ordinateur."
        ) from None
    for line in banner(server, backend, options, code_note):
        say(line)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        say("Serveur arrêté.")
