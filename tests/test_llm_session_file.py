"""The session file: round trip, versions, damaged files, odd text, what « the same prompt » is."""

from __future__ import annotations

import json
import os
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from widgets.errors import AtelierError
from widgets.llm import session_file
from widgets.llm.session_file import (
    Recording,
    Session,
    SessionFileError,
    read_session,
    recording,
    write_session,
)

PARIS_WINTER = timezone(timedelta(hours=1))
WHEN = datetime(2026, 12, 1, 18, 4, 12, tzinfo=PARIS_WINTER)
LONE = "\ud83d"  # half of an emoji, as a broken paste can leave it
EMOJI = "🏛️ Mairie 👋🏽"


def request(content: str, max_tokens: int = 300, temperature: float = 0.7) -> dict:
    return {
        "messages": [{"role": "user", "content": content}],
        "max_tokens": max_tokens,
        "temperature": temperature,
        "seed": None,
        "top_k": None,
        "stream": False,
        "learner": "apprenant-1",
        "personal_data": "stop",
    }


def entry(content: str = "Rédigez la lettre.", text: str = "Madame, Monsieur,", **kw) -> Recording:
    settings = {key: kw.pop(key) for key in ("max_tokens", "temperature") if key in kw}
    options = {
        "model": "albert-large",
        "recorded_at": WHEN,
        "text": text,
        "finish": "stop",
        "usage": {"prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15},
        "footprint": {"energie_kwh": 0.0002, "gco2eq": [0.01, 0.03]},
    }
    options.update(kw)
    return recording(request(content, **settings), **options)


def written(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "seance.json"
    text = data if isinstance(data, str) else json.dumps(data)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_session_survives_a_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    entries = [entry(), entry("Fais le compte rendu.", "Séance du 12 mars", finish="length")]
    write_session(path, entries)
    assert read_session(path) == entries
    data = json.loads(path.read_bytes().decode("utf-8"))
    assert (data["format"], data["version"]) == ("atelier-ia-seance", 1)
    first = data["entrees"][0]
    assert first["messages"] == [{"role": "user", "content": "Rédigez la lettre."}]
    assert (first["max_tokens"], first["temperature"]) == (300, 0.7)
    assert first["modele"] == "albert-large"
    assert first["enregistre_le"] == "2026-12-01T18:04:12+01:00"
    assert (first["reponse"], first["fin"]) == ("Madame, Monsieur,", "stop")
    assert first["usage"]["total_tokens"] == 15
    assert first["empreinte"] == {"energie_kwh": 0.0002, "gco2eq": [0.01, 0.03]}
    assert "Rédigez" in path.read_text("utf-8")  # readable French, not \u escapes
    assert len(path.read_text("utf-8").splitlines()) == 2 + len(entries)  # one line each


def test_emoji_and_lone_surrogates_are_written_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    odd = entry(f"{EMOJI} prompt {LONE} cassé", f"réponse {LONE} {EMOJI}", model=f"m{LONE}")
    write_session(path, [odd])
    path.read_bytes().decode("utf-8")  # strict UTF-8: no surrogate reached the disk
    (back,) = read_session(path)
    assert back.messages == (("user", f"{EMOJI} prompt \ufffd cassé"),)
    assert back.text == f"réponse \ufffd {EMOJI}"
    assert back.model == "m\ufffd"
    assert Session([back]).find(request(f"{EMOJI} prompt {LONE} cassé")) == back


def test_escaped_lone_surrogates_in_a_file_are_made_printable(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    write_session(path, [entry()])
    data = json.loads(path.read_text("utf-8"))
    data["entrees"][0]["reponse"] = "avant \ud800 après"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")
    (back,) = read_session(path)
    assert back.text == "avant \ufffd après"
    back.text.encode("utf-8")


def test_an_empty_session_is_a_valid_file(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    write_session(path, [])
    assert read_session(path) == []
    assert Session.load(path).count == 0


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (0, "version 0, ancien"),
        (2, "version 2, plus récent"),
        (99, "mettez Atelier IA à jour"),
    ],
)
def test_other_versions_are_refused_in_french(tmp_path: Path, version: int, words: str) -> None:
    path = written(tmp_path, {"format": "atelier-ia-seance", "version": version, "entrees": []})
    with pytest.raises(SessionFileError) as caught:
        read_session(path)
    assert words in caught.value.message
    assert "seance.json" in caught.value.message
    assert isinstance(caught.value, AtelierError)


@pytest.mark.parametrize(
    "data",
    [
        {"format": "atelier-ia-carnet", "version": 1, "entrees": []},
        {"version": 1, "entrees": []},
        [{"format": "atelier-ia-seance"}],
        {"cells": [], "nbformat": 4},
        "Bonjour",
        None,
    ],
    ids=["autre-format", "sans-format", "liste", "notebook", "texte", "nul"],
)
def test_a_file_of_another_format_is_refused(tmp_path: Path, data: object) -> None:
    path = written(tmp_path, json.dumps(data))
    with pytest.raises(SessionFileError) as caught:
        read_session(path)
    assert "n'est pas une séance enregistrée par Atelier IA" in caught.value.message
    assert "atelier seance preparer" in caught.value.message


GOOD = {
    "messages": [{"role": "user", "content": "Bonjour"}],
    "max_tokens": 300,
    "temperature": 0.7,
    "modele": "albert-large",
    "enregistre_le": "2026-12-01T18:04:12+01:00",
    "reponse": "Bonjour.",
    "fin": "stop",
    "usage": None,
    "empreinte": None,
}


def session_with(**changes: object) -> dict:
    item = {key: value for key, value in {**GOOD, **changes}.items() if value != "ABSENT"}
    return {"format": "atelier-ia-seance", "version": 1, "entrees": [GOOD, item]}


DAMAGED = {
    "vide": "",
    "coupe": json.dumps(session_with())[:-40],
    "version-texte": '{"format": "atelier-ia-seance", "version": "1", "entrees": []}',
    "version-booleen": '{"format": "atelier-ia-seance", "version": true, "entrees": []}',
    "sans-entrees": '{"format": "atelier-ia-seance", "version": 1}',
    "entrees-objet": '{"format": "atelier-ia-seance", "version": 1, "entrees": {}}',
    "imbrique": '{"format": "atelier-ia-seance", "version": 1, "entrees": '
    + "[" * 100_000
    + "]" * 100_000
    + "}",
    "entree-texte": json.dumps(session_with() | {"entrees": [GOOD, "Bonjour"]}),
    "messages-vides": json.dumps(session_with(messages=[])),
    "message-sans-role": json.dumps(session_with(messages=[{"content": "x"}])),
    "contenu-nombre": json.dumps(session_with(messages=[{"role": "user", "content": 3}])),
    "max-tokens-texte": json.dumps(session_with(max_tokens="300")),
    "max-tokens-zero": json.dumps(session_with(max_tokens=0)),
    "temperature-absente": json.dumps(session_with(temperature="ABSENT")),
    "modele-absent": json.dumps(session_with(modele="ABSENT")),
    "reponse-nombre": json.dumps(session_with(reponse=42)),
    "date-illisible": json.dumps(session_with(enregistre_le="hier soir")),
    "usage-texte": json.dumps(session_with(usage={"total_tokens": "beaucoup"})),
    "empreinte-liste": json.dumps(session_with(empreinte=[1, 2])),
}


@pytest.mark.parametrize("text", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_file_is_refused_in_one_french_sentence(tmp_path: Path, text: str) -> None:
    path = written(tmp_path, text)
    with pytest.raises(SessionFileError) as caught:
        read_session(path)
    message = caught.value.message
    assert message.startswith("Le fichier de séance « ")
    assert "abîmé" in message
    assert "Traceback" not in message


def test_the_message_names_the_damaged_entry(tmp_path: Path) -> None:
    path = written(tmp_path, json.dumps(session_with(enregistre_le="hier soir")))
    with pytest.raises(SessionFileError, match="l'entrée 2 a une date"):
        read_session(path)


def test_bytes_that_are_not_utf8_are_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    path.write_bytes(b'{"format": "atelier-ia-seance", "version": 1, "entrees": ["\xff\xfe"]}')
    with pytest.raises(SessionFileError, match="abîmé"):
        read_session(path)


def test_a_missing_file_and_a_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="n'existe pas"):
        read_session(tmp_path / "absente.json")
    with pytest.raises(SessionFileError, match="est un dossier"):
        read_session(tmp_path)


def test_an_impossible_name_is_refused_in_french(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="ne peut pas être lu"):
        read_session(tmp_path / "nom\0nul.json")


def test_a_huge_file_is_refused_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = written(tmp_path, "[]")
    monkeypatch.setattr(session_file, "MAX_FILE_BYTES", 1)
    with pytest.raises(SessionFileError, match="bien trop gros"):
        read_session(path)


def test_writing_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "seance.json"
    write_session(path, [entry()])
    before = path.read_bytes()

    def broken_replace(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(SessionFileError, match="ne peut pas être écrit"):
        write_session(path, [entry(), entry("Autre prompt")])
    assert path.read_bytes() == before
    assert sorted(item.name for item in tmp_path.iterdir()) == ["seance.json"]


def test_a_file_in_a_missing_folder_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="ne peut pas être écrit"):
        write_session(tmp_path / "absent" / "seance.json", [entry()])


def test_the_same_prompt_ignores_unicode_form_and_blanks() -> None:
    session = Session([entry("Rédigez la lettre de réponse.\nTon : courtois.")])
    decomposed = unicodedata.normalize(
        "NFD", "  Rédigez la lettre   de réponse.\r\n\tTon : courtois. "
    )
    assert decomposed != "Rédigez la lettre de réponse.\nTon : courtois."
    found = session.find(request(decomposed))
    assert found is not None and found.text == "Madame, Monsieur,"


@pytest.mark.parametrize(
    "other",
    [
        request("Rédigez la lettre", 300, 0.7),
        request("rédigez la lettre.", 300, 0.7),
        request("Rédigez la lettre.", 200, 0.7),
        request("Rédigez la lettre.", 300, 1.0),
        request("Rédigez la lettre.", 300, 0.7)
        | {"messages": [{"role": "system", "content": "Rédigez la lettre."}]},
        request("Rédigez la lettre.", 300, 0.7)
        | {
            "messages": [
                {"role": "system", "content": "Vous êtes agent."},
                {"role": "user", "content": "Rédigez la lettre."},
            ]
        },
    ],
    ids=["texte", "casse", "max-tokens", "temperature", "role", "message-en-plus"],
)
def test_another_text_or_setting_is_another_prompt(other: dict) -> None:
    assert Session([entry("Rédigez la lettre.")]).find(other) is None


def test_the_seed_and_the_learner_do_not_matter() -> None:
    session = Session([entry("Rédigez la lettre.")])
    asked = request("Rédigez la lettre.") | {"seed": 42, "learner": "autre", "stream": True}
    assert session.find(asked) is not None


def test_an_integer_temperature_is_the_same_setting() -> None:
    session = Session([entry("Rédigez la lettre.", temperature=1.0)])
    assert session.find(request("Rédigez la lettre.", temperature=1)) is not None


def test_the_latest_recording_of_a_prompt_wins() -> None:
    older = entry(text="première réponse")
    newer = entry(text="seconde réponse", recorded_at=WHEN + timedelta(hours=1))
    session = Session([older, newer])
    assert session.count == 2
    assert session.find(request("Rédigez la lettre.")).text == "seconde réponse"
