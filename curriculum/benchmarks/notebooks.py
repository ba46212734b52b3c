"""Run each notebook headless, as a learner would top to bottom: time and kernel memory.

Every run starts a fresh kernel in the notebook's folder, runs all cells, reads
the kernel's peak memory just before shutting it down, and never saves the
notebook: the files on disk stay as they are.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from curriculum.benchmarks.core import (
    KERNEL_MEGABYTES,
    NOTEBOOK_SECONDS,
    BenchContext,
    Row,
    format_number,
    over_runs,
    timing_row,
)

# Where the two versions of each module live, relative to the course root.
VERSIONS = (("notebooks", "version apprenant"), ("solutions", "version formateur"))
CELL_TIMEOUT_SECONDS = 120


@dataclass(frozen=True)
class RunResult:
    """One headless run: its duration and the kernel's peak memory, or what went wrong."""

    seconds: float | None = None
    peak_megabytes: float | None = None
    error: str | None = None


def find_notebooks(root: Path) -> list[tuple[Path, str]]:
    """Every module notebook of the course, with the French label of its version."""
    return [
        (path, label)
        for folder, label in VERSIONS
        for path in sorted((root / folder).glob("*/*.ipynb"))
    ]


def peak_megabytes(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM), in megabytes; None without /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            kibibytes = int(line.split()[1])
            return kibibytes * 1024 / 1_000_000
    return None


def describe_error(error: Exception, cell_number: int | None) -> str:
    """A short French explanation of why a run stopped."""
    where = f"la cellule n° {cell_number}" if cell_number else "le notebook"
    if isinstance(error, CellTimeoutError):
        return f"{where} a dépassé le délai de {CELL_TIMEOUT_SECONDS} s"
    if isinstance(error, CellExecutionError):
        return f"{where} s'est arrêtée sur une erreur ({error.ename} : {error.evalue})"
    if isinstance(error, DeadKernelError):
        return f"le noyau s'est arrêté brutalement pendant {where}"
    return f"le noyau n'a pas pu exécuter {where} ({type(error).__name__} : {error})"


async def run_once(path: Path, env: dict[str, str]) -> RunResult:
    """Run every cell of `path` in a fresh kernel, without saving anything."""
    notebook = nbformat.read(path, as_version=4)
    # Our own kernel manager, so that the kernel is still alive (and its
    # memory readable) once the cells are done; nbclient would shut it down.
    manager = AsyncKernelManager(kernel_name="python3")
    current_cell: list[int] = []
    client = NotebookClient(
        notebook,
        km=manager,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_SECONDS,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_execute=lambda cell, cell_index: current_cell.append(cell_index + 1),
    )
    start = time.perf_counter()
    try:
        # The kernel's own start-up log (English warnings) would only clutter the
        # console; errors in cells still reach us through nbclient.
        await client.async_execute(env=env, stderr=subprocess.DEVNULL)
        seconds = time.perf_counter() - start
        process = getattr(manager.provisioner, "process", None)
        peak = peak_megabytes(process.pid) if process is not None else None
        return RunResult(seconds=seconds, peak_megabytes=peak)
    except Exception as error:
        return RunResult(error=describe_error(error, current_cell[-1] if current_cell else None))
    finally:
        if client.kc is not None:
            client.kc.stop_channels()
        if manager.has_kernel:
            await manager.shutdown_kernel()


def notebook_rows(path: Path, label: str, runs: list[RunResult], root: Path) -> list[Row]:
    """The duration row and the memory row of one notebook."""
    relative = path.relative_to(root).as_posix()
    title = f"Notebook {path.stem} ({label})"
    duration_key, duration_name = f"{relative}:duree", f"{title} : durée"
    memory_key, memory_name = f"{relative}:memoire", f"{title} : mémoire du noyau"
    failed = next((run.error for run in runs if run.error), None)
    if failed is not None:
        return [
            Row(duration_key, duration_name, None, "s", NOTEBOOK_SECONDS, failed),
            Row(memory_key, memory_name, None, "Mo", KERNEL_MEGABYTES, failed),
        ]
    durations = [run.seconds for run in runs if run.seconds is not None]
    duration = timing_row(
        duration_key, duration_name, durations, NOTEBOOK_SECONDS, "démarrage du noyau compris"
    )
    peaks = [run.peak_megabytes for run in runs if run.peak_megabytes is not None]
    if not peaks:
        note = "ce système n'a pas de /proc : mémoire mesurable sous Linux seulement"
        return [duration, Row(memory_key, memory_name, None, "Mo", KERNEL_MEGABYTES, note)]
    note = f"pic le plus haut {over_runs(len(peaks))}"
    memory = Row(memory_key, memory_name, max(peaks), "Mo", KERNEL_MEGABYTES, note, tuple(peaks))
    return [duration, memory]


