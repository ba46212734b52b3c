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
    # Said next to the link when the wanted view does not exist yet; "" otherwise.
    note: str = ""


def binder_url(module_id: str) -> str:
    """Binder opening JupyterLab on the learner notebook of `module_id`."""
    return f"{BINDER}?urlpath=lab/tree/{RELEASE_DIR}/{module_id}/{module_id}.ipynb"


def module_link(module_id: str, view: str) -> Link:
    """The link a path guide prints for a module, in the path's view.

    The no-code view (Voilà) is issue 12: until it exists, a « sans-code » path
    gets the JupyterLab link and says so. Issue 12 changes this function only.
    """
    link = Link(binder_url(module_id), "Ouvrir dans Binder (JupyterLab)")
    if view == "sans-code":
        return Link(
            link.url,
            link.label,
            "La vue sans code (les cellules de code cachées) est en préparation : en attendant, "
            "ce lien ouvre le notebook dans JupyterLab ; la formatrice ou le formateur exécute "
            "les cellules et les participants regardent et répondent à l'oral.",
        )
    return link
