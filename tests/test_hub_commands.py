"""`atelier lien` and `atelier tableau` from the command line: French, no traceback."""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest

from conftest import ROOT, learner_path
from curriculum import cli


@pytest.fixture(autouse=True)
def _in_the_course(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_lien_prints_a_hub_link_that_opens_the_module_in_the_path_view(capsys) -> None:
    assert cli.main(["lien", "--parcours", "elus", "--hub", "https://hub.exemple.fr"]) == cli.OK
    printed = capsys.readouterr().out
    links = [line.strip() for line in printed.splitlines() if "git-pull?" in line]
    assert links, printed
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(links[0]).query)
    assert query["branch"] == ["main"]
    assert query["urlpath"][0].startswith("voila/render/")  # élus: the no-code view
    assert query["urlpath"][0].endswith(".ipynb")


def test_lien_refuses_an_unknown_module_in_french(capsys) -> None:
    assert cli.main(["lien", "99-inconnu"]) == cli.USAGE
    error = capsys.readouterr().err
    assert "module inconnu" in error and "Traceback" not in error


def test_tableau_reads_the_accounts_and_writes_the_page(tmp_path: Path, capsys) -> None:
    home = tmp_path / "comptes" / "marie" / "atelier-ia" / "notebooks" / "01-prise-en-main"
    home.mkdir(parents=True)
    (home / "01-prise-en-main.ipynb").write_bytes(learner_path("01-prise-en-main").read_bytes())
    page = tmp_path / "tableau.html"
    code = cli.main(["tableau", "--comptes", str(tmp_path / "comptes"), "--sortie", str(page)])
    assert code == cli.OK, capsys.readouterr().err
    assert "marie" in page.read_text("utf-8")
    assert cli.main(["tableau", "--comptes", str(tmp_path / "absent")]) == cli.PROBLEMS
    assert "introuvable" in capsys.readouterr().err
