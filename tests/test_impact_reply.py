"""Module 06's footprint of a connector answer, and the box shown under it."""

from __future__ import annotations

import math
import re

from ecologits.tracers.utils import llm_impacts
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome, showable
from widgets.impact.html import footprint_html
from widgets.impact.reply import footprint_of
from widgets.llm.interface import Reply, Usage

CLASSROOM_LABEL = "Modèle de la classe (sur cet ordinateur)"
DECIMAL_POINT = re.compile(r"\d\.\d")
TAG = re.compile(r"<[^>]+>")


def test_an_online_answer_gets_its_model_estimate_on_the_provider_electricity():
    reply = Reply("Voici.", "Mistral AI", "mistral-small-latest", 1.2, Usage(50, 300))
    found = footprint_of(reply)
    direct = llm_impacts("mistralai", "mistral-small-latest", 300, request_latency=math.inf)
    assert found.tokens == 300 and found.zone == "SWE"
    assert abs(found.energy_wh.low - direct.energy.value * 1000) < 1e-12
    html = footprint_html(found)
    assert "300 tokens" in html and "Suède" in html and not DECIMAL_POINT.search(TAG.sub("", html))


def test_the_classroom_model_shows_what_a_large_model_would_cost():
    reply = Reply("Bonjour, voici une réponse courte.", CLASSROOM_LABEL, "modele-de-la-classe", 0.1)
    found = footprint_of(reply)
    assert found.stand_in_for == CLASSROOM_LABEL and found.zone == "FRA"
    direct = llm_impacts(
        "mistralai", "mistral-large-latest", found.tokens, math.inf, electricity_mix_zone="FRA"
    )
    assert abs(found.carbon_g.low - direct.gwp.value * 1000) < 1e-12
    assert "coûterait environ" in footprint_html(found)


def test_the_room_server_is_the_classroom_model_too():
    reply = Reply("Oui.", "Serveur de la salle", "modele-de-la-classe", 0.1, Usage(3, 2))
    assert footprint_of(reply).stand_in_for


def test_an_unknown_model_has_no_footprint_and_says_why():
    reply = Reply("Oui.", "Albert", "albert-large", 0.3, Usage(5, 40))
    assert footprint_of(reply) is None
    assert "non estimée" in footprint_html(None)


def test_odd_replies_have_no_footprint():
    for value in (None, "texte", 3, Reply("", "OpenAI", "gpt-4o", 0.1)):
        assert footprint_of(value) is None


@FUZZ
@given(
    text=ODD_TEXT,
    model=st.one_of(ODD_VALUES, st.sampled_from(["gpt-4o", "modele-de-la-classe"])),
    completion=ODD_VALUES,
)
def test_fuzz_footprint_of(text, model, completion):
    reply = Reply(text, "OpenAI", model, 0.1, Usage(None, completion))
    found, _ = outcome(lambda: footprint_of(reply))
    assert showable(footprint_html(found))
