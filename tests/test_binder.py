"""Binder, the Makefile and pyproject describe the same environment."""

from __future__ import annotations

import json
import os
import re
import tomllib
from importlib.metadata import files

from packaging.requirements import Requirement
from packaging.version import Version

from conftest import ROOT

BINDER = ROOT / "binder"
TRAINER = BINDER / "formateur"


def pins(path) -> dict[str, str]:
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)", line)
        if match:
            found[match.group(1).lower().replace("_", "-")] = match.group(2)
    return found


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_dependency_is_locked_within_its_range() -> None:
    locked = pins(BINDER / "requirements.txt")
    for line in project()["dependencies"]:
        requirement = Requirement(line)
        name = requirement.name.lower().replace("_", "-")
        assert name in locked, f"{name} manque dans binder/requirements.txt"
        assert requirement.specifier.contains(locked[name]), (name, locked[name])


def test_test_lock_agrees_with_binder_lock() -> None:
    binder, tests = pins(BINDER / "requirements.txt"), pins(ROOT / "tests" / "requirements.txt")
    for name, version in binder.items():
        assert tests.get(name, version) == version, name
    for line in project()["optional-dependencies"]["test"]:
        requirement = Requirement(line)
        assert requirement.specifier.contains(tests[requirement.name.lower()]), requirement


def test_python_version_agrees() -> None:
    runtime = (BINDER / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == "python-3.11"
    assert project()["requires-python"] == ">=3.11,<3.12"


def test_post_build_installs_the_course_and_its_settings() -> None:
    post_build = (BINDER / "postBuild").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"pip install .*--no-deps \.$", post_build, re.M)
    for settings_file in ("overrides.json", "ipython_kernel_config.py"):
        assert f"binder/{settings_file}" in post_build
        assert f"binder/{settings_file}" in makefile
    # Binder and the venv both run the script that hides nbgrader's tools from learners.
    assert re.search(r"^binder/learner-view$", post_build, re.M)
    assert re.search(r"^\tbinder/learner-view$", makefile, re.M)
    assert os.access(BINDER / "learner-view", os.X_OK)


def nbgrader_file(suffix: str) -> dict:
    """A file that the installed nbgrader distribution ships, found by its path's end."""
    (found,) = [path for path in files("nbgrader") if str(path).endswith(suffix)]
    return json.loads(found.read_text(encoding="utf-8"))


def test_learner_view_hides_every_nbgrader_tool_and_the_trainer_view_restores_them() -> None:
    lab_extension = nbgrader_file("labextensions/@jupyter/nbgrader/package.json")["name"]
    server_extensions = nbgrader_file("jupyter_server_config.d/nbgrader.json")["ServerApp"][
        "jpserver_extensions"
    ]
    assert lab_extension == "@jupyter/nbgrader"
    assert server_extensions and all(server_extensions.values())

    script = (BINDER / "learner-view").read_text(encoding="utf-8")
    for command in ("disable", "lock"):
        assert re.search(
            rf"^jupyter labextension {command} --level=sys_prefix .*{lab_extension}$", script, re.M
        )
    disabled = script.split("jupyter server extension disable --sys-prefix", 1)[1].split()
    assert {word for word in disabled if not word.startswith(("-", "\\"))} == set(server_extensions)

    page_config = json.loads((TRAINER / "labconfig" / "page_config.json").read_text("utf-8"))
    assert page_config == {
        "disabledExtensions": {lab_extension: False},
        "lockedExtensions": {lab_extension: False},
    }
    server_config = json.loads((TRAINER / "jupyter_server_config.json").read_text("utf-8"))
    assert server_config == {"ServerApp": {"jpserver_extensions": server_extensions}}


def test_jupyterlab_is_the_version_its_french_pack_translates() -> None:
    locked = pins(BINDER / "requirements.txt")
    lab, pack = Version(locked["jupyterlab"]), Version(locked["jupyterlab-language-pack-fr-fr"])
    assert lab.release[:2] == pack.release[:2], (str(lab), str(pack))


def test_start_script_limits_blas_threads_and_runs_the_server() -> None:
    start = (BINDER / "start").read_text(encoding="utf-8")
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        assert f"export {variable}=1" in start
    assert start.rstrip().endswith('exec "$@"')


def test_jupyterlab_settings_french_and_quiet() -> None:
    overrides = json.loads((BINDER / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert "jupyterlab-language-pack-fr-fr" in pins(BINDER / "requirements.txt")


def test_readme_binder_badge_opens_the_index() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"mybinder\.org/v2/gh/[^)\s]+urlpath=lab/tree/([^)\s&]+)", readme)
    assert match, "le README doit contenir le badge Binder"
    assert match.group(1) == "notebooks/00-accueil/00-accueil.ipynb"
    assert (ROOT / match.group(1)).is_file()
