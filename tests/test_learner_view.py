"""`make lab` opens the learner view, `make formateur` the trainer view with nbgrader's tools.

Both servers are started from the Makefile's own recipes (read with `make -n`), headless, on
127.0.0.1 and a port the system picks, without token, with the user's Jupyter folders replaced
by empty temporary ones; the tests read what a browser would get from them.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

STAMP = ".venv/.installed"
NBGRADER = "@jupyter/nbgrader"
# Pages that nbgrader's server extensions add (formgrader, assignment and course lists).
NBGRADER_PAGES = ("/formgrader", "/formgrader/manage_assignments", "/formgraders", "/courses")
HEADLESS = (
    "--no-browser",
    "--ServerApp.ip=127.0.0.1",
    "--ServerApp.port=0",
    "--ServerApp.port_retries=0",
    "--IdentityProvider.token=",
)
STARTUP_SECONDS = 60
_PAGE_CONFIG = re.compile(
    r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', re.S
)
_ASSIGNMENT = re.compile(r"^[A-Z_][A-Z0-9_]*=")


@dataclass
class Lab:
    process: subprocess.Popen
    runtime: Path
    log: Path
    port: int = 0
    root_dir: str = ""

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            return response.status, dict(response.getheaders()), body
        finally:
            connection.close()

    def page_config(self, path: str = "/lab") -> dict:
        status, _, body = self.get(path)
        assert status == 200, (path, status)
        match = _PAGE_CONFIG.search(body)
        assert match, f"{path} : pas de configuration de page"
        return json.loads(match.group(1))


def recipe(target: str) -> tuple[dict[str, str], list[str]]:
    """The command `make <target>` runs, split into its variable assignments and its argv."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    printed = subprocess.run(
        ["make", "-n", "-s", "--no-print-directory", "-o", STAMP, target],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert len(printed) == 1, printed
    words = shlex.split(printed[0])
    assignments = {}
    while words and _ASSIGNMENT.match(words[0]):
        name, _, value = words.pop(0).partition("=")
        assignments[name] = value
    return assignments, words


def start(target: str, home: Path) -> Lab:
    assignments, argv = recipe(target)
    for folder in ("config", "data", "runtime"):
        (home / folder).mkdir(parents=True)
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("JUPYTER_", "MAKE", "MFLAGS"))
    }
    environment |= {
        # What the Makefile exports: the venv's programs first.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "JUPYTER_CONFIG_DIR": str(home / "config"),
        "JUPYTER_DATA_DIR": str(home / "data"),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        **assignments,
    }
    extra = ["--allow-root"] if os.geteuid() == 0 else []
    log = home / "server.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [*argv, *HEADLESS, *extra],
            cwd=ROOT,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    return Lab(process, home / "runtime", log)


def wait_until_ready(lab: Lab) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if lab.process.poll() is not None:
            break
        info = sorted(lab.runtime.glob("jpserver-*.json"))
        if info:
            server = json.loads(info[0].read_text(encoding="utf-8"))
            lab.port, lab.root_dir = server["port"], server["root_dir"]
            try:
                if lab.get("/api/status")[0] == 200:
                    return
            except OSError:
                pass
        time.sleep(0.1)
    log = lab.log.read_text(encoding="utf-8", errors="replace")
    pytest.fail(f"JupyterLab n'a pas démarré :\n{log[-3000:]}")


def stop(lab: Lab) -> None:
    lab.process.terminate()
    try:
        lab.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        lab.process.kill()
        lab.process.wait()


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Lab]]:
    """Both servers, started together to save time."""
    with ExitStack() as stack:
        labs = {}
        for target in ("lab", "formateur"):
            labs[target] = start(target, tmp_path_factory.mktemp(target))
            stack.callback(stop, labs[target])
        for lab in labs.values():
            wait_until_ready(lab)
        yield labs


def test_make_lab_serves_the_learner_notebooks(views: dict[str, Lab]) -> None:
    learner = views["lab"]
    assert Path(learner.root_dir) == ROOT / "notebooks"
    status, _, _ = learner.get("/api/contents/00-accueil/00-accueil.ipynb?content=0")
    assert status == 200


@pytest.mark.parametrize("page", ["/lab", "/lab/tree/00-accueil/00-accueil.ipynb", "/tree"])
def test_learner_view_disables_and_locks_nbgrader_lab_extension(
    views: dict[str, Lab], page: str
) -> None:
    config = views["lab"].page_config(page)
    assert NBGRADER in config["disabledExtensions"]
    # Locked: the plugin manager cannot switch it back on.
    assert NBGRADER in config["lockedExtensions"]


@pytest.mark.parametrize("page", NBGRADER_PAGES)
def test_learner_view_has_no_nbgrader_server_pages(views: dict[str, Lab], page: str) -> None:
    assert views["lab"].get(page)[0] == 404


def test_learner_view_is_french(views: dict[str, Lab]) -> None:
    learner = views["lab"]
    status, _, body = learner.get("/lab/api/settings/@jupyterlab/translation-extension:plugin")
    assert status == 200
    # binder/overrides.json reaches the learner as the default of the language setting.
    assert json.loads(body)["schema"]["properties"]["locale"]["default"] == "fr_FR"
    status, _, body = learner.get("/lab/api/translations")
    assert status == 200
    assert "fr_FR" in json.loads(body)["data"]


def test_trainer_view_enables_nbgrader_lab_extension(views: dict[str, Lab]) -> None:
    config = views["formateur"].page_config()
    assert NBGRADER not in config["disabledExtensions"]
    assert NBGRADER not in config.get("lockedExtensions", [])
    assert NBGRADER in [extension["name"] for extension in config["federated_extensions"]]


def test_trainer_view_serves_the_formgrader_on_the_course_directory(
    views: dict[str, Lab],
) -> None:
    trainer = views["formateur"]
    # The formgrader reads nbgrader_config.py in the server's working directory, which must
    # lie inside the server's root: the repository root, where solutions/ and notebooks/ live.
    assert Path(trainer.root_dir) == ROOT
    status, headers, _ = trainer.get("/formgrader")
    assert status == 302
    assert headers["Location"].endswith("/formgrader/manage_assignments")
    assert trainer.get("/formgraders")[0] == 200
    status, _, _ = trainer.get("/api/contents/solutions/01-prise-en-main?content=0")
    assert status == 200
