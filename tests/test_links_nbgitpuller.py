"""`atelier lien`: nbgitpuller links that decode to the right course, and a real pull with
nbgitpuller's own puller that keeps a learner's work and brings a new module.

nbgitpuller 1.3.0 (nbgitpuller/pull.py, GitPuller.update), on a folder already cloned: it
restores the course files the learner deleted, commits the learner's changes locally, renames
a learner's untracked file that a new course file would overwrite (timestamp suffix), then
runs `git merge -Xours origin/main`. The merge is git's, line by line in the notebook's JSON:
where only the course changed a part of a file, the course's change arrives; where only the
learner did, the learner's stays; where both changed the same lines, or lines next to each
other, that whole part stays as the learner wrote it, and the course's change to it is lost.
A file the learner changed and the course deleted is kept. The tests below check the first,
second and fourth steps on real notebooks; the renaming and the modify/delete case are only
read from nbgitpuller's code. Another test follows a link through nbgitpuller's own pages on a
local Jupyter server (the hub's own redirection to the learner's server is not run here).
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import nbformat
import pytest

from conftest import NOTEBOOKS, ROOT
from curriculum.course_server import course_server
from curriculum.link_command import LinkError, lien_lines
from curriculum.links import hub_url
from curriculum.syllabus import load_course_syllabus

SYLLABUS = load_course_syllabus(ROOT)
HUB = "https://hub.exemple.fr"
DEPOT = "https://github.com/atelier-ia/atelier-ia"
# Each path's view, as the issue asks: élus and Café IA in the no-code view.
PATH_VIEWS = {
    "elus": "voila/render",
    "cafe-ia": "voila/render",
    "agents": "lab/tree",
    "autonomie": "lab/tree",
}


def urls(lines: list[str]) -> list[str]:
    return [line.strip() for line in lines if line.strip().startswith("http")]


def decode_hub(url: str) -> tuple[str, dict[str, str]]:
    """The hub page a link opens and its parameters, each given once."""
    parts = urlsplit(url)
    query = parse_qs(parts.query, strict_parsing=True)
    assert all(len(values) == 1 for values in query.values()), url
    return f"{parts.scheme}://{parts.netloc}{parts.path}", {k: v[0] for k, v in query.items()}


# ---------------------------------------------------------------- the links


@pytest.mark.parametrize("module", SYLLABUS.modules, ids=lambda module: module.id)
def test_a_module_hub_link_pulls_the_course_and_opens_its_learner_notebook(module) -> None:
    (url,) = urls(lien_lines(ROOT, hub=HUB, module=module.id))
    page, query = decode_hub(url)
    assert page == f"{HUB}/hub/user-redirect/git-pull"
    assert query == {
        "repo": DEPOT,
        "branch": "main",
        "urlpath": f"lab/tree/atelier-ia/notebooks/{module.notebook}",
    }
    assert (NOTEBOOKS / module.notebook).is_file()
    # Every reserved character of a value is encoded: nothing is read as a new parameter.
    assert "repo=https%3A%2F%2Fgithub.com%2Fatelier-ia%2Fatelier-ia&" in url


@pytest.mark.parametrize("module", SYLLABUS.modules, ids=lambda module: module.id)
def test_a_module_binder_link_opens_its_learner_notebook(module) -> None:
    (url,) = urls(lien_lines(ROOT, module=module.id, vue="sans-code"))
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("mybinder.org", "/v2/gh/atelier-ia/atelier-ia/main")
    assert parse_qs(parts.query) == {"urlpath": [f"voila/render/notebooks/{module.notebook}"]}


def test_every_path_has_its_view() -> None:
    assert {path.id for path in SYLLABUS.paths} == set(PATH_VIEWS)


@pytest.mark.parametrize("path", SYLLABUS.paths, ids=lambda path: path.id)
def test_a_path_links_each_of_its_modules_in_order_in_its_view(path) -> None:
    notebooks = [SYLLABUS.module(step.module).notebook for step in path.steps if step.module]
    decoded = [decode_hub(url)[1] for url in urls(lien_lines(ROOT, hub=HUB, parcours=path.id))]
    assert [query["urlpath"] for query in decoded] == [
        f"{PATH_VIEWS[path.id]}/atelier-ia/notebooks/{notebook}" for notebook in notebooks
    ]
    assert {(query["repo"], query["branch"]) for query in decoded} == {(DEPOT, "main")}


def test_the_view_option_overrides_the_path_view() -> None:
    decoded = [decode_hub(url)[1] for url in urls(lien_lines(ROOT, hub=HUB, parcours="elus"))]
    forced = lien_lines(ROOT, hub=HUB, parcours="elus", vue="jupyterlab")
    assert [decode_hub(url)[1]["urlpath"] for url in urls(forced)] == [
        query["urlpath"].replace("voila/render/", "lab/tree/", 1) for query in decoded
    ]


def test_without_a_module_the_link_opens_the_welcome_page() -> None:
    (url,) = urls(lien_lines(ROOT, hub=HUB))
    assert (
        decode_hub(url)[1]["urlpath"] == "lab/tree/atelier-ia/notebooks/00-accueil/00-accueil.ipynb"
    )


def test_another_repository_and_a_hub_under_a_folder() -> None:
    depot = "https://forge.exemple.fr/cnfpt/Atelier IA+2026.git"
    with pytest.raises(LinkError, match="adresse --depot incomprise"):
        lien_lines(ROOT, hub=HUB, depot=depot)
    depot = "https://forge.exemple.fr/cnfpt/atelier-ia+2026.git?x=1&y=2"
    (url,) = urls(lien_lines(ROOT, hub="https://exemple.fr/jupyter/", depot=depot + "/"))
    page, query = decode_hub(url)
    assert page == "https://exemple.fr/jupyter/hub/user-redirect/git-pull"
    assert query["repo"] == depot
    # nbgitpuller clones into the last part of the address, as it is (handlers.py, UIHandler).
    assert query["urlpath"] == (
        "lab/tree/atelier-ia+2026.git?x=1&y=2/notebooks/00-accueil/00-accueil.ipynb"
    )
    (url,) = urls(lien_lines(ROOT, depot="https://gitlab.exemple.fr/cnfpt/atelier-ia"))
    assert url.startswith(
        "https://mybinder.org/v2/git/https%3A%2F%2Fgitlab.exemple.fr%2Fcnfpt%2Fatelier-ia/main?"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"module": "99-inconnu"}, "module inconnu : « 99-inconnu ». Modules du programme : 00"),
        ({"parcours": "maires"}, "parcours inconnu : « maires ». Parcours du programme : elus"),
        ({"parcours": "elus", "module": "03-prompts"}, "pas les deux"),
        ({"hub": "hub.exemple.fr"}, "adresse --hub incomprise : « hub.exemple.fr »"),
        ({"depot": "file:///srv/atelier-ia"}, "Binder ne peut ouvrir qu'un dépôt public"),
        ({"vue": "voila"}, "vue inconnue : « voila ». Vues : jupyterlab, sans-code."),
    ],
)
def test_ordinary_mistakes_are_said_in_french(arguments: dict, message: str) -> None:
    with pytest.raises(LinkError) as raised:
        lien_lines(ROOT, **arguments)
    assert message in str(raised.value)


def test_a_hub_link_names_the_hub_and_the_repository_in_french() -> None:
    lines = lien_lines(ROOT, hub=HUB, parcours="cafe-ia")
    assert (
        lines[0] == f"Café IA : une heure pour en parler (vue sans code), sur le JupyterHub {HUB}."
    )
    assert "« atelier-ia »" in lines[1] and "en gardant ce qu'elle y a écrit" in lines[1]


# ---------------------------------------------------------------- a real pull


@pytest.fixture
def git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """git, alone: no configuration of this machine or of its user."""
    if shutil.which("git") is None:
        pytest.skip("git n'est pas installé : la mise à jour par nbgitpuller n'est pas testée.")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("HOME", str(tmp_path))

    def run(folder: Path, *arguments: str) -> None:
        identity = ("-c", "user.name=Équipe du cours", "-c", "user.email=cours@exemple.fr")
        subprocess.run(["git", *identity, *arguments], cwd=folder, check=True, capture_output=True)

    return run


def course_copy(folder: Path, module_ids: list[str]) -> None:
    for module_id in module_ids:
        source = NOTEBOOKS / module_id / f"{module_id}.ipynb"
        (folder / "notebooks" / module_id).mkdir(parents=True)
        shutil.copyfile(source, folder / "notebooks" / module_id / source.name)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        assert response.status == 200, url
        return response.read().decode("utf-8")


def notebook_in(folder: Path, module_id: str) -> Path:
    return folder / "notebooks" / module_id / f"{module_id}.ipynb"


def pull(server_root: Path, url: str) -> None:
    """What nbgitpuller's handlers do with a link: clone or update, in the right folder."""
    from nbgitpuller.pull import GitPuller

    query = decode_hub(url)[1]
    folder = query["repo"].rstrip("/").split("/")[-1]  # handlers.py, UIHandler's targetpath
    for _line in GitPuller(query["repo"], str(server_root / folder), branch=query["branch"]).pull():
        pass


