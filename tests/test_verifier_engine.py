"""Module 05's engines: words and figures, passages, search, and the support of each sentence.

Expected values are written by hand from the corpus text (the minutes of the
session of 28 September 2023), not computed by the engines under test.
"""

from __future__ import annotations

import re

import pytest

from widgets.corpus import load_documents
from widgets.verifier.exercises import exercise_texts
from widgets.verifier.passages import cut, split_sentences
from widgets.verifier.search import QueryError, default_index
from widgets.verifier.support import AnswerError, Verdict, check_answer, check_sentence
from widgets.verifier.words import Date, content_words, figures, fold, stem

MINUTES_2023_09_28 = "Compte rendu de la séance du conseil municipal du 28 septembre 2023"


def test_folding_removes_accents_case_and_lone_surrogates() -> None:
    assert fold("Délibération ÉCLAIRAGE") == "deliberation eclairage"
    assert fold("B\ud800") == "b\ufffd"


def test_function_words_do_not_count_and_numbers_are_not_words() -> None:
    assert content_words("Le conseil a adopté la délibération en 2023") == {
        "conseil",
        "adopte",
        "deliberation",
    }


def test_amounts_are_read_in_their_french_spellings() -> None:
    found = figures("pour 1 284,60 € et 22\u202f000 € ; rendement de 78,4 % ; 2,38 €")
    assert found.numbers == {"1284,6", "22000", "78,4", "2,38"}
    assert found.spelling("1284,6") == "1\u202f284,60"


def test_a_date_keeps_its_numbers_and_a_year_alone_is_a_number() -> None:
    found = figures("généralisée à partir du 2 octobre 2023, le 1er février, rapport 2022")
    assert found.dates == {Date(2, 10, 2023), Date(1, 2, None)}
    assert found.numbers == {"2022"}
    assert figures("le 2 Octobre").dates == {Date(2, 10, None)}


def test_sentences_are_not_cut_after_civility_abbreviations() -> None:
    assert split_sentences("M. Thierry Gombert présente. Mme la Maire répond. Fin.") == [
        "M. Thierry Gombert présente.",
        "Mme la Maire répond.",
        "Fin.",
    ]


def test_every_passage_is_a_piece_of_its_document_with_its_title_and_position() -> None:
    documents = {d.title: " ".join(d.text.split()) for d in load_documents()}
    passages = cut(load_documents())
    assert 1_500 < len(passages) < 4_000
    for passage in passages[::25]:
        body = passage.text.split(" — ", 1)[-1]
        assert body.split(". ")[0] in documents[passage.title]
    minutes = [p for p in passages if p.title == MINUTES_2023_09_28]
    assert [p.position for p in minutes] == list(range(1, len(minutes) + 1))
    assert not any(len(p.text) < 20 for p in passages)


def test_the_search_finds_the_session_that_holds_the_asked_figure() -> None:
    hits = default_index().search("prix du mètre cube d'eau rapport 2022", k=3)
    assert hits[0].passage.title == MINUTES_2023_09_28 or "2023-028" in hits[0].passage.title
    assert any("2,38 €" in hit.passage.text for hit in hits)
    assert [hit.score for hit in hits] == sorted((hit.score for hit in hits), reverse=True)


def test_the_index_is_built_once() -> None:
    assert default_index() is default_index()
    assert 0 < default_index().build_seconds < 30


@pytest.mark.parametrize("question", ["", "   ", "😀🏛️", "le la les"])
def test_a_question_without_known_words_finds_nothing(question: str) -> None:
    assert default_index().search(question) == []


@pytest.mark.parametrize(
    ("question", "k"), [(3, 5), ("x" * 2_001, 5), ("eau", 0), ("eau", True), ("eau", 21)]
)
def test_odd_questions_are_refused_in_french(question: object, k: object) -> None:
    with pytest.raises(QueryError):
        default_index().search(question, k=k)


def test_stems_join_plural_and_feminine_forms() -> None:
    assert stem("adoptees") == stem("adopte") == stem("adoptee")
    assert stem("eau") == "eau"


