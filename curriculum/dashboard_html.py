"""The session dashboard as one standalone French page (the grading pages' shell).

From top to bottom: what the page is (and is not), who to help first, one table
of learners × modules, then for each module its exercises and its learners, and
what could not be read. Learner and file names are escaped; no answer is on it.
"""

from __future__ import annotations

from datetime import datetime

from curriculum.dashboard_progress import RIGHT, UNTRIED, WRONG, ModuleProgress, Session
from curriculum.grading.course_exercises import ModuleInfo
from curriculum.grading.html_page import count, page, table, text
from widgets.french import french_date

TITLE = "Tableau de la session"
NOT_OPENED = "—"
"""An overview cell of a module not opened (the table's caption says so)."""
_CLASSES = {RIGHT: "correct", WRONG: "wrong", UNTRIED: "missing"}


def dashboard_page(session: Session) -> str:
    body = [
        f"<h1>{TITLE}</h1>",
        f'<p class="meta">Comptes lus dans {text(str(session.homes))}, le '
        f"{_moment(session.read_at.timestamp())}. "
        f"{count(len(session.learners), 'apprenant', 'apprenants')}, "
        f"{count(len(session.modules), 'module', 'modules')}.</p>",
        '<p class="note">Ce tableau lit les notebooks <strong>enregistrés</strong> sur le '
        "serveur : une vérification faite mais pas encore enregistrée (Ctrl + S, ou "
        "l'enregistrement automatique de JupyterLab) n'y est pas. Il montre le verdict que "
        "la vérification a donné à chaque apprenant, jamais ses réponses. Ce n'est pas une "
        "note : pour noter, rassemblez les devoirs puis lancez <code>atelier grade</code>. "
        "La vue sans code n'enregistre rien : ses apprenants n'apparaissent pas ici.</p>",
        _to_help(session),
        _overview(session),
        *(_module(session, module) for module in session.modules if module.exercises),
        _never_opened(session),
        _unread(session),
        "<footer>« Ouvert » : au moins une cellule de code a été exécutée dans la copie "
        "enregistrée. « Juste » : la vérification a répondu « Bonne réponse ». « À revoir » : "
        "elle a répondu « Pas encore tout à fait » ou « Réponse non lue », ou s'est arrêtée "
        "sur une erreur. « Pas essayé » : elle n'a pas été lancée, ou a répondu « Pas encore "
        "de réponse ». Quand un apprenant a plusieurs copies d'un module, la plus avancée "
        "est lue.</footer>",
    ]
    return page(TITLE, "\n".join(part for part in body if part))


def _to_help(session: Session) -> str:
    items = []
    for learner in session.learners:
        parts = [
            f"{text(module.id)} : {', '.join(text(q) for q in learner.to_look_at(module.id))}"
            for module in session.modules
            if learner.to_look_at(module.id)
        ]
        if parts:
            items.append(f"<li><strong>{text(learner.name)}</strong> — {' ; '.join(parts)}</li>")
    if not items:
        return (
            "<h2>Qui aider en premier</h2><p>Personne n'a d'exercice essayé sans bonne "
            "réponse pour l'instant.</p>"
        )
    return (
        "<h2>Qui aider en premier</h2><p>Exercices essayés qui n'ont pas encore reçu « Bonne "
        f"réponse » :</p><ul>{''.join(items)}</ul>"
    )


def _overview(session: Session) -> str:
    """Learners × modules; the columns are headed by the modules' numbers, listed above."""
    legend = " · ".join(
        f"<strong>{text(_number(module))}</strong> {text(module.title or module.id)}"
        for module in session.modules
    )
    headers = ["Apprenant", *(_number(module) for module in session.modules), "Enregistré le"]
    rows = []
    for learner in session.learners:
        cells = [_overview_cell(learner.modules.get(m.id), m) for m in session.modules]
        saved = [progress.saved for progress in learner.modules.values() if progress.opened]
        rows.append([text(learner.name), *cells, _moment(max(saved), short=True) if saved else ""])
    caption = f"Exercices justes sur ceux du module ({NOT_OPENED} : pas encore ouvert)"
    return f'<h2>Vue d\'ensemble</h2><p class="meta">Modules : {legend}.</p>' + table(
        caption, headers, rows
    )


