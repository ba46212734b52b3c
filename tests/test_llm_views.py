"""The module 02 widgets, driven by setting their controls and reading what they show."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.llm.classroom import get_model
from widgets.llm.invention import DEFAULT_PROMPT as INVENTION_PROMPT
from widgets.llm.tokenizer import tokenize
from widgets.llm.views.bars import ProbabilityBars
from widgets.llm.views.invention import invention_demo
from widgets.llm.views.next_token import next_token_bars
from widgets.llm.views.samples import samples_side_by_side
from widgets.llm.views.temperature import NEW_TOKENS, temperature_explorer
from widgets.llm.views.tokens import token_explorer
from widgets.llm.wording import visible
from widgets.palette import OKABE_ITO

FRENCH = re.compile(r"\b(le|la|les|des|du|de|un|une|votre|vous)\b", re.IGNORECASE)

WEIRD_TEXTS = st.one_of(
    st.text(max_size=200),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs"]), max_size=50),
    st.text(alphabet="😀🏛️👩‍👩‍👧🇫🇷\u200d\ufe0f$", max_size=20),
    st.sampled_from(["", "   ", "\x00\x01\x1b[31m", "a" * 3000, "é " * 1500]),
)
ENORMOUS = {"un million de a": "a" * 1_000_000, "un million de é": "é " * 500_000}
FUZZ = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def counts_shown(html: str) -> list[int]:
    return [
        int(n.replace("\u202f", ""))
        for n in re.findall(r"<strong>([\d\u202f]+)</strong> token", html)
    ]


# ------------------------------------------------------------------ tokens


def test_tokens_are_shown_as_chips_with_ids_and_counts_for_two_vocabularies() -> None:
    view = token_explorer()
    box, (left, _right), message, panels = (
        view.children[0],
        view.children[1].children,
        view.children[2],
        view.children[3].children,
    )
    box.value = "Les élus votent le budget participatif."
    small, large = tokenize(box.value, 500), tokenize(box.value, 2000)
    assert counts_shown(panels[0].value) == [small.count]
    assert counts_shown(panels[1].value) == [large.count]
    for token in small.tokens:
        assert f">{token.id}</span>" in panels[0].value
    assert OKABE_ITO[0] in panels[0].value and OKABE_ITO[3] in panels[0].value
    assert panels[0].value.count("border-left:3px solid #000") == small.count
    assert "␣budget" in panels[1].value
    assert "de moins" in message.value
    left.value = 2000
    assert counts_shown(panels[0].value) == [large.count]
    assert "différentes" in message.value


def test_an_emoji_is_shown_as_bytes() -> None:
    view = token_explorer("🏛")
    panel = view.children[3].children[0].value
    assert "octet" in panel


@FUZZ
@given(WEIRD_TEXTS)
def test_token_explorer_survives_any_text_with_a_french_sentence(text) -> None:
    view = token_explorer()
    view.children[0].value = text
    message, panels = view.children[2].value, view.children[3].children
    assert FRENCH.search(message), message
    assert all("token" in panel.value for panel in panels)
    if len(text) > 2000:
        assert "premiers sont découpés" in message


# ------------------------------------------------------------------ next-token bars


def test_bars_show_the_model_s_likeliest_tokens_and_the_context_used() -> None:
    view = next_token_bars("Après en avoir délibéré, le conseil")
    box, figure, status = view.children
    first_image = figure.children[0].value
    best_text, _probability = get_model().next_token_distribution(box.value, top=1)[0]
    assert visible(best_text) in status.value
    assert "Pour prédire, le modèle a tenu compte des 3 derniers tokens" in status.value
    assert "réunissent" in status.value
    box.value = "Vu le code général"
    assert figure.children[0].value != first_image
    assert bytes(first_image).startswith(b"\x89PNG")


@FUZZ
@given(WEIRD_TEXTS)
def test_bars_survive_any_prompt_with_a_french_sentence(text) -> None:
    view = next_token_bars()
    view.children[0].value = text
    status = view.children[2].value
    assert FRENCH.search(status) and "En tête" in status
    if not text.strip():
        assert "Le texte est vide" in status
    if len(text) > 400:
        assert "n'en lit que la fin" in status


@pytest.mark.parametrize("name", ENORMOUS)
def test_every_view_takes_an_enormous_text(name) -> None:
    text = ENORMOUS[name]
    tokens = token_explorer()
    tokens.children[0].value = text
    assert "premiers sont découpés" in tokens.children[2].value
    bars = next_token_bars()
    bars.children[0].value = text
    assert "n'en lit que la fin" in bars.children[2].value
    temperature = temperature_explorer()
    temperature.children[0].value = text
    assert "n'en lit que la fin" in temperature.children[3].value
    samples = samples_side_by_side()
    samples.children[0].value = text
    assert "tirages" in samples.children[3].value
    invention = invention_demo()
    invention.children[0].value = text
    invention.children[1].value = text
    invention.children[2].click()
    assert "Ce que dit le corpus" in invention.children[3].value


def test_bar_labels_that_the_plot_font_lacks_are_replaced() -> None:
    bars = ProbabilityBars("Légende.", count=3)
    bars.show(["😀", "\\x00", "␣un mot bien trop long pour la colonne"], [0.5, 0.3, 0.2])
    labels = [text.get_text() for text in bars.labels]
    assert labels[0] == "□" and labels[2].endswith("…")


# ------------------------------------------------------------------ temperature


def test_temperature_zero_puts_everything_on_the_first_token_and_draws_greedily() -> None:
    view = temperature_explorer()
    box, (slider, again), _figure, sentence, continuation = (
        view.children[0],
        view.children[1].children,
        *view.children[2:],
    )
    slider.value = 0.0
    assert "À la température 0" in sentence.value
    assert "reçoit 100,0\u202f% des chances" in sentence.value
    greedy = get_model().generate(box.value, NEW_TOKENS, 0.0, top_k=None, seed=12345)
    assert greedy.strip()[:20] in continuation.value.replace("&#x27;", "'")
    slider.value = 2.0
    assert "Au-dessus de 1" in sentence.value
    before = continuation.value
    again.click()
    assert "tirage n° 2" in continuation.value and continuation.value != before


def top_share(sentence: str) -> float:
    match = re.search(r"en tête reçoit ([\d,]+)", sentence)
    return float(match.group(1).replace(",", "."))


def test_raising_the_temperature_lowers_the_share_of_the_first_token() -> None:
    view = temperature_explorer()
    slider, sentence = view.children[1].children[0], view.children[3]
    shares = []
    for value in (0.2, 0.8, 1.5):
        slider.value = value
        shares.append(top_share(sentence.value))
    assert shares[0] > shares[1] > shares[2]


@FUZZ
@given(WEIRD_TEXTS)
def test_temperature_widget_survives_any_prompt(text) -> None:
    view = temperature_explorer()
    view.children[0].value = text
    assert FRENCH.search(view.children[3].value)
    assert "Suite tirée" in view.children[4].value


# ------------------------------------------------------------------ samples


def test_samples_differ_until_the_temperature_is_zero() -> None:
    view = samples_side_by_side()
    box, (slider, again), columns, summary = (
        view.children[0],
        view.children[1].children,
        view.children[2].children,
        view.children[3],
    )
    assert len(columns) == 3
    assert "suites différentes sur 3 tirages" in summary.value
    slider.value = 0.0
    assert "exactement la même suite" in summary.value
    assert len({column.value.split("</strong></p>")[1] for column in columns}) == 1
    slider.value = 0.8
    again.click()
    assert "Tirage n° 4" in columns[0].value
    box.value = ""
    assert "Le texte est vide" in summary.value


@FUZZ
@given(WEIRD_TEXTS)
def test_samples_survive_any_prompt(text) -> None:
    view = samples_side_by_side()
    view.children[0].value = text
    assert FRENCH.search(view.children[3].value)


# ------------------------------------------------------------------ invention


def test_the_invention_is_compared_with_what_the_corpus_says() -> None:
    view = invention_demo()
    box, terms, button, result = view.children
    assert box.value == INVENTION_PROMPT
    assert result.value.count("<tr>") == 1 + 6  # header, the likeliest, five draws
    assert "Ce que dit le corpus" in result.value
    assert "commence un nombre" in result.value
    first = result.value
    button.click()
    assert result.value != first
    terms.value = "conseil municipal"
    button.click()
    assert "phrase(s) contiennent" in result.value
    box.value = ""
    button.click()
    assert "est vide" in result.value


@FUZZ
@given(WEIRD_TEXTS, WEIRD_TEXTS)
def test_invention_demo_survives_any_prompt_and_terms(prompt, terms) -> None:
    view = invention_demo()
    view.children[0].value = prompt
    view.children[1].value = terms
    view.children[2].click()
    assert FRENCH.search(view.children[3].value)
