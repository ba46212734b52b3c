"""Run one prepared notebook in a sandboxed kernel, whatever the learner's code does.

nbclient (the library nbgrader's autograde uses to execute notebooks) runs the
cells; around it, this module makes one broken submission cost only what it
touched:

- a cell that runs past the time limit, or that kills its kernel
  (`os._exit`, a crash, the memory ceiling), is noted, the kernel is thrown
  away, and the notebook runs again from the top in a new kernel without that
  cell; so answers before and after it are still graded. An interrupt is never
  relied on: a loop can swallow KeyboardInterrupt;
- output is capped in bytes per cell and per notebook while it arrives (one
  50 MB line is cut to a few kilobytes, never written whole);
- errors in cells never stop the run (`allow_errors`).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import nbformat
from jupyter_client import AsyncKernelManager
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_core.utils import run_sync
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from curriculum.grading.sandbox import Sandbox, kernel_environment

KERNEL_NAME = "atelier-correction"
CELL_OUTPUT_BYTES = 20_000
NOTEBOOK_OUTPUT_BYTES = 1_000_000
MAX_RUNS = 4
"""One first run, then at most three runs each without one more culprit cell."""
TRUNCATED = "[… la suite de cette sortie, trop longue, a été coupée par la correction …]"


@dataclass
class Outcome:
    """What happened when a notebook ran."""

    notebook: nbformat.NotebookNode
    timed_out: list[int] = field(default_factory=list)
    """Indexes of cells stopped at the time limit (then skipped)."""
    killed: list[int] = field(default_factory=list)
    """Indexes of cells whose kernel died (then skipped)."""
    unfinished: bool = False
    """True when the run limit was reached before the last cell."""
    truncated_bytes: int = 0
    seconds: float = 0.0


class _CappedClient(NotebookClient):
    """nbclient, with outputs capped in bytes as they arrive."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cell_bytes: dict[int, int] = {}
        self.total_bytes = 0
        self.dropped_bytes = 0

    def output(self, outs: list, msg: dict, display_id: str | None, cell_index: int) -> Any:
        size = _message_size(msg)
        used = self.cell_bytes.get(cell_index, 0)
        if used + size > CELL_OUTPUT_BYTES or self.total_bytes + size > NOTEBOOK_OUTPUT_BYTES:
            if self.dropped_bytes == 0 or not any(_is_marker(out) for out in outs):
                outs.append(nbformat.v4.new_output("stream", name="stderr", text=TRUNCATED))
            self.dropped_bytes += size
            return None
        self.cell_bytes[cell_index] = used + size
        self.total_bytes += size
        return super().output(outs, msg, display_id, cell_index)


def _message_size(msg: dict) -> int:
    """The output's size in bytes (UTF-8), whatever kind of output it is."""
    content = msg.get("content", {})
    parts = [content["text"]] if "text" in content else list(content.get("data", {}).values())
    parts += [content.get("evalue", ""), *content.get("traceback", [])]
    return sum(
        len((part if isinstance(part, str) else json.dumps(part)).encode("utf-8", "surrogatepass"))
        for part in parts
    )


def _is_marker(output: Any) -> bool:
    return output.get("output_type") == "stream" and output.get("text") == TRUNCATED


def run_notebook(
    notebook: nbformat.NotebookNode,
    sandbox: Sandbox,
    scratch: Path,
    cell_timeout: int,
    protected: Path | None = None,
    last_needed: int | None = None,
) -> Outcome:
    """Execute `notebook` (a prepared copy, changed in place) in `scratch`; never raises
    for anything the learner's code does. `protected`: the class folder. Cells after
    `last_needed` (the last report cell) cannot change a grade and are not run."""
    started = time.monotonic()
    outcome = Outcome(notebook)
    stop = len(notebook.cells) - 1 if last_needed is None else last_needed
    skipped = {index for index in range(stop + 1, len(notebook.cells))}
    for _run in range(MAX_RUNS):
        culprit = _run_once(notebook, sandbox, scratch, cell_timeout, skipped, outcome, protected)
        if culprit is None:
            break
        skipped.add(culprit)
    else:
        outcome.unfinished = True
    outcome.seconds = time.monotonic() - started
    for index in skipped - set(range(stop + 1, len(notebook.cells))):
        reason = (
            "arrêtée : délai dépassé" if index in outcome.timed_out else "arrêtée : noyau arrêté"
        )
        notebook.cells[index].outputs = [
            nbformat.v4.new_output("stream", name="stderr", text=f"[Cellule {reason}.]")
        ]
    return outcome


def _run_once(
    notebook: nbformat.NotebookNode,
    sandbox: Sandbox,
    scratch: Path,
    cell_timeout: int,
    skipped: set[int],
    outcome: Outcome,
    protected: Path | None,
) -> int | None:
    """One run in a fresh kernel; the index of the cell that hung or killed it, or None."""
    runtime = Path(tempfile.mkdtemp(prefix="atelier-noyau-"))
    client = _client(notebook, sandbox, scratch, runtime, cell_timeout)
    manager = client.km
    try:
        environment = kernel_environment(scratch, None if sandbox.isolated else protected)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        with client.setup_kernel(cwd=str(scratch), env=environment, **quiet):
            for index, cell in enumerate(notebook.cells):
                if cell.cell_type != "code" or index in skipped:
                    continue
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    outcome.timed_out.append(index)
                    return index
                except DeadKernelError:
                    outcome.killed.append(index)
                    return index
        return None
    finally:
        outcome.truncated_bytes += client.dropped_bytes
        _stop_kernel(client, manager)
        shutil.rmtree(runtime, ignore_errors=True)


def _stop_kernel(client: NotebookClient, manager: AsyncKernelManager) -> None:
    """Kill the kernel and its sandbox (nbclient leaves a kernel it did not create)."""
    if client.kc is not None:
        client.kc.stop_channels()
    if manager.has_kernel:
        run_sync(manager.shutdown_kernel)(now=True)
    run_sync(manager.cleanup_resources)()


def _client(
    notebook: nbformat.NotebookNode, sandbox: Sandbox, scratch: Path, runtime: Path, timeout: int
) -> _CappedClient:
    specs = runtime / "kernels" / KERNEL_NAME
    specs.mkdir(parents=True)
    spec = {
        "argv": sandbox.kernel_argv(scratch, runtime),
        "display_name": "Atelier IA (correction)",
        "language": "python",
        "interrupt_mode": "message",
    }
    (specs / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    manager = AsyncKernelManager(
        kernel_name=KERNEL_NAME,
        kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(runtime / "kernels")]),
        transport="ipc",
        ip=str(runtime / "canal"),
        connection_file=str(runtime / "connexion.json"),
    )
    return _CappedClient(
        notebook,
        km=manager,
        timeout=timeout,
        startup_timeout=120,
        allow_errors=True,
        interrupt_on_timeout=False,
        record_timing=False,
        store_widget_state=False,
        iopub_timeout=5,
    )
