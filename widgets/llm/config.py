"""Where the language models of the course are described: `presets.toml`, and nowhere else.

The file ships inside the package. A trainer overrides it without touching
the course by naming a file of the same format in the environment variable
ATELIER_IA_MODELES: its values replace the shipped ones setting by setting,
so a four-line file is enough to change one model name.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import SplitResult, urlsplit

from widgets.errors import AtelierError
from widgets.text import shortened

OVERRIDE_ENV = "ATELIER_IA_MODELES"
CLASSROOM = "classe"
OPENAI_COMPATIBLE = "openai"
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


class ConfigError(AtelierError):
    """The presets file (shipped or a trainer's) cannot be used."""


@dataclass(frozen=True)
class Limits:
    """Timeouts and retries of one request to an online model, in seconds."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 25.0
    max_attempts: int = 3
    backoff_base_s: float = 1.0
    backoff_max_s: float = 8.0
    deadline_s: float = 29.0

    def backoff_s(self, attempt: int) -> float:
        """Pause before retry number `attempt` (1 for the first retry), without jitter."""
        return min(self.backoff_max_s, self.backoff_base_s * 2 ** (attempt - 1))

    def worst_case_s(self) -> float:
        """Longest a request can take before the learner reads a message.

        Every attempt may use its whole connect and read timeouts and every
        pause its longest back-off; the deadline cuts whatever exceeds it
        (the connector waits on the request from another thread, so even a
        server that trickles bytes cannot hold the notebook longer).
        """
        attempts = self.max_attempts * (self.connect_timeout_s + self.read_timeout_s)
        pauses = sum(self.backoff_max_s for _ in range(self.max_attempts - 1))
        return min(self.deadline_s, attempts + pauses)


@dataclass(frozen=True)
class Preset:
    """One choice in the settings list: the classroom model, or an online endpoint."""

    id: str
    label: str
    kind: str
    model: str
    provider: str
    base_url: str = ""
    models: tuple[str, ...] = ()
    key_env: str = ""
    key_required: bool = False
    seed_field: str = "seed"
    max_tokens_field: str = "max_tokens"
    top_k: int = 40

    @property
    def is_classroom(self) -> bool:
        return self.kind == CLASSROOM

    @property
    def is_custom(self) -> bool:
        """True for the entry where the learner types the address."""
        return self.kind == OPENAI_COMPATIBLE and not self.base_url


@dataclass(frozen=True)
class Config:
    presets: tuple[Preset, ...]
    limits: Limits
    default: str

    def preset(self, preset_id: str) -> Preset:
        for preset in self.presets:
            if isinstance(preset_id, str) and preset.id == preset_id:
                return preset
        known = ", ".join(preset.id for preset in self.presets)
        shown = f"« {shortened(preset_id)} »" if isinstance(preset_id, str) else "demandé"
        raise ConfigError(f"Le réglage {shown} n'existe pas. Réglages connus : {known}.")


def is_loopback(url_or_host: str) -> bool:
    """True when an address designates this computer."""
    host = urlsplit(url_or_host).hostname if "//" in url_or_host else url_or_host
    return (host or "").strip("[]").lower() in LOOPBACK_HOSTS


def host_of(url: str) -> str:
    """The host (and port) of an address, never its user name or password."""
    parts = urlsplit(url)
    host = parts.hostname or url
    return f"{host}:{parts.port}" if parts.port else host


def _split(text: str) -> SplitResult | None:
    """The parts of an address, or None when they cannot be read (an unclosed « [ » of an
    IPv6 address, a port beyond 65535)."""
    try:
        parts = urlsplit(text)
        _port = parts.port  # reading it raises ValueError beyond 65535
    except ValueError:
        return None
    return parts


def check_base_url(url: object) -> str:
    """An http(s) address without spaces or credentials, without its final slash."""
    text = url.strip() if isinstance(url, str) else ""
    parts = _split(text)
    unreadable = any(char.isspace() or not char.isprintable() for char in text)
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname or unreadable:
        raise ConfigError(
            "L'adresse doit commencer par http:// ou https://, par exemple "
            "http://127.0.0.1:8765/v1."
        )
    if parts.username or parts.password:
        raise ConfigError(
            "L'adresse ne doit contenir ni nom d'utilisateur ni mot de passe : "
            "la clé se saisit dans son propre champ."
        )
    return text.rstrip("/")


_FIELD_TYPES: dict[str, type | tuple[type, ...]] = {
    "label": str,
    "kind": str,
    "model": str,
    "provider": str,
    "base_url": str,
    "models": list,
    "key_env": str,
    "key_required": bool,
    "seed_field": str,
    "max_tokens_field": str,
    "top_k": int,
}
_TOML_PLACE = re.compile(r"at line (\d+), column (\d+)")
_LIMIT_FIELDS = {name: (int, float) for name in Limits.__dataclass_fields__}


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_toml(text: str, origin: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib explains in English; only where it stopped reading is kept.
        where = _TOML_PLACE.search(str(error))
        place = f", ligne {where[1]}, colonne {where[2]}" if where else ""
        failure = ConfigError(
            f"Le fichier {origin} est mal écrit{place} : vérifiez les guillemets, "
            "les signes = et les crochets des [titres]."
        )
    raise failure


def _preset(preset_id: str, fields: Any, origin: str) -> Preset:
    if not isinstance(fields, dict):
        raise ConfigError(f"Dans {origin}, [presets.{preset_id}] doit être une table.")
    for name, value in fields.items():
        expected = _FIELD_TYPES.get(name)
        if expected is None:
            raise ConfigError(f"Dans {origin}, [presets.{preset_id}] : champ inconnu « {name} ».")
        if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
            raise ConfigError(
                f"Dans {origin}, [presets.{preset_id}] : « {name} » n'a pas le bon type."
            )
    missing = [name for name in ("label", "kind", "model", "provider") if name not in fields]
    if missing:
        raise ConfigError(f"Dans {origin}, [presets.{preset_id}] : il manque {', '.join(missing)}.")
    if fields["kind"] not in (CLASSROOM, OPENAI_COMPATIBLE):
        raise ConfigError(
            f"Dans {origin}, [presets.{preset_id}] : kind vaut « {CLASSROOM} » "
            f"ou « {OPENAI_COMPATIBLE} »."
        )
    values = dict(fields)
    values["models"] = tuple(str(name) for name in fields.get("models", ()))
    if values.get("base_url"):
        values["base_url"] = check_base_url(values["base_url"])
    return Preset(id=preset_id, **values)


def parse_config(data: dict[str, Any], origin: str = "presets.toml") -> Config:
    """Check the raw TOML tables and build the configuration, or say in French what is wrong."""
    presets_table = data.get("presets")
    if not isinstance(presets_table, dict) or not presets_table:
        raise ConfigError(f"Le fichier {origin} ne décrit aucun modèle ([presets.…]).")
    presets = tuple(_preset(key, value, origin) for key, value in presets_table.items())
    limits_table = data.get("limits", {})
    for name, value in limits_table.items():
        if name not in _LIMIT_FIELDS or isinstance(value, bool):
            raise ConfigError(f"Dans {origin}, [limits] : « {name} » n'est pas reconnu.")
        if not isinstance(value, int | float) or value <= 0:
            raise ConfigError(f"Dans {origin}, [limits] : « {name} » doit être positif.")
    limits = Limits(**limits_table)
    if limits.max_attempts != int(limits.max_attempts):
        raise ConfigError(f"Dans {origin}, [limits] : max_attempts doit être entier.")
    config = Config(presets=presets, limits=limits, default=str(data.get("default", CLASSROOM)))
    config.preset(config.default)
    return config


def load_config(override: Path | None = None) -> Config:
    """The shipped presets, updated by the trainer's file if ATELIER_IA_MODELES names one."""
    shipped = resources.files("widgets.llm").joinpath("presets.toml").read_text(encoding="utf-8")
    data = _read_toml(shipped, "presets.toml")
    origin = "presets.toml"
    path = override or (Path(os.environ[OVERRIDE_ENV]) if os.environ.get(OVERRIDE_ENV) else None)
    if path is not None:
        origin = f"{path.name} (variable {OVERRIDE_ENV})"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise ConfigError(
                f"Le fichier de modèles {path} n'a pas pu être lu : vérifiez le chemin "
                f"indiqué dans la variable d'environnement {OVERRIDE_ENV}."
            ) from None
        data = _merge(data, _read_toml(text, origin))
    return parse_config(data, origin)
