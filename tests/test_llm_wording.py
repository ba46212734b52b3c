"""Module 02's French sentences and visible tokens, without a kernel or a widget."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.llm.classroom import START_OF_TEXT, Prediction
from widgets.llm.tokenizer import Token
from widgets.llm.wording import (
    comparison_sentence,
    context_sentence,
    distinct_sentence,
    leaders_sentence,
    plot_safe,
    prompt_notes,
    quoted,
    share_sentence,
    short_percent,
    temperature_sentence,
    text_notes,
    token_label,
    verdict,
    visible,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def prediction(
    context: tuple[Token, ...] = (), prompt_tokens: tuple[Token, ...] = ()
) -> Prediction:
    probabilities = np.array([0.5, 0.25, 0.125, 0.125])
    return Prediction(prompt_tokens, context, probabilities, ("a", "b", "c", "d"))


@pytest.mark.parametrize(
    ("text", "shown"),
    [(" le", "␣le"), ("\n\t", "↵⇥"), ("\x00", "\\x00"), ("\u200b", "\\u200b"), ("é", "é")],
)
def test_invisible_characters_are_made_visible(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_token_labels_name_the_start_bytes_and_empty_tokens() -> None:
    assert token_label(Token(0, START_OF_TEXT)) == "⟨début⟩"
    assert token_label(Token(7, "�", complete=False), b"\xf0\x9f") == "octet F0 9F"
    assert token_label(Token(7, "�", complete=False)) == "octet"
    assert token_label(Token(3, "")) == "∅"
    assert token_label(Token(3, " mairie")) == "␣mairie"


def test_labels_the_plot_font_lacks_are_replaced() -> None:
    assert plot_safe("😀$") == "□\\$"
    assert plot_safe("␣été") == "␣été"


def test_percentages_are_short_and_french() -> None:
    assert short_percent(0.0512) == f"5,1{NNBSP}%"
    assert short_percent(0.456) == f"46{NNBSP}%"


def test_quoted_text_is_escaped_inside_guillemets() -> None:
    assert quoted("<b> & co") == f"«{NBSP}&lt;b&gt; &amp; co{NBSP}»"


def test_text_notes_say_empty_and_cut() -> None:
    assert text_notes("  ", 10) == ["Le texte est vide : écrivez une phrase dans la zone de texte."]
    assert text_notes("x" * 12_000, 2000) == [
        f"Votre texte compte 12{NNBSP}000 caractères : seuls les 2{NNBSP}000 premiers "
        "sont découpés."
    ]
    assert text_notes("Bonjour", 10) == []


@pytest.mark.parametrize(
    ("sizes", "counts", "expected"),
    [
        (
            (500, 500),
            (9, 9),
            "Choisissez deux tailles de vocabulaire différentes pour les comparer.",
        ),
        (
            (500, 2000),
            (9, 9),
            "Pour ce texte, les deux vocabulaires donnent le même nombre de tokens.",
        ),
        (
            (2000, 500),
            (7, 12),
            f"Avec 2{NNBSP}000 tokens de vocabulaire, il faut 5 tokens de moins qu'avec 500 : "
            "des mots entiers deviennent un seul token.",
        ),
        (
            (500, 4000),
            (7, 8),
            f"Pour ce texte, le vocabulaire de 4{NNBSP}000 tokens en utilise 1 de plus que celui "
            "de 500.",
        ),
    ],
)
def test_vocabularies_are_compared_in_words(sizes, counts, expected) -> None:
    assert comparison_sentence(sizes, counts) == expected


def test_prompt_notes_warn_about_what_the_model_reads_differently() -> None:
    assert prompt_notes("Bonjour", prediction()) == []
    notes = prompt_notes("", prediction())
    assert notes == ["Le texte est vide : le modèle prédit alors le premier token d'un document."]
    long = prompt_notes("a\x07" * 300, prediction(prompt_tokens=(Token(1, "�", False),)))
    assert [note.split(" ")[1] for note in long] == ["texte", "texte", "caractères"]
    assert "600 caractères" in long[0] and "contrôle" in long[1] and "émojis" in long[2]


def test_the_context_sentence_names_the_tokens_used() -> None:
    assert context_sentence(prediction()).startswith("Le modèle n'a jamais vu la fin")
    one = context_sentence(prediction((Token(1, " conseil"),)))
    assert (
        one == f"Pour prédire, le modèle a tenu compte du dernier token : «{NBSP}␣conseil{NBSP}»."
    )
    three = context_sentence(prediction((Token(0, START_OF_TEXT), Token(1, "Le"), Token(2, " <"))))
    assert three.startswith("Pour prédire, le modèle a tenu compte des 3 derniers tokens")
    assert "⟨début⟩" in three and "␣&lt;" in three


def test_the_leaders_and_their_share_are_said_in_words() -> None:
    leaders = leaders_sentence(["a", "b", "c", "d"], np.array([0.5, 0.25, 0.125, 0.125]))
    assert leaders == (
        f"En tête : «{NBSP}a{NBSP}» 50,0{NNBSP}%, «{NBSP}b{NBSP}» 25,0{NNBSP}%, "
        f"«{NBSP}c{NBSP}» 12,5{NNBSP}%."
    )
    share = share_sentence(prediction(), np.array([0, 1]), 2000)
    assert share == (
        f"Ces 2 tokens réunissent 75,0{NNBSP}% des chances ; les 1{NNBSP}998 autres tokens du "
        "vocabulaire se partagent le reste."
    )


@pytest.mark.parametrize(
    ("temperature", "start"),
    [(0, "À la température 0"), (0.5, "Sous 1"), (1, "À 1,"), (1.8, "Au-dessus de 1")],
)
def test_the_temperature_sentence_says_what_the_temperature_does(temperature, start) -> None:
    sentence = temperature_sentence(temperature, 0.4, 0.9, shown=10)
    assert sentence.startswith(start)
    assert sentence.endswith(
        f"Le token en tête reçoit 40,0{NNBSP}% des chances ; les 10 tokens affichés en "
        f"reçoivent 90,0{NNBSP}%."
    )


def test_distinct_continuations_are_counted() -> None:
    assert distinct_sentence(["a", "a", "a"], 0.0) == (
        "Les 3 tirages donnent exactement la même suite : à la température 0, le modèle "
        "prend toujours le token le plus probable."
    )
    assert distinct_sentence(["a", "a"], 0.7) == "Les 2 tirages donnent exactement la même suite."
    assert distinct_sentence(["a", "b", "a"], 0.7).startswith("2 suites différentes sur 3")


def test_each_verdict_says_what_the_corpus_gives() -> None:
    assert verdict(None, True) == "— pas d'année dans cette suite"
    assert verdict(True, True).startswith("✔")
    assert verdict(False, True) == "✘ inventée : le corpus ne donne pas cette année sur ce sujet"
    assert verdict(False, False) == "✘ inventée : le corpus ne dit rien de ce sujet"
