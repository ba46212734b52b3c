"""`atelier publier`: a branch of the course for learners, without the answer keys.

On a JupyterHub, nbgitpuller clones the whole branch its links name into every
learner's folder. The `main` branch holds `solutions/` (the instructor versions,
with hidden tests) and `tests/` (which also write the right answers down). The
learner branch is the same course without them: each publication is one commit
whose tree is the source's tree minus those folders, and whose parent is the
branch's previous commit, so that learners' clones are only ever fast-forwarded
(nbgitpuller then keeps their work as it does on `main`).

Git's own plumbing does it (`read-tree` into a temporary index, `rm --cached`,
`write-tree`, `commit-tree`, `update-ref`): the working tree, the real index and
the current branch are never touched.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

LEARNER_BRANCH = "apprenants"
EXCLUDED = ("solutions", "tests")
"""Folders learners never receive."""


class PublishError(Exception):
    """The branch cannot be published; the message is French."""


@dataclass(frozen=True)
class Published:
    branch: str
    commit: str
    source: str
    created: bool
    """False when the course had not changed since the last publication."""

    def french_lines(self) -> list[str]:
        if not self.created:
            return [
                f"La branche « {self.branch} » est déjà à jour ({self.commit[:10]}) : "
                "rien de nouveau depuis la dernière publication."
            ]
        return [
            f"Branche « {self.branch} » publiée : {self.commit[:10]}, depuis {self.source[:10]}, "
            f"sans {' ni '.join(f'{folder}/' for folder in EXCLUDED)}.",
            f"Poussez-la vers la forge (git push origin {self.branch}), puis donnez "
            f"--branche {self.branch} à « atelier lien --hub … ».",
        ]


def publish_learner_branch(
    repo: Path, source: str = "HEAD", branch: str = LEARNER_BRANCH
) -> Published:
    """Commit the course at `source`, minus EXCLUDED, on top of `branch`."""
    source_commit = _git(repo, "rev-parse", "--verify", "--quiet", f"{source}^{{commit}}")
    if not source_commit:
        raise PublishError(f"« {source} » n'est pas un commit de ce dépôt.")
    parent = _git(repo, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}^{{commit}}")
    with tempfile.TemporaryDirectory() as folder:
        index = {"GIT_INDEX_FILE": str(Path(folder) / "index")}
        _git(repo, "read-tree", source_commit, env=index)
        _git(repo, "rm", "-r", "--cached", "--quiet", "--ignore-unmatch", *EXCLUDED, env=index)
        tree = _git(repo, "write-tree", env=index)
    if parent and _git(repo, "rev-parse", f"{parent}^{{tree}}") == tree:
        return Published(branch, parent, source_commit, created=False)
    message = (
        f"Version apprenants de {source_commit[:10]} : le cours sans "
        f"{', '.join(f'{folder}/' for folder in EXCLUDED)}"
    )
    arguments = ["commit-tree", tree, "-m", message, *(["-p", parent] if parent else [])]
    commit = _git(repo, *arguments, env=_identity(repo))
    _git(repo, "update-ref", f"refs/heads/{branch}", commit, *([parent] if parent else []))
    return Published(branch, commit, source_commit, created=True)


def _identity(repo: Path) -> dict[str, str]:
    """The commit's author: the trainer's own git identity, else the course's name."""
    if _git(repo, "config", "user.email", check=False):
        return {}
    return {
        name: value
        for who in ("AUTHOR", "COMMITTER")
        for name, value in (
            (f"GIT_{who}_NAME", "Atelier IA"),
            (f"GIT_{who}_EMAIL", "atelier-ia@localhost"),
        )
    }


def _git(repo: Path, *arguments: str, env: dict[str, str] | None = None, check: bool = True) -> str:
    try:
        done = subprocess.run(
            ["git", *arguments],
            cwd=repo,
            env={**os.environ, **(env or {})},
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        raise PublishError("git n'est pas installé sur cette machine.") from None
    if done.returncode != 0 and check and arguments[:1] != ("rev-parse",):
        detail = (done.stderr.strip().splitlines() or ["sans message"])[-1]
        raise PublishError(f"git a refusé « git {arguments[0]} » (détail en anglais : {detail}).")
    return done.stdout.strip() if done.returncode == 0 else ""
