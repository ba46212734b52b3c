"""Pages a module folder holds beside its notebooks, written by `atelier release`.

The learner's server shows only `notebooks/`: a file elsewhere cannot be opened
from the course. So the release copies what a module points to into its folder:

- the glossary page (`glossaire.md`, in the welcome module), from curriculum/glossary.toml;
- the datasheet of every data set a notebook cites with two lines

      <!-- fiche:demandes -->
      <!-- /fiche -->

  between which the release writes a link to the copy, `fiche-demandes.md`.

The pages are written into `solutions/<module>/`, and nbgrader copies them into
`notebooks/<module>/` with the notebooks.
"""

from __future__ import annotations

import re
from pathlib import Path

from nbformat import NotebookNode

from curriculum.course import RELEASE_DIR, SOURCE_DIR
from curriculum.glossary import PAGE_NAME, Term, render_page
from curriculum.index_page import WELCOME_MODULE
from curriculum.marked_blocks import MarkedBlockError, opened_keys, rewrite_notebook
from curriculum.notebook_io import NotebookError, read_notebook
from curriculum.syllabus import Syllabus
from widgets.shipped_data import DATA_SETS, DATASHEET

SHEET_BEGIN = re.compile(r"^<!-- fiche:([a-z_]+) -->$")
SHEET_END = "<!-- /fiche -->"
SHEET_PREFIX = "fiche-"


class ModulePageError(Exception):
    """A notebook cites an unknown data set, or markers are misplaced; in French."""


def sheet_name(data_set: str) -> str:
    return f"{SHEET_PREFIX}{data_set}.md"


def _sheet_text(data_set: str) -> str:
    return (DATA_SETS[data_set].folder() / DATASHEET).read_text(encoding="utf-8")


def _sheet_title(data_set: str) -> str:
    first = _sheet_text(data_set).splitlines()[0]
    return first.lstrip("# ").replace("`", "").strip()


def sheet_page(data_set: str) -> str:
    """The copy of a datasheet that the learner can open, with where the original lives."""
    package = DATA_SETS[data_set].package.replace(".", "/")
    note = (
        f"*Cette page est une copie, faite pour le cours, de la fiche rangée avec les données "
        f"(`{package}/data/{DATASHEET}`).*"
    )
    title, _, rest = _sheet_text(data_set).partition("\n")
    return f"{title}\n\n{note}\n{rest}"


def render_sheet_link(data_set: str) -> str:
    return f"[{_sheet_title(data_set)}]({sheet_name(data_set)})"


def cited_sheets(notebook: NotebookNode) -> list[str]:
    return opened_keys(notebook, SHEET_BEGIN)


def refresh_sheet_links(notebook: NotebookNode, name: str) -> bool:
    """Rewrite every datasheet link in memory; True if anything changed."""
    unknown = [key for key in cited_sheets(notebook) if key not in DATA_SETS]
    if unknown:
        raise ModulePageError(
            f"{name} cite des fiches de données inconnues : {', '.join(unknown)}. "
            f"Jeux de données déclarés : {', '.join(DATA_SETS)}."
        )
    try:
        return rewrite_notebook(notebook, SHEET_BEGIN, SHEET_END, render_sheet_link, name)
    except MarkedBlockError as error:
        raise ModulePageError(str(error)) from None


def module_pages(
    module_id: str, notebooks: list[NotebookNode], terms: list[Term] | None, syllabus: Syllabus
) -> dict[str, str]:
    """File name -> text of every page the module folder should hold beside its notebooks
    (no glossary page for a course without a glossary)."""
    pages = {}
    if module_id == WELCOME_MODULE and terms is not None:
        pages[PAGE_NAME] = render_page(terms, syllabus)
    for notebook in notebooks:
        for data_set in cited_sheets(notebook):
            pages[sheet_name(data_set)] = sheet_page(data_set)
    return pages


def write_pages(folder: Path, pages: dict[str, str]) -> None:
    """Make `folder` hold exactly these generated pages (stale datasheet copies are removed)."""
    for stale in folder.glob(f"{SHEET_PREFIX}*.md"):
        if stale.name not in pages:
            stale.unlink()
    for file_name, text in pages.items():
        path = folder / file_name
        data = text.encode("utf-8")
        if not (path.is_file() and path.read_bytes() == data):
            path.write_bytes(data)


def check_pages(
    course_root: Path, module_id: str, terms: list[Term], syllabus: Syllabus
) -> list[str]:
    """French problems: a generated page missing or stale in solutions/ or notebooks/."""
    folder = Path(course_root) / SOURCE_DIR / module_id
    try:
        notebooks = [read_notebook(path) for path in sorted(folder.glob("*.ipynb"))]
        expected = module_pages(module_id, notebooks, terms, syllabus)
    except (NotebookError, KeyError) as error:
        return [f"Les pages du module {module_id} ne peuvent pas être calculées : {error}."]
    problems = []
    for root in (SOURCE_DIR, RELEASE_DIR):
        for file_name, text in expected.items():
            path = Path(course_root) / root / module_id / file_name
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                problems.append(
                    f"{root}/{module_id}/{file_name} manque ou n'est plus à jour : "
                    f"lancez `atelier release {module_id}`."
                )
    return problems
