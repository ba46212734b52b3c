"""One interface to every language model of the course: `generate(messages, ...)`.

Modules call `generate` and never know which model answers: the offline
classroom model (the default: nothing leaves the machine) or an online,
OpenAI-compatible service chosen in the settings panel. Two hooks let other
modules act on every request: `register_before_send` (module 04's
personal-data guard) and `register_after_answer` (module 06's energy
estimate).

Keys are typed in the settings panel or read from the environment variable
the preset names; a typed key lives only in the `Settings` object, bound to
the address it was typed for, inside a `Secret` whose repr hides it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from widgets.french import format_number
from widgets.llm.classroom_backend import ClassroomBackend, ClassroomModel
from widgets.llm.config import (
    Config,
    ConfigError,
    Limits,
    Preset,
    check_base_url,
    host_of,
    is_loopback,
    load_config,
)
from widgets.llm.interface import (
    PERSONAL_DATA_CHOICES,
    Backend,
    ConnectorError,
    Options,
    Reply,
    Secret,
    Usage,
)
from widgets.llm.online_backend import OpenAICompatibleBackend
from widgets.llm.online_failures import after
from widgets.text import printable

__all__ = [
    "ConnectorError",
    "Reply",
    "Settings",
    "Usage",
    "check_connection",
    "clear_hooks",
    "generate",
    "get_settings",
    "register_after_answer",
    "register_before_send",
    "reset_settings",
]

ROLES = ("system", "user", "assistant")
MAX_CONTENT_CHARS = 100_000
MAX_TOKENS = 4_096
MAX_TEMPERATURE = 2.0
MAX_KEY_CHARS = 400
SEED_LIMIT = 2**63
"""Online services take 64-bit signed seeds: from -2**63 to 2**63 - 1."""

Messages = list[dict[str, str]]
BeforeSend = Callable[[Messages], Messages | None]
AfterAnswer = Callable[[Messages, Reply], None]

_before_send: list[BeforeSend] = []
_after_answer: list[AfterAnswer] = []
_settings: Settings | None = None


# ---------------------------------------------------------------- settings


def check_key(key: object) -> str:
    """A key as servers accept it: printable ASCII, no spaces. Errors never quote it."""
    text = key.strip() if isinstance(key, str) else ""
    if not text:
        raise ConnectorError("La clé est vide : collez-la dans le champ « Clé ».")
    if len(text) > MAX_KEY_CHARS or any(not 33 <= ord(char) < 127 for char in text):
        raise ConnectorError(
            "La clé contient des espaces ou des caractères inattendus : copiez-la à nouveau, "
            "sans rien autour."
        )
    return text


class Settings:
    """Which model `generate` uses, and the key typed for it (in memory only)."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or load_config()
        self.limits: Limits = self.config.limits
        self.classroom_model: Callable[[], ClassroomModel] | None = None
        self._keys: dict[tuple[str, str], Secret] = {}
        self.choose(self.config.default)

    def __repr__(self) -> str:
        key = "saisie" if self._typed_key() else "aucune saisie"
        return (
            f"Settings(preset={self.preset_id!r}, model={self.model!r}, "
            f"base_url={self.base_url!r}, clé={key})"
        )

    @property
    def preset(self) -> Preset:
        return self.config.preset(self.preset_id)

    @property
    def leaves_machine(self) -> bool:
        """True when a request goes to another computer."""
        return not self.preset.is_classroom and not is_loopback(self.base_url or "")

    def choose(
        self, preset_id: str, *, model: str | None = None, base_url: str | None = None
    ) -> None:
        """Select a preset; `model` and `base_url` replace its own values."""
        preset = self.config.preset(preset_id)
        url = preset.base_url if base_url is None else base_url
        name = preset.model if model is None else model
        if not isinstance(url, str) or not isinstance(name, str):
            raise ConfigError("L'adresse et le nom du modèle s'écrivent comme du texte.")
        self.base_url = check_base_url(url) if url.strip() else ""
        self.preset_id = preset_id
        self.model = printable(name.strip())

    def set_key(self, key: object) -> None:
        """Keep a typed key for the current address only (never for another one)."""
        self._keys[(self.preset_id, self.base_url)] = Secret(check_key(key))

    def forget_key(self) -> None:
        self._keys.pop((self.preset_id, self.base_url), None)

    def _typed_key(self) -> Secret | None:
        return self._keys.get((self.preset_id, self.base_url))

    def _env_key(self) -> str | None:
        name = self.preset.key_env
        value = os.environ.get(name, "").strip() if name else ""
        return value or None

    def key(self) -> Secret | None:
        """The typed key, else the one in the preset's environment variable, else None."""
        typed = self._typed_key()
        if typed is not None:
            return typed
        value = self._env_key()
        if value is None:
            return None
        try:
            return Secret(check_key(value))
        except ConnectorError:
            failure = ConnectorError(
                f"La clé lue dans la variable d'environnement {self.preset.key_env} contient "
                "des espaces ou des caractères inattendus : faites-la corriger."
            )
        raise failure

    def key_origin(self) -> str:
        """Where the key comes from, as a French phrase (never the key)."""
        if self._typed_key() is not None:
            return "saisie dans le champ « Clé »"
        if self._env_key() is not None:
            return f"lue dans la variable d'environnement {self.preset.key_env}"
        return "absente"

    def key_note(self) -> str:
        """One sentence for the settings panel."""
        preset = self.preset
        if preset.is_classroom:
            return "Le modèle de la classe n'a pas besoin de clé."
        origin = self.key_origin()
        if origin != "absente":
            return f"Clé {origin} ; elle reste en mémoire et n'est jamais affichée."
        if preset.key_required:
            return (
                f"Aucune clé : saisissez-la ci-dessus, ou demandez qu'on définisse la variable "
                f"d'environnement {preset.key_env}."
            )
        return f"Pas de clé nécessaire (facultative : variable {preset.key_env})."

    def destination_note(self) -> str:
        """Where the text of a request goes, said plainly next to the choice."""
        preset = self.preset
        if preset.is_classroom:
            return (
                "Tout reste sur cet ordinateur : le modèle de la classe tourne ici, "
                "aucun texte ne sort de la machine."
            )
        if not self.base_url:
            return "Indiquez l'adresse du service : le texte de vos demandes y sera envoyé."
        if is_loopback(self.base_url):
            return (
                f"Le texte de vos demandes sera envoyé {after('à', preset.provider)}, à l'adresse "
                f"{self.base_url} : c'est cet ordinateur, rien ne sort de la machine."
            )
        return (
            f"Le texte de vos demandes sera envoyé {after('à', preset.provider)} "
            f"({host_of(self.base_url)}), hors de cet ordinateur : n'y mettez aucune "
            "donnée personnelle."
        )

    def backend(self) -> Backend:
        preset = self.preset
        if preset.is_classroom:
            return ClassroomBackend(preset, self.classroom_model)
        return OpenAICompatibleBackend(
            preset,
            base_url=self.base_url,
            model=self.model,
            key=self.key(),
            key_origin=self.key_origin(),
            limits=self.limits,
            http_client=shared_http_client(),
        )