@pytest.fixture
def depot(tmp_path: Path, git) -> Path:
    """A small copy of the course in its own git repository: two modules, branch main."""
    pytest.importorskip("nbgitpuller", reason="nbgitpuller n'est pas installé (option test).")
    folder = tmp_path / "depot" / "atelier-ia"
    folder.mkdir(parents=True)
    git(folder, "init", "--quiet", "--initial-branch=main")
    course_copy(folder, ["01-prise-en-main", "02-ia-generative"])
    git(folder, "add", "-A")
    git(folder, "commit", "--quiet", "-m", "Le cours, version 1")
    return folder


def test_a_link_goes_through_nbgitpullers_own_pages_to_the_module(
    tmp_path: Path, depot: Path
) -> None:
    """What the learner's browser does with a link, once the hub has sent it to the
    learner's own server: nbgitpuller's page, its pull, then the module it names."""
    empty = tmp_path / "accueil"
    empty.mkdir()
    url = hub_url(HUB, depot.as_uri(), "02-ia-generative", "sans-code")
    with course_server(tmp_path / "serveur", empty) as server:
        page = fetch(f"{server.url}/git-pull?{urlsplit(url).query}")
        data = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', page))
        targetpath, path = unquote(data["targetpath"]), unquote(data["path"])
        assert (targetpath, path) == (
            "atelier-ia",
            "voila/render/atelier-ia/notebooks/02-ia-generative/02-ia-generative.ipynb",
        )
        # The request the page's script sends (nbgitpuller/static/js/gitsync.js).
        sync = urlencode(
            {"repo": unquote(data["repo"]), "targetpath": targetpath, "branch": "main"}
        )
        events = re.findall(r"^data: (.*)$", fetch(f"{server.url}/git-pull/api?{sync}"), re.M)
        assert json.loads(events[-1])["phase"] == "finished", events
        notebook = json.loads(fetch(f"{server.url}/api/contents/{path.split('/', 2)[2]}"))
        assert notebook["type"] == "notebook"
        assert fetch(f"{server.url}/lab/tree/{path.split('/', 2)[2]}")
    assert (server.notebooks / targetpath / ".git").is_dir()


