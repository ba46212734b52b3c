"""Broken submissions for modules 01 and 08, with what grading must say about each.

Each case starts from the committed learner notebook (what a learner
downloads) and changes it the way a learner, a slip or a cheat would. Expected
states are written by hand here, from the course's own answers (never from
the grader). `{outside}` and `{port}` are filled by the test: a folder outside
the class folder, and a local listener that must never see a connection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import nbformat

from conftest import learner_path

RIGHT_01 = {
    "q1": 'reponse_q1 = "B"',
    "q2": 'raccourci = "Maj + Entrée"',
    "q3": "repas_par_an = repas_par_jour * jours_de_classe",
    "q4": "prix_max = 3.95",
}
RIGHT_08 = {
    "q1": "messages_mal_tries = 23",
    "q2": 'services_confondus = "Propreté et Espaces verts"',
    "q3": 'reponse_q3 = "B"',
    "q4": "nombre_lu = 3",
    "q5": 'reponse_q5 = "A"',
    "q6": 'reponse_q6 = "C"',
}
ESCAPES = """
import os, socket, pathlib
attempts = {{}}
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=2).close()
    attempts["reseau"] = "ouvert"
except Exception as error:
    attempts["reseau"] = "bloque"
for name, path in [("ecriture", "{outside}/pirate.txt"), ("soumis", "{submitted}")]:
    try:
        with open(path, "w") as stream:
            stream.write("pirate")
        attempts[name] = "ouvert"
    except Exception:
        attempts[name] = "bloque"
try:
    pathlib.Path("{other}").read_bytes()
    attempts["autre"] = "ouvert"
except Exception:
    attempts["autre"] = "bloque"
attempts["secret"] = os.environ.get("ATELIER_SECRET_DE_TEST", "absent")
print("TENTATIVES", sorted(attempts.items()))
"""


@dataclass
class Case:
    """A submission and what grading must find: a state per exercise, or a status."""

    module: str
    change: Callable[[nbformat.NotebookNode], None]
    states: dict[str, str] = field(default_factory=dict)
    status: str = "corrigé"
    alerts: tuple[str, ...] = ()
    """Words that must appear in the result's alerts."""


