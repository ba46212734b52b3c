"""The rules that keep the project simple, keyed on where a file sits.

Under widgets/, a file is a VIEW if it sits in a `views/` folder, in the
lessons, or in the shared view kit (`widgets/viewkit/`); the kernel extension
`widgets/french_errors.py` talks to IPython too. Every other file is an ENGINE:
plain Python, tested and benchmarked without a kernel, so it never imports
Jupyter, ipywidgets, IPython or matplotlib.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

WIDGETS = ROOT / "widgets"
JUPYTER_AND_PLOTS = ("IPython", "ipywidgets", "ipykernel", "nbformat", "nbclient", "matplotlib")
KERNEL_EXTENSION = WIDGETS / "french_errors.py"
MAX_LINES = 420


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def is_view(path: Path) -> bool:
    parts = path.relative_to(WIDGETS).parts
    return "views" in parts or parts[0] in ("lessons", "viewkit") or path == KERNEL_EXTENSION


PYTHON_FILES = sorted(WIDGETS.rglob("*.py"))
ENGINES = [path for path in PYTHON_FILES if not is_view(path)]


def test_the_convention_leaves_most_files_as_engines() -> None:
    assert len(ENGINES) > len(PYTHON_FILES) / 2


@pytest.mark.parametrize("path", ENGINES, ids=lambda p: str(p.relative_to(WIDGETS)))
def test_engines_know_nothing_of_jupyter_nor_plots(path: Path) -> None:
    offenders = [name for name in imported_modules(path) if name.split(".")[0] in JUPYTER_AND_PLOTS]
    assert not offenders, f"{path.relative_to(ROOT)} est un moteur et importe {offenders}"


def test_html_fragments_live_in_html_modules_of_engines() -> None:
    html_modules = [path for path in PYTHON_FILES if path.name == "html.py"]
    assert html_modules
    assert not [path for path in html_modules if is_view(path)]


@pytest.mark.parametrize("path", PYTHON_FILES, ids=lambda p: str(p.relative_to(WIDGETS)))
def test_widgets_never_imports_curriculum_and_files_stay_small(path: Path) -> None:
    offenders = [name for name in imported_modules(path) if name.split(".")[0] == "curriculum"]
    assert not offenders, f"{path.relative_to(ROOT)} importe {offenders}"
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} compte {lines} lignes"


def test_every_topic_package_has_the_same_inside() -> None:
    """A topic package's views sit in its views/ folder, never beside its engines."""
    for package in sorted(p for p in WIDGETS.iterdir() if (p / "__init__.py").is_file()):
        if package.name in ("lessons", "viewkit"):
            continue
        loose_views = [
            path.name
            for path in package.glob("*.py")
            if "ipywidgets" in {name.split(".")[0] for name in imported_modules(path)}
        ]
        assert not loose_views, f"{package.name}: vues hors de views/ : {loose_views}"


def literal_share(path: Path) -> float:
    """The share of a file's characters that are string literals, docstrings left out."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    literal = sum(
        len(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    )
    return literal / max(len(source), 1)


@pytest.mark.parametrize(
    "path",
    [path for path in PYTHON_FILES if path.parent.name != "lessons"],
    ids=lambda p: str(p.relative_to(WIDGETS)),
)
def test_no_file_is_mostly_string_literals(path: Path) -> None:
    """Word lists, phrase tables and facts are data files; exercise texts stay in lessons."""
    share = literal_share(path)
    assert share < 0.5, f"{path.relative_to(ROOT)} : {share:.0%} de littéraux"


def test_importing_widgets_loads_nothing_heavy() -> None:
    heavy = ("matplotlib", "sklearn", "ipywidgets", "IPython", "curriculum", "numpy")
    code = f"import sys, widgets; print([m for m in {heavy!r} if m in sys.modules])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr
