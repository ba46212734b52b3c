"""The gateway: `atelier serve` answers the room with one online model and the trainer's key.

Learners choose « Serveur de la salle » and need no key; the server hands
each request to `GatewayBackend.answer`, which

1. checks it as the connector checks its own requests (`check_messages`,
   `check_options`);
2. passes it through module 04's personal-data guard: with the learner's
   choice "stop", a prompt that holds personal data is refused (400, the
   kinds found, never the values) and nothing leaves; with "pseudonymise",
   the text sent carries placeholders and the answer gets the originals back;
3. sends it through the course's own online code (`OpenAICompatibleBackend`:
   the official `openai` client, its timeouts, retries and French messages),
   with the trainer's key in the Authorization header and nowhere else;
4. adds module 06's footprint and a note saying which model answered.

The upstream's failures become `RequestError`s with the connector's French
message, a gateway status (502, 503, 504, 429) and an `upstream_…` code,
which the learners' connector shows as it is. The gateway gives up a little
before the learners' connector would, so the learner reads why.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from typing import Any

from widgets.donnees_personnelles import names
from widgets.donnees_personnelles.hook import describe, findings_in, pseudonymise_messages
from widgets.donnees_personnelles.pseudonym import restore
from widgets.errors import AtelierError
from widgets.impact.payload import footprint_payload
from widgets.impact.reply import footprint_of
from widgets.llm.chat_api import RequestError
from widgets.llm.config import (
    Config,
    ConfigError,
    Limits,
    Preset,
    check_base_url,
    host_of,
    load_config,
)
from widgets.llm.connector import check_messages, check_options
from widgets.llm.interface import ConnectorError, Reply, Secret
from widgets.llm.online_backend import OnlineFailure, OpenAICompatibleBackend
from widgets.llm.online_failures import after, capitalised
from widgets.llm.room_backend import RoomAnswer
from widgets.llm.room_protocol import PERSONAL_DATA_CODE, ROOM_PRESET, UPSTREAM_CODE_PREFIX
from widgets.text import printable, shortened

MARGIN_S = 3.0
"""How much sooner than the learners' connector the gateway gives up on the upstream."""
KEY_ORIGIN = "du serveur de la salle (prévenez la personne qui anime la séance)"
ROLES = {"developer": "system", "tool": "user"}
"""Roles the course's connector does not send, as online services know them."""
NOTE_MODEL_CHARS = 100
STATUSES = {"timeout": 504, "busy": 503}


def upstream_limits(limits: Limits) -> Limits:
    """The presets' limits, with a deadline `MARGIN_S` shorter than what the learners'
    connector waits for the server (its read timeout, within its deadline)."""
    budget = max(1.0, min(limits.deadline_s, limits.read_timeout_s) - MARGIN_S)
    return replace(limits, deadline_s=budget, read_timeout_s=min(limits.read_timeout_s, budget))


def resolve_endpoint(endpoint: object, config: Config) -> tuple[Preset, str]:
    """A preset of presets.toml (« albert ») or an address; the preset gives the service's
    name in French messages and its parameter names."""
    name = endpoint.strip() if isinstance(endpoint, str) else ""
    if name == ROOM_PRESET:
        raise ConfigError(
            "Le serveur de la salle ne peut pas relayer vers lui-même : nommez un service en "
            "ligne (par exemple albert ou mistral) ou donnez son adresse http(s)://…/v1."
        )
    online = [preset for preset in config.presets if not preset.is_classroom]
    for preset in online:
        if preset.id == name and preset.base_url:
            return preset, preset.base_url
    if name in {preset.id for preset in config.presets}:
        raise ConfigError(
            f"Le réglage « {name} » n'est pas un service en ligne avec une adresse : "
            "nommez-en un (par exemple albert ou mistral) ou donnez une adresse http(s)://…/v1."
        )
    if "//" not in name:
        known = ", ".join(preset.id for preset in online if preset.base_url)
        shown = f"« {shortened(name)} »" if name else "Le service"
        raise ConfigError(
            f"{shown} n'est ni un service de presets.toml ({known}) ni une adresse "
            "http(s)://…/v1 : indiquez l'un ou l'autre."
        )
    url = check_base_url(name)
    for preset in online:
        if preset.base_url == url:
            return preset, url
    custom = next((preset for preset in online if preset.is_custom), None)
    if custom is None:
        raise ConfigError("presets.toml n'a plus d'entrée pour une adresse libre (« autre »).")
    return custom, url


def _usage(reply: Reply) -> dict[str, int] | None:
    prompt, completion = reply.usage.prompt_tokens, reply.usage.completion_tokens
    if not isinstance(prompt, int) or not isinstance(completion, int):
        return None
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "total_tokens": prompt + completion,
    }


