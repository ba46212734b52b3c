"""Record mode: every answered prompt reaches the file, nothing refused or pseudonymised does."""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import FakeModel

from widgets.llm.chat_api import RequestError
from widgets.llm.record import RecordingBackend
from widgets.llm.room_backend import ClassroomBackend, RoomAnswer
from widgets.llm.session_file import SessionFileError, read_session

WHEN = datetime(2026, 12, 1, 18, 4, 12, tzinfo=timezone(timedelta(hours=1)))
USAGE = {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}
FOOTPRINT = {"energie_kwh": 0.0003, "gco2eq": 0.02}


def request(content: str, personal_data: str = "stop") -> dict[str, Any]:
    return {
        "messages": [{"role": "user", "content": content}],
        "max_tokens": 300,
        "temperature": 0.7,
        "seed": None,
        "top_k": None,
        "stream": False,
        "learner": "apprenant-1",
        "personal_data": personal_data,
    }


class Upstream:
    """A fake gateway: answers « réponse à <prompt> », or raises what it is told to."""

    description = "le modèle albert-large, par la passerelle"
    model = "albert-large"

    def __init__(self, refusal: RequestError | None = None, note: str = "") -> None:
        self.refusal = refusal
        self.note = note
        self.calls = 0
        self._lock = threading.Lock()

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        with self._lock:
            self.calls += 1
        if self.refusal is not None:
            raise self.refusal
        text = f"réponse à {request['messages'][-1]['content']}"
        return RoomAnswer(text, "stop", USAGE, self.note, FOOTPRINT)


def entries_on_disk(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text("utf-8"))["entrees"]


def test_the_answer_is_the_inner_one_and_lands_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    recorder = RecordingBackend(Upstream(), path, clock=lambda: WHEN)
    answer = recorder.answer(request("Rédigez la lettre."))
    assert (answer.text, answer.finish, answer.usage) == (
        "réponse à Rédigez la lettre.",
        "stop",
        USAGE,
    )
    assert answer.footprint == FOOTPRINT
    assert "gardés sur l'ordinateur" in answer.note
    (entry,) = entries_on_disk(path)
    assert entry["messages"] == [{"role": "user", "content": "Rédigez la lettre."}]
    assert entry["modele"] == "albert-large"
    assert entry["enregistre_le"] == "2026-12-01T18:04:12+01:00"
    assert entry["reponse"] == "réponse à Rédigez la lettre."
    assert (entry["usage"], entry["empreinte"]) == (USAGE, FOOTPRINT)
    assert recorder.count == 1


def test_the_inner_note_is_kept_before_the_recording_note(tmp_path: Path) -> None:
    recorder = RecordingBackend(Upstream(note="Empreinte estimée."), tmp_path / "s.json")
    note = recorder.answer(request("Bonjour")).note
    assert note.startswith("Empreinte estimée. Mode enregistrement")


def test_the_banner_says_prompts_are_kept(tmp_path: Path) -> None:
    recorder = RecordingBackend(Upstream(), tmp_path / "seance.json")
    assert "chaque prompt et sa réponse sont enregistrés" in recorder.description
    assert "seance.json" in recorder.description


def test_a_prompt_the_guard_stopped_never_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    stopped = RequestError(
        400, "Ce prompt contient un numéro de téléphone : il n'a pas été envoyé.", "personal_data"
    )
    recorder = RecordingBackend(Upstream(refusal=stopped), path)
    secret = "Rappelez Jeanne Martin au 06 12 34 56 78."
    with pytest.raises(RequestError) as caught:
        recorder.answer(request(secret))
    assert caught.value is stopped
    assert entries_on_disk(path) == []
    assert "Jeanne" not in path.read_text("utf-8")