def _number(module: ModuleInfo) -> str:
    """« 01 » for 01-prise-en-main: the column heading of a module."""
    return module.id.split("-", 1)[0]


def _overview_cell(progress: ModuleProgress | None, module: ModuleInfo) -> str:
    if progress is None or not progress.opened:
        return f'<span class="missing">{NOT_OPENED}</span>'
    if not module.exercises:
        return "ouvert"
    right = progress.count(RIGHT)
    css = "good" if right == len(progress.verdicts) else "correct"
    cell = f'<span class="{css}">{right} sur {len(progress.verdicts)}</span>'
    if wrong := progress.count(WRONG):
        cell += f'<br><span class="wrong">{wrong} à revoir</span>'
    return cell


def _module(session: Session, module: ModuleInfo) -> str:
    opened = [
        (learner, progress)
        for learner in session.learners
        if (progress := learner.modules.get(module.id)) and progress.opened
    ]
    title = f"{module.id} — {module.title}" if module.title else module.id
    if not opened:
        return ""
    heading = f"<h2>{text(title)}</h2>"
    tally = [
        [
            text(f"{exercise.id} · {exercise.label}"),
            *(
                str(sum(1 for _, p in opened if p.verdicts.get(exercise.id) == verdict))
                for verdict in (RIGHT, WRONG, UNTRIED)
            ),
        ]
        for exercise in module.exercises.values()
    ]
    people = [
        [
            text(learner.name),
            _moment(progress.saved),
            *(str(progress.count(verdict)) for verdict in (RIGHT, WRONG, UNTRIED)),
            _verdict_list(progress),
            str(progress.copies),
        ]
        for learner, progress in opened
    ]
    who = count(len(opened), "apprenant qui l'a ouvert", "apprenants qui l'ont ouvert")
    return (
        heading
        + table(
            f"Exercices, sur {who}",
            ["Exercice", "Justes", "À revoir", "Pas essayés"],
            tally,
            numbers=(1, 2, 3),
        )
        + table(
            "Apprenants qui ont ouvert le module",
            ["Apprenant", "Enregistré le", "Justes", "À revoir", "Pas essayés", "Détail", "Copies"],
            people,
            numbers=(2, 3, 4, 6),
        )
    )


def _never_opened(session: Session) -> str:
    unopened = [
        module
        for module in session.modules
        if not any(
            (progress := learner.modules.get(module.id)) and progress.opened
            for learner in session.learners
        )
    ]
    if not unopened:
        return ""
    listed = ", ".join(text(f"{module.id} ({module.title})") for module in unopened)
    return f"<h2>Pas encore ouverts</h2><p>Personne n'a encore ouvert : {listed}.</p>"


def _verdict_list(progress: ModuleProgress) -> str:
    return " · ".join(
        f'<span class="{_CLASSES[verdict]}">{text(q)} {text(verdict)}</span>'
        for q, verdict in progress.verdicts.items()
    )


def _unread(session: Session) -> str:
    rows = [
        [text(learner.name), text(problem.file), text(problem.reason)]
        for learner in session.learners
        for problem in learner.unreadable
    ]
    others = sum(learner.other_notebooks for learner in session.learners)
    notes = (
        f"<p>{count(others, 'notebook', 'notebooks')} d'un autre cours ou d'aucun module du "
        f"cours, {'ignoré' if others < 2 else 'ignorés'}.</p>"
        if others
        else ""
    )
    if not rows:
        return notes and "<h2>Non lus</h2>" + notes
    return (
        "<h2>Non lus</h2>"
        + table("Fichiers qui n'ont pas pu être lus", ["Apprenant", "Fichier", "Raison"], rows)
        + notes
    )


def _moment(timestamp: float, *, short: bool = False) -> str:
    """« 2 décembre 2026 à 14 h 05 », or « 02/12 14 h 05 »."""
    if timestamp <= 0:
        return ""
    moment = datetime.fromtimestamp(timestamp)
    day = f"{moment:%d/%m}" if short else f"{french_date(moment.date())} à"
    return f"{day} {moment:%H} h {moment:%M}"
