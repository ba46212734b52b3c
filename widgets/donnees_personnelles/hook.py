"""The guard on the connector: personal data does not leave for an online model.

`install()` registers `before_send` on the connector's before-send hook. A
request for an online backend (any preset but the classroom model: even a
server on this machine may pass prompts on) that still holds personal data is
refused with `PersonalDataStopped`, a French explanation naming what was
found; `send_pseudonymised` then sends the pseudonymised messages and puts
the originals back in the answer. For the offline classroom model nothing is
stopped: `last_offline_findings()` tells the views what was seen.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from widgets.donnees_personnelles.cues import kind_label
from widgets.donnees_personnelles.guard import Finding, find_personal_data
from widgets.donnees_personnelles.pseudonym import pseudonymise_findings, restore
from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.llm import connector

Messages = list[dict[str, str]]
PASSES = 2
_offline_findings: list[Finding] = []


class PersonalDataStopped(AtelierError):
    """A prompt for an online model still holds personal data; nothing was sent."""

    def __init__(self, message: str, findings: list[Finding]) -> None:
        super().__init__(message)
        self.findings = findings


def describe(findings: list[Finding]) -> str:
    """« 1 numéro de sécurité sociale (NIR), 2 noms de personnes »."""
    counts = Counter(finding.kind for finding in findings)
    return ", ".join(
        f"{format_number(count)} {kind_label(kind, count)}" for kind, count in counts.items()
    )


def findings_in(messages: Messages) -> list[Finding]:
    """What stops a request: every kind but a place name alone (« Clairval-sur-Ondine »
    designates nobody); places are still pseudonymised with the rest."""
    return [
        finding
        for message in messages
        for finding in find_personal_data(message["content"])
        if finding.kind != "place"
    ]


def goes_online() -> bool:
    return not connector.get_settings().preset.is_classroom


def before_send(messages: Messages) -> None:
    """The hook: stop personal data bound for an online model; note it for the offline one."""
    found = findings_in(messages)
    if not goes_online():
        _offline_findings[:] = found
        return
    if found:
        raise PersonalDataStopped(
            f"Envoi arrêté : ce message part vers un service en ligne et contient "
            f"{describe(found)}. Rien n'a été envoyé. Retirez ces données, ou cliquez sur "
            "« Pseudonymiser puis envoyer » : elles seront remplacées par des étiquettes "
            "(« [PERSONNE_1] »…) et remises dans la réponse, sur cet ordinateur seulement.",
            found,
        )


def last_offline_findings() -> list[Finding]:
    """What the guard saw in the last request to the classroom model (nothing was stopped)."""
    return list(_offline_findings)


def forget_offline_findings() -> None:
    _offline_findings.clear()


def install() -> Callable[[], None]:
    """Register the guard on the connector (once); returns the function that removes it."""
    return connector.register_before_send(before_send)


def pseudonymise_messages(messages: Messages) -> tuple[Messages, dict[str, str]]:
    """Every message pseudonymised with one shared mapping (the same person, the same label).

    A second pass catches what the name model sees only once its neighbours
    are replaced, so that the hook does not stop the pseudonymised request.
    """
    mapping: dict[str, str] = {}
    changed = [dict(message) for message in messages]
    for _ in range(PASSES):
        for message in changed:
            text = message["content"]
            found = [replace(f, text=text[f.start : f.end]) for f in find_personal_data(text)]
            message["content"], mapping = pseudonymise_findings(text, found, mapping)
    return changed, mapping


def send_pseudonymised(
    messages: Messages, generate: Callable[..., Any] | None = None, **options: Any
) -> tuple[str, dict[str, str]]:
    """Send the pseudonymised messages; the answer's text with the originals put back."""
    safe, mapping = pseudonymise_messages(messages)
    reply = (generate or connector.generate)(safe, **options)
    return restore(reply.text, mapping), mapping
