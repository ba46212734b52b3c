"""The glossary of the course: one data file, one page, a line in every module.

Terms live in curriculum/glossary.toml. `atelier release 00-accueil` writes the page
`glossaire.md` next to the welcome notebook; every module notebook holds a Markdown
cell with the two lines

    <!-- atelier:glossaire:debut -->
    <!-- atelier:glossaire:fin -->

between which the release writes a link to that page and the terms the module
introduces. Text outside the markers belongs to the author.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from nbformat import NotebookNode

from curriculum.course import course_file
from curriculum.index_page import WELCOME_MODULE
from curriculum.marked_blocks import MarkedBlockError, copy_cells, opened_keys, rewrite_notebook
from curriculum.syllabus import Syllabus

GLOSSARY_NAME = "glossary.toml"
PAGE_NAME = "glossaire.md"
LINK_BEGIN = re.compile(r"^<!-- atelier:(glossaire):debut -->$")
LINK_END = "<!-- atelier:glossaire:fin -->"
_FIELDS = {"term", "definition", "module", "match"}


class GlossaryError(Exception):
    """The glossary cannot be read, or a notebook's glossary line is misplaced; in French."""


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    module: str
    match: str

    def sort_key(self) -> str:
        plain = unicodedata.normalize("NFD", self.term.casefold())
        return "".join(char for char in plain if not unicodedata.combining(char))


def glossary_path(course_root: Path | None = None) -> Path | None:
    """The course's own glossary if it has one, else None."""
    return course_file(course_root, GLOSSARY_NAME)


def course_glossary(course_root: Path) -> list[Term] | None:
    """The terms of the course at `course_root`, or None for a course without a glossary."""
    path = glossary_path(course_root)
    return load_glossary(path) if path else None


def load_glossary(path: Path | None = None) -> list[Term]:
    """Every term, in alphabetical order, from `path` or the glossary packaged with the course."""
    name = str(path) if path else f"curriculum/{GLOSSARY_NAME}"
    try:
        raw = (
            Path(path).read_bytes()
            if path
            else resources.files("curriculum").joinpath(GLOSSARY_NAME).read_bytes()
        )
        data = tomllib.loads(raw.decode("utf-8"))
    except OSError:
        raise GlossaryError(f"Le glossaire {name} est introuvable.") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{name} n'est pas un fichier TOML valide : {error}.") from None
    terms = []
    for number, entry in enumerate(data.get("terms", []), 1):
        if not isinstance(entry, dict) or set(entry) - _FIELDS:
            raise GlossaryError(f"{name}, mot n° {number} : seuls {sorted(_FIELDS)} sont permis.")
        texts = [entry.get(key) for key in ("term", "definition", "module")]
        if not all(isinstance(text, str) and text.strip() for text in texts):
            raise GlossaryError(f"{name}, mot n° {number} : term, definition et module manquent.")
        term, definition, module = (text.strip() for text in texts)
        terms.append(Term(term, definition, module, str(entry.get("match", term)).strip()))
    return sorted(terms, key=Term.sort_key)


def link_target(module_id: str) -> str:
    """Where the page is, seen from a module's folder."""
    return PAGE_NAME if module_id == WELCOME_MODULE else f"../{WELCOME_MODULE}/{PAGE_NAME}"


def render_line(module_id: str, terms: list[Term]) -> str:
    """The glossary line of one module: the link, then the words it introduces."""
    line = (
        f"**Un mot vous échappe ?** Le [glossaire du cours]({link_target(module_id)}) "
        "explique chaque mot technique, en une ou deux phrases."
    )
    new = [f"*{term.term}*" for term in terms if term.module == module_id]
    if new:
        line += f" Mots nouveaux dans ce module : {', '.join(new)}."
    return line


def render_page(terms: list[Term], syllabus: Syllabus) -> str:
    """The glossary page, in Markdown, with the module where each word first appears."""
    lines = [
        f"# Glossaire de l'{syllabus.title}",
        "",
        "Les mots techniques du cours, dans l'ordre alphabétique, avec le module où vous "
        "les rencontrez pour la première fois.",
        "",
    ]
    for term in terms:
        module = syllabus.module(term.module)
        where = f"module {term.module[:2]}, *{module.title}*" if module else term.module
        lines.append(f"- **{term.term}** : {term.definition} ({where})")
    return "\n".join(lines) + "\n"


def refresh(notebook: NotebookNode, module_id: str, terms: list[Term] | None, name: str) -> bool:
    """Rewrite the glossary line of a notebook in memory; True if anything changed."""
    if terms is None:
        if links_glossary(notebook):
            raise GlossaryError(
                f"{name} renvoie au glossaire, mais le cours n'a pas de fichier "
                f"curriculum/{GLOSSARY_NAME}."
            )
        return False
    try:
        return rewrite_notebook(
            notebook, LINK_BEGIN, LINK_END, lambda _: render_line(module_id, terms), name
        )
    except MarkedBlockError as error:
        raise GlossaryError(str(error)) from None


def links_glossary(notebook: NotebookNode) -> bool:
    return bool(opened_keys(notebook, LINK_BEGIN))


def is_current(notebook: NotebookNode, module_id: str, terms: list[Term], name: str) -> bool:
    return not refresh(copy_cells(notebook), module_id, terms, name)