_http_client: Any = None


def shared_http_client() -> Any:
    """One HTTP client for the kernel's online requests, made on first use.

    A new client per request would build a new TLS context each time (tens of
    milliseconds of processor time) and open a new connection; sharing one keeps
    connections open between a learner's requests. Timeouts stay per request.
    """
    global _http_client
    if _http_client is None:
        import openai

        _http_client = openai.DefaultHttpxClient()
    return _http_client


def get_settings() -> Settings:
    """The settings shared by the whole kernel (created on first use)."""
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings


def reset_settings(config: Config | None = None) -> Settings:
    """Start again from the presets (forgets typed keys); returns the new settings."""
    global _settings
    _settings = Settings(config)
    return _settings


# ---------------------------------------------------------------- hooks


def _register(hooks: list[Any], function: Any) -> Callable[[], None]:
    if not callable(function):
        raise TypeError("a hook must be callable")
    if function not in hooks:
        hooks.append(function)

    def remove() -> None:
        if function in hooks:
            hooks.remove(function)

    return remove


def register_before_send(function: BeforeSend) -> Callable[[], None]:
    """Call `function(messages)` before any request; it may return new messages or raise.

    Registering the same function twice has no effect. Returns a function
    that removes the hook.
    """
    return _register(_before_send, function)


def register_after_answer(function: AfterAnswer) -> Callable[[], None]:
    """Call `function(messages, reply)` after each answer. Returns a function that removes it."""
    return _register(_after_answer, function)


def clear_hooks() -> None:
    _before_send.clear()
    _after_answer.clear()


# ---------------------------------------------------------------- requests