def test_pulling_a_newer_course_keeps_the_learners_work_and_brings_the_new_module(
    tmp_path: Path, depot: Path, git
) -> None:
    server_root = tmp_path / "jovyan"
    server_root.mkdir()
    url = hub_url(HUB, depot.as_uri(), "01-prise-en-main", "jupyterlab")

    pull(server_root, url)
    opened = server_root / decode_hub(url)[1]["urlpath"].removeprefix("lab/tree/")
    assert opened.read_bytes() == notebook_in(depot, "01-prise-en-main").read_bytes()
    clone = opened.parents[2]

    # The learner answers two questions, runs a check, keeps notes, deletes module 02.
    mine = nbformat.read(opened, as_version=4)
    assert mine.cells[6].source.endswith("reponse_q1 = ...")
    mine.cells[6].source = mine.cells[6].source.replace("= ...", '= "B"')
    mine.cells[6].execution_count = 3
    mine.cells[7].outputs = [nbformat.v4.new_output("stream", text="Bonne réponse !\n")]
    mine.cells[14].source = mine.cells[14].source.replace("= ...", "= repas_par_jour * 140")
    nbformat.write(mine, opened)
    (clone / "mes-notes.txt").write_text("Demander le prix des repas.\n", encoding="utf-8")
    notebook_in(clone, "02-ia-generative").unlink()

    # The course moves on: a new title, a new instruction in the cell the learner answered,
    # and a new module.
    newer = nbformat.read(notebook_in(depot, "01-prise-en-main"), as_version=4)
    newer.cells[0].source = newer.cells[0].source.replace("# Prendre", "# Bien prendre", 1)
    first_line, rest = newer.cells[6].source.split("\n", 1)
    newer.cells[6].source = "# Une seule lettre, entre guillemets.\n" + rest
    nbformat.write(newer, notebook_in(depot, "01-prise-en-main"))
    course_copy(depot, ["03-prompts"])
    git(depot, "add", "-A")
    git(depot, "commit", "--quiet", "-m", "Le cours, version 2")

    pull(server_root, url)
    merged = nbformat.read(opened, as_version=4)
    nbformat.validate(merged)
    # The course's new title arrives; everything the learner wrote or ran stays. In cell 6,
    # both changed neighbouring lines: the learner's version wins whole (-Xours), so the
    # new instruction is not there.
    expected = copy.deepcopy(mine)
    expected.cells[0] = newer.cells[0]
    assert merged == expected
    assert merged.cells[6].source == f'{first_line}\nreponse_q1 = "B"'
    assert "Une seule lettre" not in opened.read_text(encoding="utf-8")
    # The new module and the deleted one are the course's; the learner's notes are untouched.
    for module_id in ("03-prompts", "02-ia-generative"):
        assert (
            notebook_in(clone, module_id).read_bytes() == notebook_in(depot, module_id).read_bytes()
        )
    assert (clone / "mes-notes.txt").read_text(encoding="utf-8") == "Demander le prix des repas.\n"


