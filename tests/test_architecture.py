"""The rules that keep the project simple: who imports whom, what engines may use."""

from __future__ import annotations

import ast
import subprocess
import sys

from conftest import ROOT

WIDGETS = ROOT / "widgets"
JUPYTER_MODULES = ("IPython", "ipywidgets", "ipykernel", "nbformat", "nbclient")


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_widgets_never_imports_curriculum() -> None:
    for path in WIDGETS.rglob("*.py"):
        offenders = [name for name in imported_modules(path) if name.split(".")[0] == "curriculum"]
        assert not offenders, f"{path.relative_to(ROOT)} importe {offenders}"


def test_engines_know_nothing_of_jupyter() -> None:
    engines = [*WIDGETS.rglob("engine.py"), *(WIDGETS / "selfcheck").glob("*.py")]
    engines = [path for path in engines if path.name != "notebook.py"]
    assert engines
    for path in engines:
        for name in imported_modules(path):
            assert name.split(".")[0] not in JUPYTER_MODULES, f"{path.name} importe {name}"


def test_importing_widgets_loads_nothing_heavy() -> None:
    heavy = ("matplotlib", "sklearn", "ipywidgets", "IPython", "curriculum", "numpy")
    code = f"import sys, widgets; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
