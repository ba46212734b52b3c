"""The course corpus: size, structure, fictional personal data, repetition, reproducibility."""

from __future__ import annotations

import re
import string
import tomllib
from datetime import date
from importlib.resources import files

import pytest

from widgets import shipped_data
from widgets.corpus import KINDS, load_documents, load_text, writer
from widgets.corpus.facts import MEMBERS, SESSION_BY_DATE, SESSIONS
from widgets.corpus.generate import build, build_files, datasheet_with_size_table
from widgets.corpus.prose import a, bullet_list, de, euros, number_in_words
from widgets.corpus.stats import duplicate_share, word_count
from widgets.french import MONTH_NAMES, NARROW_NBSP, french_date

# The fingerprint of the corpus files first shipped (2026-11-23), before the generator's
# wordings and facts moved from Python tables to the data files of widgets/corpus/sources/.
FIRST_FINGERPRINT = "5a565af3b3c304e9c59e22a14a36bf75b8267d14b550a51e4bb68fedf5a58734"

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


def _datasheet() -> str:
    return (files("widgets.corpus") / "data" / "DATASHEET.md").read_text(encoding="utf-8")


def _table_rows(datasheet: str) -> dict[str, list[str]]:
    """The cells of the size table of the datasheet, by file name (« total » for the last)."""
    rows = {}
    for line in datasheet.splitlines():
        cells = [cell.strip().strip("*`") for cell in line.strip("|").split("|")]
        if len(cells) == 5 and cells[1].endswith(".txt"):
            rows[cells[1]] = cells[2:]
        elif len(cells) == 5 and cells[0] == "Total":
            rows["total"] = cells[2:]
    return rows


def _integer(cell: str) -> int:
    return int(cell.replace(NARROW_NBSP, ""))


def test_datasheet_table_counts_the_shipped_documents_and_words():
    """Documents and words counted from the raw files: one `# ` title per document,
    one `%%%` line between two documents, every other token a word."""
    rows = _table_rows(_datasheet())
    total_documents = total_words = 0
    for kind in KINDS:
        raw = shipped_data.load("corpus", f"{kind}.txt").decode("utf-8")
        documents = raw.count("\n%%%\n") + 1
        words = len(raw.split()) - documents - (documents - 1)
        assert _integer(rows[f"{kind}.txt"][0]) == documents, kind
        assert _integer(rows[f"{kind}.txt"][1]) == words, kind
        total_documents += documents
        total_words += words
    assert _integer(rows["total"][0]) == total_documents
    assert _integer(rows["total"][1]) == total_words
    share = duplicate_share(d.text for d in load_documents())
    assert rows["total"][2] == f"{100 * share:.1f}".replace(".", ",") + f"{NARROW_NBSP}%"


def test_datasheet_table_is_up_to_date():
    datasheet = _datasheet()
    assert datasheet_with_size_table(datasheet) == datasheet, "relancez make data"


def test_shipped_files_equal_a_fresh_generation():
    for file_name, content in build_files().items():
        shipped = shipped_data.load("corpus", file_name)
        assert shipped == content, f"{file_name} : relancez make data"


def test_shipped_data_is_the_version_of_the_datasheet():
    assert shipped_data.check("corpus") == []
    versions = shipped_data.versions(_datasheet())
    assert versions[0].fingerprint == FIRST_FINGERPRINT


def _source_tables() -> dict[str, dict]:
    folder = files("widgets.corpus") / "sources"
    return {
        path.name: tomllib.loads(path.read_text(encoding="utf-8"))
        for path in folder.iterdir()
        if path.name.endswith(".toml")
    }


def test_every_wording_can_be_filled(monkeypatch):
    """Each generated passage draws one wording among several: every other wording of
    the same passage must be fillable with the same values, even if no document uses it."""
    unfilled = []
    call = writer.Wordings.__call__

    def check_all_wordings(self, name, /, **values):
        entry = self.table[name]
        for wording in entry if isinstance(entry, list) else [entry]:
            try:
                wording.format_map({**self.values, **values})
            except (KeyError, AttributeError, IndexError) as error:
                unfilled.append(f"{self.key}.{name} : {error!r} dans {wording[:60]!r}")
        return call(self, name, **values)

    monkeypatch.setattr(writer.Wordings, "__call__", check_all_wordings)
    build()
    assert not unfilled, "\n".join(unfilled)


def test_source_templates_are_well_formed():
    for file_name, table in _source_tables().items():
        stack = [table]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, str):
                list(string.Formatter().parse(item))  # raises on a lone brace
        assert table, file_name


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
        title = f"Compte rendu de la séance du conseil municipal du {french_date(session.day)}"
        assert title in titles


def test_attendance_labels_agree_with_the_absent_members():
    """« Absente excusée », « Absents représentés »: the participle agrees with « Absent »."""
    labels = re.findall(r"^(Absent\w*) (représenté\w*|excusé\w*) :", load_text(), re.M)
    assert labels
    for absent, participle in labels:
        stem = "représenté" if participle.startswith("représenté") else "excusé"
        assert participle.removeprefix(stem) == absent.removeprefix("Absent"), participle


def test_council_members_are_named_with_capitals():
    text = load_text()
    for m in MEMBERS:
        assert m.name.lower() not in text, m.name


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
    assert number_in_words(1) == "un"
    assert bullet_list(["a", "b", "c"]) == "- a ;\n- b ;\n- c."
    assert bullet_list(["seul"]) == "- seul."