def test_a_pseudonymised_prompt_is_answered_but_not_kept(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    recorder = RecordingBackend(Upstream(), path)
    answer = recorder.answer(request("Écrivez à Jeanne Martin.", personal_data="pseudonymise"))
    assert answer.text == "réponse à Écrivez à Jeanne Martin."
    assert "n'est pas gardé" in answer.note
    assert "Jeanne" not in path.read_text("utf-8")


def test_concurrent_learners_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    recorder = RecordingBackend(Upstream(), path)
    threads, per_thread = 8, 25
    failures: list[BaseException] = []

    def learner(number: int) -> None:
        try:
            for index in range(per_thread):
                recorder.answer(request(f"apprenant {number} prompt {index} 🏛️"))
        except BaseException as error:  # reported below, not swallowed
            failures.append(error)

    workers = [threading.Thread(target=learner, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert failures == []
    prompts = {entry["messages"][0]["content"] for entry in entries_on_disk(path)}
    expected = {f"apprenant {n} prompt {i} 🏛️" for n in range(threads) for i in range(per_thread)}
    assert prompts == expected
    assert len(read_session(path)) == threads * per_thread
    assert sorted(item.name for item in tmp_path.iterdir()) == ["seance.json"]


def test_an_existing_session_is_continued(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    RecordingBackend(Upstream(), path).answer(request("premier"))
    RecordingBackend(Upstream(), path).answer(request("second"))
    assert [entry["reponse"] for entry in entries_on_disk(path)] == [
        "réponse à premier",
        "réponse à second",
    ]


def test_a_damaged_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    path.write_text('{"format": "atelier-ia-seance", "version": 1, "entrees": [', "utf-8")
    with pytest.raises(SessionFileError, match="abîmé"):
        RecordingBackend(Upstream(), path)
    assert path.read_text("utf-8").endswith("[")


def test_a_file_that_cannot_be_written_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(SessionFileError, match="ne peut pas être écrit"):
        RecordingBackend(Upstream(), tmp_path / "absent" / "seance.json")


def test_a_failed_write_says_so_and_the_next_write_saves_the_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seance.json"
    recorder = RecordingBackend(Upstream(), path)
    real_replace = os.replace
    calls = {"n": 0}

    def full_disk_once(source: str, target: str) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", full_disk_once)
    first = recorder.answer(request("premier"))
    assert first.text == "réponse à premier"
    assert "n'a pas encore pu être gardée" in first.note
    assert entries_on_disk(path) == []
    recorder.answer(request("second"))
    assert [entry["reponse"] for entry in entries_on_disk(path)] == [
        "réponse à premier",
        "réponse à second",
    ]


def test_the_model_name_comes_from_the_inner_backend_or_is_given(tmp_path: Path) -> None:
    class Nameless:
        description = "un service"

        def answer(self, request: dict[str, Any]) -> RoomAnswer:
            return RoomAnswer("ok")

    given = RecordingBackend(Nameless(), tmp_path / "a.json", model="mistral-small-latest")
    given.answer(request("x"))
    assert entries_on_disk(tmp_path / "a.json")[0]["modele"] == "mistral-small-latest"
    unknown = RecordingBackend(Nameless(), tmp_path / "b.json")
    unknown.answer(request("x"))
    assert entries_on_disk(tmp_path / "b.json")[0]["modele"] == "modèle non précisé"
    classroom = RecordingBackend(ClassroomBackend(FakeModel()), tmp_path / "c.json")
    classroom.answer(request("x"))
    assert entries_on_disk(tmp_path / "c.json")[0]["modele"] == "modele-de-la-classe"


def test_the_default_clock_is_local_time_with_its_offset(tmp_path: Path) -> None:
    recorder = RecordingBackend(Upstream(), tmp_path / "seance.json")
    before = datetime.now().astimezone()
    recorder.answer(request("x"))
    (entry,) = read_session(tmp_path / "seance.json")
    assert entry.recorded_at.tzinfo is not None
    assert abs(entry.recorded_at - before) < timedelta(minutes=1)
