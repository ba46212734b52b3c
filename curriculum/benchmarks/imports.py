"""Import times in a fresh interpreter: `widgets`, then each lesson module.

The clock runs inside the subprocess, so the interpreter's own start-up is
left out: what remains is what a notebook's first cell waits for.
"""

from __future__ import annotations

import pkgutil

from curriculum.benchmarks.core import (
    IMPORT_SECONDS,
    BenchContext,
    Row,
    seconds_in_fresh_interpreter,
    timing_row,
)

TIMER = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def import_seconds(module: str, context: BenchContext) -> float:
    """Seconds to import `module` in a new interpreter started in the course root."""
    return seconds_in_fresh_interpreter(TIMER.format(module=module), context)


def import_row(module: str, context: BenchContext, budget: float | None, note: str) -> Row:
    key = f"import:{module}"
    name = f"import {module}"
    try:
        samples = [import_seconds(module, context) for _ in range(context.repeats)]
    except RuntimeError as error:
        return Row(key, name, None, "s", budget, f"l'import a échoué ({error})")
    return timing_row(key, name, samples, budget, note)


def lesson_modules(context: BenchContext) -> list[str]:
    """The modules under `widgets.lessons`, read from the course folder without importing them."""
    folder = context.root / "widgets" / "lessons"
    return sorted(f"widgets.lessons.{module.name}" for module in pkgutil.iter_modules([folder]))


def measure_widgets_import(context: BenchContext) -> list[Row]:
    """`import widgets`: always measured, whatever `--only` says, as the baseline of the rest."""
    return [import_row("widgets", context, IMPORT_SECONDS, "")]


def measure_lesson_imports(context: BenchContext) -> list[Row]:
    """Each lesson module, which is what a notebook's first cell imports."""
    return [
        import_row(module, context, None, "pour information : comptée dans la durée du notebook")
        for module in lesson_modules(context)
        if context.selected(module)
    ]