def measure_notebooks(context: BenchContext) -> list[Row]:
    """Each notebook, learner and instructor versions: median duration and peak memory."""
    rows: list[Row] = []
    for path, label in find_notebooks(context.root):
        relative = path.relative_to(context.root).as_posix()
        if not context.selected(relative):
            continue
        print(f"Notebook {relative} : {context.repeats} lancement(s)…", flush=True)
        runs: list[RunResult] = []
        for _ in range(context.repeats):
            run = asyncio.run(run_once(path, context.env))
            runs.append(run)
            if run.error:  # the same error would come back: no need to insist
                break
        rows.extend(notebook_rows(path, label, runs, context.root))
    return rows


SETUP_CELL_SECONDS = 1.5
"""Budget of a module's first code cell (`from widgets.lessons import … as atelier`, then
`atelier.start()`), in a kernel already started: what a learner waits for before reading."""

# Run in the same kernel right after the setup cell: waits for the work `start()` left
# to background threads (named « atelier-… »), so that its end can be timed too.
WAIT_FOR_BACKGROUND = (
    "import threading\n"
    "for _thread in threading.enumerate():\n"
    "    if _thread.name.startswith('atelier-'):\n"
    "        _thread.join()"
)


@dataclass(frozen=True)
class SetupCellRun:
    """One setup cell: its own duration, and when the background work it started was done."""

    seconds: float | None = None
    ready_seconds: float | None = None
    error: str | None = None


async def setup_cell_once(path: Path, env: dict[str, str]) -> SetupCellRun:
    """Start a fresh kernel, then time its first code cell alone (kernel start left out)."""
    notebook = nbformat.read(path, as_version=4)
    index, cell = next((i, c) for i, c in enumerate(notebook.cells) if c.cell_type == "code")
    client = NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=CELL_TIMEOUT_SECONDS,
        resources={"metadata": {"path": str(path.parent)}},
    )
    try:
        async with client.async_setup_kernel(env=env, stderr=subprocess.DEVNULL):
            start = time.perf_counter()
            await client.async_execute_cell(cell, index)
            seconds = time.perf_counter() - start
            waiting = nbformat.v4.new_code_cell(WAIT_FOR_BACKGROUND)
            await client.async_execute_cell(waiting, index)
            return SetupCellRun(seconds, time.perf_counter() - start)
    except Exception as error:
        return SetupCellRun(error=describe_error(error, index + 1))


def setup_cell_row(module: str, context: BenchContext) -> Row:
    """The learner notebook's setup cell, in a fresh kernel each time, against its budget."""
    path = context.root / "notebooks" / module / f"{module}.ipynb"
    key, name = f"{module}:cellule-configuration", f"Cellule de configuration ({module})"
    print(f"Cellule de configuration de {module} : {context.repeats} noyau(x)…", flush=True)
    runs = [asyncio.run(setup_cell_once(path, context.env)) for _ in range(context.repeats)]
    failed = next((run.error for run in runs if run.error), None)
    if failed is not None:
        return Row(key, name, None, "s", SETUP_CELL_SECONDS, failed)
    ready = statistics.median(run.ready_seconds for run in runs if run.ready_seconds is not None)
    return timing_row(
        key,
        name,
        [run.seconds for run in runs if run.seconds is not None],
        SETUP_CELL_SECONDS,
        "noyau déjà démarré ; import de la leçon puis atelier.start() ; modèles entraînés en "
        f"arrière-plan, prêts {format_number(ready, 's')} s (médiane) après le début de la cellule",
    )
