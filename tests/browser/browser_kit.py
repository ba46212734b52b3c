"""What the browser tests share: the course server and Chromium (from
`curriculum.course_server`, shared with `atelier bench`), pages, axe."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from curriculum import course_server as shared

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts" / "navigateur"
"""Screenshots of every module in each view, kept after the run for people to look at."""


# The fixtures every browser test file imports (one server and one browser per file and
# worker; a fresh page for each test, which records any request leaving the machine).


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[shared.CourseServer]:
    chromium_path()
    with shared.course_server(tmp_path_factory.mktemp("cours"), ROOT / "notebooks") as running:
        yield running


@pytest.fixture(scope="module")
def browser(server: shared.CourseServer):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=chromium_path(), args=shared.CHROMIUM_FLAGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = context.new_page()
    page.outside = []
    page.on(
        "request",
        lambda request: None if "//127.0.0.1" in request.url else page.outside.append(request.url),
    )
    yield page
    context.close()


def chromium_path() -> str:
    """Debian's Chromium, or a skip that says why the browser tests do not run."""
    reason = shared.missing_browser()
    if reason is not None:
        pytest.skip(f"Tests dans un navigateur sautés : {reason}")
    return shared.chromium_path()


def output_snapshot(page) -> str:
    """What the outputs show now: their text and the address of every image."""
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
            .map(o => o.innerText + Array.from(o.querySelectorAll('img')).map(i => i.src)
            .join(' ')).join('\\n')"""
    )


def change_first_widget(page) -> str:
    """Move the first slider, or else change the first menu, or type in the first text box,
    or click the first button of a lesson view (shown ones only); return what was done."""
    slider = _first_shown(page, ".jp-OutputArea .widget-slider .noUi-handle")
    if slider is not None:
        before = output_snapshot(page)
        slider.focus()
        for key in ("ArrowRight",) * 3:
            page.keyboard.press(key)
        if not wait_for_change(page, before, seconds=3):
            for key in ("ArrowLeft",) * 6:
                page.keyboard.press(key)
        return "curseur"
    menu = _first_shown(page, ".jp-OutputArea .widget-dropdown select, .jp-OutputArea select")
    if menu is not None:
        if menu.get_attribute("multiple") is not None:
            menu.select_option(index=[0, 1])
        else:
            menu.select_option(index=1 if menu.locator("option").count() > 1 else 0)
        return "menu"
    box = _first_shown(page, ".jp-OutputArea .widget-textarea textarea")
    if box is not None:
        box.fill("Bonjour, je signale un lampadaire éteint rue des Tilleuls depuis lundi.")
        box.blur()
        return "zone de texte"
    button = _first_shown(page, ".jp-OutputArea .widget-button")
    assert button is not None, "aucun widget dans ce module"
    button.click()
    return "bouton"


def _first_shown(page, selector: str):
    """The first element matching `selector` that is not hidden, brought into view."""
    index = page.evaluate(
        "(s) => Array.from(document.querySelectorAll(s)).findIndex(e => e.checkVisibility())",
        selector,
    )
    if index < 0:
        return None
    element = page.locator(selector).nth(index)
    _bring_into_view(page, element)
    return element


def _bring_into_view(page, locator) -> None:
    """JupyterLab skips drawing cells far from the screen: scroll there first."""
    locator.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)


def wait_for_change(page, before: str, seconds: float = 30) -> bool:
    """Did the outputs change within `seconds`? Generous: module 04's first answer waits for
    the French language model, which loads in the background (slow on a busy machine)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if output_snapshot(page) != before:
            return True
        page.wait_for_timeout(200)
    return False


# axe-core: serious and critical violations. A node inside what the course shows (an
# output, rendered Markdown) is the course's fault; the rest belongs to JupyterLab itself.
COURSE_PARTS = ".jp-OutputArea, .jp-RenderedMarkdown, .jp-MarkdownOutput, #rendered_cells"
UPSTREAM = {
    "aria-allowed-attr": "JupyterLab : les boutons de sa barre d'outils (jp-button) portent "
    "aria-pressed, que leur rôle n'autorise pas.",
    "aria-input-field-name": "JupyterLab : l'éditeur de code (CodeMirror) des cellules n'a "
    "pas de nom accessible.",
    "aria-required-children": "JupyterLab : la liste des cellules (role=feed) contient des "
    "éléments qui ne sont pas des articles.",
    "button-name": "JupyterLab : le bouton qui replie un titre dans la marge n'a pas de nom.",
    "scrollable-region-focusable": "JupyterLab : la zone qui défile dans l'éditeur d'une "
    "cellule de code (cm-scroller) a tabindex=-1.",
}


def accessibility_faults(page) -> tuple[list[str], dict[str, str]]:
    """Serious or critical axe violations: the course's own as readable lines, and those
    that belong to JupyterLab itself (id: the first element concerned)."""
    from axe_playwright_python.sync_playwright import Axe

    ours: list[str] = []
    upstream: dict[str, str] = {}
    for violation in Axe().run(page).response["violations"]:
        if violation["impact"] not in ("serious", "critical"):
            continue
        for node in violation["nodes"]:
            selector = node["target"][-1]
            in_course = page.locator(selector).first.evaluate(
                f"(e) => Boolean(e.closest({COURSE_PARTS!r}))"
            )
            if in_course:
                ours.append(f"{violation['id']} ({violation['impact']}) : {node['html'][:160]}")
            else:
                upstream.setdefault(violation["id"], f"{selector} {node['html'][:160]}")
    return ours, upstream


def screenshot(page, view: str, module_id: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{view}-{module_id}.png"))
