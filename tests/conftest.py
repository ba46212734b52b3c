"""Shared helpers for the tests: where the course is, which modules and exercises exist."""

from __future__ import annotations

import importlib
import re
import shutil
import socket
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
SOLUTIONS = ROOT / "solutions"
NOTEBOOKS = ROOT / "notebooks"
_LESSON_IMPORT = re.compile(r"from widgets\.lessons import (\w+) as atelier")


def module_ids() -> list[str]:
    """Modules that exist as notebooks in solutions/."""
    return sorted(
        path.name for path in SOLUTIONS.iterdir() if (path / f"{path.name}.ipynb").is_file()
    )


def solution_path(module_id: str) -> Path:
    return SOLUTIONS / module_id / f"{module_id}.ipynb"


def learner_path(module_id: str) -> Path:
    return NOTEBOOKS / module_id / f"{module_id}.ipynb"


def lesson_for(module_id: str):
    """The widgets.lessons module a notebook imports in its first code cell."""
    notebook = nbformat.read(solution_path(module_id), as_version=4)
    first_code = next(cell for cell in notebook.cells if cell.cell_type == "code")
    match = _LESSON_IMPORT.search(first_code.source)
    assert match, f"{module_id}: the first code cell must import its lesson as `atelier`"
    return importlib.import_module(f"widgets.lessons.{match.group(1)}")


def graded_modules() -> list[str]:
    """Modules with at least one exercise."""
    return [module for module in module_ids() if getattr(lesson_for(module), "EXERCISES", ())]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may only talk to loopback (kernels, local servers)."""
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else None
        if sock.family in (socket.AF_INET, socket.AF_INET6) and host not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise OSError(f"network access refused in tests: {address!r}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def _browser_tests_will_run() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return shutil.which("chromium") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Learner notebooks run once: in JupyterLab, by tests/browser/test_jupyterlab.py,
    which runs every cell and fails on any error; nbval runs them only when no browser
    can (the instructor versions in solutions/ always run under nbval)."""
    if not _browser_tests_will_run():
        return
    in_lab = [item for item in items if Path(item.path).is_relative_to(NOTEBOOKS)]
    if in_lab:
        config.hook.pytest_deselected(items=in_lab)
        items[:] = [item for item in items if item not in in_lab]
