"""Module 02's HTML fragments, without a kernel: escaped, labelled, accessible."""

from __future__ import annotations

from widgets.llm.evidence import Evidence
from widgets.llm.html import (
    MAX_CHIPS,
    chips_html,
    continuation_html,
    inquiry_html,
    notes_html,
    panel_html,
    paragraphs_html,
    status_html,
)
from widgets.llm.invention import Answer, Inquiry
from widgets.llm.tokenizer import Token, Tokenization

TINTS = (("#0072B2", "#d6e6f2"), ("#E69F00", "#fbeccc"))


def tokenization(*texts: str) -> tuple[Tokenization, tuple[bytes, ...]]:
    tokens = tuple(Token(i, text) for i, text in enumerate(texts))
    text = "".join(texts)
    return Tokenization(text, tokens, len(texts)), tuple(t.encode() for t in texts)


def test_chips_show_each_token_escaped_with_its_id_and_alternating_tints() -> None:
    cut, raw = tokenization("Le", " <b>", " maire")
    chips = chips_html(cut, raw, TINTS)
    assert chips.count('role="list"') == 1 and chips.count("border-left:3px solid #000") == 3
    assert "␣&lt;b&gt;" in chips and "<b>" not in chips
    assert ">0</span>" in chips and ">2</span>" in chips
    assert chips.index("#d6e6f2") < chips.index("#fbeccc") < chips.rindex("#d6e6f2")


def test_a_long_text_shows_a_limited_number_of_chips() -> None:
    cut, raw = tokenization(*(["a"] * (MAX_CHIPS + 1200)))
    chips = chips_html(cut, raw, TINTS)
    assert chips.count("border-left:3px") == MAX_CHIPS
    assert "… et 1\u202f200 autres tokens" in chips


def test_the_panel_heads_the_chips_with_the_count() -> None:
    cut, raw = tokenization("Le", " maire")
    panel = panel_html(cut, 2000, raw, TINTS)
    assert panel.startswith(
        "<p><strong>Vocabulaire de 2\u202f000 tokens</strong> : <strong>2</strong> tokens</p>"
    )


def test_the_continuation_follows_the_end_of_the_prompt() -> None:
    shown = continuation_html("x" * 200 + "<fin>", " & la suite", prompt_chars=10)
    assert '<span style="color:#555">…xxxxx&lt;fin&gt;</span>' in shown
    assert "<strong> &amp; la suite</strong>" in shown


def test_notes_are_a_list_and_escaped() -> None:
    assert notes_html([], "Phrase.") == (
        '<div aria-live="polite"><p style="margin:0.3em 0">Phrase.</p></div>'
    )
    assert "<li>a &lt; b</li>" in notes_html(["a < b"], "Phrase.")
    assert paragraphs_html(["x > y"]) == '<div aria-live="polite"><p>x &gt; y</p></div>'


def test_status_lines_say_with_a_symbol_and_words() -> None:
    assert status_html("Clé oubliée.") == '<p role="status"><strong></strong>Clé oubliée.</p>'
    assert "<strong>✖ </strong>" in status_html("Non <b>", ok=False)
    assert "Non &lt;b&gt;" in status_html("Non <b>", ok=False)


def test_the_inquiry_lists_answers_verdicts_and_the_corpus() -> None:
    evidence = Evidence(("salle",), ("La salle date de 1987.",))
    answers = (
        Answer("Le plus probable", " en 1987.", ("1987",), True),
        Answer("Tirage n° 1", " en 2003 <b>", ("2003",), False),
        Answer("Tirage n° 2", " avec faste.", (), None),
    )
    shown = inquiry_html("La salle a été inaugurée", Inquiry(answers, evidence, 0.42))
    assert shown.count("<tr>") == 1 + 3
    assert "en 2003 &lt;b&gt;" in shown
    assert "✔ cette année figure dans le corpus" in shown and "✘ inventée" in shown
    assert "42,0\u202f% de chances" in shown
    assert "il écrit 2 années différentes : 1987, 2003" in shown
    assert "1 phrase(s) contiennent «\u00a0salle\u00a0»" in shown
    silent = inquiry_html("?", Inquiry((), Evidence(("piscine",), ()), 0.0))
    assert "aucune phrase ne contient «\u00a0piscine\u00a0»" in silent
