"""The session file: answers recorded the day before, replayed in the room without internet.

Format du fichier de séance (version 1)
---------------------------------------

Un fichier de séance est un fichier JSON encodé en UTF-8, que `atelier serve
--enregistrer` et `atelier seance preparer` écrivent et que `atelier serve
--rejouer` relit. Il commence par deux champs qui disent ce qu'il est :
`"format": "atelier-ia-seance"` et `"version": 1`. Un fichier d'un autre
format ou d'une autre version est refusé avec un message qui dit quoi faire
(le plus souvent : préparer la séance à nouveau). Le champ `"entrees"` est la
liste des réponses enregistrées ; chaque entrée contient :

- `messages` : le prompt tel que le serveur l'a reçu, une liste de messages
  `{"role": ..., "content": ...}` ;
- `max_tokens` et `temperature` : les réglages qui changent la réponse (la
  longueur maximale de la réponse, et le degré de hasard) ;
- `modele` : le nom du modèle en ligne qui a répondu (par exemple
  « albert-large ») ;
- `enregistre_le` : la date et l'heure de l'enregistrement, au format ISO 8601
  avec le décalage horaire (« 2026-12-01T18:04:12+01:00 ») ;
- `reponse` : le texte de la réponse ; `fin` : pourquoi elle s'arrête (`stop`,
  ou `length` si elle a atteint `max_tokens`) ;
- `usage` : les nombres de tokens du prompt et de la réponse, ou `null` ;
- `empreinte` : l'estimation EcoLogits de l'empreinte de la réponse, ou `null`.

Le fichier contient le texte des prompts : il se garde et se partage comme
les documents de la formation, sans y mettre de données personnelles (un
prompt que le garde-fou de la passerelle arrête, ou qu'un participant envoie
pseudonymisé, n'y est jamais écrit).
Chaque écriture remplace le fichier d'un coup : un fichier interrompu en
cours d'écriture n'existe pas.

« Le même prompt » : deux demandes sont la même quand elles ont les mêmes
messages, dans le même ordre, avec les mêmes rôles et les mêmes textes, et
les mêmes `max_tokens` et `temperature`. Les textes sont comparés après
normalisation Unicode (NFC : « é » composé ou décomposé, c'est pareil) et des
blancs (toute suite d'espaces, de tabulations et de retours à la ligne compte
pour une espace ; les blancs du début et de la fin sont ignorés). La
température compte parce qu'elle est une leçon du cours : un apprenant qui la
change attend une autre réponse, et il reçoit celle du modèle de la classe,
annoncée comme telle, plutôt qu'une réponse enregistrée pour d'autres
réglages. La graine (`seed`) ne compte pas : les prompts de la séance sont
envoyés sans graine, et les modèles en ligne ne promettent pas de la respecter.
Quand le même prompt a été enregistré plusieurs fois, la réponse la plus
récente du fichier est rejouée.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from widgets.errors import AtelierError, os_reason
from widgets.text import printable

FORMAT = "atelier-ia-seance"
VERSION = 1
MAX_FILE_BYTES = 200_000_000
"""Far above a day of recordings (a few megabytes); refuses a video passed by mistake."""
PREPARE_HINT = "Préparez la séance à nouveau avec `atelier seance preparer`."

Key = tuple[tuple[tuple[str, str], ...], int, float]
_BLANKS = re.compile(r"\s+")


class SessionFileError(AtelierError):
    """A session file that cannot be read or written; the message says what to do."""


@dataclass(frozen=True)
class Recording:
    """One recorded answer and the prompt it answers."""

    messages: tuple[tuple[str, str], ...]
    """(role, text) pairs, as the server received them (lone surrogates made printable)."""
    max_tokens: int
    temperature: float
    model: str
    recorded_at: datetime
    text: str
    finish: str = "stop"
    usage: dict[str, int] | None = None
    footprint: dict[str, Any] | None = None

    @property
    def key(self) -> Key:
        return prompt_key(
            [{"role": role, "content": text} for role, text in self.messages],
            self.max_tokens,
            self.temperature,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "messages": [{"role": role, "content": text} for role, text in self.messages],
            "max_tokens": self.max_tokens,
            "temperature": self.temperature,
            "modele": self.model,
            "enregistre_le": self.recorded_at.isoformat(timespec="seconds"),
            "reponse": self.text,
            "fin": self.finish,
            "usage": self.usage,
            "empreinte": self.footprint,
        }


def normalised(text: str) -> str:
    """A prompt's text as lookups compare it: printable, NFC, blanks collapsed."""
    return _BLANKS.sub(" ", unicodedata.normalize("NFC", printable(text))).strip()


