"""The sandbox's set-up: what a graded kernel inherits, and what the trainer is told."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from curriculum import cli
from curriculum.grading import sandbox
from curriculum.grading.sandbox import bwrap_arguments, find_sandbox, kernel_environment


def test_a_graded_kernel_inherits_nothing_from_the_trainer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret")
    environment = kernel_environment(tmp_path)
    assert "OPENAI_API_KEY" not in environment
    assert "sk-secret" not in " ".join(environment.values())
    assert environment["HOME"] == str(tmp_path)
    arguments = bwrap_arguments(tmp_path, tmp_path / "run")
    assert "--clearenv" in arguments and "sk-secret" not in " ".join(arguments)
    for option in ("--unshare-net", "--unshare-pid", "--die-with-parent", "--new-session"):
        assert option in arguments
    writable = [arguments[i + 1] for i, part in enumerate(arguments) if part == "--bind"]
    assert writable == [str(tmp_path), str(tmp_path / "run")]
    assert "/etc" not in [
        arguments[i + 1] for i, part in enumerate(arguments) if part == "--ro-bind"
    ]


def test_without_bwrap_the_trainer_is_told_why_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: None)
    found = find_sandbox()
    assert not found.isolated
    assert "bubblewrap" in found.reason and "apt install bubblewrap" in found.reason


def test_when_bwrap_cannot_run_the_trainer_is_told_why(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox.shutil, "which", lambda name: "/usr/bin/" + name)

    def refused(*args: object, **kwargs: object) -> subprocess.CompletedProcess:
        return subprocess.CompletedProcess(
            args, 1, "", "bwrap: No permissions to create new namespace"
        )

    monkeypatch.setattr(sandbox.subprocess, "run", refused)
    found = find_sandbox()
    assert not found.isolated
    assert "conteneur" in found.reason and "No permissions" in found.reason


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["grade"], "indiquez un module"),
        (["grade", "01-prise-en-main", "--tous"], "pas les deux"),
        (["grade", "--tous", "--delai", "x"], "n'est pas un nombre entier"),
        (["grade", "--tous", "--jobs", "0"], "au moins 1"),
        (["collect"], "il manque : SOURCE"),
    ],
)
def test_usage_mistakes_get_a_french_sentence(
    argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(argv) == cli.USAGE
    error = capsys.readouterr().err
    assert expected in error and "Traceback" not in error and "invalid" not in error


def test_a_class_folder_inside_the_course_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(cli.__file__).resolve().parent.parent)
    assert cli.main(["report", "--classe", "notebooks/classe"]) == cli.USAGE
    assert "appartient au cours" in capsys.readouterr().err


def test_grading_an_unknown_module_or_an_empty_class_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(Path(cli.__file__).resolve().parent.parent)
    assert cli.main(["grade", "99-inconnu", "--classe", str(tmp_path)]) == cli.USAGE
    assert "n'est pas un module noté" in capsys.readouterr().err
    assert cli.main(["grade", "--tous", "--classe", str(tmp_path)]) == cli.PROBLEMS
    assert "atelier collect" in capsys.readouterr().err