def cell(notebook: nbformat.NotebookNode, grade_id: str) -> nbformat.NotebookNode:
    return next(
        c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def answer(notebook: nbformat.NotebookNode, exercise: str, source: str) -> None:
    cell(notebook, f"{exercise}-reponse").source = source


def all_right(right: dict[str, str]) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        for exercise, source in right.items():
            answer(notebook, exercise, source)

    return change


def then(*changes: Callable[[nbformat.NotebookNode], None]) -> Callable:
    def change(notebook: nbformat.NotebookNode) -> None:
        for one in changes:
            one(notebook)

    return change


def with_answer(exercise: str, source: str) -> Callable[[nbformat.NotebookNode], None]:
    return lambda notebook: answer(notebook, exercise, source)


def without_cell(grade_id: str) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        notebook.cells.remove(cell(notebook, grade_id))

    return change


def with_source(grade_id: str, source: str) -> Callable[[nbformat.NotebookNode], None]:
    def change(notebook: nbformat.NotebookNode) -> None:
        cell(notebook, grade_id).source = source

    return change


def with_last_cell(source: str) -> Callable[[nbformat.NotebookNode], None]:
    return lambda notebook: notebook.cells.append(nbformat.v4.new_code_cell(source))


RIGHT = "correcte"
WRONG = "incorrecte"
BLANK = "sans réponse"
UNREAD = "non lue"
HUNG = "délai dépassé"
DIED = "noyau arrêté"
ALL_RIGHT_01 = {exercise: RIGHT for exercise in RIGHT_01}
STUBBORN_LOOP = (
    "import time\nwhile True:\n    try:\n        time.sleep(0.05)\n"
    "    except KeyboardInterrupt:\n        pass"
)

CASES_01: dict[str, Case] = {
    "juste": Case("01-prise-en-main", all_right(RIGHT_01), ALL_RIGHT_01),
    "blanc": Case("01-prise-en-main", lambda notebook: None, dict.fromkeys(RIGHT_01, BLANK)),
    "faux": Case(
        "01-prise-en-main",
        then(
            with_answer("q1", 'reponse_q1 = "A"'),
            with_answer("q2", 'raccourci = "Entrée"'),
            with_answer("q3", "repas_par_an = repas_par_jour + jours_de_classe"),
            with_answer("q4", "prix_max = 12"),
        ),
        dict.fromkeys(RIGHT_01, WRONG),
    ),
    "cellule-qui-leve": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q1", 'reponse_q1 = "B"\n1 / 0')),
        {**ALL_RIGHT_01, "q1": UNREAD},
    ),
    "boucle-sans-fin": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q2", "while True:\n    pass")),
        {**ALL_RIGHT_01, "q2": HUNG},
    ),
    "boucle-qui-ignore-l-interruption": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q4", STUBBORN_LOOP)),
        {**ALL_RIGHT_01, "q4": HUNG},
    ),
    "boucle-finale-tetue": Case(
        "01-prise-en-main", then(all_right(RIGHT_01), with_last_cell(STUBBORN_LOOP)), ALL_RIGHT_01
    ),
    "noyau-arrete-en-q3": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q3", "import os\nos._exit(1)")),
        {**ALL_RIGHT_01, "q3": DIED},
    ),
    "memoire-depassee": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q3", "gros = bytearray(8 * 1024**3)")),
        {**ALL_RIGHT_01, "q3": UNREAD},
    ),
    "verification-supprimee": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), without_cell("q2-verification")),
        ALL_RIGHT_01,
        alerts=("q2-verification", "supprimée"),
    ),
    "verification-modifiee": Case(
        "01-prise-en-main",
        then(with_answer("q1", 'reponse_q1 = "A"'), with_source("q1-verification", "pass")),
        {"q1": WRONG, "q2": BLANK, "q3": BLANK, "q4": BLANK},
        alerts=("q1-verification", "modifiée"),
    ),
    "configuration-modifiee": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_source("configuration", "atelier = None")),
        ALL_RIGHT_01,
        alerts=("configuration", "modifiée"),
    ),
    "reponse-supprimee": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), without_cell("q4-reponse")),
        {**ALL_RIGHT_01, "q4": BLANK},
        alerts=("q4-reponse",),
    ),
    "verificateurs-redefinis": Case(
        "01-prise-en-main",
        with_answer(
            "q1",
            "reponse_q1 = ...\n"
            "for q in (atelier.q1, atelier.q2, atelier.q3, atelier.q4):\n"
            "    q.check = q.grade = lambda *a, **k: None\n"
            "import widgets.selfcheck.exercises as e\n"
            "e.Exercise.grade = lambda *a, **k: None",
        ),
        dict.fromkeys(RIGHT_01, BLANK),
    ),
    "sortie-enorme": Case(
        "01-prise-en-main",
        then(
            all_right(RIGHT_01),
            with_answer("q2", 'print("x" * 50_000_000)\nraccourci = "Maj + Entrée"'),
            with_answer("q3", 'for _ in range(3000):\n    print("y" * 1000)\n' + RIGHT_01["q3"]),
            with_answer("q4", 'prix_max = 3.95\nraise ValueError("z" * 20_000_000)'),
        ),
        {**ALL_RIGHT_01, "q4": UNREAD},
        alerts=("octets",),
    ),
    "objets-bizarres": Case(
        "01-prise-en-main",
        then(
            with_answer(
                "q1",
                "class Piege:\n    def __eq__(self, other):\n        raise RuntimeError\n"
                "    def __repr__(self):\n        raise RuntimeError\n"
                "    __hash__ = None\nreponse_q1 = Piege()",
            ),
            with_answer("q2", 'raccourci = "x" * 1_000_000'),
            with_answer("q3", 'repas_par_an = float("nan")'),
            with_answer("q4", "prix_max = list(range(10_000_000))"),
        ),
        dict.fromkeys(RIGHT_01, WRONG),
    ),
    "surrogats": Case(
        "01-prise-en-main",
        then(
            with_answer("q1", 'reponse_q1 = "B\\ud800"'),
            with_answer("q2", 'raccourci = "Maj + Entrée \\udfff 🎉"'),
            with_answer("q4", 'prix_max = "\\ud83d"'),
        ),
        # The shortcut's words are there: the course's text rule accepts it, as the
        # learner's own check does.
        {"q1": WRONG, "q2": RIGHT, "q3": BLANK, "q4": WRONG},
    ),
    "processus-orphelin": Case(
        "01-prise-en-main",
        then(
            all_right(RIGHT_01),
            with_answer(
                "q1",
                "import subprocess\n"
                "try:\n"
                '    subprocess.Popen(["sleep", "317"], start_new_session=True)\n'
                "except Exception:\n"
                "    pass\n" + RIGHT_01["q1"],
            ),
        ),
        ALL_RIGHT_01,
    ),
    "evasions": Case(
        "01-prise-en-main",
        then(all_right(RIGHT_01), with_answer("q2", ESCAPES + RIGHT_01["q2"])),
        ALL_RIGHT_01,
    ),
}

CASES_08: dict[str, Case] = {
    "juste": Case("08-trier-les-demandes", all_right(RIGHT_08), dict.fromkeys(RIGHT_08, RIGHT)),
    "blanc": Case("08-trier-les-demandes", lambda notebook: None, dict.fromkeys(RIGHT_08, BLANK)),
    "boucle-et-noyau-arrete": Case(
        "08-trier-les-demandes",
        then(
            all_right(RIGHT_08),
            with_answer("q2", "while True:\n    pass"),
            with_answer("q5", "import os\nos._exit(3)"),
        ),
        {**dict.fromkeys(RIGHT_08, RIGHT), "q2": HUNG, "q5": DIED},
    ),
}


def build(case: Case, **fill: str) -> nbformat.NotebookNode:
    """The case's notebook; `fill` completes the escape attempts' paths and port."""
    notebook = nbformat.read(learner_path(case.module), as_version=4)
    case.change(notebook)
    for c in notebook.cells:
        if "{port}" in c.source or "{outside}" in c.source:
            c.source = c.source.format(**fill)
    return notebook
