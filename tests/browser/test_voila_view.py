"""The no-code view (Voilà), in a real browser, as an élu meets it.

For every module: the page renders in French with no code, no instruction about code
cells and no request leaving the machine; a widget responds; the first exercise is
answered in its form, empty, then wrongly, then rightly, with the French verdicts;
axe finds no serious fault; a screenshot is kept.
"""

from __future__ import annotations

import pytest
from browser_kit import (  # noqa: F401 (browser, page, server: fixtures)
    accessibility_faults,
    browser,
    change_first_widget,
    output_snapshot,
    page,
    screenshot,
    server,
    wait_for_change,
)
from exercise_answers import first_checked_exercise, typed_in_form

from conftest import module_ids
from curriculum.benchmarks.page_latency import prepare, slider_rows
from curriculum.course_server import open_view
from widgets.selfcheck import MultipleChoice
from widgets.selfcheck.form_answers import FormKind, form_kind

CODE_WORDS = ("Maj + Entrée", "Exécutez la cellule", "exécutez la cellule", "double-cliquez")
ABOUT_JUPYTERLAB = {"01-prise-en-main"}
"""Module 01 teaches JupyterLab itself: the view says so at the top instead."""


def answer_in_form(page, form, exercise, value: object) -> str:
    """Choose or type `value` in the form, click « Vérifier ma réponse », read the verdict."""
    kind = form_kind(exercise)
    if kind is FormKind.CHOICE:
        form.locator("label", has_text=f"{value}. ").locator("input").check()
    else:
        form.locator("input[type=text], textarea").first.fill(typed_in_form(value))
    form.locator("button", has_text="Vérifier ma réponse").click()
    status = form.locator("[role=status]")
    status.wait_for()
    page.wait_for_timeout(300)
    return status.inner_text()


def wrong_value(exercise) -> object:
    """A wrong answer as an élu would give it: another letter, or a word for a number."""
    if isinstance(exercise, MultipleChoice):
        return next(letter for letter in exercise.options if letter != exercise.correct)
    if form_kind(exercise) is FormKind.NUMBER:
        return "douze"
    return exercise.wrong_examples[0]


@pytest.mark.parametrize("module_id", module_ids())
def test_a_module_works_without_code(page, server, module_id) -> None:
    open_view(page, server, module_id)
    assert page.evaluate("document.documentElement.lang") == "fr"
    text = page.locator("#rendered_cells").inner_text()
    assert page.locator(".jupyter-widgets-error-widget").count() == 0
    assert "Traceback" not in text and "There was an error" not in text
    assert page.locator(".jp-InputArea-editor").count() == 0, "du code est visible"
    if module_id not in ABOUT_JUPYTERLAB:
        assert [word for word in CODE_WORDS if word in text] == []

    shown = output_snapshot(page)
    action = change_first_widget(page)
    assert wait_for_change(page, shown), f"{module_id} : rien n'a changé après ({action})"

    exercise = first_checked_exercise(module_id)
    if exercise is not None:
        form = page.locator(".widget-vbox:has(> .widget-button:has-text('Vérifier ma réponse'))")
        form = form.first
        form.scroll_into_view_if_needed()
        form.locator("button", has_text="Vérifier ma réponse").click()
        assert "Pas encore de réponse" in form.locator("[role=status]").inner_text()
        assert "Pas encore tout à fait" in answer_in_form(
            page, form, exercise, wrong_value(exercise)
        )
        right = exercise.correct if isinstance(exercise, MultipleChoice) else exercise.reference
        assert "Bonne réponse" in answer_in_form(page, form, exercise, right)

    screenshot(page, "vue-sans-code", module_id)
    ours, upstream = accessibility_faults(page)
    faults = ours + [f"{rule} : {where}" for rule, where in upstream.items()]
    assert faults == [], "\n".join(faults)
    assert page.outside == [], f"requêtes vers l'extérieur : {page.outside}"


def test_the_bench_times_a_slider_inside_the_page(page, server) -> None:
    """`atelier bench` reads plausible latencies in the page (module 01, a few moves)."""
    open_view(page, server, "01-prise-en-main")
    prepare(page)
    median, p95 = slider_rows(page, "01-prise-en-main", "vue", "vue sans code", moves=6)
    assert 0 < median.value <= p95.value < 5000, (median, p95)
    assert "sur 6 mouvements" in median.note and "Prix" in median.name, median


def test_the_glossary_opens_from_a_module_and_reads_in_french(page, server) -> None:
    open_view(page, server, "02-ia-generative")
    page.locator("a", has_text="glossaire du cours").first.click()
    page.wait_for_load_state()
    text = page.locator("body").inner_text()
    assert text.startswith("# Glossaire de l'Atelier IA")
    assert "alphabétique" in text