def _status(failure: OnlineFailure) -> int:
    if failure.kind == "relayed" and failure.status:
        return failure.status
    if failure.kind == "busy" and failure.status == 429:
        return 429
    if failure.kind == "refused" and failure.status == 413:
        return 413
    return STATUSES.get(failure.kind, 502)


class GatewayBackend:
    """One online model for the whole room, behind `atelier serve` (a `RoomBackend`).

    `endpoint` is a preset of presets.toml or an address; `model` may be left
    empty for a preset's own model; `key` may be None for a service that needs
    none (a local Ollama). Wrong settings raise `ConfigError`, in French.
    """

    def __init__(
        self,
        endpoint: str,
        model: str | None,
        key: Secret | None,
        *,
        limits: Limits | None = None,
        config: Config | None = None,
    ) -> None:
        import openai

        config = config or load_config()
        preset, base_url = resolve_endpoint(endpoint, config)
        if model is not None and not isinstance(model, str):
            raise ConfigError("Le nom du modèle s'écrit comme du texte, par exemple albert-large.")
        name = printable((model or "").strip()) or preset.model
        if not name:
            raise ConfigError("Indiquez le modèle du service en ligne (par exemple albert-large).")
        if key is not None and not isinstance(key, Secret):
            raise ConfigError("La clé se transmet dans un Secret, jamais en texte clair.")
        if key is None and preset.key_required:
            raise ConfigError(
                f"{capitalised(preset.provider)} demande une clé : mettez-la dans la variable "
                "d'environnement ATELIER_CLE_AMONT ou dans un fichier (--cle-amont-fichier), "
                "jamais sur la ligne de commande."
            )
        self.model = name
        self.provider = preset.provider
        self.description = (
            f"le modèle « {name} » {after('de', preset.provider)} ({host_of(base_url)}), "
            "avec le garde-fou des données personnelles et l'empreinte de chaque réponse"
        )
        self._key = key
        self._guard_lock = threading.Lock()
        self._online = OpenAICompatibleBackend(
            preset,
            base_url=base_url,
            model=name,
            key=key,
            key_origin=KEY_ORIGIN,
            limits=limits or upstream_limits(config.limits),
            http_client=openai.DefaultHttpxClient(),  # connections stay open between requests
        )
        names.start_loading()  # spaCy's model loads while the room connects

    def __repr__(self) -> str:
        return f"GatewayBackend({self.provider!r}, {self.model!r})"

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        try:
            messages = check_messages(
                [
                    {**message, "role": ROLES.get(message["role"], message["role"])}
                    for message in request["messages"]
                ]
            )
            options = check_options(
                request["max_tokens"], request["temperature"], request["seed"], False
            )
        except ConnectorError as error:
            raise RequestError(400, error.message, "invalid_value") from None
        sent, mapping = self._guarded(messages, request.get("personal_data") == "pseudonymise")
        try:
            reply = self._online.request(sent, options, None)
        except OnlineFailure as failure:
            refused = RequestError(
                _status(failure), failure.message, UPSTREAM_CODE_PREFIX + failure.kind
            )
        else:
            return self._room_answer(reply, mapping, options.max_tokens)
        raise refused

    def _guarded(
        self, messages: list[dict[str, str]], pseudonymise: bool
    ) -> tuple[list[dict[str, str]], dict[str, str]]:
        """The messages as they may leave, and the mapping that restores the answer."""
        mapping: dict[str, str] = {}
        with self._guard_lock:  # one spaCy model for all the server's threads
            if pseudonymise:
                messages, mapping = pseudonymise_messages(messages)
            found = findings_in(messages)
        if found:
            raise RequestError(
                400,
                f"Envoi arrêté par le serveur de la salle : ce message contient "
                f"{describe(found)}. Rien n'a été envoyé {after('à', self.provider)}. Retirez "
                "ces données, ou choisissez « Pseudonymiser puis envoyer » : elles seront "
                "remplacées par des étiquettes (« [PERSONNE_1] »…) puis remises dans la réponse.",
                PERSONAL_DATA_CODE,
            )
        return messages, mapping

    def _room_answer(self, reply: Reply, mapping: dict[str, str], max_tokens: int) -> RoomAnswer:
        model = self._blotted(reply.model)
        try:
            found = footprint_of(replace(reply, model=model))
        except AtelierError:
            found = None
        usage = _usage(reply)
        finish = "length" if usage and usage["completion_tokens"] >= max_tokens else "stop"
        return RoomAnswer(
            text=restore(self._blotted(reply.text), mapping),
            finish=finish,
            usage=usage,
            note=f"Réponse de {shortened(model, NOTE_MODEL_CHARS)} via le serveur de la salle",
            footprint=None if found is None else footprint_payload(found),
            model=model,
        )

    def _blotted(self, text: str) -> str:
        """An upstream that echoes the request must not hand the trainer's key to the room."""
        secret = self._key.reveal() if self._key else ""
        return text.replace(secret, "***") if secret else text
