"""Module 07: the shipped index holds the real ratings, and the engine reads them right.

Expected ratings are copied by hand from the index's YAML files at commit
e39b4edd (12 March 2026); expected scores are counted by hand (open 1,
partial 0.5, closed 0), not computed by the engine.
"""

from __future__ import annotations

import datetime
from importlib import resources

import pytest
from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome
from hypothesis import given

from widgets.errors import AtelierError
from widgets.ouverture.index import openness_index, parse
from widgets.ouverture.scores import group_scores, total_score, weights_reading

SHIPPED = resources.files("widgets.ouverture").joinpath("index.toml").read_text("utf-8")


def test_the_index_has_its_fourteen_dimensions_in_three_groups() -> None:
    index = openness_index()
    groups = [d.group for d in index.dimensions]
    assert len(index.dimensions) == 14
    assert (groups.count("availability"), groups.count("documentation")) == (5, 6)
    assert groups.count("access") == 3
    assert index.data_date == datetime.date(2026, 3, 12)
    assert index.licence == "CC-BY 4.0" and index.doi == "10.5281/zenodo.15386042"


def test_the_table_has_a_french_model_and_an_american_open_weights_one() -> None:
    index = openness_index()
    countries = {model.country for model in index.models}
    assert {"France", "États-Unis"} <= countries
    assert all(
        model.source.startswith(index.repository + "/blob/" + index.commit)
        for model in index.models
    )


def test_ratings_copied_from_the_index() -> None:
    index = openness_index()
    olmo = index.model("olmo").ratings
    assert [key for key, value in olmo.items() if value != "open"] == ["paper", "api"]
    llama = index.model("llama-3-1").ratings
    assert (llama["weights_basemodel"], llama["weights_endmodel"]) == ("partial", "closed")
    assert llama["licenses"] == "closed" and llama["datasources_basemodel"] == "closed"
    nemo = index.model("mistral-nemo").ratings
    assert (nemo["weights_basemodel"], nemo["weights_endmodel"]) == ("open", "partial")
    gpt = index.model("gpt-oss").ratings
    assert (gpt["weights_endmodel"], gpt["trainingcode"], gpt["licenses"]) == (
        "open",
        "closed",
        "partial",
    )


def test_scores_per_group_counted_by_hand() -> None:
    index = openness_index()
    # Lucie: availability open, partial, open, open, open = 4.5 / 5.
    # Documentation: open, open, open, closed, open, partial = 4.5 / 6. Access: closed,
    # closed, open = 1 / 3. Total 10 / 14.
    scores = group_scores(index, index.model("lucie"))
    assert scores == pytest.approx({"availability": 0.9, "documentation": 0.75, "access": 1 / 3})
    assert total_score(index, index.model("lucie")) == pytest.approx(10 / 14)
    assert total_score(index, index.model("llama-3-1")) == pytest.approx(4.5 / 14)


def test_open_weights_do_not_give_open_data() -> None:
    index = openness_index()
    gpt = weights_reading(index, index.model("gpt-oss"))
    assert gpt.end_weights_open and not gpt.weights_partial
    assert ("datasources_basemodel", "closed") in gpt.not_open
    assert ("trainingcode", "closed") in gpt.not_open
    llama = weights_reading(index, index.model("llama-3-1"))
    assert not llama.end_weights_open and llama.weights_partial
    olmo = weights_reading(index, index.model("olmo"))
    assert olmo.not_open == (("paper", "partial"), ("api", "partial"))


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ('licenses = "open"', 'licenses = "ouvert"', "note inconnue"),
        ('[[dimensions]]\nid = "api"', '[[dimensions]]\nid = "paper"', "14 critères"),
        ('paper = "closed"\n', "", "14 critères"),
        ("[index]", "[index", "TOML valide"),
    ],
)
def test_a_mistake_in_the_file_is_said_in_french(old: str, new: str, said: str) -> None:
    assert old in SHIPPED
    with pytest.raises(AtelierError, match=said):
        parse(SHIPPED.replace(old, new, 1))


def test_an_unknown_model_lists_the_known_ones() -> None:
    with pytest.raises(AtelierError, match="« lucie »"):
        openness_index().model("chatgpt")


@FUZZ
@given(ODD_TEXT)
def test_odd_text_never_breaks_the_reader(text: str) -> None:
    outcome(lambda: parse(text))


@FUZZ
@given(ODD_VALUES)
def test_odd_model_names_are_refused_in_french(value: object) -> None:
    _result, message = outcome(lambda: openness_index().model(value))
    assert message is not None
