"""The evaluation set: shipped as pinned, identifiers valid, decoys present, targets met."""

from __future__ import annotations

import json
import re
from collections import Counter

from test_donnees_personnelles_guard import luhn_ok

from widgets.donnees_personnelles.evaluation import TARGETS, meets_targets, score
from widgets.donnees_personnelles.generate import build_files
from widgets.donnees_personnelles.guard import STRUCTURED
from widgets.shipped_data import check

DOCS = [json.loads(line) for line in build_files()["evaluation.jsonl"].decode().splitlines()]


def test_the_shipped_file_is_the_pinned_version() -> None:
    assert check("donnees_personnelles") == []


def test_at_least_100_documents_of_three_genres_with_right_offsets() -> None:
    assert len(DOCS) >= 100
    assert set(Counter(d["genre"] for d in DOCS)) == {"courrier", "courriel", "compte-rendu"}
    for document in DOCS:
        for span in document["spans"]:
            assert document["text"][span["start"] : span["end"]] == span["text"]


def test_labelled_identifiers_have_right_keys() -> None:
    for document in DOCS:
        for span in document["spans"]:
            digits = re.sub(r"\D", "", span["text"])
            if span["kind"] in ("siren", "siret"):
                assert luhn_ok(digits) and luhn_ok(digits[:9])
            if span["kind"] == "nir":
                compact = span["text"].replace(" ", "")
                body = compact[:5] + {"2A": "19", "2B": "18"}.get(compact[5:7], compact[5:7])
                assert 97 - int(body + compact[7:13]) % 97 == int(compact[13:])
            if span["kind"] == "iban":
                compact = span["text"].replace(" ", "")
                moved = compact[4:] + compact[:4]
                assert int("".join(str(int(c, 36)) for c in moved)) % 97 == 1


def test_decoys_are_there() -> None:
    text = "\n".join(d["text"] for d in DOCS)
    assert "rue Victor Hugo" in text or "école Jules Ferry" in text
    assert re.search(r"reçue le \d", text) or re.search(r"du \d{1,2} \w+ 20\d\d", text)


def test_the_guard_meets_its_targets() -> None:
    scores = score()
    assert meets_targets(scores) == dict.fromkeys(TARGETS, True), scores.mistakes[:20]
    assert scores.total(STRUCTURED).recall >= 0.98
