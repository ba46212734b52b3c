"""Trainer guides as data: one TOML file per module, one per path, one for the room.

    curriculum/guides/modules/<module-id>.toml   running order, messages, questions, traps
    curriculum/guides/parcours/<path-id>.toml    the steps of a path, what to show in each
    curriculum/guides/salle.toml                 the room's traps, shared by every path

The loader checks the shape of each file (fields, types, short Markdown texts) and
collects every problem as a French sentence naming the file and the field; a guide
is still built from what could be read, so `atelier guide` can print it. The rules
that tie guides to the syllabus, the facts and the lessons live in `check_guides`.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from curriculum.guide_model import (
    Debrief,
    Guides,
    ModuleGuide,
    PathGuide,
    PathStep,
    Question,
    RoomGuide,
    Stage,
    Trap,
)

GUIDES_DIR = Path("curriculum") / "guides"
MODULES_DIR = "modules"
PATHS_DIR = "parcours"
ROOM_FILE = "salle.toml"
VIEWS = ("sans-code", "jupyterlab")
CLOCK = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# Guides are printed inside a larger document: no raw HTML, no headings, no images.
RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z!]")
HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)", re.MULTILINE)
IMAGE = re.compile(r"!\[")
# How many items each list should hold (the brief's format): (min, max).
COUNTS = {"key_messages": (3, 5), "questions": (3, 6), "traps": (2, 5)}


def guides_dir(course_root: Path) -> Path:
    return Path(course_root) / GUIDES_DIR


def load_guides(course_root: Path) -> Guides:
    """Read every guide file of the course at `course_root`."""
    folder = guides_dir(course_root)
    guides = Guides()
    for path in sorted((folder / MODULES_DIR).glob("*.toml")):
        guide = _read(path, course_root, guides.problems, _Reader.module_guide)
        if guide is not None:
            guides.modules[guide.module or path.stem] = guide
    for path in sorted((folder / PATHS_DIR).glob("*.toml")):
        guide = _read(path, course_root, guides.problems, _Reader.path_guide)
        if guide is not None:
            guides.paths[guide.path or path.stem] = guide
    room = folder / ROOM_FILE
    if room.is_file():
        guides.room = _read(room, course_root, guides.problems, _Reader.room_guide)
    return guides


def _read(path: Path, course_root: Path, problems: list[str], build: Any) -> Any:
    name = path.relative_to(course_root).as_posix()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        problems.append(f"Le guide {name} n'est pas encodé en UTF-8 : enregistrez-le en UTF-8.")
        return None
    except tomllib.TOMLDecodeError as error:
        position = re.search(r"line (\d+), column (\d+)", str(error))
        where = f" (ligne {position[1]}, colonne {position[2]})" if position else ""
        problems.append(
            f"Le guide {name} n'est pas un fichier TOML valide{where} : vérifiez les "
            "guillemets, les crochets et les signes = autour de cet endroit."
        )
        return None
    reader = _Reader(name)
    guide = build(reader, data, path.stem)
    problems.extend(reader.problems)
    return guide


_TYPE_NAMES = {
    str: "un texte entre guillemets",
    int: "un nombre entier",
    list: "une liste entre crochets",
}
_MODULE_KEYS = (
    "module",
    "summary",
    "prepare",
    "key_messages",
    "offline",
    "running_order",
    "questions",
    "traps",
    "debriefs",
    "facts",
)
_PATH_KEYS = ("path", "view", "summary", "before", "handouts", "steps", "start")
_STEP_KEYS = ("module", "activity", "minutes", "show", "pause", "pause_minutes", "facts")


class _Reader:
    """Turns one parsed guide file into dataclasses, collecting French problems."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[str] = []

    def module_guide(self, data: dict[str, Any], stem: str) -> ModuleGuide:
        self._keys(data, _MODULE_KEYS, "")
        module = self._own_id(data, "module", stem, "du module")
        guide = ModuleGuide(
            file=self.name,
            module=module,
            summary=self._text(data, "summary", ""),
            prepare=self._texts(data, "prepare", ""),
            key_messages=self._texts(data, "key_messages", ""),
            offline=self._text(data, "offline", ""),
            running_order=tuple(
                Stage(
                    minutes=self._minutes(entry, "minutes", where),
                    title=self._text(entry, "title", where),
                    what=self._text(entry, "what", where),
                    facts=self._texts(entry, "facts", where, required=False),
                )
                for entry, where in self._tables(
                    data, "running_order", ("minutes", "title", "what", "facts")
                )
            ),
            questions=tuple(
                Question(
                    question=self._text(entry, "question", where),
                    answer=self._text(entry, "answer", where),
                    facts=self._texts(entry, "facts", where, required=False),
                )
                for entry, where in self._tables(data, "questions", ("question", "answer", "facts"))
            ),
            traps=self._traps(data),
            debriefs=tuple(
                Debrief(
                    exercise=self._text(entry, "exercise", where),
                    how=self._text(entry, "how", where),
                )
                for entry, where in self._tables(
                    data, "debriefs", ("exercise", "how"), required=False
                )
            ),
            facts=self._texts(data, "facts", "", required=False),
        )
        self._counts(data, ("key_messages", "questions", "traps"))
        return guide

    def path_guide(self, data: dict[str, Any], stem: str) -> PathGuide:
        self._keys(data, _PATH_KEYS, "")
        path = self._own_id(data, "path", stem, "du parcours")
        view = self._text(data, "view", "")
        if view and view not in VIEWS:
            self._problem(
                "", f'le champ « view » vaut « {view} » : écrivez "sans-code" ou "jupyterlab"'
            )
        start = self._text(data, "start", "", required=False, markdown=False)
        if start and not CLOCK.match(start):
            self._problem(
                "", f'le champ « start » vaut « {start} » : écrivez une heure comme "09:00"'
            )
        return PathGuide(
            file=self.name,
            path=path,
            view=view,
            summary=self._text(data, "summary", ""),
            before=self._texts(data, "before", ""),
            handouts=self._texts(data, "handouts", ""),
            steps=tuple(
                self._step(entry, where) for entry, where in self._tables(data, "steps", _STEP_KEYS)
            ),
            start=start if CLOCK.match(start or "") else "",
        )

    def room_guide(self, data: dict[str, Any], _stem: str) -> RoomGuide:
        self._keys(data, ("traps",), "")
        return RoomGuide(file=self.name, traps=self._traps(data))

    def _step(self, entry: dict[str, Any], where: str) -> PathStep:
        module = self._text(entry, "module", where, required=False, markdown=False)
        activity = self._text(entry, "activity", where, required=False)
        if bool(module) == bool(activity):
            self._problem(
                where,
                "écrivez soit « module » (un identifiant de module), soit « activity » "
                "(une activité sans notebook), mais pas les deux",
            )
        pause = self._text(entry, "pause", where, required=False)
        pause_minutes = self._minutes(entry, "pause_minutes", where, required=bool(pause))
        if pause_minutes and not pause:
            self._problem(
                where, '« pause_minutes » demande aussi « pause » (par exemple "Déjeuner")'
            )
        return PathStep(
            module=module or None,
            activity=activity or None,
            minutes=self._minutes(entry, "minutes", where),
            show=self._text(entry, "show", where),
            pause=pause,
            pause_minutes=pause_minutes,
            facts=self._texts(entry, "facts", where, required=False),
        )

    def _traps(self, data: dict[str, Any]) -> tuple[Trap, ...]:
        return tuple(
            Trap(
                trap=self._text(entry, "trap", where),
                remedy=self._text(entry, "remedy", where),
                facts=self._texts(entry, "facts", where, required=False),
            )
            for entry, where in self._tables(data, "traps", ("trap", "remedy", "facts"))
        )

    # ------------------------------------------------------------ fields

    def _own_id(self, data: dict[str, Any], key: str, stem: str, whose: str) -> str:
        """The id a guide declares, which must be its file name."""
        value = self._text(data, key, "", markdown=False) or stem
        if value != stem:
            self._problem(
                "",
                f"le champ « {key} » vaut « {value} » mais le fichier s'appelle {stem}.toml : "
                f"le nom du fichier doit être l'identifiant {whose}",
            )
        return value

    def _problem(self, where: str, text: str) -> None:
        place = f", {where}" if where else ""
        self.problems.append(f"Le guide {self.name}{place} : {text}.")

    def _keys(self, entry: dict[str, Any], known: tuple[str, ...], where: str) -> None:
        for key in entry:
            if key not in known:
                self._problem(
                    where, f"le champ « {key} » est inconnu ; champs possibles : {', '.join(known)}"
                )

    def _value(
        self, entry: dict[str, Any], key: str, kind: type, where: str, required: bool
    ) -> Any:
        if key not in entry:
            if required:
                self._problem(
                    where, f"le champ « {key} » manque ; ajoutez-le ({_TYPE_NAMES[kind]})"
                )
            return None
        value = entry[key]
        if not isinstance(value, kind) or isinstance(value, bool):
            self._problem(
                where, f"le champ « {key} » doit être {_TYPE_NAMES[kind]}, pas « {value!r} »"
            )
            return None
        return value

    def _text(
        self,
        entry: dict[str, Any],
        key: str,
        where: str,
        *,
        required: bool = True,
        markdown: bool = True,
    ) -> str:
        value = self._value(entry, key, str, where, required)
        if value is None:
            return ""
        if not value.strip():
            self._problem(where, f"le champ « {key} » est vide ; écrivez-le ou retirez-le")
        elif markdown:
            self._markdown(value, key, where)
        return value.strip()

    def _markdown(self, text: str, key: str, where: str) -> None:
        for pattern, what in (
            (RAW_HTML, "du HTML (le document l'afficherait tel quel) : écrivez du Markdown simple"),
            (
                HEADING,
                "un titre Markdown (#) : les titres viennent du document, écrivez des paragraphes",
            ),
            (IMAGE, "une image : le guide imprimé n'en affiche pas, décrivez-la en mots"),
        ):
            if pattern.search(text):
                self._problem(where, f"le champ « {key} » contient {what}")

    def _texts(
        self, entry: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> tuple[str, ...]:
        values = self._value(entry, key, list, where, required) or []
        if not all(isinstance(value, str) and value.strip() for value in values):
            self._problem(where, f"le champ « {key} » doit être une liste de textes non vides")
            return ()
        if key != "facts":
            for value in values:
                self._markdown(value, key, where)
        return tuple(value.strip() for value in values)

    def _minutes(
        self, entry: dict[str, Any], key: str, where: str, *, required: bool = True
    ) -> int:
        value = self._value(entry, key, int, where, required)
        if value is not None and value <= 0:
            self._problem(where, f"le champ « {key} » doit être un nombre de minutes positif")
            return 0
        return value or 0

    def _tables(
        self, data: dict[str, Any], key: str, known: tuple[str, ...], *, required: bool = True
    ) -> list[tuple[dict[str, Any], str]]:
        """The [[key]] tables of a file, each with the place to name in messages."""
        entries = self._value(data, key, list, "", required) or []
        tables = []
        for number, entry in enumerate(entries, 1):
            where = f"[[{key}]] n° {number}"
            if not isinstance(entry, dict):
                self._problem(where, f"chaque élément doit être une table [[{key}]]")
                continue
            self._keys(entry, known, where)
            tables.append((entry, where))
        return tables

    def _counts(self, data: dict[str, Any], keys: tuple[str, ...]) -> None:
        for key in keys:
            low, high = COUNTS[key]
            count = len(data[key]) if isinstance(data.get(key), list) else 0
            if count and not low <= count <= high:
                self._problem(
                    "", f"« {key} » compte {count} éléments ; gardez-en de {low} à {high}"
                )