def prompt_key(messages: list[dict[str, str]], max_tokens: int, temperature: float) -> Key:
    """What makes two requests « the same prompt » (see the module's documentation)."""
    pairs = tuple((message["role"], normalised(message["content"])) for message in messages)
    return pairs, int(max_tokens), round(float(temperature), 6)


def recording(
    request: dict[str, Any],
    *,
    model: str,
    recorded_at: datetime,
    text: str,
    finish: str,
    usage: dict[str, int] | None,
    footprint: dict[str, Any] | None,
) -> Recording:
    """A recording of `request` (the dict a backend receives) and its answer."""
    return Recording(
        messages=tuple(
            (message["role"], printable(message["content"])) for message in request["messages"]
        ),
        max_tokens=int(request["max_tokens"]),
        temperature=float(request["temperature"]),
        model=printable(model),
        recorded_at=recorded_at,
        text=printable(text),
        finish=finish,
        usage=usage,
        footprint=_printable_data(footprint),
    )


def read_session(path: Path) -> list[Recording]:
    """The recordings of a session file, in file order; a `SessionFileError` otherwise."""
    path = Path(path)
    name = printable(str(path))
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise SessionFileError(
                f"Le fichier « {name} » est bien trop gros pour une séance enregistrée : "
                "vérifiez le nom du fichier."
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionFileError(f"Le fichier de séance « {name} » n'existe pas.") from None
    except IsADirectoryError:
        raise SessionFileError(f"« {name} » est un dossier, pas un fichier de séance.") from None
    except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
        why = os_reason(error) if isinstance(error, OSError) else "nom de fichier impossible"
        raise SessionFileError(
            f"Le fichier de séance « {name} » ne peut pas être lu ({why})."
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise SessionFileError(_damaged(name, "ce n'est pas du JSON lisible")) from None
    _check_header(data, name)
    entries = data.get("entrees")
    if not isinstance(entries, list):
        raise SessionFileError(_damaged(name, "la liste « entrees » manque"))
    return [_entry(entry, number, name) for number, entry in enumerate(entries, start=1)]


def write_session(path: Path, recordings: list[Recording]) -> None:
    """Write the whole file at once: a reader sees the old file or the new one, never half."""
    write_lines(path, [entry_line(entry) for entry in recordings])


def entry_line(entry: Recording) -> str:
    """One entry as one line of JSON: the file reads and compares line by line, and the
    recorder serialises each entry once (`write_lines`), not at every write."""
    return json.dumps(entry.to_json(), ensure_ascii=False)


def write_lines(path: Path, lines: list[str]) -> None:
    """Write a session file whose entries are `entry_line`s, atomically."""
    path = Path(path)
    header = json.dumps({"format": FORMAT, "version": VERSION})[:-1]
    text = f'{header}, "entrees": [\n' + ",\n".join(lines) + "\n]}\n"
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        if temporary is not None and os.path.exists(temporary):
            os.unlink(temporary)
        raise SessionFileError(
            f"Le fichier de séance « {printable(str(path))} » ne peut pas être écrit "
            f"({os_reason(error)})."
        ) from None


class Session:
    """The recordings of one file, looked up by prompt."""

    def __init__(self, recordings: list[Recording]) -> None:
        self._by_key: dict[Key, Recording] = {}
        for entry in recordings:  # a later recording of the same prompt wins
            self._by_key[entry.key] = entry
        self.count = len(recordings)

    @classmethod
    def load(cls, path: Path) -> Session:
        return cls(read_session(path))

    def find(self, request: dict[str, Any]) -> Recording | None:
        """The recorded answer to the same prompt with the same settings, or None."""
        return self._by_key.get(
            prompt_key(request["messages"], request["max_tokens"], request["temperature"])
        )


def _check_header(data: object, name: str) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionFileError(
            f"Le fichier « {name} » n'est pas une séance enregistrée par Atelier IA "
            f'(il lui manque « "format": "{FORMAT}" »). {PREPARE_HINT}'
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise SessionFileError(_damaged(name, "sa version n'est pas un nombre entier"))
    if version > VERSION:
        raise SessionFileError(
            f"Le fichier de séance « {name} » est au format version {version}, plus récent "
            f"que cet Atelier IA (version {VERSION}) : mettez Atelier IA à jour, ou préparez "
            "la séance à nouveau avec cette version."
        )
    if version < VERSION:
        raise SessionFileError(
            f"Le fichier de séance « {name} » est au format version {version}, ancien : "
            f"cet Atelier IA lit la version {VERSION}. {PREPARE_HINT}"
        )


def _entry(entry: object, number: int, name: str) -> Recording:
    def fail(what: str) -> SessionFileError:
        return SessionFileError(_damaged(name, f"l'entrée {number} {what}"))

    if not isinstance(entry, dict):
        raise fail("n'est pas un objet JSON")
    messages = entry.get("messages")
    if (
        not isinstance(messages, list)
        or not messages
        or not all(
            isinstance(message, dict)
            and isinstance(message.get("role"), str)
            and isinstance(message.get("content"), str)
            for message in messages
        )
    ):
        raise fail("n'a pas de « messages » lisibles (rôle et texte)")
    max_tokens = entry.get("max_tokens")
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int) or max_tokens < 1:
        raise fail("n'a pas de « max_tokens » entier")
    temperature = entry.get("temperature")
    if isinstance(temperature, bool) or not isinstance(temperature, int | float):
        raise fail("n'a pas de « temperature » numérique")
    texts = [entry.get(field) for field in ("modele", "reponse", "fin", "enregistre_le")]
    if not all(isinstance(text, str) for text in texts):
        raise fail("n'a pas de « modele », « reponse », « fin » ou « enregistre_le »")
    try:
        recorded_at = datetime.fromisoformat(entry["enregistre_le"])
    except ValueError:
        raise fail("a une date « enregistre_le » illisible") from None
    usage, footprint = entry.get("usage"), entry.get("empreinte")
    if usage is not None and not (
        isinstance(usage, dict)
        and all(isinstance(count, int) and not isinstance(count, bool) for count in usage.values())
    ):
        raise fail("a un « usage » qui n'est pas une liste de nombres de tokens")
    if footprint is not None and not isinstance(footprint, dict):
        raise fail("a une « empreinte » qui n'est pas un objet JSON")
    return Recording(
        messages=tuple(
            (printable(message["role"]), printable(message["content"])) for message in messages
        ),
        max_tokens=max_tokens,
        temperature=float(temperature),
        model=printable(entry["modele"]),
        recorded_at=recorded_at,
        text=printable(entry["reponse"]),
        finish=printable(entry["fin"]),
        usage=usage,
        footprint=_printable_data(footprint),
    )


def _damaged(name: str, why: str) -> str:
    return f"Le fichier de séance « {name} » est abîmé : {why}. {PREPARE_HINT}"


def _printable_data(value: Any) -> Any:
    """A footprint as plain JSON data whose texts can all be written in UTF-8."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(key)): _printable_data(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_printable_data(item) for item in value]
    if value is None or isinstance(value, bool | int | float):
        return value
    return printable(str(value))
