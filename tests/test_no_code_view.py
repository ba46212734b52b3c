"""The no-code view's wording: code instructions left out, the view's own text shown."""

from __future__ import annotations

from pathlib import Path

import nbformat

from curriculum.check_no_code_view import check_no_code_view
from curriculum.no_code_view import (
    ABOUT_JUPYTERLAB_NOTE,
    LAB_ONLY_TAG,
    code_wording_left,
    misplaced_markers,
    prelaunch_hook,
    prepare_for_view,
    view_markdown,
)

SETUP = (
    "## Avant tout\n\nLe module se prépare. <!-- jupyterlab -->Exécutez la cellule ci-dessous "
    "(**Maj + Entrée**).<!-- /jupyterlab --><!-- sans-code: Tout s'affiche de lui-même. -->"
)


def notebook() -> nbformat.NotebookNode:
    lab_only = nbformat.v4.new_markdown_cell("Cliquez dans la cellule de code, puis Maj + Entrée.")
    lab_only.metadata["tags"] = [LAB_ONLY_TAG]
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(SETUP),
            lab_only,
            nbformat.v4.new_code_cell("from widgets.lessons import projet as atelier"),
        ]
    )


def test_lab_only_words_go_and_the_view_s_words_come() -> None:
    assert (
        view_markdown(SETUP) == "## Avant tout\n\nLe module se prépare. Tout s'affiche de lui-même."
    )


def test_text_without_markers_is_unchanged() -> None:
    assert view_markdown("Déplacez le curseur.") == "Déplacez le curseur."


def test_lab_only_markdown_cells_leave_the_view_code_cells_stay() -> None:
    original = notebook()
    prepared = prelaunch_hook(None, original, "/tmp")
    assert [cell.cell_type for cell in prepared.cells] == ["markdown", "code"]
    assert prepared.cells[1].source == original.cells[2].source
    assert len(original.cells) == 3 and original.cells[0].source == SETUP


def test_code_wording_left_in_the_view_is_found() -> None:
    assert code_wording_left(notebook()) == []
    leaky = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("Exécutez la cellule, puis lisez.")]
    )
    assert code_wording_left(leaky) == [(1, "Exécutez la")]
    assert prepare_for_view(leaky).cells[0].source == "Exécutez la cellule, puis lisez."


def test_a_marker_that_starts_a_line_followed_by_text_is_reported() -> None:
    broken = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "<!-- jupyterlab -->Exécutez **ceci**.<!-- /jupyterlab -->"
            ),
            nbformat.v4.new_markdown_cell(
                "Texte.\n<!-- jupyterlab -->\nExécutez.<!-- /jupyterlab -->"
            ),
            nbformat.v4.new_markdown_cell(
                "Voir <!-- jupyterlab --><!-- jupyterlab -->ici"
                "<!-- /jupyterlab --><!-- /jupyterlab -->"
            ),
        ]
    )
    assert misplaced_markers(broken) == [1, 3]


def test_a_module_about_jupyterlab_opens_with_a_note_and_is_not_checked() -> None:
    about = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("Exécutez la cellule avec Maj + Entrée.")]
    )
    about.metadata["atelier"] = {"vue_sans_code": "jupyterlab"}
    prepared = prepare_for_view(about)
    assert prepared.cells[0].source == ABOUT_JUPYTERLAB_NOTE
    assert code_wording_left(about) == []


def test_the_welcome_page_s_generated_module_list_is_not_an_instruction() -> None:
    welcome = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell(
                "<!-- atelier:parcours:debut -->\n- Exécuter une cellule.\n"
                "<!-- atelier:parcours:fin -->"
            )
        ]
    )
    assert code_wording_left(welcome) == []


def test_atelier_check_reports_code_wording_and_misplaced_markers(tmp_path) -> None:
    folder = tmp_path / "notebooks" / "01-essai"
    folder.mkdir(parents=True)
    leaky = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("Exécutez la cellule ci-dessous."),
            nbformat.v4.new_markdown_cell("<!-- jupyterlab -->Cliquez.<!-- /jupyterlab -->"),
        ]
    )
    nbformat.write(leaky, folder / "01-essai.ipynb")
    problems = check_no_code_view(tmp_path)
    assert len(problems) == 2
    assert "cellule 1" in problems[0] and "« Exécutez la »" in problems[0]
    assert "cellule 2" in problems[1] and "Passez à la ligne" in problems[1]


def test_the_real_course_s_view_has_no_code_wording() -> None:
    assert check_no_code_view(Path(__file__).resolve().parents[1]) == []
