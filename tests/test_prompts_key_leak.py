"""Module 03 with a fake key: the key is used, yet found nowhere afterwards.

The solution notebook of module 03 runs in a real kernel, with a few extra
cells that choose an online model (a fake OpenAI-compatible server on
127.0.0.1), give it the key by one of three routes (the settings panel's
key field, the settings object, the environment), send the before/after
comparison and a direct request. The server accepts some requests and
refuses others with the key echoed in its error body and headers, so that
any error message that quotes the server would carry the key (as some
real services do with part of a wrong key). The kernel logs everything at
DEBUG level, so a library that logged the request's Authorization header
would be caught (httpcore logs response headers at DEBUG: the fake server
does not echo the key there, which no real service does). Then the
executed notebook is saved, and
the key is searched in the file (cells, outputs, widget state), in every
file the run left behind (IPython history included), in the logs of the
test process and in the kernel's own standard output and error.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

from conftest import solution_path

KEY = "cle-de-test-ne-doit-jamais-fuiter-123456"
MODULE = "03-prompts"
REFUSE = "ECHEC-401"
CRASH = "ECHEC-500"


class FakeChatServer(ThreadingHTTPServer):
    """Chat Completions on loopback: records each Authorization header.

    A request whose messages contain « Format attendu » (the structured
    prompt) or REFUSE gets 401, CRASH gets 500; both echo the header back
    in their JSON body.
    Anything else gets a normal answer.
    """

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.authorizations: list[str] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    server: FakeChatServer

    def log_message(self, *args: object) -> None:
        """Silence: the server's own log would print the request line, not the key."""

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length).decode("utf-8", "replace")
        authorization = self.headers.get("Authorization", "")
        self.server.authorizations.append(authorization)
        if "Format attendu" in body or REFUSE in body:
            self._send(401, {"error": {"message": f"Clé refusée : {authorization}"}})
        elif CRASH in body:
            self._send(500, {"error": {"message": f"Panne ; en-tête reçu {authorization}"}})
        else:
            self._send(200, _completion("Madame, Monsieur, voici la réponse du faux serveur."))

    def _send(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def _completion(text: str) -> dict:
    return {
        "id": "chatcmpl-faux",
        "object": "chat.completion",
        "created": 0,
        "model": "faux-modele",
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


@contextmanager
def fake_chat_server() -> Iterator[FakeChatServer]:
    server = FakeChatServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


SETUP = """
import logging, os, traceback
logging.basicConfig(level=logging.DEBUG, force=True)
from widgets.llm.connector import generate, get_settings
from widgets.llm.views.settings import SettingsPanel
panneau = SettingsPanel()
panneau.choice.value = "autre"
panneau.url.value = os.environ["ATELIER_TEST_URL"]
panneau.model.value = "faux-modele"
"""

ROUTES = {
    # What the front end sends when a learner types the key and presses Entrée.
    "panneau": 'panneau.key.set_state({"value": os.environ["ATELIER_TEST_CLE_A_SAISIR"]})',
    "objet": 'get_settings().set_key(os.environ["ATELIER_TEST_CLE_A_SAISIR"])',
    "environnement": "pass  # la clé est lue dans ATELIER_IA_CLE",
}

SHOW_SETTINGS = """
print(repr(get_settings()))
print(get_settings().key_note())
print(get_settings().destination_note())
print(panneau.status.value, panneau.key_note.value, repr(panneau.key.value))
panneau.widget
"""

COMPARE = """
from widgets.prompts.views.comparison import BeforeAfter
comparaison = BeforeAfter()
comparaison.send()
print(comparaison.before.answer.value)
print(comparaison.after.answer.value)
print(comparaison.status.value)
comparaison.widget
"""

DIRECT = f"""
for texte in ("{REFUSE}", "{CRASH}"):
    try:
        generate(texte, max_tokens=5)
    except Exception as erreur:
        print(type(erreur).__name__, repr(erreur), str(erreur), getattr(erreur, "message", ""))
        print(repr(erreur.__cause__), repr(erreur.__context__), vars(erreur))
        print(traceback.format_exc())
"""

FAIL_LOUDLY = """
generate("ECHEC-401 : cette cellule doit finir en erreur", max_tokens=5)
"""


def instrumented_notebook(route: str) -> nbformat.NotebookNode:
    """The solution notebook, with the key route and the requests after the comparison."""
    notebook = nbformat.read(solution_path(MODULE), as_version=4)
    ids = [cell.get("id") for cell in notebook.cells]
    assert "reglages" in ids
    extra = [SETUP, ROUTES[route], SHOW_SETTINGS, COMPARE, DIRECT, FAIL_LOUDLY]
    position = ids.index("comparaison") + 1
    notebook.cells[position:position] = [new_code_cell(source.strip()) for source in extra]
    return notebook


def run(notebook: nbformat.NotebookNode, folder: Path) -> None:
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        store_widget_state=True,
        resources={"metadata": {"path": str(folder)}},
    ).execute()


def every_text(notebook: nbformat.NotebookNode) -> str:
    return json.dumps(notebook, ensure_ascii=False)


@pytest.mark.parametrize("route", ["panneau", "objet", "environnement"])
def test_module_03_never_leaks_the_key(route, tmp_path, monkeypatch, caplog, capfd) -> None:
    caplog.set_level(logging.DEBUG)
    run_folder = tmp_path / "run"
    run_folder.mkdir()
    for name in ("ALBERT_API_KEY", "ATELIER_IA_CLE", "ATELIER_TEST_CLE_A_SAISIR"):
        monkeypatch.delenv(name, raising=False)
    if route == "environnement":
        monkeypatch.setenv("ATELIER_IA_CLE", KEY)
        monkeypatch.setenv("ALBERT_API_KEY", KEY)
    else:
        monkeypatch.setenv("ATELIER_TEST_CLE_A_SAISIR", KEY)
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))

    notebook = instrumented_notebook(route)

    with fake_chat_server() as server:
        monkeypatch.setenv("ATELIER_TEST_URL", server.url)
        run(notebook, run_folder)
        authorizations = list(server.authorizations)

    # The key really went to the server: the test is not vacuous.
    assert f"Bearer {KEY}" in authorizations
    assert len(authorizations) >= 4

    saved = tmp_path / "executee.ipynb"
    nbformat.write(notebook, saved)
    text = saved.read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-state+json" in text
    outputs = every_text(notebook)
    assert "voici la réponse du faux serveur" in outputs
    assert "ConnectorError" in outputs
    errors = [
        output
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.output_type == "error"
    ]
    assert errors, "la dernière cellule devait finir en erreur"

    leaks = [
        str(path)
        for path in tmp_path.rglob("*")
        if path.is_file() and KEY.encode() in path.read_bytes()
    ]
    captured = capfd.readouterr()
    assert KEY not in text
    assert KEY not in outputs
    assert leaks == []
    assert KEY not in captured.out and KEY not in captured.err
    assert "ne-doit-jamais-fuiter" not in text + outputs + captured.err
    assert KEY not in caplog.text, "the messages between kernel and front end carry the key"
