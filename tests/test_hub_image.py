"""The hub's image (deploy/hub/Dockerfile), Binder and `make test` run the same environment.

Static checks only: the image is never built by the tests. The Dockerfile is parsed, its
installs compared with the Makefile's and with the locks, and every script it runs found.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import tomllib
from pathlib import PurePosixPath

from packaging.requirements import Requirement
from test_binder import pins

from conftest import ROOT

HUB = ROOT / "deploy" / "hub"
LOCKS = {
    "binder": ROOT / "binder" / "requirements.txt",
    "tests": ROOT / "tests" / "requirements.txt",
    "hub": HUB / "requirements.txt",
}


def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order: continuation lines joined, comments dropped."""
    instructions, current = [], ""
    for line in (HUB / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        current += line.rstrip().removesuffix("\\") + " "
        if not line.rstrip().endswith("\\"):
            keyword, _, arguments = current.strip().partition(" ")
            instructions.append((keyword.upper(), " ".join(arguments.split())))
            current = ""
    assert not current, "le Dockerfile se termine au milieu d'une instruction"
    return instructions


def arguments(keyword: str) -> list[str]:
    return [rest for name, rest in dockerfile() if name == keyword]


def with_workdir() -> list[tuple[str, str, PurePosixPath]]:
    """Each instruction with the working directory it runs in."""
    steps, workdir = [], PurePosixPath("/")
    for keyword, rest in dockerfile():
        if keyword == "WORKDIR":
            workdir = workdir / rest
        steps.append((keyword, rest, workdir))
    return steps


def image_files() -> dict[PurePosixPath, str]:
    """Where each COPY puts a file or folder of the repository: image path -> repository path."""
    placed = {}
    for keyword, rest, workdir in with_workdir():
        if keyword == "COPY":
            *sources, target = shlex.split(rest)
            assert not any(source.startswith("--") for source in sources), rest
            into_folder = len(sources) > 1 or target.endswith("/")
            for source in sources:
                inside = workdir / target / (PurePosixPath(source).name if into_folder else "")
                placed[inside] = source
    return placed


def repository_path(image_path: str, workdir: PurePosixPath) -> str:
    """The repository file behind a path of the image, through the COPY that put it there."""
    absolute = workdir / image_path
    for placed, source in image_files().items():
        if absolute == placed or placed in absolute.parents:
            return str(PurePosixPath(source) / absolute.relative_to(placed))
    raise AssertionError(f"{image_path} n'est copié dans l'image par aucun COPY")


def run_steps(prefix: str) -> list[tuple[str, PurePosixPath]]:
    """The RUN instructions that start with `prefix`, with their working directory."""
    return [
        (rest, workdir)
        for keyword, rest, workdir in with_workdir()
        if keyword == "RUN" and rest.startswith(prefix)
    ]


def extra(name: str) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return [Requirement(line) for line in project["optional-dependencies"][name]]


def requirement_files(command: str) -> list[str]:
    words = shlex.split(command)
    return [words[i + 1] for i, word in enumerate(words) if word == "-r"]


# ---------------------------------------------------------------- the base image


def test_the_image_starts_from_the_official_python_of_binder() -> None:
    (base,) = arguments("FROM")
    image, _, tag = base.partition(":")
    # An official image has no registry nor namespace: `python`, not `someone/python`.
    assert image == "python" and tag.startswith("3.11-slim"), base
    runtime = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{tag.split('-')[0]}"


# ---------------------------------------------------------------- the same locks


def test_the_image_installs_binders_lock_as_make_test_does() -> None:
    ((install, workdir),) = run_steps("python -m pip install")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (make_install,) = [
        line for line in makefile.splitlines() if "-r binder/requirements.txt" in line
    ]
    assert requirement_files(install) == ["binder/requirements.txt", "deploy/hub/requirements.txt"]
    assert requirement_files(make_install) == ["binder/requirements.txt", "tests/requirements.txt"]
    # The files installed are the repository's, copied before the install, itself before the
    # course's own installation (postBuild installs the course without its dependencies).
    for name in requirement_files(install):
        assert repository_path(name, workdir) == name
    steps = dockerfile()
    assert steps.index(("RUN", install)) < steps.index(("RUN", "binder/postBuild"))


def test_the_hub_lock_has_every_pin_of_binder_and_of_the_tests_unchanged() -> None:
    binder, tests, hub = (pins(LOCKS[name]) for name in ("binder", "tests", "hub"))
    assert binder.items() <= hub.items(), "deploy/hub/requirements.txt diffère de Binder"
    shared = hub.keys() & tests.keys()
    assert {name: hub[name] for name in shared} == {name: tests[name] for name in shared}


def test_the_trainer_tools_and_the_hub_packages_are_locked_for_the_hub() -> None:
    hub, tests = pins(LOCKS["hub"]), pins(LOCKS["tests"])
    for requirement in extra("formateur"):
        assert hub[requirement.name] == tests[requirement.name], requirement.name
    for requirement in extra("hub"):
        (pinned,) = requirement.specifier
        assert pinned.operator == "==", f"{requirement} : épinglez une version exacte"
        assert hub[requirement.name] == pinned.version
    # The tests pull with the nbgitpuller of the hub.
    (nbgitpuller,) = [r for r in extra("test") if r.name == "nbgitpuller"]
    assert (
        nbgitpuller.specifier == next(r for r in extra("hub") if r.name == "nbgitpuller").specifier
    )
    assert tests["nbgitpuller"] == hub["nbgitpuller"]


def test_make_lock_writes_the_hub_lock_as_its_header_says() -> None:
    header = LOCKS["hub"].read_text(encoding="utf-8").split("\n#\n", 2)[1]
    options = set(re.findall(r"--[a-z-]+=\S+", header))
    assert options >= {
        "--extra=formateur",
        "--extra=hub",
        "--constraint=binder/requirements.txt",
        "--constraint=tests/requirements.txt",
        "--output-file=deploy/hub/requirements.txt",
    }
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nlock:", 1)[1].split("\n\n")[0]
    command = " ".join(recipe.replace("\\\n", " ").split())
    for option in options:
        assert option.replace("=", " ", 1) in command, option


# ---------------------------------------------------------------- what the image runs


def scripts_run_by(script: str) -> list[str]:
    """The repository scripts a shell script runs, by their `binder/...` path."""
    text = (ROOT / script).read_text(encoding="utf-8")
    return re.findall(r"^(binder/[\w.-]+)$", text, re.M)


def test_every_script_the_image_runs_exists_and_is_executable() -> None:
    run = run_steps("binder/")
    assert [rest for rest, _ in run] == ["binder/postBuild"], (
        "l'image passe par le script de Binder, sans le recopier"
    )
    ((entrypoint, workdir),) = [
        (json.loads(rest)[0], workdir)
        for keyword, rest, workdir in with_workdir()
        if keyword == "ENTRYPOINT"
    ]
    scripts = [repository_path(rest, workdir) for rest, workdir in run]
    scripts += [repository_path(entrypoint, workdir), *scripts_run_by("binder/postBuild")]
    assert scripts == [
        "binder/postBuild",
        "binder/start",
        "binder/learner-view",
        "binder/install-no-code-view",
    ]
    for script in scripts:
        assert os.access(ROOT / script, os.X_OK), f"{script} manque ou n'est pas exécutable"
    # Its settings come from postBuild alone: no copy of its steps in the Dockerfile.
    text = (HUB / "Dockerfile").read_text(encoding="utf-8")
    for step in ("overrides.json", "ipython_kernel_config", "labextension", "voila"):
        assert step not in text


def test_the_course_package_and_the_trainer_view_are_in_the_image() -> None:
    placed = set(image_files().values())
    assert {"pyproject.toml", "README.md", "LICENSE", "binder", "curriculum", "widgets"} <= placed
    assert (ROOT / "binder" / "formateur" / "jupyter_server_config.json").is_file()


def test_the_single_user_server_runs_as_jovyan_with_git() -> None:
    assert json.loads(arguments("CMD")[0]) == ["jupyterhub-singleuser"]
    assert arguments("USER") == ["jovyan"]
    assert any("useradd" in rest and "--uid 1000" in rest for rest in arguments("RUN"))
    (apt,) = [rest for rest in arguments("RUN") if "apt-get install" in rest]
    assert {"git", "bubblewrap"} <= set(apt.split())
