"""Fuzzing module 05's engines: a result or a French refusal, quickly, whatever the learner types.

Entry points a learner reaches: the search box (`PassageIndex.search`) and the
« réponse avec ses sources » box (`check_answer`), plus the readers under them
(`figures`, `split_sentences`). Values and what counts as calm are in `fuzz_values.py`.
"""

from __future__ import annotations

from fuzz_values import FUZZ, ODD_TEXT, ODD_VALUES, outcome, showable
from hypothesis import given
from hypothesis import strategies as st

from widgets.verifier.passages import split_sentences
from widgets.verifier.search import default_index
from widgets.verifier.support import check_answer
from widgets.verifier.words import figures

MEGABYTE = "Le conseil adopte 22 000 € le 2 octobre 2023. " * 22_000


@FUZZ
@given(question=st.one_of(ODD_TEXT, ODD_VALUES, st.just(MEGABYTE)))
def test_a_question_finds_passages_or_is_refused_in_french(question: object) -> None:
    hits, _ = outcome(lambda: default_index().search(question, k=5))
    for hit in hits or []:
        assert 0 < hit.score <= 1.0 + 1e-9 and showable(hit.passage.text)


@FUZZ
@given(answer=st.one_of(ODD_TEXT, ODD_VALUES, st.just(MEGABYTE), st.just(MEGABYTE[:5_000])))
def test_an_answer_is_checked_or_refused_in_french(answer: object) -> None:
    checks, _ = outcome(lambda: check_answer(answer))
    for check in checks or []:
        assert showable(check.sentence) and showable(check.reason)
        assert all(showable(label) for p in check.passages for label in p.found + p.missing)


@FUZZ
@given(text=st.one_of(ODD_TEXT, st.just(MEGABYTE)))
def test_the_readers_take_any_text(text: str) -> None:
    found, refusal = outcome(lambda: figures(text))
    assert refusal is None and all(showable(label) for label in found.labels())
    sentences, refusal = outcome(lambda: split_sentences(text))
    assert refusal is None and all(isinstance(s, str) and s for s in sentences)
