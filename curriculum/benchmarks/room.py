"""`atelier serve` holding a room: 30 learners at once, through the course's own connector.

The server runs as `atelier serve` in its own process (as in the room), on
a free loopback port, with a room code from the environment and rate limits
raised (every simulated learner shares one address, 127.0.0.1). Thirty
threads play thirty learners: each sends ten requests of 100 tokens with
`widgets.llm.connector.generate`, preset « Serveur de la salle » pointed at
the server, as a notebook does. Reported: the first request's time (what a
backend loads lazily), then, for the 300 others, the median and 95th
percentile of the time a learner waits, the same inside the server (from
its log), the server's processor time per request, failures, and its peak
memory (VmHWM). The learners' side runs on the same computer: its own work
(the `openai` client, about four times the server's) competes with the
server for the processors, which a real room does not; the note gives the
machine's load.

Measured twice: with the classroom model, and through the gateway to a
fake upstream on 127.0.0.1 that answers at once (the server's own cost, not
an online model's).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from curriculum.benchmarks.core import BenchContext, Row, format_number
from curriculum.benchmarks.latency import percentile
from curriculum.benchmarks.notebooks import peak_megabytes

LEARNERS = 30
REQUESTS_EACH = 10
MAX_TOKENS = 100
P95_BUDGET_S = 1.0
SERVE = "import sys; from curriculum.cli import main; sys.exit(main())"
PROMPT = "Rédigez une courte annonce pour la fête de la commune, samedi sur la place de la mairie."
UPSTREAM_TEXT = " ".join(["La fête de la commune aura lieu samedi."] * 12)
START_TIMEOUT_S = 60


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Upstream(BaseHTTPRequestHandler):
    """A fake online service: a fixed answer of about 100 tokens, at once."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _json(self, payload: dict[str, Any]) -> None:
        data = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._json({"object": "list", "data": [{"id": "faux-modele", "object": "model"}]})

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        message = {"role": "assistant", "content": UPSTREAM_TEXT}
        self._json(
            {
                "id": "chatcmpl-banc",
                "object": "chat.completion",
                "created": 0,
                "model": "faux-modele",
                "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": 20, "completion_tokens": 100, "total_tokens": 120},
            }
        )


@contextmanager
def fake_upstream() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Served:
    """A running `atelier serve`: where, which process, and its log lines so far."""

    url: str
    pid: int
    log: list[str] = field(default_factory=list)

    def server_seconds(self) -> list[float]:
        """The time the server took for each answered chat request, read from its log."""
        times = []
        for line in self.log:
            parts = line.split()
            if len(parts) > 4 and parts[1:4] == ["POST", "/v1/chat/completions", "200"]:
                times.append(float(parts[4].replace(",", ".")))
        return times