# ---------------------------------------------------------------- the learner branch


def test_the_learner_branch_holds_the_course_without_answer_keys_and_pulls_forward(
    depot: Path, git, tmp_path: Path
) -> None:
    from curriculum.learner_branch import LEARNER_BRANCH, publish_learner_branch

    for folder, name in (("solutions/01-prise-en-main", "corrige.ipynb"), ("tests", "t.py")):
        (depot / folder).mkdir(parents=True)
        (depot / folder / name).write_text("réponse attendue : B", encoding="utf-8")
    git(depot, "add", "-A")
    git(depot, "commit", "--quiet", "-m", "corrigés et tests")
    head_before = (depot / ".git" / "HEAD").read_text()
    first = publish_learner_branch(depot)
    assert first.created and (depot / ".git" / "HEAD").read_text() == head_before
    assert (depot / "solutions").is_dir()  # the working tree is untouched

    url = hub_url(HUB, depot.as_uri(), "01-prise-en-main", "jupyterlab", LEARNER_BRANCH)
    home = tmp_path / "apprenant"
    pull(home, url)
    clone = home / "atelier-ia"
    assert notebook_in(clone, "01-prise-en-main").is_file()
    assert not (clone / "solutions").exists() and not (clone / "tests").exists()

    assert not publish_learner_branch(depot).created  # nothing new: no empty commit
    course_copy(depot, ["03-prompts"])
    git(depot, "add", "-A")
    git(depot, "commit", "--quiet", "-m", "module 03")
    second = publish_learner_branch(depot)
    assert second.created and second.commit != first.commit
    pull(home, url)  # a fast-forward for the learner's clone
    assert notebook_in(clone, "03-prompts").is_file()
    assert not (clone / "solutions").exists()
