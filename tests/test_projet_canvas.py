"""Module 11's project canvas: its headings, and what it does with odd input."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, assert_french, outcome
from hypothesis import given
from hypothesis import strategies as st

from widgets.errors import AtelierError
from widgets.projet.canvas import (
    ADVISED_CHARS,
    MAX_CHARS,
    clean_text,
    example_canvas,
    form,
    length_notes,
    read_canvas,
)

SOURCE = Path(__file__).parents[1] / "widgets" / "projet" / "sources" / "canvas.toml"
EXPECTED_KEYS = (
    "need",
    "users",
    "data",
    "process",
    "tool",
    "decision",
    "risks",
    "indicators",
    "perception",
    "agents",
)


def test_the_canvas_asks_the_ten_headings_of_the_issue_in_order() -> None:
    assert form().keys == EXPECTED_KEYS


def test_every_heading_has_a_french_label_a_one_line_hint_and_an_example() -> None:
    raw = tomllib.loads(SOURCE.read_text("utf-8"))
    assert len(raw["fields"]) == len(EXPECTED_KEYS)
    for entry in raw["fields"]:
        assert entry["label"][0].isupper(), entry
        assert "\n" not in entry["hint"] and entry["hint"].endswith(("?", ".")), entry
        assert len(entry["hint"]) <= 110, entry["hint"]
        assert 40 <= len(entry["example"]) <= ADVISED_CHARS, entry["key"]
    labels = " ".join(entry["label"].lower() for entry in raw["fields"])
    for word in ("besoin", "données", "processus", "décide", "risques", "habitants", "agents"):
        assert word in labels, word


def test_the_example_is_clairval_and_fills_every_heading() -> None:
    example = example_canvas()
    assert form().example_commune == "Clairval-sur-Ondine"
    assert example.missing() == ()
    assert example.title == form().example_title
    assert length_notes(example) == ()


def test_what_the_learner_typed_is_kept_exactly_when_it_is_plain() -> None:
    text = "Première ligne\n\tdeuxième ligne, avec « guillemets » et 😀🇫🇷 ; fin."
    canvas = read_canvas({"need": text, "risks": ""}, title="  Mon projet ")
    assert canvas.text("need") == text
    assert canvas.title == "Mon projet"
    assert canvas.text("risks") == "" and canvas.text("tool") == ""
    assert [field.key for field in canvas.filled()] == ["need"]
    assert len(canvas.missing()) == len(EXPECTED_KEYS) - 1


def test_surrogates_control_characters_and_windows_line_ends_are_cleaned() -> None:
    assert clean_text("B\ud800a") == "B\ufffda"
    assert clean_text("a\x00b\x07c\x1bd") == "abcd"
    assert clean_text("un\r\ndeux\rtrois") == "un\ndeux\ntrois"
    assert clean_text("\u202eà l'envers") == "à l'envers"
    assert clean_text("👩\u200d👩\u200d👧") == "👩\u200d👩\u200d👧"  # the joiner of emoji stays


def test_a_long_answer_is_kept_whole_with_a_french_note() -> None:
    long_text = "Un long paragraphe sur le besoin. " * 3_000  # about 100 KB
    canvas = read_canvas({"need": long_text})
    assert canvas.text("need") == long_text
    (note,) = length_notes(canvas)
    assert "Le besoin" in note and "gardée en entier" in note
    assert_french(note)


def test_only_an_enormous_answer_is_refused_in_french() -> None:
    with pytest.raises(AtelierError) as refused:
        read_canvas({"need": "x" * (MAX_CHARS + 1)})
    assert "Rien n'a été changé" in refused.value.message


@pytest.mark.parametrize(
    ("answers", "words"),
    [
        ({"budget": "10 000 €"}, "pas de rubrique « budget »"),
        ({"need": 42}, "attend un texte"),
        (["need"], "dictionnaire"),
        ({3: "x"}, "pas de rubrique « 3 »"),
    ],
)
def test_odd_fiches_are_refused_with_a_french_sentence(answers, words) -> None:
    with pytest.raises(AtelierError) as refused:
        read_canvas(answers)
    assert words in refused.value.message
    assert_french(refused.value.message)


def test_the_canvas_cannot_be_changed_after_it_is_read() -> None:
    canvas = read_canvas({"need": "a"})
    with pytest.raises(TypeError):
        canvas.answers["need"] = "b"  # type: ignore[index]


@FUZZ
@given(text=ODD_TEXT, key=st.sampled_from(EXPECTED_KEYS))
def test_any_text_in_any_heading_comes_back_printable(text: str, key: str) -> None:
    canvas, message = outcome(lambda: read_canvas({key: text}, title=text))
    assert message is None
    kept = canvas.text(key)
    kept.encode("utf-8")
    assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in kept)
    assert len(kept) <= len(text)


@FUZZ
@given(value=ODD_VALUES)
def test_any_value_is_taken_or_refused_in_french(value: object) -> None:
    outcome(lambda: read_canvas({"need": value}, title=value))
    outcome(lambda: read_canvas(value))
