"""The links that open the course online: built here, and only here.

Binder serves the learner notebooks of the repository's main branch; the README's
badge uses the same address (a test checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass

from curriculum.course import RELEASE_DIR

REPOSITORY = "atelier-ia/atelier-ia"
BRANCH = "main"
BINDER = f"https://mybinder.org/v2/gh/{REPOSITORY}/{BRANCH}"


@dataclass(frozen=True)
class Link:
    url: str
    label: str


def binder_url(module_id: str) -> str:
    """Binder opening JupyterLab on the learner notebook of `module_id`."""
    return f"{BINDER}?urlpath=lab/tree/{RELEASE_DIR}/{module_id}/{module_id}.ipynb"


def binder_no_code_url(module_id: str) -> str:
    """Binder opening the no-code view (Voilà) on the learner notebook of `module_id`."""
    return f"{BINDER}?urlpath=voila/render/{RELEASE_DIR}/{module_id}/{module_id}.ipynb"


def module_link(module_id: str, view: str) -> Link:
    """The link a path guide prints for a module, in the path's view."""
    if view == "sans-code":
        return Link(binder_no_code_url(module_id), "Ouvrir dans Binder (vue sans code)")
    return Link(binder_url(module_id), "Ouvrir dans Binder (JupyterLab)")
