"""The facts registry: every legal or numeric claim of the course, sourced and dated.

Facts live in curriculum/facts.toml. Notebooks cite them by id (see
`fact_boxes`); when the law changes, one entry changes and `atelier release`
rewrites every box that cites it.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from curriculum.course import course_file
from widgets.french import french_date, month_year

REGISTRY_NAME = "facts.toml"
STALE_AFTER_DAYS = 365
_FIELDS = ("id", "statement", "source", "url", "source_date", "last_checked", "caveat")
_REQUIRED = ("id", "statement", "source", "source_date", "last_checked")


class FactsError(Exception):
    """The registry cannot be read; `messages` are French sentences."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("\n".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class Fact:
    id: str
    statement: str
    source: str
    source_date: str
    last_checked: dt.date
    url: str = ""
    caveat: str = ""

    def source_date_text(self) -> str:
        return partial_french_date(self.source_date)

    def is_stale(self, today: dt.date) -> bool:
        return (today - self.last_checked).days > STALE_AFTER_DAYS


def partial_french_date(value: str | dt.date) -> str:
    """ "2024-06-13" -> "13 juin 2024"; "2022-10" -> "octobre 2022"; "2022" -> "2022"."""
    text = value.isoformat() if isinstance(value, dt.date) else value
    parts = [int(part) for part in text.split("-")]
    if len(parts) == 3:
        return french_date(dt.date(*parts))
    if len(parts) == 2:
        return month_year(dt.date(parts[0], parts[1], 1))
    return str(parts[0])


def registry_path(course_root: Path | None = None) -> Path | None:
    """The course's own registry if it has one, else None (use the packaged one)."""
    return course_file(course_root, REGISTRY_NAME)


def load_facts(path: Path | None = None) -> dict[str, Fact]:
    """All facts by id, from `path` or the registry packaged with the course."""
    if path is None:
        raw = resources.files("curriculum").joinpath(REGISTRY_NAME).read_bytes()
        name = f"curriculum/{REGISTRY_NAME}"
    else:
        try:
            raw = Path(path).read_bytes()
        except OSError:
            raise FactsError([f"Le registre des faits {path} est introuvable."]) from None
        name = str(path)
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FactsError([f"{name} n'est pas un fichier TOML valide : {error}."]) from None
    return _read_entries(data.get("facts", []), name)


def _read_entries(entries: object, name: str) -> dict[str, Fact]:
    problems: list[str] = []
    facts: dict[str, Fact] = {}
    if not isinstance(entries, list):
        raise FactsError([f"{name} doit contenir des tables [[facts]]."])
    for number, entry in enumerate(entries, 1):
        where = f"{name}, fiche n° {number}"
        if not isinstance(entry, dict):
            problems.append(f"{where} n'est pas une table.")
            continue
        missing = [key for key in _REQUIRED if key not in entry]
        unknown = sorted(set(entry) - set(_FIELDS))
        if missing:
            problems.append(f"{where} : il manque {', '.join(missing)}.")
        if unknown:
            problems.append(f"{where} : champ(s) inconnu(s) {', '.join(unknown)}.")
        if missing or unknown:
            continue
        fact, problem = _fact(entry, where)
        if problem:
            problems.append(problem)
        elif fact.id in facts:
            problems.append(f"{where} : l'identifiant « {fact.id} » est déjà utilisé.")
        else:
            facts[fact.id] = fact
    if problems:
        raise FactsError(problems)
    return facts


def _fact(entry: dict, where: str) -> tuple[Fact | None, str]:
    checked = entry["last_checked"]
    if not isinstance(checked, dt.date) or isinstance(checked, dt.datetime):
        return None, f"{where} : last_checked doit être une date (par exemple 2026-11-23)."
    source_date = entry["source_date"]
    if isinstance(source_date, dt.date):
        source_date = source_date.isoformat()
    try:
        partial_french_date(str(source_date))
    except (ValueError, IndexError):
        return None, f"{where} : source_date doit s'écrire 2024-06-13, 2024-06 ou 2024."
    texts = ("id", "statement", "source")
    if any(not isinstance(entry[key], str) or not entry[key].strip() for key in texts):
        return None, f"{where} : id, statement et source doivent être des textes non vides."
    return (
        Fact(
            id=entry["id"],
            statement=entry["statement"].strip(),
            source=entry["source"].strip(),
            source_date=str(source_date),
            last_checked=checked,
            url=str(entry.get("url", "")).strip(),
            caveat=str(entry.get("caveat", "")).strip(),
        ),
        "",
    )