def check_messages(messages: object) -> Messages:
    """Messages as every backend expects them, or a French error saying what to fix."""
    if isinstance(messages, str):
        messages = [{"role": "user", "content": messages}]
    if not isinstance(messages, list | tuple) or not messages:
        raise ConnectorError(
            'Les messages doivent être une liste, par exemple [{"role": "user", '
            '"content": "Bonjour"}].'
        )
    clean = []
    for message in messages:
        if not isinstance(message, dict) or set(message) != {"role", "content"}:
            raise ConnectorError(
                'Chaque message doit avoir exactement deux champs, "role" et "content".'
            )
        if not isinstance(message["role"], str) or message["role"] not in ROLES:
            raise ConnectorError('Le champ "role" vaut "system", "user" ou "assistant".')
        if not isinstance(message["content"], str):
            raise ConnectorError('Le champ "content" doit être un texte, entre guillemets.')
        clean.append({"role": message["role"], "content": printable(message["content"])})
    total = sum(len(message["content"]) for message in clean)
    if total > MAX_CONTENT_CHARS:
        raise ConnectorError(
            f"Le texte est trop long ({format_number(total)} caractères, au plus "
            f"{format_number(MAX_CONTENT_CHARS)}) : raccourcissez-le."
        )
    if not any(message["content"].strip() for message in clean):
        raise ConnectorError("Le message est vide : écrivez votre demande avant de l'envoyer.")
    return clean


def check_options(
    max_tokens: object,
    temperature: object,
    seed: object,
    stream: object,
    personal_data: object = "stop",
) -> Options:
    if isinstance(max_tokens, bool) or not isinstance(max_tokens, int):
        raise ConnectorError("max_tokens doit être un nombre entier, par exemple 300.")
    if not 1 <= max_tokens <= MAX_TOKENS:
        raise ConnectorError(f"max_tokens doit être compris entre 1 et {MAX_TOKENS}.")
    if isinstance(temperature, bool) or not isinstance(temperature, int | float):
        raise ConnectorError("La température doit être un nombre, par exemple 0.7.")
    # Compared before any conversion: float() of a huge int overflows; nan fails both tests.
    if not 0 <= temperature <= MAX_TEMPERATURE:
        raise ConnectorError(
            f"La température doit être comprise entre 0 et {MAX_TEMPERATURE:g} "
            "(0 : toujours le mot le plus probable)."
        )
    if seed is not None and (isinstance(seed, bool) or not isinstance(seed, int)):
        raise ConnectorError("La graine (seed) doit être un nombre entier, ou None.")
    if seed is not None and not -SEED_LIMIT <= seed < SEED_LIMIT:
        raise ConnectorError(
            "La graine (seed) est un nombre bien trop grand pour les modèles : "
            "prenez un nombre entier plus petit, par exemple 42."
        )
    if not isinstance(stream, bool):
        raise ConnectorError("stream vaut True (le texte arrive au fil de l'eau) ou False.")
    if not isinstance(personal_data, str) or personal_data not in PERSONAL_DATA_CHOICES:
        raise ConnectorError(
            'personal_data vaut "stop" (arrêter un envoi qui contient des données personnelles) '
            'ou "pseudonymise" (les remplacer par des étiquettes, puis les remettre).'
        )
    return Options(int(max_tokens), float(temperature), seed, stream, personal_data)


def generate(
    messages: Messages | str,
    *,
    max_tokens: int = 300,
    temperature: float = 0.7,
    seed: int | None = None,
    stream: bool = False,
    on_text: Callable[[str], None] | None = None,
    personal_data: str = "stop",
) -> Reply:
    """Ask the model chosen in the settings to answer `messages`.

    With `stream=True`, `on_text` receives each piece of text as it arrives;
    without it, `on_text` (if given) receives the whole text once. Failures
    raise `ConnectorError`, whose message is one French sentence.
    `personal_data` is the learner's choice for personal data ("stop", or
    "pseudonymise" when module 04's guard has already replaced them); the
    room server applies it too.
    """
    clean = check_messages(messages)
    options = check_options(max_tokens, temperature, seed, stream, personal_data)
    if on_text is not None and not callable(on_text):
        raise ConnectorError("on_text doit être une fonction, ou None.")
    for hook in list(_before_send):
        changed = hook([dict(message) for message in clean])
        if changed is not None:
            clean = check_messages(changed)
    reply = get_settings().backend().generate(clean, options, on_text if stream else None)
    if on_text is not None and not stream:
        on_text(reply.text)
    for hook in list(_after_answer):
        hook([dict(message) for message in clean], reply)
    return reply


TEST_PROMPT = "Bonjour. Répondez en un seul mot."


def check_connection() -> str:
    """Send a tiny request to the chosen model; a French report, or a `ConnectorError`."""
    reply = generate(TEST_PROMPT, max_tokens=8, temperature=0.0)
    seconds = format_number(reply.duration_s, 1)
    excerpt = " ".join(reply.text.split())[:60] or "(réponse vide)"
    return (
        f"Connexion réussie : {reply.backend}, modèle « {reply.model} », réponse en "
        f"{seconds} s : « {excerpt} »."
    )
