"""Pseudonymisation: stable placeholders, originals back, identity on any text."""

from __future__ import annotations

from fuzz_values import FUZZ, ODD_TEXT, outcome
from hypothesis import given
from hypothesis import strategies as st

from widgets.donnees_personnelles.evaluation import documents
from widgets.donnees_personnelles.pseudonym import pseudonymise, restore

LETTER = (
    "Madame Jeanne Martin, née le 12 mars 1984, 12 rue des Lilas, 69003 Lyon. "
    "Tél. 06 39 98 12 34. Mme Jeanne Martin remercie M. Paul Roux."
)


def test_the_same_original_gets_the_same_placeholder() -> None:
    text, mapping = pseudonymise(LETTER)
    assert text.count("[PERSONNE_1]") == 2
    assert "[PERSONNE_2]" in text and "[TELEPHONE_1]" in text and "[ADRESSE_1]" in text
    assert "Jeanne" not in text and "06 39" not in text and "Lilas" not in text
    assert mapping["[PERSONNE_1]"] == "Jeanne Martin"


def test_an_answer_gets_its_originals_back_and_unknown_labels_stay() -> None:
    _, mapping = pseudonymise(LETTER)
    answer = "Bonjour [PERSONNE_1], nous appellerons le [TELEPHONE_1]. [PERSONNE_9] ?"
    assert restore(answer, mapping) == (
        "Bonjour Jeanne Martin, nous appellerons le 06 39 98 12 34. [PERSONNE_9] ?"
    )


def test_a_placeholder_already_in_the_text_is_never_reused() -> None:
    text = "[PERSONNE_1] a écrit à Mme Jeanne Martin."
    safe, mapping = pseudonymise(text)
    assert "[PERSONNE_1]" not in mapping
    assert restore(safe, mapping) == text


def test_restore_is_the_identity_on_the_evaluation_set() -> None:
    for document in documents():
        safe, mapping = pseudonymise(document["text"])
        assert restore(safe, mapping) == document["text"]
        for span in document["spans"]:
            if span["kind"] not in ("person", "place"):  # names: see the measured recall
                assert span["text"] not in safe, (document["id"], span)


@FUZZ
@given(st.one_of(ODD_TEXT, st.builds(lambda a, b: a + LETTER + b, ODD_TEXT, ODD_TEXT)))
def test_restore_after_pseudonymise_is_the_identity(text: str) -> None:
    result, refusal = outcome(lambda: pseudonymise(text))
    if refusal is not None:  # beyond a million characters, a French refusal
        assert len(text) > 1_000_000
        return
    safe, mapping = result
    assert restore(safe, mapping) == text


def test_restore_takes_odd_answers_calmly() -> None:
    assert restore(None, {}) == ""  # type: ignore[arg-type]
    assert restore("[PERSONNE_1]", {}) == "[PERSONNE_1]"
