"""What every measurement shares: the result row, the run context, the budgets."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from widgets import french

# Budgets: what a learner on Binder should not wait (or use) beyond.
NOTEBOOK_SECONDS = 4.0
IMPORT_SECONDS = 0.3
KERNEL_MEGABYTES = 300.0

# The same single-thread settings as binder/start (tests/test_bench.py keeps
# both in step), so that figures measured here resemble Binder's.
BINDER_THREAD_ENV = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
}


@dataclass(frozen=True)
class Row:
    """One line of the report.

    `key` is stable from one run to the next (to compare runs), `name` is French.
    `value` is None when the measurement failed; `note` then says why, in French.
    `budget` is None for figures reported for information only.
    """

    key: str
    name: str
    value: float | None
    unit: str
    budget: float | None
    note: str = ""
    samples: tuple[float, ...] = ()

    @property
    def within_budget(self) -> bool | None:
        if self.value is None or self.budget is None:
            return None
        return self.value <= self.budget

    def to_json(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "value": self.value,
            "unit": self.unit,
            "budget": self.budget,
            "within_budget": self.within_budget,
            "note": self.note,
            "samples": list(self.samples),
        }


@dataclass(frozen=True)
class BenchContext:
    """What a measurement needs to know about the run it belongs to."""

    root: Path
    repeats: int
    only: str | None = None
    env: dict[str, str] = field(default_factory=lambda: {**os.environ, **BINDER_THREAD_ENV})

    def selected(self, subject: str) -> bool:
        """Whether `--only` lets this notebook or module be measured."""
        return self.only is None or self.only in subject


# A measurement is one function: it receives the context and returns its rows.
Measurement = Callable[[BenchContext], list[Row]]


def format_number(value: float, unit: str, *, exact: bool = False) -> str:
    """A figure the French way (`widgets.french`), with a precision suited to the unit.

    `exact` writes round figures such as budgets without trailing zeros (4 s, 0,3 s).
    """
    if exact:
        decimals = len(f"{value:g}".partition(".")[2])
    elif unit == "Mo" or abs(value) >= 1000:
        decimals = 0
    elif abs(value) < 1:
        decimals = 3
    else:
        decimals = 2
    return french.format_number(value, decimals)


def over_runs(count: int) -> str:
    return f"sur {count} lancement{'s' if count > 1 else ''}"


def timing_row(
    key: str, name: str, samples: Sequence[float], budget: float | None, note: str = ""
) -> Row:
    """A row for repeated durations: the median, with the spread in the note."""
    spread = (
        f"min {format_number(min(samples), 's')} s, max {format_number(max(samples), 's')} s"
        f" {over_runs(len(samples))}"
    )
    return Row(
        key=key,
        name=name,
        value=statistics.median(samples),
        unit="s",
        budget=budget,
        note=f"{spread} ; {note}" if note else spread,
        samples=tuple(samples),
    )


def seconds_in_fresh_interpreter(code: str, context: BenchContext) -> float:
    """Run `code` in a new interpreter started in the course root; it prints seconds last.

    Timing inside the subprocess leaves the interpreter's own start-up out.
    Raises RuntimeError, with the interpreter's last error line, if the code fails.
    """
    completed = subprocess.run(
        [sys.executable, "-c", code],
        cwd=context.root,
        env=context.env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        lines = completed.stderr.strip().splitlines()
        raise RuntimeError(lines[-1] if lines else f"code de sortie {completed.returncode}")
    return float(completed.stdout.strip().splitlines()[-1])
