"""The syllabus as data: modules and learning paths read from `syllabus.toml`.

The loader only checks the shape of the file (fields present, right types) and
reports every problem at once, in French. The rules that tie the syllabus to
the notebooks on disk live in `curriculum.check`.
"""

from __future__ import annotations

import pathlib
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any

from widgets.errors import os_reason

SYLLABUS_FILE = "syllabus.toml"
# Where a course keeps its own syllabus, relative to the course root.
COURSE_SYLLABUS = pathlib.PurePosixPath("curriculum") / SYLLABUS_FILE
STATUSES = ("available", "planned")


class SyllabusError(Exception):
    """The syllabus file cannot be read; `messages` says why, in French."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    minutes: int
    audiences: tuple[str, ...]
    objectives: tuple[str, ...]
    prerequisites: tuple[str, ...]
    notebook: str
    status: str

    @property
    def available(self) -> bool:
        return self.status == "available"


@dataclass(frozen=True)
class Step:
    """One step of a path: a module (`module`) or an activity without notebook."""

    module: str | None
    activity: str | None
    # None means "the module's own duration" (see Syllabus.step_minutes).
    minutes: int | None


@dataclass(frozen=True)
class Path:
    id: str
    title: str
    audience: str
    description: str
    minutes: int
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Syllabus:
    title: str
    commune: str
    modules: tuple[Module, ...]
    paths: tuple[Path, ...]

    def module(self, module_id: str) -> Module | None:
        return next((module for module in self.modules if module.id == module_id), None)

    def step_minutes(self, step: Step) -> int | None:
        """Duration of a step; None when it names an unknown module without minutes."""
        if step.minutes is not None:
            return step.minutes
        module = self.module(step.module) if step.module else None
        return module.minutes if module else None


def load_syllabus(path: pathlib.Path | None = None) -> Syllabus:
    """Read a syllabus file; by default the one shipped inside the package."""
    if path is None:
        resource = resources.files(__package__) / SYLLABUS_FILE
        name = f"{__package__}/{SYLLABUS_FILE}"
        try:
            raw = resource.read_bytes()
        except OSError:
            raise SyllabusError([f"Le fichier {name} manque dans le paquet installé."]) from None
    else:
        name = str(path)
        try:
            raw = pathlib.Path(path).read_bytes()
        except FileNotFoundError:
            raise SyllabusError([f"Le fichier {name} est introuvable."]) from None
        except OSError as error:
            raise SyllabusError(
                [f"Le fichier {name} ne peut pas être lu ({os_reason(error)})."]
            ) from None
    return parse_syllabus(raw, name)


def load_course_syllabus(course_root: pathlib.Path) -> Syllabus:
    """The syllabus of the course at `course_root` (see `course_syllabus_path`)."""
    return load_syllabus(course_syllabus_path(course_root))


def course_syllabus_path(course_root: pathlib.Path) -> pathlib.Path | None:
    """The course's own `curriculum/syllabus.toml`, or None for the packaged one."""
    candidate = pathlib.Path(course_root) / COURSE_SYLLABUS
    return candidate if candidate.is_file() else None


