"""`atelier lien`: the links that open a module, or every module of a path, in French.

With `--hub`, nbgitpuller links for a JupyterHub (the course is cloned, then updated without
erasing the learner's work); without it, Binder's direct links. A path opens in its guide's
view (curriculum/guides/parcours/<id>.toml: élus and Café IA in the no-code view) unless
`--vue` says otherwise; a module opens in JupyterLab. The URLs come from curriculum.links.
"""

from __future__ import annotations

from pathlib import Path

from curriculum.guides import load_guides
from curriculum.learner_branch import LEARNER_BRANCH
from curriculum.links import (
    BRANCH,
    DEPOT,
    VIEW_PATHS,
    binder_view_url,
    checkout_folder,
    hub_url,
)
from curriculum.syllabus import Module, Syllabus, SyllabusError, load_course_syllabus

WELCOME = "00-accueil"
DEFAULT_VIEW = "jupyterlab"
VIEW_NAMES = {"jupyterlab": "JupyterLab", "sans-code": "vue sans code"}
WEB_SCHEMES = ("https://", "http://")
# A local repository (file://) serves a hub on a closed network; Binder needs the web.
DEPOT_SCHEMES = (*WEB_SCHEMES, "file://")


class LinkError(Exception):
    """An ordinary mistake in `atelier lien`'s arguments, said in French."""


def lien_lines(
    root: Path,
    *,
    hub: str | None = None,
    depot: str = DEPOT,
    parcours: str | None = None,
    module: str | None = None,
    vue: str | None = None,
    branche: str = BRANCH,
) -> list[str]:
    """The lines `atelier lien` prints; raises LinkError with a French message.

    `parcours`: a path id of the syllabus; `module`: a module id; neither: the welcome page.
    """
    if parcours and module:
        raise LinkError("donnez un parcours (--parcours) ou un module, pas les deux.")
    if vue is not None and vue not in VIEW_PATHS:
        raise LinkError(f"vue inconnue : « {vue} ». Vues : {', '.join(VIEW_PATHS)}.")
    depot = _address(depot, DEPOT_SCHEMES, "--depot", "https://forge.exemple.fr/atelier-ia")
    if hub is not None:
        hub = _address(hub, WEB_SCHEMES, "--hub", "https://hub.exemple.fr")
    elif not depot.startswith(WEB_SCHEMES):
        raise LinkError(
            "Binder ne peut ouvrir qu'un dépôt public en https : pour un dépôt local "
            "(file://), donnez l'adresse de votre JupyterHub avec --hub."
        )
    try:
        syllabus = load_course_syllabus(root)
    except SyllabusError as error:
        raise LinkError(str(error)) from None
    if parcours:
        title, modules, view = _path(root, syllabus, parcours)
    else:
        found = _module(syllabus, module or WELCOME)
        title, modules, view = f"Module {found.id}", [found], DEFAULT_VIEW
    view = vue or view
    return [
        *_heading(title, view, hub, depot, branche),
        "",
        *(line for found in modules for line in _module_lines(found, view, hub, depot, branche)),
    ]


def _address(text: str, schemes: tuple[str, ...], option: str, example: str) -> str:
    address = text.strip().rstrip("/")
    if not address.startswith(schemes) or not address.partition("://")[2] or " " in address:
        raise LinkError(
            f"adresse {option} incomprise : « {text} ». Écrivez une adresse complète, "
            f"par exemple {example}."
        )
    return address


def _module(syllabus: Syllabus, module_id: str) -> Module:
    found = syllabus.module(module_id)
    if found is None:
        known = ", ".join(module.id for module in syllabus.modules)
        raise LinkError(f"module inconnu : « {module_id} ». Modules du programme : {known}.")
    return found


def _path(root: Path, syllabus: Syllabus, path_id: str) -> tuple[str, list[Module], str]:
    path = next((path for path in syllabus.paths if path.id == path_id), None)
    if path is None:
        known = ", ".join(path.id for path in syllabus.paths)
        raise LinkError(f"parcours inconnu : « {path_id} ». Parcours du programme : {known}.")
    modules = [_module(syllabus, step.module) for step in path.steps if step.module]
    guide = load_guides(root).paths.get(path_id)
    return path.title, modules, (guide.view if guide and guide.view else DEFAULT_VIEW)


def _heading(title: str, view: str, hub: str | None, depot: str, branch: str) -> list[str]:
    where = f"sur le JupyterHub {hub}" if hub else "sur Binder"
    lines = [f"{title} ({VIEW_NAMES[view]}), {where}."]
    if hub:
        lines.append(
            f"Chaque lien apporte tout le cours ({depot}, branche {branch}) dans le dossier "
            f"« {checkout_folder(depot)} » de la personne, ou le met à jour en gardant ce "
            "qu'elle y a écrit, puis ouvre le module."
        )
        if branch == BRANCH:
            lines.append(
                f"Attention : la branche {BRANCH} contient les corrigés (solutions/). Pour des "
                f"apprenants, publiez la branche « {LEARNER_BRANCH} » (atelier publier), "
                f"poussez-la, puis ajoutez --branche {LEARNER_BRANCH}."
            )
    else:
        lines.append(
            "Sur Binder, le travail est temporaire : chacun le garde avec le bouton « Préparer "
            "l'archive de mon travail ». Pour un JupyterHub : ajoutez --hub et son adresse."
        )
    return lines


def _module_lines(module: Module, view: str, hub: str | None, depot: str, branch: str) -> list[str]:
    heading = f"{module.id} : {module.title}"
    if not module.available:
        return [heading, "  (pas encore disponible)"]
    if hub:
        url = hub_url(hub, depot, module.id, view, branch)
    else:
        url = binder_view_url(module.id, view, depot)
    return [heading, f"  {url}"]
