"""What grading writes and reads: the class folder's layout and one result per notebook.

Everything here is plain data (no nbgrader, no Jupyter), shared by `collect`,
`grade`, `report` and `feedback`. Files are JSON, UTF-8, written atomically.
Words a trainer reads (statuses, reasons) are French.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

SUBMITTED = "soumis"
"""`soumis/<identifiant>/<module>/<module>.ipynb`: copies of the received notebooks."""
COLLECTED = "collecte.json"
"""What `collect` took and refused, with the SHA-256 of every received file."""
RESULTS = "resultats"
"""`resultats/<module>/<identifiant>.json`: one `NotebookResult` per graded notebook."""
GRADED = "corriges"
"""`corriges/<module>/<identifiant>.ipynb`: the notebook as it ran (outputs capped)."""
REPORT = "rapport"
"""`rapport/notes.csv` and `rapport/index.html`."""
FEEDBACK = "retours"
"""`retours/<identifiant>.html`: one page per learner."""
SCRATCH = ".travail"
"""Per-notebook working folders while grading; removed afterwards."""

GRADED_STATUS = "corrigé"
UNREADABLE = "non corrigé : illisible"
OTHER_ASSIGNMENT = "non corrigé : autre devoir"
TIMED_OUT = "non corrigé : délai dépassé"
KERNEL_DIED = "non corrigé : noyau arrêté"
STATUSES = (GRADED_STATUS, UNREADABLE, OTHER_ASSIGNMENT, TIMED_OUT, KERNEL_DIED)
"""`statut` in notes.csv: a real 0 is « corrigé »; the others were not graded, and say why."""

CORRECT = "correcte"
INCORRECT = "incorrecte"
UNANSWERED = "sans réponse"
UNREAD = "non lue"
QUESTION_TIMED_OUT = "délai dépassé"
QUESTION_KERNEL_DIED = "noyau arrêté"
QUESTION_STATES = (CORRECT, INCORRECT, UNANSWERED, UNREAD, QUESTION_TIMED_OUT, QUESTION_KERNEL_DIED)
"""`etat` of one question. Only « correcte » earns points."""

FULL_ISOLATION = "complète"
PARTIAL_ISOLATION = "partielle"
"""`isolement`: « partielle » means « correction sans isolement complet » (no bubblewrap)."""


@dataclass
class QuestionResult:
    """One checked exercise of one notebook."""

    id: str
    etat: str
    points: float
    points_max: float
    message: str
    """The course's own French feedback for this answer (never the expected answer)."""


@dataclass
class NotebookResult:
    """One learner's notebook for one module, graded or not (then `statut` says why)."""

    identifiant: str
    module: str
    statut: str
    points: float = 0.0
    points_max: float = 0.0
    questions: list[QuestionResult] = field(default_factory=list)
    alertes: list[str] = field(default_factory=list)
    """French sentences for the trainer: tampering found and undone, output truncated…"""
    isolement: str = FULL_ISOLATION
    nom: str = ""
    """The learner's name as received (file name or notebook), for display."""
    duree_s: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> NotebookResult:
        questions = [QuestionResult(**question) for question in data.get("questions", [])]
        return cls(**{**data, "questions": questions})


@dataclass
class ReceivedFile:
    """One file found in what `collect` was given, and what became of it."""

    fichier: str
    """Its path inside the source folder or zip."""
    sha256: str
    pris: bool
    raison: str = ""
    """Why it was refused, or a remark on a file taken (« doublon : la plus récente gardée »)."""
    identifiant: str = ""
    nom: str = ""
    module: str = ""
    statut: str = ""
    """For a refused notebook whose learner and module are known: the status notes.csv shows."""


def result_path(class_folder: Path, module: str, learner: str) -> Path:
    return Path(class_folder) / RESULTS / module / f"{learner}.json"


def submitted_path(class_folder: Path, module: str, learner: str) -> Path:
    return Path(class_folder) / SUBMITTED / learner / module / f"{module}.ipynb"


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically: a reader never sees half a file.

    ASCII escapes keep text that cannot be encoded (a lone surrogate typed by a
    learner, a file name that is not UTF-8) readable instead of failing.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(data, stream, ensure_ascii=True, indent=1)
    os.replace(temporary, path)


def read_results(class_folder: Path) -> list[NotebookResult]:
    """Every result of the class, sorted by module then learner."""
    paths = sorted(Path(class_folder).glob(f"{RESULTS}/*/*.json"))
    return [NotebookResult.from_json(json.loads(path.read_text("utf-8"))) for path in paths]


def save_result(class_folder: Path, result: NotebookResult) -> Path:
    path = result_path(class_folder, result.module, result.identifiant)
    write_json(path, result.to_json())
    return path


def read_received(class_folder: Path) -> list[ReceivedFile]:
    path = Path(class_folder) / COLLECTED
    if not path.is_file():
        return []
    return [ReceivedFile(**item) for item in json.loads(path.read_text("utf-8"))["recus"]]


def save_received(class_folder: Path, received: list[ReceivedFile]) -> None:
    write_json(Path(class_folder) / COLLECTED, {"recus": [asdict(item) for item in received]})
