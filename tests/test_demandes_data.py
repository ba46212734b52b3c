"""The residents' requests data set: reproducible to the byte, and shaped as its datasheet says."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import string
import tomllib
import unicodedata
from collections import Counter

import pytest

from conftest import ROOT
from widgets import shipped_data
from widgets.demandes import generate

PINNED_SHA256 = "4c01f9ae20feedd1f1d2615840cd26f78a40c359e266e8641cb20b3a44d46fb4"
"""SHA-256 of demandes.csv as shipped since 2026-11-23."""
PACKAGE = ROOT / "widgets" / "demandes"
SOURCES = PACKAGE / "sources"
DATASHEET = PACKAGE / "data" / "DATASHEET.md"
SLOTS = {
    "rue",
    "de_rue",
    "dans_rue",
    "angle",
    "n",
    "lieu",
    "parc_a",
    "parc_de",
    "ecole_a",
    "ecole_de",
    "carrefour",
    "duree",
    "obj",
}
"""Every slot a phrase template may use, as the generator fills it."""


def _toml(name: str) -> dict:
    return tomllib.loads((SOURCES / name).read_text(encoding="utf-8"))


SERVICE_TABLE = _toml("services.toml")["service"]
SERVICE_COUNTS = {entry["name"]: entry["rows"] for entry in SERVICE_TABLE}
CASES = _toml("ambiguous.toml")["case"]


def _strip_accents(text: str) -> str:
    return "".join(
        ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)
    )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", _strip_accents(text).lower())


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    text = shipped_data.load("demandes", "demandes.csv").decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_shipped_csv_is_pinned_and_equals_a_fresh_generation() -> None:
    shipped = shipped_data.load("demandes", "demandes.csv")
    assert hashlib.sha256(shipped).hexdigest() == PINNED_SHA256
    assert generate.build_files() == {"demandes.csv": shipped}, (
        "demandes.csv diffère d'une génération fraîche : lancez make data"
    )


def test_datasheet_pins_the_shipped_version() -> None:
    assert shipped_data.check("demandes") == []
    rows = shipped_data.versions(DATASHEET.read_text(encoding="utf-8"))
    assert [row.date for row in rows] == ["2026-11-23"]
    file_digest = bytes.fromhex(PINNED_SHA256)
    assert rows[-1].fingerprint == hashlib.sha256(b"demandes.csv\0" + file_digest).hexdigest()


def test_another_seed_gives_other_messages() -> None:
    assert generate.csv_text(generate.SEED + 1) != generate.csv_text(generate.SEED)


def test_columns_ids_and_class_counts(rows) -> None:
    assert tuple(rows[0]) == ("id", "message", "service", "ambigu", "service_secondaire")
    assert len(rows) >= 2_000
    assert [int(row["id"]) for row in rows] == list(range(1, len(rows) + 1))
    counts = Counter(row["service"] for row in rows)
    assert len(counts) >= 8
    assert dict(counts) == SERVICE_COUNTS
    assert all(row["message"].strip() for row in rows)


def test_realistic_imbalance(rows) -> None:
    counts = Counter(row["service"] for row in rows)
    ratio = max(counts.values()) / min(counts.values())
    assert 4 <= ratio <= 8
    largest = counts.most_common(1)[0][0]
    assert largest in ("Propreté", "Voirie")


def test_ambiguous_rows_name_another_service(rows) -> None:
    flagged = [row for row in rows if row["ambigu"] == "1"]
    assert {row["ambigu"] for row in rows} == {"0", "1"}
    assert 0.04 <= len(flagged) / len(rows) <= 0.10
    assert len(flagged) == sum(case["rows"] for case in CASES)
    for row in flagged:
        assert row["service_secondaire"] in SERVICE_COUNTS
        assert row["service_secondaire"] != row["service"]


def test_two_topic_messages_carry_a_second_service(rows) -> None:
    two_topics = [row for row in rows if row["ambigu"] == "0" and row["service_secondaire"]]
    assert 0.05 <= len(two_topics) / len(rows) <= 0.12
    assert all(row["service_secondaire"] != row["service"] for row in two_topics)


def test_messages_are_unique_even_without_case_accents_or_punctuation(rows) -> None:
    keys = [" ".join(_words(row["message"])) for row in rows]
    assert len(set(keys)) == len(keys)


def _strings(value: object) -> list[str]:
    """Every text of a parsed TOML file, but the slugs and answer patterns (not phrases)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    if isinstance(value, dict):
        return [
            text
            for key, item in value.items()
            if key not in ("slug", "answer_pattern")
            for text in _strings(item)
        ]
    return []


