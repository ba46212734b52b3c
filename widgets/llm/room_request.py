"""Reading a request body within bounds: its declared size, a time limit, valid JSON.

A body shorter than its `Content-Length` used to hold a thread for the
socket's 30 s and end in a 500; deeply nested JSON overflowed the parser.
Here every failure is a `RequestError` with a French message: 411 without
a length, 413 beyond `MAX_BODY_BYTES`, 408 when the body does not arrive
in time, 400 for anything else.
"""

from __future__ import annotations

import json
import re
import socket
import time
from email.message import Message
from typing import BinaryIO

from widgets.french import format_number
from widgets.llm.chat_api import RequestError

MAX_BODY_BYTES = 16_000_000
"""Room for 1 MB of text even when JSON escapes every character (6 bytes each)."""
BODY_BASE_S = 2.0
BODY_BYTES_PER_S = 500_000
"""The whole body must arrive within 2 s plus 1 s per 500 kB (a slow Wi-Fi)."""
_DIGITS = re.compile(r"[0-9]{1,12}")


def declared_length(headers: Message) -> int:
    """The one `Content-Length`, checked (no chunked body, no duplicate, digits only)."""
    if "Transfer-Encoding" in headers:
        raise RequestError(
            411,
            "Envoyez le corps avec un en-tête Content-Length (pas de Transfer-Encoding).",
            "length_required",
        )
    values = headers.get_all("Content-Length") or []
    if not values:
        raise RequestError(
            411, "En-tête Content-Length absent : indiquez la taille du corps.", "length_required"
        )
    if len(values) > 1:
        raise RequestError(400, "En-tête Content-Length en double.", "invalid_length")
    text = values[0].strip()
    if not _DIGITS.fullmatch(text):
        raise RequestError(400, "En-tête Content-Length invalide.", "invalid_length")
    length = int(text)
    if length > MAX_BODY_BYTES:
        raise RequestError(
            413,
            f"Requête trop volumineuse (au plus {MAX_BODY_BYTES // 1_000_000} Mo).",
            "request_too_large",
        )
    return length


def read_body(length: int, rfile: BinaryIO, connection: socket.socket, timeout: float) -> bytes:
    """Exactly `length` bytes, within a deadline for the whole body (not per packet)."""
    allowed = BODY_BASE_S + length / BODY_BYTES_PER_S
    deadline = time.monotonic() + allowed
    chunks: list[bytes] = []
    received = 0
    try:
        while received < length:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            connection.settimeout(remaining)
            chunk = rfile.read1(min(length - received, 65_536))  # type: ignore[attr-defined]
            if not chunk:
                raise RequestError(
                    400,
                    f"Corps de la requête incomplet : {received} octets reçus sur les {length} "
                    "annoncés, puis la connexion a été fermée.",
                    "incomplete_body",
                )
            chunks.append(chunk)
            received += len(chunk)
    except TimeoutError:
        raise RequestError(
            408,
            f"Corps de la requête incomplet : {received} octets reçus sur les {length} annoncés "
            f"en {format_number(allowed, 1)} s.",
            "request_timeout",
        ) from None
    finally:
        connection.settimeout(timeout)
    return b"".join(chunks)


def _no_constant(name: str) -> object:
    raise ValueError(name)


def parse_json(raw: bytes) -> object:
    """The JSON value of a body: strict UTF-8, no NaN or Infinity, nesting within Python's limit."""
    try:
        return json.loads(raw.decode("utf-8"), parse_constant=_no_constant)
    except RecursionError:
        raise RequestError(
            400, "Le corps de la requête est du JSON trop imbriqué.", "invalid_json"
        ) from None
    except (UnicodeDecodeError, ValueError):
        raise RequestError(
            400,
            "Le corps de la requête n'est pas du JSON valide (UTF-8, sans NaN ni Infinity).",
            "invalid_json",
        ) from None


def read_json(
    headers: Message, rfile: BinaryIO, connection: socket.socket, timeout: float
) -> object:
    return parse_json(read_body(declared_length(headers), rfile, connection, timeout))
