"""The course in JupyterLab, in a real browser, as a learner meets it.

For every module: open it, run all cells, change a widget and see its output change,
answer an exercise with a typo, then wrongly, then rightly, and read the French
verdicts; axe finds no serious fault of the course's own; a screenshot is kept.
The learner's JupyterLab is in French and shows none of nbgrader's authoring tools.
"""

from __future__ import annotations

import pytest
from browser_kit import (  # noqa: F401 (browser, page, server: fixtures)
    UPSTREAM,
    accessibility_faults,
    browser,
    change_first_widget,
    output_snapshot,
    page,
    screenshot,
    server,
    wait_for_change,
)
from exercise_answers import first_checked_exercise, typed_in_code

from conftest import module_ids
from curriculum.course_server import (
    open_notebook,
    run_all_cells,
    wait_until_idle,
)


def run_cell(page, index: int, source: str | None = None) -> str:
    """Run code cell `index`, after writing `source` in it as a learner would; its output."""
    page.evaluate(
        """([index, source]) => {
            const notebook = window.atelierNotebook().content;
            if (source !== null) { notebook.widgets[index].model.sharedModel.setSource(source); }
            notebook.activeCellIndex = index;
            return window.jupyterapp.commands.execute('notebook:run-cell');
        }""",
        [index, source],
    )
    wait_until_idle(page)
    return page.evaluate(
        """(index) => window.atelierNotebook().content.widgets[index].node
            .querySelector('.jp-OutputArea')?.innerText ?? ''""",
        index,
    )


def cell_index(page, text: str) -> int:
    """The first code cell whose source contains `text`."""
    return page.evaluate(
        """(text) => window.atelierNotebook().content.widgets.findIndex(
            c => c.model.type === 'code' && c.model.sharedModel.getSource().includes(text))""",
        text,
    )


def test_the_welcome_page_opens_in_french_without_nbgrader_tools(page, server) -> None:
    open_notebook(page, server, "00-accueil")
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "Fichier" in menus and "Exécution" in menus, menus
    assert "Nbgrader" not in menus
    toolbar = page.locator(".jp-NotebookPanel-toolbar").inner_text()
    assert "Validate" not in toolbar
    assert page.locator("text=Create Assignment").count() == 0
    assert page.locator(".jp-RenderedMarkdown h1").first.inner_text().startswith("Bienvenue")


@pytest.mark.parametrize("module_id", module_ids())
def test_a_module_runs_responds_and_checks_answers_in_french(page, server, module_id) -> None:
    run_all_cells(page, server, module_id)
    shown = output_snapshot(page)
    assert "Traceback" not in shown and "Error" not in shown, shown[-2000:]

    action = change_first_widget(page)
    assert wait_for_change(page, shown), f"{module_id} : rien n'a changé après ({action})"

    exercise = first_checked_exercise(module_id)
    if exercise is not None:
        name = exercise.variable
        answer = cell_index(page, f"{name} = ...")
        check = cell_index(page, f".check({name})")
        assert 0 <= answer < check, module_id
        run_cell(page, answer, f"{name} = {typed_in_code(exercise.reference)}(")
        assert "Réponse non lue" in run_cell(page, check)
        run_cell(page, answer, f"{name} = {typed_in_code(exercise.wrong_examples[0])}")
        assert "Pas encore tout à fait" in run_cell(page, check)
        run_cell(page, answer, f"{name} = {typed_in_code(exercise.reference)}")
        assert "Bonne réponse" in run_cell(page, check)

    screenshot(page, "jupyterlab", module_id)
    ours, upstream = accessibility_faults(page)
    assert ours == [], "\n".join(ours)
    unlisted = {rule: where for rule, where in upstream.items() if rule not in UPSTREAM}
    assert unlisted == {}, f"défaut de JupyterLab non répertorié : {unlisted}"
