"""The whole story: prepared the day before through the gateway, replayed in the room offline."""

from __future__ import annotations

from pathlib import Path

from llm_fakes import FAST_LIMITS, FakeModel, Step, completion, fresh_connector, running
from llm_fakes import scripted_server as upstream_server

from widgets.llm import connector
from widgets.llm.gateway import GatewayBackend
from widgets.llm.interface import Secret
from widgets.llm.replay import UNRECORDED_NOTE, ReplayBackend
from widgets.llm.room_backend import ClassroomBackend
from widgets.llm.server import make_server
from widgets.llm.session_prompts import gallery_prompts, prepare_session
from widgets.prompts.gallery import gallery

__all__ = ["fresh_connector"]

UPSTREAM_KEY = "cle-amont-de-test-0123456789"


def test_a_session_prepared_online_replays_in_the_room_with_the_upstream_stopped(
    tmp_path: Path, fresh_connector: connector.Settings
) -> None:
    from widgets.prompts.views.comparison import BeforeAfter

    path = tmp_path / "seance.json"
    prompts = gallery_prompts()
    answers = [Step(body=completion(f"Réponse du grand modèle n° {n}")) for n in range(1, 40)]
    with upstream_server(*answers) as upstream:
        gateway = GatewayBackend(upstream.url, "albert-large", Secret(UPSTREAM_KEY))
        report = prepare_session(gateway, prompts, path)
        posts = upstream.posts()
    assert (report.recorded, report.failures) == (len(prompts), ())
    assert len(posts) == len(prompts)
    assert all(seen.headers["authorization"] == f"Bearer {UPSTREAM_KEY}" for seen in posts)

    replay = ReplayBackend(path, ClassroomBackend(FakeModel()))
    second_task = gallery()[1].id
    with running(make_server(replay, "127.0.0.1", 0)) as room:
        fresh_connector.choose("atelier", base_url=room.url)
        fresh_connector.limits = FAST_LIMITS
        comparison = BeforeAfter(task_id=second_task)
        comparison.send()
        comparison.after.prompt.value += " Merci."
        edited = connector.generate(comparison.after.prompt.value, max_tokens=5)
    before, after = comparison.before.answer.value, comparison.after.answer.value
    assert "Réponse du grand modèle n° 3" in before
    assert "Réponse du grand modèle n° 4" in after
    assert "Réponse enregistrée le " in before and "avec le modèle albert-large" in before
    assert "« albert-large »" in before  # the answer's header names the recorded model
    assert edited.room is not None and edited.room.note == UNRECORDED_NOTE
    assert "grand modèle" not in edited.text


def test_atelier_seance_preparer_writes_the_session_file_with_the_key_from_the_environment(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    from curriculum import cli
    from widgets.llm.session_file import read_session

    monkeypatch.setenv("ATELIER_CLE_AMONT", UPSTREAM_KEY)
    monkeypatch.chdir(Path(cli.__file__).resolve().parent.parent)
    path = tmp_path / "seance.json"
    with upstream_server(Step(body=completion("Réponse enregistrée"))) as upstream:
        code = cli.main(
            ["seance", "preparer", str(path), "--amont", upstream.url, "--modele", "albert-large"]
        )
        posts = upstream.posts()
    printed = capsys.readouterr()
    assert code == cli.OK, printed.err
    assert len(read_session(path)) == len(gallery_prompts()) == len(posts)
    assert all(seen.headers["authorization"] == f"Bearer {UPSTREAM_KEY}" for seen in posts)
    assert UPSTREAM_KEY not in printed.out + printed.err + path.read_text("utf-8")
    assert f"[1/{len(gallery_prompts())}]" in printed.out
