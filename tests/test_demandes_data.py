"""The residents' requests data set: reproducible to the byte, and shaped as its datasheet says."""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import Counter

import pytest

from conftest import ROOT
from widgets.datasets.demandes import frames, noise, phrases_guichet, phrases_terrain
from widgets.datasets.demandes.ambiguous import CASES
from widgets.datasets.demandes.generate import COLUMNS, CSV_PATH, SEED, csv_text
from widgets.datasets.demandes.services import SERVICE_COUNTS, SERVICES

PINNED_SHA256 = "4c01f9ae20feedd1f1d2615840cd26f78a40c359e266e8641cb20b3a44d46fb4"
DATASHEET = ROOT / "widgets" / "data" / "demandes.DATASHEET.md"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(CSV_PATH.read_text(encoding="utf-8"))))


def test_committed_csv_is_pinned_and_equals_a_fresh_generation() -> None:
    committed = CSV_PATH.read_bytes()
    assert hashlib.sha256(committed).hexdigest() == PINNED_SHA256
    assert csv_text(SEED).encode("utf-8") == committed, (
        "widgets/data/demandes.csv diffère d'une génération fraîche : "
        "lancez python -m widgets.datasets.demandes.generate"
    )


def test_another_seed_gives_other_messages() -> None:
    assert csv_text(SEED + 1) != csv_text(SEED)


def test_columns_ids_and_class_counts(rows) -> None:
    assert tuple(rows[0]) == COLUMNS
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
    assert len(flagged) == sum(case.rows for case in CASES)
    for row in flagged:
        assert row["service_secondaire"] in SERVICES
        assert row["service_secondaire"] != row["service"]


def test_two_topic_messages_carry_a_second_service(rows) -> None:
    two_topics = [row for row in rows if row["ambigu"] == "0" and row["service_secondaire"]]
    assert 0.05 <= len(two_topics) / len(rows) <= 0.12
    assert all(row["service_secondaire"] != row["service"] for row in two_topics)


def test_messages_are_unique_even_without_case_accents_or_punctuation(rows) -> None:
    keys = [re.findall(r"[a-z]+", noise.strip_accents(row["message"]).lower()) for row in rows]
    assert len({" ".join(key) for key in keys}) == len(keys)


def _stock_vocabulary() -> set[str]:
    """Every word the phrase stocks can produce, before any typo."""
    texts: list[str] = []
    for raw in (phrases_terrain.RAW, phrases_guichet.RAW):
        for stock in raw.values():
            for phrases in stock.values():
                texts.extend(phrases)
    for name in dir(frames):
        value = getattr(frames, name)
        if isinstance(value, tuple):
            texts.extend(str(item) for item in value)
    texts.extend(variant for case in CASES for variant in case.variants)
    texts.extend(short for _, short in noise.ABBREVIATIONS)
    texts.extend(wrong for _, wrong in noise.HOMOPHONES)
    texts.extend(SERVICES)
    words = set()
    for text in texts:
        words.update(re.findall(r"[a-z]+", noise.strip_accents(text).lower()))
    return words


def test_residents_write_with_typos_abbreviations_and_without_accents(rows) -> None:
    vocabulary = _stock_vocabulary()

    def has_typo(message: str) -> bool:
        words = re.findall(r"[a-z]+", noise.strip_accents(message).lower())
        return any(len(word) > 3 and word not in vocabulary for word in words)

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
    services = {
        row["service"] for row in rows if word in noise.strip_accents(row["message"]).lower()
    }
    assert len(services) >= 2, word


def test_datasheet_states_the_real_counts(rows) -> None:
    text = DATASHEET.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text and "fictif" in text
    stated = {
        match.group(1): tuple(int(n) for n in match.group(2, 3, 4))
        for match in re.finditer(r"^\| ([^|*]+?) \| (\d+) \| (\d+) \| (\d+) \|$", text, re.M)
    }
    assert set(stated) == set(SERVICES)
    for service, (total, ambiguous, two_topics) in stated.items():
        mine = [row for row in rows if row["service"] == service]
        assert total == len(mine), service
        assert ambiguous == sum(row["ambigu"] == "1" for row in mine), service
        assert two_topics == sum(
            row["ambigu"] == "0" and bool(row["service_secondaire"]) for row in mine
        ), service
