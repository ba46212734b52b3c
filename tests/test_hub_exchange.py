"""nbgrader's exchange between accounts, then `atelier` grading: the hub's cycle on one machine.

A trainer account releases module 01 into a shared exchange folder; two learner
accounts fetch it, answer (one right, one leaves the last question blank) and
submit; the trainer collects. The trainer's `submitted/` folder then goes through
`atelier collect`, `grade` (sandboxed), `report` and `feedback`, and each feedback
page goes back through nbgrader's exchange (`release_feedback`, `fetch_feedback`).

Accounts are real local users (`useradd`), so the exchange's file permissions are
the ones a JupyterHub would meet. It needs root; elsewhere it is skipped. The
accounts run nbgrader with the system's Python 3.11 over the course environment's
packages, because the environment's own interpreter may live in a folder other
accounts cannot enter (here, under /root). The grading steps run as the test
runner, standing for the trainer.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from grading_corpus import RIGHT_01

from conftest import ROOT, learner_path
from curriculum.grading import results
from curriculum.grading.collect import collect
from curriculum.grading.feedback import write_feedback
from curriculum.grading.grade import grade_class
from curriculum.grading.sandbox import find_sandbox

MODULE = "01-prise-en-main"
COURSE = "atelier"
TRAINER, LEARNERS = "atx-formateur", ("atx-alice", "atx-bruno")
SYSTEM_PYTHON = Path("/usr/bin/python3.11")
SITE = Path(sys.prefix) / "lib" / "python3.11" / "site-packages"
SITE_LINE = f"import site, sys; site.addsitedir({str(SITE)!r})"
ALEMBIC_MAIN = "from alembic.config import main; sys.argv[0] = 'alembic'; main()"
ALEMBIC = f"""#!/bin/sh
# nbgrader runs `alembic` from PATH to build the trainer's gradebook.
exec {SYSTEM_PYTHON} -c "{SITE_LINE}; {ALEMBIC_MAIN}" "$@"
"""


def _why_not() -> str:
    if os.geteuid() != 0:
        return "il faut être administrateur (root) pour créer des comptes locaux"
    if not shutil.which("useradd") or not shutil.which("runuser"):
        return "useradd ou runuser manque sur cette machine"
    if not SYSTEM_PYTHON.exists():
        return f"{SYSTEM_PYTHON} manque : les comptes n'auraient pas de Python à lancer"
    return ""


pytestmark = pytest.mark.skipif(bool(_why_not()), reason=_why_not() or "possible")


def run_as(user: str, base: Path, cwd: Path, code: str) -> subprocess.CompletedProcess:
    """Run Python `code` as `user`, with the course environment's packages."""
    program = f"{SITE_LINE}\n{code}"
    home = base / "home" / user
    return subprocess.run(
        [
            "runuser",
            "-u",
            user,
            "--",
            "env",
            "-i",
            f"HOME={home}",
            f"PATH={base / 'bin'}:/usr/bin:/bin",
            str(SYSTEM_PYTHON),
            "-c",
            program,
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def nbgrader(user: str, base: Path, cwd: Path, *arguments: str) -> subprocess.CompletedProcess:
    argv = ["nbgrader", *arguments, f"--Exchange.root={base / 'exchange'}", f"--course={COURSE}"]
    code = f"from nbgrader.apps.nbgraderapp import main\nsys.argv = {argv!r}\nmain()"
    done = run_as(user, base, cwd, code)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


@pytest.fixture(scope="module")
def base() -> Iterator[Path]:
    """A folder every account can enter, the accounts, the shared exchange; all removed."""
    folder = Path(tempfile.mkdtemp(prefix="atelier-hub-"))
    folder.chmod(0o755)
    (folder / "exchange").mkdir(mode=0o777)
    (folder / "exchange").chmod(0o777)  # nbgrader's exchange: every account writes in it
    (folder / "bin").mkdir()
    (folder / "bin" / "alembic").write_text(ALEMBIC, encoding="utf-8")
    (folder / "bin" / "alembic").chmod(0o755)
    created = []
    try:
        for user in (TRAINER, *LEARNERS):
            home = folder / "home" / user
            subprocess.run(["userdel", user], check=False, capture_output=True)  # a crashed run
            subprocess.run(
                ["useradd", "--no-create-home", "--home-dir", str(home), user],
                check=True,
                capture_output=True,
            )
            created.append(user)
            home.mkdir(parents=True)
            shutil.chown(home, user, user)
        yield folder
    finally:
        for user in created:
            subprocess.run(["userdel", user], check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def answer(notebook_path: Path, answers: dict[str, str]) -> str:
    """Python code a learner account runs to answer in its own fetched notebook."""
    return (
        "import nbformat\n"
        f"path = {str(notebook_path)!r}\n"
        "notebook = nbformat.read(path, as_version=4)\n"
        f"answers = {answers!r}\n"
        "for cell in notebook.cells:\n"
        "    grade_id = cell.metadata.get('nbgrader', {}).get('grade_id', '')\n"
        "    if grade_id.removesuffix('-reponse') in answers and grade_id.endswith('-reponse'):\n"
        "        cell.source = answers[grade_id.removesuffix('-reponse')]\n"
        "nbformat.write(notebook, path)\n"
    )


def test_release_fetch_submit_collect_grade_and_return_feedback(base: Path) -> None:
    trainer_home = base / "home" / TRAINER
    course = trainer_home / "cours"
    (course / "release" / MODULE).mkdir(parents=True)
    shutil.copy(learner_path(MODULE), course / "release" / MODULE)
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.course_id = {COURSE!r}\n", encoding="utf-8"
    )
    subprocess.run(["chown", "-R", f"{TRAINER}:{TRAINER}", str(course)], check=True)

    nbgrader(TRAINER, base, course, "release_assignment", MODULE)
    answers = {LEARNERS[0]: RIGHT_01, LEARNERS[1]: {k: v for k, v in RIGHT_01.items() if k != "q4"}}
    for learner in LEARNERS:
        home = base / "home" / learner
        nbgrader(learner, base, home, "fetch_assignment", MODULE)
        fetched = home / MODULE / f"{MODULE}.ipynb"
        assert run_as(learner, base, home, answer(fetched, answers[learner])).returncode == 0
        nbgrader(learner, base, home, "submit", MODULE)
    # The exchange's inbound folder cannot be listed by a learner: nobody sees who
    # handed in what, nor another learner's file name.
    inbound = base / "exchange" / COURSE / "inbound"
    listing = (
        "import os\ntry:\n    print(os.listdir({!r}))\nexcept PermissionError:\n    print('refusé')"
    )
    peek = run_as(LEARNERS[1], base, base, listing.format(str(inbound)))
    assert peek.stdout.strip() == "refusé", peek.stdout

    nbgrader(TRAINER, base, course, "collect", MODULE)
    submitted = course / "submitted"
    assert sorted(path.name for path in submitted.iterdir()) == sorted(LEARNERS)

    class_folder = base / "classe"
    report = collect(submitted, class_folder, ROOT)
    assert report.counts["pris"] == 2
    sandbox = find_sandbox()
    summary = grade_class(class_folder, ROOT, [MODULE], sandbox, 30, jobs=2)
    points = {result.identifiant: result.points for result in summary.results}
    assert points == {"atx-alice": 4, "atx-bruno": 3}
    pages = {path.stem: path for path in write_feedback(class_folder, ROOT)}

    # Feedback goes back through the exchange: one page per learner, as nbgrader expects it.
    for learner in LEARNERS:
        target = course / "feedback" / learner / MODULE
        target.mkdir(parents=True)
        shutil.copy(pages[learner], target / f"{MODULE}.html")
        for record in ("timestamp.txt", "submission_secret.txt"):  # nbgrader's own records
            shutil.copy(submitted / learner / MODULE / record, target)
        shutil.copytree(submitted / learner / MODULE, course / "autograded" / learner / MODULE)
    subprocess.run(["chown", "-R", f"{TRAINER}:{TRAINER}", str(course)], check=True)
    nbgrader(TRAINER, base, course, "release_feedback", MODULE)
    for learner in LEARNERS:
        home = base / "home" / learner
        nbgrader(learner, base, home, "fetch_feedback", MODULE)
        received = list((home / MODULE / "feedback").rglob(f"{MODULE}.html"))
        assert len(received) == 1
        assert "Vos résultats" in received[0].read_text("utf-8")
    assert results.read_results(class_folder)
