"""What the course's connector and the room server (`atelier serve`) add to the OpenAI format.

Both ends read this file, so the field names are written once. A request to
the room server may carry `"atelier": {"donnees_personnelles": "arreter" |
"pseudonymiser"}`, the learner's choice for personal data; an answer may carry
`"atelier": {"note": ..., "empreinte": ...}`, where it comes from and its
footprint. OpenAI clients and servers ignore the field. An error whose code is
one of the gateway's (`upstream_…`, `personal_data_found`) holds a French
message meant for the learner: the connector shows it as it is, without
retrying (the server has already retried the online model behind it).
"""

from __future__ import annotations

import json
from typing import Any

from widgets.llm.interface import RoomInfo
from widgets.llm.online_failures import server_detail
from widgets.text import printable

ROOM_PRESET = "atelier"
"""The preset « Serveur de la salle » in presets.toml."""
FIELD = "atelier"
PERSONAL_DATA_WIRE = {"stop": "arreter", "pseudonymise": "pseudonymiser"}
UPSTREAM_CODE_PREFIX = "upstream_"
PERSONAL_DATA_CODE = "personal_data_found"
RELAYED_CHARS = 600
NOTE_CHARS = 300


def request_field(personal_data: str) -> dict[str, Any]:
    """The `atelier` field of a request: the learner's choice ("stop" or "pseudonymise")."""
    return {"donnees_personnelles": PERSONAL_DATA_WIRE[personal_data]}


def room_info(field: object) -> RoomInfo | None:
    """The `atelier` field of an answer, if the server sent a readable one."""
    if not isinstance(field, dict):
        return None
    note = field.get("note")
    note = " ".join(printable(note).split())[:NOTE_CHARS] if isinstance(note, str) else ""
    footprint = field.get("empreinte")
    return RoomInfo(note, footprint if isinstance(footprint, dict) else None)


def event_room_info(line: str) -> RoomInfo | None:
    """The `atelier` field of one server-sent event (`data: {...}`), if it has one."""
    try:
        data = json.loads(line.removeprefix("data:"))
    except ValueError:
        return None
    return room_info(data.get(FIELD)) if isinstance(data, dict) else None


def relayed_message(error: Any, secret: str | None) -> str | None:
    """The room server's French message when its error code is one of the gateway's."""
    body = getattr(error, "body", None)
    inner = body.get("error", body) if isinstance(body, dict) else None
    code = inner.get("code") if isinstance(inner, dict) else None
    if not isinstance(code, str):
        return None
    if not (code.startswith(UPSTREAM_CODE_PREFIX) or code == PERSONAL_DATA_CODE):
        return None
    return server_detail(error, secret, RELAYED_CHARS) or None
