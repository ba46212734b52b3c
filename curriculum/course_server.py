"""The course in a real browser: a local Jupyter server and Debian's Chromium.

One Jupyter server, as on Binder: JupyterLab at /lab and the no-code view at
/voila/render, on 127.0.0.1, serving a copy of notebooks/ (JupyterLab saves the
notebooks it opens; the course's own files are never touched). Chromium is
Debian's, driven by Playwright from PyPI (never `playwright install`), with every
host name other than 127.0.0.1 unresolvable. The browser tests and `atelier bench`
both use it.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
SERVER_START_SECONDS = 60
PAGE_SECONDS = 120
"""How long a module may take to open, or to run all its cells."""


def missing_browser() -> str | None:
    """Why the course cannot be opened in a browser here (in French), or None if it can."""
    if shutil.which("chromium") is None:
        return (
            "Chromium est introuvable. `make test` l'installe avec apt quand il le peut "
            "(administrateur, Debian)."
        )
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright manque : installez les dépendances de test (make test)."
    return None


def chromium_path() -> str:
    """Debian's Chromium; call `missing_browser()` first."""
    path = shutil.which("chromium")
    assert path is not None, missing_browser()
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class CourseServer:
    url: str
    notebooks: Path

    def lab(self, module_id: str) -> str:
        # `reset`: a fresh workspace, not the tabs a previous visit left open.
        return f"{self.url}/lab/tree/{module_id}/{module_id}.ipynb?reset"

    def view(self, module_id: str) -> str:
        return f"{self.url}/voila/render/{module_id}/{module_id}.ipynb"


@contextmanager
def course_server(
    scratch: Path, notebooks: Path, env: Mapping[str, str] | None = None
) -> Iterator[CourseServer]:
    """A Jupyter server (JupyterLab and the no-code view) on a copy of `notebooks`.

    `env` is the environment of the server and its kernels (this process's by default).
    """
    copy = scratch / "notebooks"
    shutil.copytree(notebooks, copy)
    port = free_port()
    home = scratch / "jupyter"
    env = {
        **(os.environ if env is None else env),
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(home / "settings"),
        "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces"),
    }
    command = [
        str(Path(sys.executable).parent / "jupyter"),
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={copy}",
        "--LabApp.expose_app_in_browser=True",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (scratch / "serveur.log").open("w")
    process = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield CourseServer(url, copy)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("le serveur Jupyter s'est arrêté au démarrage (voir serveur.log)")
        try:
            with urllib.request.urlopen(f"{url}/api/status", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("le serveur Jupyter n'a pas répondu à temps")


def open_notebook(page, server: CourseServer, module_id: str) -> None:
    """Open the module in JupyterLab; `window.atelierNotebook()` is then its panel."""
    page.goto(server.lab(module_id))
    page.wait_for_function("Boolean(window.jupyterapp)", timeout=PAGE_SECONDS * 1000)
    page.evaluate(
        """(path) => { window.atelierNotebook = () => Array.from(
            window.jupyterapp.shell.widgets('main')).find(w => w.context?.path === path); }""",
        f"{module_id}/{module_id}.ipynb",
    )
    page.wait_for_function(
        "window.atelierNotebook()?.sessionContext?.session?.kernel?.status === 'idle'",
        timeout=PAGE_SECONDS * 1000,
    )
    page.evaluate("window.jupyterapp.shell.activateById(window.atelierNotebook().id)")


def wait_until_idle(page) -> None:
    """Wait until the notebook's kernel is idle and no cell waits to run."""
    page.wait_for_timeout(300)
    page.wait_for_function(
        """() => {
            const kernel = window.atelierNotebook().sessionContext.session.kernel;
            const prompts = Array.from(document.querySelectorAll('.jp-InputPrompt'));
            return kernel.status === 'idle' && prompts.every(p => !p.textContent.includes('*'));
        }""",
        timeout=PAGE_SECONDS * 1000,
    )


def run_all_cells(page, server: CourseServer, module_id: str) -> None:
    """Open the module in JupyterLab and run all its cells, as a learner does first."""
    open_notebook(page, server, module_id)
    page.evaluate("window.jupyterapp.commands.execute('notebook:run-all-cells')")
    wait_until_idle(page)


def open_view(page, server: CourseServer, module_id: str) -> None:
    """Open the module in the no-code view and wait until it is rendered."""
    page.goto(server.view(module_id))
    page.wait_for_selector("#rendered_cells", state="visible", timeout=PAGE_SECONDS * 1000)
    page.wait_for_timeout(500)