def test_the_summary_has_exactly_one_invented_claim_and_the_check_finds_it() -> None:
    texts = exercise_texts()
    checks = check_answer(texts.summary_text)
    assert [c.sentence for c in checks] == [s.text for s in texts.summary]
    flagged = [
        s.label
        for s, c in zip(texts.summary, checks, strict=True)
        if c.verdict is not Verdict.SUPPORTED
    ]
    assert flagged == [texts.invented_label] == ["D"]
    assert "1\u202f824,60" in checks[3].reason


@pytest.mark.parametrize(
    ("true_sentence", "invented"),
    [
        (
            "L'économie attendue est de 22 000 € par an.",
            "L'économie attendue est de 25 000 € par an.",
        ),
        (
            "L'extinction de l'éclairage public est généralisée à partir du 2 octobre 2023.",
            "L'extinction de l'éclairage public est généralisée à partir du 2 novembre 2023.",
        ),
        (
            "305 élèves sont inscrits au groupe scolaire Marie-Curie.",
            "350 élèves sont inscrits au groupe scolaire Marie-Curie.",
        ),
    ],
)
def test_an_invented_amount_or_date_is_caught(true_sentence: str, invented: str) -> None:
    assert check_sentence(true_sentence).verdict is Verdict.SUPPORTED
    check = check_sentence(invented)
    assert check.verdict is Verdict.UNSUPPORTED
    assert "ne figure dans aucun des passages trouvés" in check.reason


def test_a_supporting_passage_holds_the_words_and_the_figures() -> None:
    check = check_sentence("Le rapport 2022 du syndicat des eaux indique 2,38 € le mètre cube.")
    best = check.passages[0]
    assert best.supports and "2,38 €" in best.hit.passage.text
    assert set(best.found) == {"2022", "2,38"} and not best.missing
    assert {"syndicat", "eaux", "metre", "cube"} <= set(best.shared_words)


def test_a_sentence_on_another_subject_is_not_supported() -> None:
    check = check_sentence("Le maire a démissionné.")
    assert check.verdict is Verdict.UNSUPPORTED
    assert "la moitié de ses mots" in check.reason


def test_the_rule_does_not_read_negation_as_the_lesson_says() -> None:
    assert check_sentence(exercise_texts().negation).verdict is Verdict.SUPPORTED


def test_the_water_exercise_passages_are_quoted_word_for_word() -> None:
    documents = {d.title: " ".join(d.text.split()) for d in load_documents()}
    for passage in exercise_texts().water_passages:
        assert passage.text in documents[passage.title]
    claim = exercise_texts().water_claim
    assert re.search(r"2,49 €", claim)
    assert check_sentence(claim).passages[0].hit.passage.title.endswith("26 septembre 2024")


def test_answers_are_split_by_sentence_and_by_list_line() -> None:
    checks = check_answer("- Le conseil vote.\n- Le maire signe. Fin de séance !")
    assert [c.sentence for c in checks] == [
        "Le conseil vote.",
        "Le maire signe.",
        "Fin de séance !",
    ]
    assert check_answer("") == [] and check_answer("  \n 😀 ") == []


@pytest.mark.parametrize("answer", [None, 12, "a. " * 3_000, "Mot. " * 41])
def test_odd_answers_are_refused_in_french(answer: object) -> None:
    with pytest.raises(AnswerError):
        check_answer(answer)


def _sentences_with_figures(count: int) -> list[str]:
    """Every 30th sentence of the corpus that holds a number of two digits or more."""
    found = [
        sentence
        for document in load_documents()
        for paragraph in document.text.split("\n\n")
        for sentence in split_sentences(" ".join(paragraph.split()))
        if re.search(r"\b[1-9]\d+\b", sentence) and 40 < len(sentence) < 300
    ]
    return found[::30][:count]


def test_corpus_sentences_are_supported_and_a_changed_number_is_caught() -> None:
    sentences = _sentences_with_figures(50)
    assert len(sentences) == 50
    supported = sum(check_sentence(s).verdict is Verdict.SUPPORTED for s in sentences)
    caught = 0
    for sentence in sentences:
        number = re.search(r"\b[1-9]\d+\b", sentence)
        changed = str(int(number.group(0)) + 7)
        invented = sentence[: number.start()] + changed + sentence[number.end() :]
        caught += check_sentence(invented).verdict is not Verdict.SUPPORTED
    assert supported == 50
    assert caught >= 47  # 94 %: a changed number may happen to appear elsewhere in the passage