def _source_texts() -> list[str]:
    return [
        text
        for path in sorted(SOURCES.rglob("*.toml"))
        for text in _strings(tomllib.loads(path.read_text(encoding="utf-8")))
    ]


def test_every_service_has_its_phrases_and_every_case_known_services() -> None:
    for entry in SERVICE_TABLE:
        phrases = _toml(f"phrases/{entry['slug']}.toml")
        assert set(phrases) == {"short", "sentences", "asks", "details", "objects"}, entry
        assert all(phrases.values()), entry["name"]
    for case in CASES:
        assert {case["service"], case["other"]} <= set(SERVICE_COUNTS), case["rule"]
        assert case["service"] != case["other"] and case["variants"] and case["rows"] > 0


def test_phrase_templates_only_use_known_slots() -> None:
    used = {
        slot
        for text in _source_texts()
        for _, slot, _, _ in string.Formatter().parse(text)
        if slot is not None
    }
    assert used and used <= SLOTS, used - SLOTS


def test_residents_write_with_typos_abbreviations_and_without_accents(rows) -> None:
    vocabulary = {word for text in _source_texts() for word in _words(text)}

    def has_typo(message: str) -> bool:
        return any(len(word) > 3 and word not in vocabulary for word in _words(message))

    messages = [row["message"] for row in rows]

    def share(found) -> float:
        return sum(bool(found(message)) for message in messages) / len(messages)

    assert share(has_typo) >= 0.15
    assert share(lambda m: not re.search(r"[éèêàçùâîôû]", m, re.IGNORECASE)) >= 0.2
    assert share(lambda m: re.search(r"\b(bjr|slt|svp|pb|ds|vs|bcp|mci|stp)\b", m)) >= 0.1
    assert share(lambda m: re.search(r"[A-ZÀ-Ý][A-ZÀ-Ý' ,-]{19,}", m)) >= 0.03
    assert share(lambda m: m.startswith(("Bonjour", "Madame", "Monsieur"))) >= 0.15


@pytest.mark.parametrize("word", ["trottoir", "parc", "feuilles", "poteau", "dossier"])
def test_some_words_are_shared_by_several_services(rows, word) -> None:
    services = {row["service"] for row in rows if word in _strip_accents(row["message"]).lower()}
    assert len(services) >= 2, word


def test_datasheet_states_the_real_counts(rows) -> None:
    text = DATASHEET.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "fictif" in text
    stated = {
        match.group(1): tuple(int(n) for n in match.group(2, 3, 4))
        for match in re.finditer(r"^\| ([^|*]+?) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M)
    }
    assert set(stated) == set(SERVICE_COUNTS)
    for service, (total, ambiguous, two_topics) in stated.items():
        mine = [row for row in rows if row["service"] == service]
        assert total == len(mine), service
        assert ambiguous == sum(row["ambigu"] == "1" for row in mine), service
        assert two_topics == sum(
            row["ambigu"] == "0" and bool(row["service_secondaire"]) for row in mine
        ), service


def test_the_paths_the_datasheet_names_exist() -> None:
    text = DATASHEET.read_text(encoding="utf-8")
    for path in re.findall(r"`(widgets/[^`]+)`", text):
        assert (ROOT / path).exists(), path
