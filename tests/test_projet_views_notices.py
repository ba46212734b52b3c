"""Module 11's drafts view: type in the fields, read the drafts and the threshold it shows."""

from __future__ import annotations

import pytest
from fuzz_values import FUZZ, ODD_TEXT, showable
from hypothesis import given
from hypothesis import strategies as st

from widgets.errors import AtelierError
from widgets.projet.views.notice_drafts import NoticeDrafts


def test_the_example_is_complete_and_the_inventory_is_due() -> None:
    view = NoticeDrafts()
    assert view.notice is not None and view.notice.missing == ()
    assert "Toutes les rubriques sont remplies" in view.notice_view.value
    assert "84 agents, la commune doit publier" in view.threshold_view.value


def test_typing_rewrites_the_drafts_escaped() -> None:
    view = NoticeDrafts({})
    assert "Il manque encore" in view.notice_view.value
    view.texts["purpose"].value = "<b>trier</b> les dossiers"
    assert "&lt;b&gt;trier&lt;/b&gt; les dossiers" in view.notice_view.value
    assert "<b>trier" not in view.notice_view.value
    view.texts["name"].value = "Tri des dossiers"
    assert "Nom du traitement : Tri des dossiers" in view.entry_view.value


def test_the_agents_field_says_whether_the_inventory_is_due() -> None:
    view = NoticeDrafts()
    view.agents.value = 49
    assert "dispensée" in view.threshold_view.value
    view.agents.value = 50
    assert "doit publier" in view.threshold_view.value


@FUZZ
@given(st.sampled_from(["decision", "purpose", "service", "contact", "name", "data"]), ODD_TEXT)
def test_odd_text_never_breaks_the_view(key: str, text: str) -> None:
    view = NoticeDrafts({})
    view.texts[key].value = text
    assert showable(view.notice_view.value) and showable(view.entry_view.value)


@pytest.mark.parametrize(("fields", "agents"), [("texte", 84), ({}, -3), ({}, "60"), ({}, True)])
def test_odd_arguments_get_a_french_message(fields: object, agents: object) -> None:
    with pytest.raises(AtelierError) as caught:
        NoticeDrafts(fields, agents)
    assert "dictionnaire" in caught.value.message or "nombre entier" in caught.value.message
