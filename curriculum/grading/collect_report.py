"""What `atelier collect` tells the trainer: taken, set aside, refused and ignored files."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from curriculum.grading.results import SUBMITTED, ReceivedFile
from widgets.french import french_date

MAX_IGNORED_SHOWN = 10


@dataclass
class TakenNotebook:
    """One notebook taken, with what the trainer should know about it."""

    record: ReceivedFile
    origin: str = ""
    """Where the learner's name was read: "" (the path), "notebook" or "fichier"."""
    previous: str = ""
    """What an earlier collect had left in soumis/: "" (nothing), "identique" or "remplacée"."""


@dataclass
class CollectReport:
    """The outcome of one collect. Every list holds this collect's files only."""

    source: str
    class_folder: str
    titles: dict[str, str] = field(default_factory=dict)
    taken: list[TakenNotebook] = field(default_factory=list)
    set_aside: list[ReceivedFile] = field(default_factory=list)
    """Older duplicates of a notebook taken."""
    refused: list[ReceivedFile] = field(default_factory=list)
    ignored: list[ReceivedFile] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    """One French line per learner and module received more than once."""
    notes: list[str] = field(default_factory=list)

    @property
    def files(self) -> list[ReceivedFile]:
        return [t.record for t in self.taken] + self.set_aside + self.refused + self.ignored

    @property
    def counts(self) -> dict[str, int]:
        return {
            "pris": len(self.taken),
            "apprenants": len(self.learners),
            "mis_de_cote": len(self.set_aside),
            "refuses": len(self.refused),
            "ignores": len(self.ignored),
        }

    @property
    def learners(self) -> list[str]:
        return sorted({taken.record.identifiant for taken in self.taken})

    def french_lines(self) -> list[str]:
        lines = [
            f"Collecte de « {self.source} » vers « {self.class_folder} » : "
            f"{_count(len(self.files), 'fichier examiné', 'fichiers examinés')}.",
            f"{_count(len(self.taken), 'notebook pris', 'notebooks pris')} "
            f"({_count(len(self.learners), 'apprenant', 'apprenants')}), "
            f"{_count(len(self.set_aside), 'doublon mis de côté', 'doublons mis de côté')}, "
            f"{_count(len(self.refused), 'fichier refusé', 'fichiers refusés')}, "
            f"{_count(len(self.ignored), 'fichier ignoré', 'fichiers ignorés')}.",
        ]
        lines += self._taken_lines()
        if self.duplicates:
            lines.append("Doublons (même apprenant, même module) : le plus récent est gardé.")
            lines += [f"  - {line}" for line in self.duplicates]
        if self.refused:
            lines.append("Fichiers refusés :")
            lines += [f"  - {_refusal(record)}" for record in self.refused]
        if self.ignored:
            names = [f"« {record.fichier} »" for record in self.ignored[:MAX_IGNORED_SHOWN]]
            more = len(self.ignored) - len(names)
            lines.append(
                "Ignorés (fichiers cachés ou de système, sans rapport avec les devoirs) : "
                + ", ".join(names)
                + (f" et {more} autres" if more > 0 else "")
                + "."
            )
        if self.notes:
            lines.append("À savoir :")
            lines += [f"  - {note}" for note in self.notes]
        return lines

    def _taken_lines(self) -> list[str]:
        if not self.taken:
            return ["Aucun notebook pris."]
        lines = [f"Notebooks pris, copiés dans « {SUBMITTED}/ » :"]
        by_learner: dict[str, list[TakenNotebook]] = defaultdict(list)
        for taken in self.taken:
            by_learner[taken.record.identifiant].append(taken)
        for learner in sorted(by_learner):
            notebooks = sorted(by_learner[learner], key=lambda t: t.record.module)
            lines.append(f"  {notebooks[0].record.nom} (identifiant {learner}) :")
            for taken in notebooks:
                module = taken.record.module
                lines.append(
                    f"    - {module} « {self.titles.get(module, module)} » : "
                    f"« {taken.record.fichier} »{_taken_remarks(taken)}"
                )
        return lines


def note_shared_identifiers(report: CollectReport) -> None:
    """Say when names written differently became one learner (« Marie Dupont », « MARIE DUPONT »).

    Only this collect's files are compared.
    """
    names: dict[str, list[str]] = defaultdict(list)
    for record in report.files:
        if record.identifiant and record.nom not in names[record.identifiant]:
            names[record.identifiant].append(record.nom)
    for learner, shown in sorted(names.items()):
        if len(shown) > 1:
            spelled = " et ".join(f"« {name} »" for name in shown)
            report.notes.append(
                f"{spelled} donnent le même identifiant {learner} : "
                "leurs fichiers sont comptés pour une seule personne."
            )


def duplicate_line(kept: ReceivedFile, date: float, aside: list[tuple[ReceivedFile, float]]) -> str:
    others = " ; ".join(f"« {record.fichier} »{_when(when)}" for record, when in aside)
    return (
        f"{kept.nom} ({kept.identifiant}), {kept.module} : gardé « {kept.fichier} »{_when(date)} ; "
        f"mis de côté : {others}."
    )


def _taken_remarks(taken: TakenNotebook) -> str:
    remarks = []
    if taken.origin == "notebook":
        remarks.append("nom trouvé dans le notebook")
    elif taken.origin == "fichier":
        remarks.append("nom lu dans le nom du fichier")
    if taken.record.raison:
        remarks.append(taken.record.raison)
    if taken.previous == "remplacée":
        remarks.append("remplace la copie d'une collecte précédente")
    elif taken.previous == "identique":
        remarks.append("identique à la copie déjà collectée")
    return f" ({' ; '.join(remarks)})" if remarks else ""


def _refusal(record: ReceivedFile) -> str:
    who = ", ".join(part for part in (record.nom, record.module) if part)
    line = f"« {record.fichier} »{f' ({who})' if who else ''} : {record.raison}."
    if record.statut:
        line += f" Dans les notes, ce devoir sera marqué « {record.statut} »."
    return line


def _when(timestamp: float) -> str:
    if timestamp <= 0:
        return ""
    moment = datetime.fromtimestamp(timestamp)
    return f" (modifié le {french_date(moment.date())} à {moment:%H} h {moment:%M})"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number < 2 else plural}"
