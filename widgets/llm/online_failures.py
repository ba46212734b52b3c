"""What a learner reads when an online model fails: one French sentence per kind of failure.

Each message names the service as the presets file calls it (« l'API
Albert », « le serveur Ollama »), says what happened and what to do. A
server's own explanation is quoted only briefly, with the key blotted out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from widgets.llm.config import Preset, host_of, is_loopback
from widgets.llm.interface import ConnectorError
from widgets.text import printable

MODELS_LISTED = 15
DETAIL_CHARS = 200


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def after(preposition: str, noun: str) -> str:
    """« de » or « à » before a noun phrase, contracted as French requires (du, au)."""
    contracted = {("de", "le "): "du ", ("à", "le "): "au ", ("de", "les "): "des "}
    contracted[("à", "les ")] = "aux "
    for (word, article), merged in contracted.items():
        if preposition == word and noun.startswith(article):
            return merged + noun[len(article) :]
    return f"{preposition} {noun}"


def server_detail(error: Exception, secret: str | None, limit: int = DETAIL_CHARS) -> str:
    """A short excerpt of the server's own explanation, with the key blotted out."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        text = inner.get("message") if isinstance(inner, dict) else inner
        text = text if isinstance(text, str) else body.get("detail")
    else:
        text = body
    if not isinstance(text, str) or not text.strip():
        return ""
    if secret:
        text = text.replace(secret, "***")
    text = " ".join(printable(text).split())
    return text[:limit] + ("…" if len(text) > limit else "")


@dataclass(frozen=True)
class Failures:
    """The French messages of one online backend: its service, address, model and key."""

    preset: Preset
    base_url: str
    model: str
    key_origin: str

    @property
    def provider(self) -> str:
        return capitalised(self.preset.provider)

    def missing_setting(self, has_key: bool) -> ConnectorError | None:
        """What must be filled in before anything is sent, or None."""
        if not self.base_url:
            return ConnectorError(
                "Indiquez l'adresse du service dans les réglages (champ « Adresse »)."
            )
        if not self.model.strip():
            return ConnectorError("Indiquez le nom du modèle dans les réglages.")
        if not has_key and self.preset.key_required:
            where = f"la variable d'environnement {self.preset.key_env}"
            return ConnectorError(
                f"Il faut une clé pour utiliser {self.preset.provider} : saisissez-la dans "
                f"le champ « Clé » des réglages, ou demandez qu'on définisse {where}."
            )
        return None

    def timeout(self, started: float) -> ConnectorError:
        waited = max(1, round(time.monotonic() - started))
        return ConnectorError(
            f"{self.provider} n'a pas répondu à temps ({waited} secondes "
            "d'attente) : le service est peut-être surchargé ; réessayez plus tard ou "
            "choisissez le modèle de la classe."
        )

    def unreachable(self) -> ConnectorError:
        if is_loopback(self.base_url):
            return ConnectorError(
                f"Aucun serveur ne répond à l'adresse {self.base_url} : lancez-le d'abord "
                "(par exemple avec « atelier serve »), ou choisissez le modèle de la classe."
            )
        return ConnectorError(
            f"Impossible de joindre {self.preset.provider} ({host_of(self.base_url)}) : "
            "vérifiez la connexion à internet, ou choisissez le modèle de la classe, "
            "qui marche sans réseau."
        )

    def malformed(self) -> ConnectorError:
        return ConnectorError(
            f"La réponse {after('de', self.preset.provider)} est illisible (ce n'est pas "
            f"une réponse de type Chat Completions) : vérifiez l'adresse {self.base_url}."
        )

    def remote(self) -> ConnectorError:
        return ConnectorError(
            f"{self.provider} a signalé une erreur pendant la réponse : réessayez dans "
            "quelques minutes."
        )

    def unexpected(self, error: Exception) -> ConnectorError:
        return ConnectorError(
            f"La demande {after('à', self.preset.provider)} a échoué de façon inattendue "
            f"({type(error).__name__}) : vérifiez l'adresse {self.base_url}."
        )

    def busy(self, status: int, refused: int, wait_asked: float) -> ConnectorError:
        if status != 429:
            return ConnectorError(
                f"{self.provider} est indisponible pour le moment (erreur {status}, {refused} "
                "essai(s)) : réessayez dans quelques minutes, ou choisissez le modèle de la classe."
            )
        later = (
            f"il demande d'attendre {round(wait_asked)} secondes avant de réessayer"
            if wait_asked >= 1
            else "attendez une minute avant de réessayer"
        )
        return ConnectorError(
            f"{self.provider} reçoit trop de demandes (erreur 429, {refused} essai(s)) : {later}."
        )

    def refusal(
        self, error: Any, secret: str | None, offered: Callable[[], list[str] | None]
    ) -> ConnectorError:
        """A status the connector does not retry; `offered` lists the server's models."""
        status = error.status_code
        provider = self.provider
        if status == 401 and secret is None:
            return ConnectorError(
                f"{provider} demande une clé (erreur 401) : saisissez-la dans le champ « Clé » "
                f"des réglages, ou faites définir la variable {self.preset.key_env}."
            )
        if status == 401:
            return ConnectorError(
                f"{provider} a refusé la clé (erreur 401) : vérifiez la clé {self.key_origin}, "
                "sans espace ni caractère en trop."
            )
        if status == 403:
            return ConnectorError(
                f"{provider} refuse l'accès avec cette clé (erreur 403) : elle n'a peut-être "
                f"pas les droits sur le modèle « {self.model} »."
            )
        if status in (400, 404, 422):
            missing = self._missing_model(status, offered())
            if missing is not None:
                return missing
        if status == 413:
            return ConnectorError(
                f"Le texte envoyé est trop long pour {self.preset.provider} (erreur 413) : "
                "raccourcissez-le."
            )
        if status >= 500:
            return ConnectorError(
                f"{provider} a rencontré une erreur de son côté (erreur {status}) : réessayez "
                "dans quelques minutes, ou choisissez le modèle de la classe."
            )
        detail = server_detail(error, secret)
        said = f" ; il explique : « {detail} »" if detail else ""
        return ConnectorError(f"{provider} a refusé la demande (erreur {status}){said}.")

    def _missing_model(self, status: int, offered: list[str] | None) -> ConnectorError | None:
        """Retired or misspelt model names are the usual 404: say so, and list the real ones."""
        if offered is None:
            if status != 404:
                return None
            return ConnectorError(
                f"{self.provider} répond « introuvable » (erreur 404) : "
                f"le nom du modèle « {self.model} » ou l'adresse {self.base_url} est faux, "
                "et la liste des modèles n'a pas pu être obtenue."
            )
        if self.model in offered:
            if status != 404:
                return None
            return ConnectorError(
                f"L'adresse {self.base_url} ne mène pas à une API Chat Completions (erreur 404) : "
                "vérifiez qu'elle se termine par /v1."
            )
        names = ", ".join(offered[:MODELS_LISTED]) + (" …" if len(offered) > MODELS_LISTED else "")
        listing = f"modèles proposés : {names}" if offered else "ce serveur ne propose aucun modèle"
        return ConnectorError(
            f"Le modèle « {self.model} » n'existe pas (ou plus) chez {self.preset.provider} ; "
            f"{listing} (choisissez-en un dans les réglages, ou faites mettre à jour presets.toml)."
        )
