"""Widget latency, measured the same way for every module.

A widget update is timed as a learner's action triggers it in a kernel
(a slider's value set, a keystroke in a text box): the observer recomputes,
redraws and rewrites its HTML. The report gives the median and the 95th
percentile over about 100 updates, against one budget for the whole course.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Iterable

from curriculum.benchmarks.core import Row

BUDGET_MS = 30.0


def percentile(samples: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 100 samples is the 95th smallest)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def times_ms(updates: Iterable[Callable[[], object]]) -> list[float]:
    """Wall-clock milliseconds of each update, in order."""
    samples = []
    for update in updates:
        start = time.perf_counter()
        update()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def latency_rows(
    key: str,
    name: str,
    samples: list[float],
    what: str = "mises à jour",
    note: str = "",
    budget: float = BUDGET_MS,
) -> list[Row]:
    """Median and 95th-percentile rows; `what` names the updates in French ("frappes")."""
    median, p95 = statistics.median(samples), percentile(samples, 0.95)
    detail = f"sur {len(samples)} {what} ; max {max(samples):.1f} ms".replace(".", ",")
    note = f"{detail} ; {note}" if note else detail
    return [
        Row(f"{key}:median", f"{name}, médiane", median, "ms", budget, note, tuple(samples)),
        Row(f"{key}:p95", f"{name}, 95e centile", p95, "ms", budget, note),
    ]
