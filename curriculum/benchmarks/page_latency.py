"""What the learner feels: latency measured inside the page, in JupyterLab and in the view.

The course is served as on Binder (one local Jupyter server, `curriculum.course_server`)
and opened in Debian's Chromium. For each module, in JupyterLab (all cells run) and in
the no-code view: the module's main slider (its first one) is moved 50 times with the
keyboard, and in module 08 « Essayez votre message » sorts 50 different messages
(typed, then « Trier ce message » clicked). The time is taken in the page: from the
input event (the key pressed, the click), caught first in the document, to the last
change of the output that follows it, seen by a `MutationObserver` on the cell's
output (the control itself left out), once nothing more has changed for a moment.
Both are read with `performance.now()`; Python only presses the keys and reads the
figures. A module without a slider gives no row.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from pathlib import Path

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.demandes import MODULE as TRY_MESSAGE_MODULE
from curriculum.benchmarks.latency import latency_rows
from curriculum.course_server import (
    CHROMIUM_FLAGS,
    CourseServer,
    chromium_path,
    course_server,
    missing_browser,
    open_view,
    run_all_cells,
)

BUDGET_MS = 100.0
MOVES = 50
QUIET_MS = 250
"""The output is complete once nothing in it has changed for this long."""
TIMEOUT_MS = 5000
SORT_BUTTON = "Trier ce message"

MEASURING_SCRIPT = """() => {
    window.atelierLatency = {
        arm(eventType) {
            const output = document.querySelector('[data-atelier-latence=sortie]');
            const controls = Array.from(output.querySelectorAll('[data-atelier-latence=controle]'));
            const state = {start: null, times: []};
            this.state = state;
            this.observer?.disconnect();
            this.observer = new MutationObserver((records) => {
                const now = performance.now();
                if (state.start !== null
                    && records.some(r => !controls.some(c => c.contains(r.target)))) {
                    state.times.push(now);
                }
            });
            this.observer.observe(output,
                {subtree: true, childList: true, attributes: true, characterData: true});
            document.addEventListener(eventType, () => {
                if (state.start === null) { state.start = performance.now(); }
            }, {capture: true, once: true});
        },
        async result(quietMs, timeoutMs) {
            const state = this.state;
            const began = performance.now();
            for (;;) {
                await new Promise(resolve => setTimeout(resolve, 20));
                const now = performance.now(), last = state.times.at(-1);
                if (last !== undefined ? now - last >= quietMs : now - began >= timeoutMs) {
                    break;
                }
            }
            this.observer.disconnect();
            if (state.start === null || state.times.length === 0) { return null; }
            return {first: state.times[0] - state.start, last: state.times.at(-1) - state.start};
        },
    };
}"""

HANDLES = ".jp-OutputArea .widget-slider .noUi-handle"
FIND_SLIDER = """(selector) => {
    const handles = Array.from(document.querySelectorAll(selector));
    const index = handles.findIndex(h => h.checkVisibility());
    if (index < 0) { return null; }
    const slider = handles[index].closest('.widget-slider');
    slider.dataset.atelierLatence = 'controle';
    slider.closest('.jp-OutputArea').dataset.atelierLatence = 'sortie';
    return {index, label: slider.querySelector('.widget-label')?.textContent ?? ''};
}"""

FIND_TRY_MESSAGE = """(caption) => {
    const button = Array.from(document.querySelectorAll('.jp-OutputArea .widget-button'))
        .find(b => b.textContent.trim() === caption);
    if (!button) { return false; }
    const output = button.closest('.jp-OutputArea');
    const box = button.parentElement.querySelector('.widget-textarea');
    output.dataset.atelierLatence = 'sortie';
    button.dataset.atelierLatence = 'controle';
    if (box) { box.dataset.atelierLatence = 'controle'; }
    return true;
}"""

VIEWS = (("jupyterlab", "JupyterLab"), ("vue", "vue sans code"))


def measure_page_latency(context: BenchContext) -> list[Row]:
    """Median and p95 of the latency felt in the page, per module and view."""
    notebooks = context.root / "notebooks"
    modules = [
        path.parent.name
        for path in sorted(notebooks.glob("*/*.ipynb"))
        if path.stem == path.parent.name and context.selected(path.stem)
    ]
    if not modules:
        return []
    reason = missing_browser()
    if reason is not None:
        return [
            Row(
                "page:latence",
                "Latence ressentie dans la page (JupyterLab et vue sans code)",
                None,
                "ms",
                BUDGET_MS,
                f"non mesurée : {reason}",
            )
        ]
    from playwright.sync_api import sync_playwright

    rows: list[Row] = []
    with (
        tempfile.TemporaryDirectory(prefix="atelier-bench-") as scratch,
        course_server(Path(scratch), notebooks, context.env) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        try:
            for module_id in modules:
                for view, view_name in VIEWS:
                    found = module_rows(browser, server, module_id, view, view_name)
                    rows += found
                    if not found:
                        break  # no slider in JupyterLab: none in the view either
        finally:
            browser.close()
    return rows


def module_rows(browser, server: CourseServer, module_id: str, view: str, view_name: str):
    """The rows of one module in one view; [] when it has nothing to measure."""
    page_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    page = page_context.new_page()
    try:
        if view == "jupyterlab":
            run_all_cells(page, server, module_id)
        else:
            open_view(page, server, module_id)
        prepare(page)
        rows = slider_rows(page, module_id, view, view_name)
        if module_id == TRY_MESSAGE_MODULE:
            rows += try_message_rows(page, module_id, view, view_name)
        return rows
    except Exception as error:  # a module that fails to open is reported, not fatal
        return [
            Row(
                f"page:{module_id}:{view}",
                f"{module_id}, {view_name} : latence dans la page",
                None,
                "ms",
                BUDGET_MS,
                f"non mesurée : {type(error).__name__} : {str(error).splitlines()[0][:200]}",
            )
        ]
    finally:
        if view == "jupyterlab":  # JupyterLab keeps a kernel running after its tab is gone
            page.evaluate("() => window.atelierNotebook?.()?.sessionContext.shutdown()")
        page_context.close()


def prepare(page) -> None:
    """Once the module is open: wait until it is drawn, then install the measuring code."""
    settle(page)
    page.evaluate(MEASURING_SCRIPT)


def settle(page, stable_ms: int = 1000, limit_ms: int = 30_000) -> None:
    """Wait until the page is loaded and its number of widgets stopped changing."""
    page.wait_for_function("document.readyState === 'complete'", timeout=limit_ms)
    page.evaluate(
        """async ([stableMs, limitMs]) => {
            const count = () => document.querySelectorAll('.jupyter-widgets').length;
            const began = performance.now();
            let last = count(), since = began;
            while (performance.now() - since < stableMs && performance.now() - began < limitMs) {
                await new Promise(resolve => setTimeout(resolve, 100));
                if (count() !== last) { last = count(); since = performance.now(); }
            }
        }""",
        [stable_ms, limit_ms],
    )


def measured_moves(
    page, event_type: str, act: Callable[[int], None], moves: int
) -> tuple[list, int]:
    """In-page latencies ({first, last} in ms) of `act(step)` for each step; how many got none."""
    found, silent = [], 0
    for step in range(moves):
        page.evaluate("(type) => window.atelierLatency.arm(type)", event_type)
        act(step)
        result = page.evaluate(
            "([quiet, timeout]) => window.atelierLatency.result(quiet, timeout)",
            [QUIET_MS, TIMEOUT_MS],
        )
        if result is None:
            silent += 1
        else:
            found.append(result)
    return found, silent


def slider_rows(page, module_id: str, view: str, view_name: str, moves: int = MOVES) -> list[Row]:
    slider = page.evaluate(FIND_SLIDER, HANDLES)
    if slider is None:
        return []
    handle = page.locator(HANDLES).nth(slider["index"])
    handle.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)
    handle.focus()

    key = ["ArrowRight"]

    def move(_: int) -> None:
        """One step, back and forth between the two ends of the slider."""
        now, low, high = (
            float(handle.get_attribute(name) or 0)
            for name in ("aria-valuenow", "aria-valuemin", "aria-valuemax")
        )
        if now >= high:
            key[0] = "ArrowLeft"
        elif now <= low:
            key[0] = "ArrowRight"
        page.keyboard.press(key[0])

    found, silent = measured_moves(page, "keydown", move, moves)
    label = slider["label"].split(":")[0].strip() or "curseur"
    return result_rows(
        f"page:{module_id}:{view}:curseur",
        f"{module_id}, curseur « {label} », {view_name}, dans la page",
        found,
        silent,
        "mouvements",
        "de la touche flèche à la dernière modification de la sortie",
    )


def try_message_rows(page, module_id: str, view: str, view_name: str) -> list[Row]:
    from widgets.demandes.model import load_requests

    key = f"page:{module_id}:{view}:essayez"
    name = f"{module_id}, « Essayez votre message », {view_name}, dans la page"
    if not page.evaluate(FIND_TRY_MESSAGE, SORT_BUTTON):
        return [Row(key, name, None, "ms", BUDGET_MS, "bouton « Trier ce message » introuvable")]
    requests = load_requests()
    messages = [requests[i * len(requests) // MOVES].message for i in range(MOVES)]
    output = page.locator("[data-atelier-latence=sortie]")
    box = output.locator(".widget-textarea textarea").first
    button = output.locator(".widget-button", has_text=SORT_BUTTON).first
    button.evaluate("(e) => e.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(500)

    def sort(step: int) -> None:
        box.fill(messages[step])
        page.wait_for_timeout(QUIET_MS)
        button.click()

    found, silent = measured_moves(page, "click", sort, MOVES)
    return result_rows(
        key,
        name,
        found,
        silent,
        "messages triés",
        "du clic à la dernière modification de la sortie",
    )


def result_rows(
    key: str, name: str, found: list, silent: int, what: str, measured: str
) -> list[Row]:
    """Median and p95 to the last change; the first change and silent moves in the note."""
    notes = [measured]
    if silent:
        notes.append(f"{silent} sans réponse en {TIMEOUT_MS // 1000} s, non comptés")
    if not found:
        return [Row(key, name, None, "ms", BUDGET_MS, " ; ".join(notes))]
    first = statistics.median(result["first"] for result in found)
    notes.append(f"premier changement : médiane {first:.1f} ms".replace(".", ","))
    return latency_rows(
        key, name, [result["last"] for result in found], what, " ; ".join(notes), BUDGET_MS
    )
