"""Module 06's after-answer hook on the real connector: online and classroom answers."""

from __future__ import annotations

import math

from ecologits.tracers.utils import llm_impacts

from tests.llm_fakes import Step, completion, fresh_connector, scripted_server, use_online
from widgets.impact import hook
from widgets.llm import connector

__all__ = ["fresh_connector"]


def two_digits(value: float) -> str:
    """Two significant digits, French decimal comma: 0.0196 -> « 0,020 »."""
    decimals = 1 - math.floor(math.log10(value))
    return f"{value:.{decimals}f}".replace(".", ",")


def test_an_online_answer_shows_its_estimate_once(fresh_connector: connector.Settings) -> None:
    body = completion("Voici la réponse.", model="gpt-4o-mini")
    body["usage"]["completion_tokens"] = 250
    hook.install()
    with scripted_server(Step(body=body)) as server:
        use_online(fresh_connector, server.url, model="gpt-4o-mini")
        connector.generate("Bonjour", max_tokens=300)
    html = hook.last_footprint_html()
    energy = llm_impacts("openai", "gpt-4o-mini", 250, math.inf).energy.value
    low, high = (two_digits(value * 1000) for value in (energy.min, energy.max))
    assert "250 tokens" in html and "gpt-4o-mini" in html and "États-Unis" in html
    assert f"{low} à {high}\u202fWh" in html
    assert hook.last_footprint_html() == ""


def test_an_unknown_online_model_says_so(fresh_connector: connector.Settings) -> None:
    hook.install()
    with scripted_server(Step(body=completion("Oui.", model="modele-inconnu"))) as server:
        use_online(fresh_connector, server.url, model="modele-inconnu")
        connector.generate("Bonjour", max_tokens=5)
    assert "non estimée" in hook.last_footprint_html()


def test_the_classroom_model_shows_a_large_model_cost(fresh_connector: connector.Settings) -> None:
    hook.install()
    hook.install()
    connector.generate("Bonjour", max_tokens=5)
    html = hook.last_footprint_html()
    assert "Le modèle de la classe tourne sur cet ordinateur" in html and "Mistral Large" in html
