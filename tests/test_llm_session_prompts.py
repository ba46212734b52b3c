"""The prompts of a session and their preparation the day before."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Any

import pytest
from llm_fakes import FAST_LIMITS, fresh_connector, scripted_server

from conftest import ROOT
from widgets.llm import connector
from widgets.llm.chat_api import RequestError, parse_chat_request
from widgets.llm.room_backend import RoomAnswer
from widgets.llm.session_file import Session, SessionFileError, read_session
from widgets.llm.session_prompts import (
    MAX_FAILURES_IN_A_ROW,
    SessionPrompt,
    gallery_prompts,
    prepare_session,
    prompts_for_modules,
)

__all__ = ["fresh_connector"]

GALLERY = tomllib.loads((ROOT / "widgets/prompts/gallery.toml").read_text("utf-8"))["tasks"]


class Upstream:
    description = "le modèle albert-large, par la passerelle"
    model = "albert-large"

    def __init__(self, refuse: set[int] | None = None) -> None:
        self.refuse = refuse or set()
        self.requests: list[dict[str, Any]] = []

    def answer(self, request: dict[str, Any]) -> RoomAnswer:
        self.requests.append(request)
        if len(self.requests) in self.refuse:
            raise RequestError(429, "Trop de demandes : réessayez dans une minute.", "rate_limit")
        text = f"Réponse {len(self.requests)} ✅"
        usage = {"prompt_tokens": 50, "completion_tokens": 7, "total_tokens": 57}
        return RoomAnswer(text, "stop", usage, "", {"gco2eq": 0.03})


def test_the_gallery_gives_a_vague_and_a_structured_prompt_per_task() -> None:
    prompts = gallery_prompts()
    assert len(prompts) == 2 * len(GALLERY)
    for task, vague, structured in zip(GALLERY, prompts[::2], prompts[1::2], strict=True):
        assert vague.messages == (("user", task["vague"]),)
        assert vague.title == f"{task['title']} (prompt vague)"
        assert structured.title == f"{task['title']} (prompt structuré)"
        ((role, text),) = structured.messages
        assert role == "user"
        assert task["fields"]["task"] in text
        assert text.startswith("Vous êtes")
        assert (vague.max_tokens, vague.temperature) == (300, 0.7)


def test_a_path_gets_the_prompts_of_its_modules_once() -> None:
    elus = ["02-ia-generative", "03-prompts", "04-donnees-personnelles", "12-debat"]
    assert prompts_for_modules(elus) == gallery_prompts()
    assert prompts_for_modules(["03-prompts", "03-prompts"]) == gallery_prompts()
    assert prompts_for_modules(["08-trier-les-demandes", "module-inconnu"]) == []
    assert prompts_for_modules([]) == []


def test_prepare_session_records_every_prompt(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    prompts = gallery_prompts()[:4]
    upstream = Upstream()
    seen: list[tuple[int, int, str]] = []
    report = prepare_session(upstream, prompts, path, lambda *step: seen.append(step))
    assert (report.recorded, report.total, report.failures, report.stopped_early) == (
        4,
        4,
        (),
        False,
    )
    assert report.path == path
    assert report.lines() == [
        f"4 réponse(s) enregistrée(s) sur 4 dans « {path} ».",
        f"En salle, sans Wi-Fi : atelier serve --rejouer {path}",
    ]
    assert seen == [(n, 4, prompt.title) for n, prompt in enumerate(prompts, start=1)]
    assert [request["learner"] for request in upstream.requests] == ["preparation-de-la-seance"] * 4
    assert all(request["personal_data"] == "stop" for request in upstream.requests)
    entries = read_session(path)
    assert [entry.text for entry in entries] == [f"Réponse {n} ✅" for n in range(1, 5)]
    assert {entry.model for entry in entries} == {"albert-large"}
    session = Session(entries)
    for number, prompt in enumerate(prompts, start=1):
        assert session.find(prompt.request()).text == f"Réponse {number} ✅"


def test_a_refused_prompt_is_reported_and_the_others_recorded(tmp_path: Path) -> None:
    prompts = gallery_prompts()[:4]
    report = prepare_session(Upstream(refuse={2}), prompts, tmp_path / "seance.json")
    assert report.recorded == 3
    assert report.failures == ((prompts[1].title, "Trop de demandes : réessayez dans une minute."),)
    assert not report.stopped_early
    assert len(read_session(tmp_path / "seance.json")) == 3
    assert report.lines()[1] == (
        f"Non enregistré : {prompts[1].title}. Trop de demandes : réessayez dans une minute."
    )
    assert len(report.lines()) == 2


def test_the_preparation_stops_when_the_upstream_keeps_failing(tmp_path: Path) -> None:
    prompts = gallery_prompts()
    upstream = Upstream(refuse=set(range(1, 100)))
    report = prepare_session(upstream, prompts, tmp_path / "seance.json")
    assert len(upstream.requests) == MAX_FAILURES_IN_A_ROW
    assert (report.recorded, report.stopped_early) == (0, True)
    assert len(report.failures) == MAX_FAILURES_IN_A_ROW
    assert json.loads((tmp_path / "seance.json").read_text("utf-8"))["entrees"] == []
    assert report.lines()[-1].startswith("Arrêt après 3 échecs de suite : vérifiez la clé")


def test_a_file_that_stops_being_writable_stops_the_preparation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seance.json"
    real_replace = os.replace
    writes = {"n": 0}

    def disk_full_after_two_answers(source: str, target: str) -> None:
        writes["n"] += 1
        if writes["n"] > 3:  # the empty file, then two answers
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", disk_full_after_two_answers)
    upstream = Upstream()
    with pytest.raises(SessionFileError, match="ne peut pas être écrit"):
        prepare_session(upstream, gallery_prompts(), path)
    assert len(upstream.requests) == 3
    assert len(read_session(path)) == 2


def test_a_path_without_prompts_says_so(tmp_path: Path) -> None:
    report = prepare_session(Upstream(), [], tmp_path / "seance.json")
    assert report.lines() == [
        "Aucun prompt à enregistrer : ces modules n'envoient rien à un modèle."
    ]


def test_odd_prompts_are_prepared_and_found(tmp_path: Path) -> None:
    odd = [
        SessionPrompt("emoji", (("user", "Annonce 🎉 de la fête 👋🏽"),)),
        SessionPrompt("demi-emoji", (("system", "Soyez bref."), ("user", "Fête \ud83d cassée"))),
    ]
    prepare_session(Upstream(), odd, tmp_path / "seance.json")
    session = Session.load(tmp_path / "seance.json")
    assert session.find(odd[0].request()).text == "Réponse 1 ✅"
    assert session.find(odd[1].request()).text == "Réponse 2 ✅"


def test_a_preparation_continues_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "seance.json"
    prepare_session(Upstream(), gallery_prompts()[:1], path)
    prepare_session(Upstream(), gallery_prompts()[1:2], path)
    assert len(read_session(path)) == 2


def test_what_the_notebook_sends_finds_the_prepared_answer(
    tmp_path: Path, fresh_connector: connector.Settings
) -> None:
    """Module 03's comparison, through the connector and HTTP, asks exactly the prepared prompts."""
    from widgets.prompts.views.comparison import BeforeAfter

    path = tmp_path / "seance.json"
    prepare_session(Upstream(), gallery_prompts(), path)
    session = Session.load(path)
    task_id = GALLERY[1]["id"]
    with scripted_server() as room:
        fresh_connector.choose("atelier", base_url=room.url)
        fresh_connector.limits = FAST_LIMITS
        comparison = BeforeAfter(task_id=task_id)
        comparison.send()
        bodies = [seen.body for seen in room.posts()]
    assert "Bonjour." in comparison.after.answer.value  # the scripted room's answer arrived
    assert len(bodies) == 2
    found = [session.find(parse_chat_request(body)) for body in bodies]
    assert [entry.text for entry in found] == ["Réponse 3 ✅", "Réponse 4 ✅"]


@pytest.mark.parametrize("max_tokens", [299, 301])
def test_a_notebook_with_other_settings_is_not_matched(tmp_path: Path, max_tokens: int) -> None:
    path = tmp_path / "seance.json"
    prompts = gallery_prompts()[:1]
    prepare_session(Upstream(), prompts, path)
    other = prompts[0].request() | {"max_tokens": max_tokens}
    assert Session.load(path).find(other) is None
