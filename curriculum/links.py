"""The links that open the course online: built here, and only here.

Binder serves the learner notebooks of the repository's main branch; the README's
badge uses the same address (a test checks they agree).

A JupyterHub gets nbgitpuller links: `<hub>/hub/user-redirect/git-pull?repo=…&branch=main
&urlpath=…` sends each person to their own server, where nbgitpuller clones the course into
a folder named after the repository (its last path part, nbgitpuller's own rule), or, when
the folder is there, merges the newer course into it without erasing what the person wrote;
then it opens `urlpath`: JupyterLab (`lab/tree/…`) or the no-code view (`voila/render/…`).

Binder keeps its direct links, not Binder's own nbgitpuller form (an environment repository
whose `urlpath` is a `git-pull?…` on a content repository): here the course is both, Binder
builds each session from the repository itself at its newest commit, so every session
already has the newest course, and a Binder session is temporary (closed, its work is gone;
learners keep theirs with the « Préparer l'archive de mon travail » button): there is no
earlier work to merge into. Binder's environment (binder/requirements.txt) has no
nbgitpuller either.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode

from curriculum.course import RELEASE_DIR

REPOSITORY = "atelier-ia/atelier-ia"
BRANCH = "main"
DEPOT = f"https://github.com/{REPOSITORY}"
BINDER_SITE = "https://mybinder.org/v2"
BINDER = f"{BINDER_SITE}/gh/{REPOSITORY}/{BRANCH}"
# What a link opens, by view: JupyterLab, or the no-code view (Voilà).
VIEW_PATHS = {"jupyterlab": "lab/tree", "sans-code": "voila/render"}
GITHUB = "https://github.com/"


@dataclass(frozen=True)
class Link:
    url: str
    label: str


def learner_notebook(module_id: str) -> str:
    """Where the learner notebook of `module_id` sits in the repository."""
    return f"{RELEASE_DIR}/{module_id}/{module_id}.ipynb"


def binder_url(module_id: str) -> str:
    """Binder opening JupyterLab on the learner notebook of `module_id`."""
    return binder_view_url(module_id, "jupyterlab")


def binder_no_code_url(module_id: str) -> str:
    """Binder opening the no-code view (Voilà) on the learner notebook of `module_id`."""
    return binder_view_url(module_id, "sans-code")


def binder_view_url(module_id: str, view: str, depot: str = DEPOT) -> str:
    """Binder opening `module_id` in `view`, from the course repository at `depot`.

    A GitHub repository gets Binder's short form (`/gh/owner/name/branch`); any other public
    git repository its general form (`/git/<address, encoded>/branch`).
    """
    if depot.startswith(GITHUB):
        base = f"{BINDER_SITE}/gh/{depot.removeprefix(GITHUB).removesuffix('.git')}/{BRANCH}"
    else:
        base = f"{BINDER_SITE}/git/{quote(depot, safe='')}/{BRANCH}"
    return f"{base}?urlpath={VIEW_PATHS[view]}/{learner_notebook(module_id)}"


def checkout_folder(depot: str) -> str:
    """The folder nbgitpuller clones `depot` into: its address's last part, `.git` included."""
    return depot.rstrip("/").rsplit("/", 1)[-1]


def hub_url(hub: str, depot: str, module_id: str, view: str, branch: str = BRANCH) -> str:
    """The nbgitpuller link that brings the course from `depot` (its `branch`) onto the
    JupyterHub at `hub` (cloned the first time, merged afterwards) and opens `module_id` in
    `view`. For learners, `branch` is the one `atelier publier` makes, without answer keys."""
    urlpath = f"{VIEW_PATHS[view]}/{checkout_folder(depot)}/{learner_notebook(module_id)}"
    query = urlencode({"repo": depot, "branch": branch, "urlpath": urlpath}, quote_via=quote)
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def module_link(module_id: str, view: str) -> Link:
    """The link a path guide prints for a module, in the path's view."""
    if view == "sans-code":
        return Link(binder_no_code_url(module_id), "Ouvrir dans Binder (vue sans code)")
    return Link(binder_url(module_id), "Ouvrir dans Binder (JupyterLab)")
