"""The course corpus: size, structure, fictional personal data, repetition, reproducibility."""

from __future__ import annotations

import re
from datetime import date
from importlib.resources import files

import pytest

from widgets.corpus import KINDS, load_documents, load_text
from widgets.corpus.facts import MEMBERS, SESSION_BY_DATE, SESSIONS
from widgets.corpus.generate import build, size_table_from_files
from widgets.corpus.prose import MONTH_NAMES, a, de, euros, fr_date, number_in_words
from widgets.corpus.stats import duplicate_share, word_count

MIN_WORDS = 50_000
MAX_DUPLICATE_SHARE = 0.05

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# French phone numbers, written with or without spaces, dots or dashes between pairs.
PHONE = re.compile(r"(?<!\d)(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}(?!\d)")
# The range 01 99 00 xx xx is set aside for fiction; the corpus uses no other.
FICTIONAL_PHONE = re.compile(r"^01 ?99 ?00")


@pytest.fixture(scope="module")
def documents():
    return load_documents()


def test_every_kind_has_documents(documents):
    kinds = {d.kind for d in documents}
    assert kinds == set(KINDS)


def test_corpus_is_large_enough():
    assert word_count(load_text()) >= MIN_WORDS


def test_every_document_has_a_title_and_a_body(documents):
    for d in documents:
        assert d.title and not d.title.startswith("#")
        assert word_count(d.text) >= 40, d.title


def test_deliberations_are_numbered_and_dated(documents):
    header = re.compile(r"^Délibération n° 20(2[3-6])-\d{3} du (1er|\d{1,2}) \w+ 20\1 : \S")
    numbers = []
    for d in load_documents("deliberations"):
        assert header.match(d.title), d.title
        numbers.append(d.title.split()[2])
    assert len(numbers) == len(set(numbers)), "deux délibérations portent le même numéro"


def test_titles_are_unique(documents):
    titles = [d.title for d in documents]
    assert len(titles) == len(set(titles))


def test_emails_are_fictional():
    for email in EMAIL.findall(load_text()):
        assert email.endswith("@exemple.fr"), email


def test_phone_numbers_are_in_fictional_ranges():
    numbers = PHONE.findall(load_text())
    assert numbers, "le corpus devrait contenir des numéros fictifs (module 04)"
    for number in numbers:
        assert FICTIONAL_PHONE.match(number), number


def test_few_sentences_are_repeated(documents):
    assert duplicate_share(d.text for d in documents) < MAX_DUPLICATE_SHARE
    for kind in KINDS:
        share = duplicate_share(d.text for d in documents if d.kind == kind)
        assert share < MAX_DUPLICATE_SHARE, kind


def test_same_seed_gives_the_same_corpus_and_the_seed_matters():
    assert build(7) == build(7)
    assert build(7)["courriers"] != build()["courriers"]


def test_datasheet_table_is_up_to_date():
    datasheet = (files("widgets") / "data" / "corpus" / "DATASHEET.md").read_text(encoding="utf-8")
    assert size_table_from_files() in datasheet


def test_committed_files_equal_a_fresh_generation():
    corpus_dir = files("widgets") / "data" / "corpus"
    for kind, content in build().items():
        committed = (corpus_dir / f"{kind}.txt").read_text(encoding="utf-8")
        assert committed == content, f"{kind}.txt : relancez python -m widgets.corpus.generate"


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        load_documents("romans")


SPEAKING = (
    r"(?:demande|souligne|estime|regrette|salue|propose|s'interroge|relaie|annonce|indique"
    r"|approuve|juge|remercie|souhaite|se félicite|se réjouit|interroge|rappelle|présente"
    r"|signale|s'inquiète|rapporte|félicite|soutient|reconnaît|répond|précise|dresse)\b"
)


def test_council_members_who_speak_attend_the_session():
    """A councillor quoted in the minutes or a deliberation was at that session."""
    for d in load_documents("deliberations") + load_documents("comptes-rendus"):
        found = re.search(r"du (1er|\d{1,2}) (\w+) (\d{4})", d.title)
        day = date(
            int(found.group(3)),
            MONTH_NAMES.index(found.group(2)) + 1,
            1 if found.group(1) == "1er" else int(found.group(1)),
        )
        session = SESSION_BY_DATE[day]
        for m in MEMBERS:
            pattern = re.escape(m.formal) + r"(?:, [^.;]{0,80}?,)? " + SPEAKING
            if re.search(pattern, d.text):
                assert m.last not in session.missing, f"{m.formal} absent : {d.title}"


def test_every_session_has_its_minutes():
    titles = {d.title for d in load_documents("comptes-rendus")}
    for session in SESSIONS:
        assert f"Compte rendu de la séance du conseil municipal du {fr_date(session.day)}" in titles


def test_loaded_text_has_no_layout_marks():
    text = load_text()
    assert "%%%" not in text
    assert not any(line.startswith(("# ", "> ")) for line in text.splitlines())


def test_french_helpers():
    assert euros("612481.37") == "612 481,37 €"
    assert euros(4_286_000) == "4 286 000 €"
    assert de("le chemin des Vignes") == "du chemin des Vignes"
    assert de("un banc") == "d'un banc"
    assert de("la panne") == "de la panne"
    assert a("les écoles") == "aux écoles"
    assert number_in_words(2026) == "deux mille vingt-six"
    assert number_in_words(21) == "vingt et un"
