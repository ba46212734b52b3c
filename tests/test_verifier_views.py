"""Module 05's views and lesson: what a learner sees, and odd input answered in French."""

from __future__ import annotations

import pytest

from widgets.errors import AtelierError
from widgets.lessons import verifier as lesson
from widgets.verifier.exercises import exercise_texts
from widgets.verifier.html import highlighted
from widgets.verifier.views.answer import AnswerWithSources
from widgets.verifier.views.search import PassageSearch


def test_matching_words_are_bold_not_only_coloured_and_text_is_escaped() -> None:
    shown = highlighted("L'éclairage <public> coûte 22 000 € en 2022", "Eclairages 22000 2022")
    assert "<b>éclairage</b>" in shown and "<b>22 000</b>" in shown and "<b>2022</b>" in shown
    assert "&lt;public&gt;" in shown and "<public>" not in shown


def test_part_of_an_amount_is_never_highlighted_as_if_it_matched() -> None:
    shown = highlighted("17 créances pour 1 284,60 €", "17 créances pour 1 824,60 €")
    assert "<b>17</b>" in shown and "1 284,60" in shown and "<b>60</b>" not in shown


def test_the_search_box_shows_passages_with_their_document() -> None:
    view = PassageSearch("prix du mètre cube d'eau 2022")
    assert "2,38 €" in view.results.value
    assert "Compte rendu de la séance du conseil municipal du 28 septembre 2023" in (
        view.results.value
    )
    assert "passage" in view.results.value and "<b>2022</b>" in view.results.value
    view.box.value = "rue des Tanneurs inauguration"
    assert "Tanneurs" in view.results.value


@pytest.mark.parametrize(
    ("question", "notice"),
    [
        ("", "Tapez une question"),
        ("le la les", "Aucun passage"),
        ("x" * 3_000, "trop longue"),
        ("B\ud800 eau", "passage"),
    ],
)
def test_the_search_box_answers_odd_questions_in_french(question: str, notice: str) -> None:
    view = PassageSearch(question)
    assert notice in view.results.value
    view.results.value.encode("utf-8")


def test_the_answer_widget_flags_the_invented_sentence_with_a_word_and_a_sign() -> None:
    view = AnswerWithSources(exercise_texts().summary_text)
    shown = view.results.value
    assert shown.count("✔ Étayée") == 6 and shown.count("✘ Non étayée") == 1
    assert "aucun passage ne l&#x27;étaye : « 1\u202f824,60 »" in shown
    assert "1 284,60 €" in shown  # the closest passage, to compare by eye


@pytest.mark.parametrize(
    ("answer", "notice"),
    [("", "Écrivez ou collez une réponse"), ("a. " * 3_000, "trop longue")],
)
def test_the_answer_widget_answers_odd_text_in_french(answer: str, notice: str) -> None:
    assert notice in AnswerWithSources(answer).results.value


def test_the_lesson_factories_check_their_arguments_in_french() -> None:
    assert lesson.search("eau").children and lesson.answer_with_sources().children
    assert "1 824,60 €" in lesson.summary().value
    for call in (lambda: lesson.search(12), lambda: lesson.answer_with_sources(["a"])):
        with pytest.raises(AtelierError):
            call()


def test_the_invented_claim_is_the_reference_answer_and_the_engine_agrees() -> None:
    assert lesson.q2.exercise.reference == exercise_texts().invented_label
    assert lesson.q1.exercise.reference == "B"