@contextmanager
def atelier_serve(
    context: BenchContext, code: str, extra: list[str], env: dict[str, str]
) -> Iterator[Served]:
    """`atelier serve` in a subprocess on a free loopback port."""
    port = free_port()
    limits = ["--limite-participant", "100000", "--limite-salle", "100000"]
    process = subprocess.Popen(
        [sys.executable, "-c", SERVE, "serve", "--port", str(port), *limits, *extra],
        cwd=context.root,
        env={**context.env, **env, "ATELIER_CODE_SALLE": code},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout, stderr = process.stdout, process.stderr
    assert stdout is not None and stderr is not None
    try:
        started = time.monotonic()
        line = ""
        while "Serveur de la salle sur" not in line:
            line = stdout.readline()
            if not line or time.monotonic() - started > START_TIMEOUT_S:
                error = stderr.read() if process.poll() is not None else ""
                raise RuntimeError(f"le serveur n'a pas démarré ({error.strip()[-200:]})")
        served = Served(f"http://127.0.0.1:{port}/v1", process.pid)
        # Reading the log as it comes also keeps the pipe from filling up.
        threading.Thread(target=lambda: served.log.extend(stdout), daemon=True).start()
        yield served
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def cpu_seconds(pid: int) -> float | None:
    """User and system processor time of a process so far, on Linux."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def learner_settings(url: str, code: str) -> None:
    """The connector as a learner sets it: « Serveur de la salle », the code in « Clé »."""
    from widgets.llm import connector

    settings = connector.reset_settings()
    settings.choose("atelier", base_url=url)
    settings.set_key(code)


def first_request_seconds() -> float:
    """The first request after the start: what loads lazily (a guard, a model) shows here."""
    from widgets.llm import connector

    started = time.perf_counter()
    connector.generate(PROMPT, max_tokens=MAX_TOKENS, seed=0)
    return time.perf_counter() - started


def room_of_learners() -> tuple[list[float], list[str]]:
    """Each learner's waits, and the French message of each failure."""
    from widgets.llm import connector

    waits: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()

    def learner(number: int) -> None:
        for request in range(REQUESTS_EACH):
            started = time.perf_counter()
            try:
                connector.generate(PROMPT, max_tokens=MAX_TOKENS, seed=number * 100 + request)
            except connector.ConnectorError as error:
                with lock:
                    failures.append(error.message)
                continue
            with lock:
                waits.append(time.perf_counter() - started)

    with ThreadPoolExecutor(max_workers=LEARNERS) as pool:
        list(pool.map(learner, range(LEARNERS)))
    return waits, failures


def rows_for(
    key: str, label: str, context: BenchContext, extra: list[str], env: dict[str, str]
) -> list[Row]:
    from widgets.llm import connector

    code = secrets.token_hex(4)
    name = f"Serveur de la salle ({label}), {LEARNERS} participants × {REQUESTS_EACH} demandes"
    try:
        with atelier_serve(context, code, extra, env) as served:
            learner_settings(served.url, code)
            first = first_request_seconds()
            cpu_before, started = cpu_seconds(served.pid), time.perf_counter()
            waits, failures = room_of_learners()
            elapsed = time.perf_counter() - started
            cpu_after = cpu_seconds(served.pid)
            memory = peak_megabytes(served.pid)
            on_server = served.server_seconds()[1:]
    except (RuntimeError, OSError, connector.ConnectorError) as error:
        message = getattr(error, "message", str(error))
        return [Row(f"{key}:p95", name, None, "s", P95_BUDGET_S, f"mesure impossible ({message})")]
    finally:
        connector.reset_settings()
    total = LEARNERS * REQUESTS_EACH
    spread = f"{len(waits)} réponses sur {total} en {format_number(elapsed, 's')} s"
    if on_server:
        spread += (
            f" ; dans le serveur (génération et attente de son tour comprises) : médiane "
            f"{format_number(percentile(on_server, 0.5), 's')} s, p95 "
            f"{format_number(percentile(on_server, 0.95), 's')} s"
        )
    if cpu_before is not None and cpu_after is not None:
        per_request = (cpu_after - cpu_before) * 1000 / total
        spread += f" ; processeur du serveur : {format_number(per_request, 'ms')} ms par demande"
    spread += f" ; charge de la machine : {format_number(os.getloadavg()[0], 's')}"
    first_failure = f" ; première : {failures[0]}" if failures else ""
    rows = [
        Row(f"{key}:premiere", f"{name}, première demande (à froid)", first, "s", None,
            "la toute première demande après le démarrage, avant les autres"),
        Row(f"{key}:p50", f"{name}, attente médiane", percentile(waits, 0.5) if waits else None,
            "s", None, spread),
        Row(f"{key}:p95", f"{name}, attente p95", percentile(waits, 0.95) if waits else None,
            "s", P95_BUDGET_S, spread),
        Row(f"{key}:echecs", f"{name}, échecs", float(len(failures)), "demandes", 0.0,
            f"sur {total}{first_failure}"),
    ]  # fmt: skip
    if memory is not None:
        rows.append(
            Row(f"{key}:memoire", f"{name}, mémoire du serveur (pic)", memory, "Mo", None,
                "VmHWM du processus atelier serve")
        )  # fmt: skip
    return rows


def measure_room(context: BenchContext) -> list[Row]:
    if not context.selected("salle"):
        return []
    rows = rows_for("salle:classe", "modèle de la classe", context, [], {})
    try:
        import widgets.llm.gateway  # noqa: F401
    except ImportError:
        return rows
    with fake_upstream() as upstream:
        gateway = ["--amont", upstream, "--modele", "faux-modele"]
        key = {"ATELIER_CLE_AMONT": "cle-amont-du-banc-" + secrets.token_hex(4)}
        rows += rows_for(
            "salle:passerelle", "passerelle vers un faux service", context, gateway, key
        )
    return rows