def parse_syllabus(raw: bytes, name: str) -> Syllabus:
    """Parse the bytes of a syllabus file; `name` only appears in messages."""
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SyllabusError(
            [f"Le fichier {name} n'est pas encodé en UTF-8 : enregistrez-le en UTF-8."]
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise SyllabusError([_toml_error_message(name, error)]) from None

    reader = _Reader()
    syllabus = reader.syllabus(data)
    if reader.problems:
        raise SyllabusError(reader.problems)
    return syllabus


def _toml_error_message(name: str, error: tomllib.TOMLDecodeError) -> str:
    position = re.search(r"line (\d+), column (\d+)", str(error))
    where = f" (ligne {position[1]}, colonne {position[2]})" if position else ""
    return (
        f"Le fichier {name} n'est pas un fichier TOML valide{where}. "
        "Vérifiez les guillemets, les crochets et les signes = autour de cet endroit."
    )


_TYPE_NAMES = {
    str: "un texte entre guillemets",
    int: "un nombre entier",
    list: "une liste entre crochets",
    dict: "une table",
}
_MODULE_FIELDS = (
    "id",
    "title",
    "minutes",
    "audiences",
    "objectives",
    "prerequisites",
    "notebook",
    "status",
)
_PATH_FIELDS = ("id", "title", "audience", "description", "minutes", "steps")


class _Reader:
    """Turns the parsed TOML into dataclasses, collecting French problems."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def syllabus(self, data: dict[str, Any]) -> Syllabus:
        self._unknown_keys(data, ("course", "modules", "paths"), "Le programme")
        course = self._field(data, "course", dict, "Le programme") or {}
        self._unknown_keys(course, ("title", "commune"), "La table [course]")
        modules = self._field(data, "modules", list, "Le programme") or []
        paths = self._field(data, "paths", list, "Le programme") or []
        return Syllabus(
            title=self._field(course, "title", str, "La table [course]") or "",
            commune=self._field(course, "commune", str, "La table [course]") or "",
            modules=tuple(self._module(entry, n) for n, entry in enumerate(modules, 1)),
            paths=tuple(self._path(entry, n) for n, entry in enumerate(paths, 1)),
        )

    def _module(self, entry: Any, number: int) -> Module:
        where = self._label(entry, "Le module", number)
        if not isinstance(entry, dict):
            self.problems.append(f"{where} doit être une table [[modules]].")
            entry = {}
        self._unknown_keys(entry, _MODULE_FIELDS, where)
        status = self._field(entry, "status", str, where)
        if status is not None and status not in STATUSES:
            self.problems.append(
                f'{where} : le champ « status » vaut « {status} » ; écrivez "available" '
                'si le notebook existe, "planned" sinon.'
            )
        return Module(
            id=self._field(entry, "id", str, where) or "",
            title=self._field(entry, "title", str, where) or "",
            minutes=self._field(entry, "minutes", int, where) or 0,
            audiences=self._strings(entry, "audiences", where),
            objectives=self._strings(entry, "objectives", where),
            prerequisites=self._strings(entry, "prerequisites", where),
            notebook=self._field(entry, "notebook", str, where) or "",
            status=status or "planned",
        )

    def _path(self, entry: Any, number: int) -> Path:
        where = self._label(entry, "Le parcours", number)
        if not isinstance(entry, dict):
            self.problems.append(f"{where} doit être une table [[paths]].")
            entry = {}
        self._unknown_keys(entry, _PATH_FIELDS, where)
        steps = self._field(entry, "steps", list, where) or []
        return Path(
            id=self._field(entry, "id", str, where) or "",
            title=self._field(entry, "title", str, where) or "",
            audience=self._field(entry, "audience", str, where) or "",
            description=self._field(entry, "description", str, where) or "",
            minutes=self._field(entry, "minutes", int, where) or 0,
            steps=tuple(self._step(step, f"{where}, étape {n}") for n, step in enumerate(steps, 1)),
        )

    def _step(self, entry: Any, where: str) -> Step:
        if not isinstance(entry, dict):
            self.problems.append(
                f'{where} doit s\'écrire {{ module = "...", minutes = ... }} '
                'ou { activity = "...", minutes = ... }.'
            )
            return Step(module=None, activity=None, minutes=None)
        self._unknown_keys(entry, ("module", "activity", "minutes"), where)
        module = self._field(entry, "module", str, where, required=False)
        activity = self._field(entry, "activity", str, where, required=False)
        minutes = self._field(entry, "minutes", int, where, required=activity is not None)
        if (module is None) == (activity is None):
            self.problems.append(
                f"{where} doit avoir soit un champ « module » (un identifiant de module), "
                "soit un champ « activity » (une activité sans notebook), mais pas les deux."
            )
        return Step(module=module, activity=activity, minutes=minutes)

    def _field(
        self, entry: dict[str, Any], key: str, kind: type, where: str, *, required: bool = True
    ) -> Any:
        if key not in entry:
            if required:
                self.problems.append(
                    f"{where} : le champ « {key} » manque ; ajoutez-le ({_TYPE_NAMES[kind]})."
                )
            return None
        value = entry[key]
        # bool is a subclass of int in Python, but `minutes = true` is a mistake.
        if not isinstance(value, kind) or isinstance(value, bool):
            self.problems.append(
                f"{where} : le champ « {key} » doit être {_TYPE_NAMES[kind]}, pas « {value!r} »."
            )
            return None
        return value

    def _strings(self, entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        values = self._field(entry, key, list, where) or []
        if not all(isinstance(value, str) for value in values):
            self.problems.append(f"{where} : le champ « {key} » doit être une liste de textes.")
            return ()
        return tuple(values)

    def _unknown_keys(self, entry: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in entry:
            if key not in known:
                self.problems.append(
                    f"{where} : le champ « {key} » est inconnu. "
                    f"Champs possibles : {', '.join(known)}."
                )

    @staticmethod
    def _label(entry: Any, kind: str, number: int) -> str:
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            return f"{kind} {entry['id']}"
        return f"{kind} n° {number}"
