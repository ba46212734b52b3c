"""`atelier collect`: the notebooks a trainer received, sorted into the class folder.

SOURCE (a folder or a zip) is only read (see `received`): nothing in it is
modified, moved or created. Each notebook taken is copied byte for byte to
`soumis/<identifiant>/<module>/<module>.ipynb`; every file seen, taken or not,
is listed with its SHA-256 in `collecte.json`, merged with earlier collects.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import warnings
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from curriculum.grading.collect_report import (
    CollectReport,
    TakenNotebook,
    duplicate_line,
    note_shared_identifiers,
)
from curriculum.grading.names import (
    CourseModule,
    course_modules,
    learner_slug,
    module_of,
    path_names,
    readable,
    typed_name,
)
from curriculum.grading.received import (
    MAX_FILE_BYTES,
    MAX_TOTAL_BYTES,
    CollectError,
    Found,
    os_reason,
    read_source,
)
from curriculum.grading.results import (
    OTHER_ASSIGNMENT,
    SUBMITTED,
    UNREADABLE,
    ReceivedFile,
    read_received,
    save_received,
    submitted_path,
)
from curriculum.syllabus import SyllabusError, load_course_syllabus

INSTRUCTOR_MARKER = "### BEGIN HIDDEN TESTS"
"""Only the course's solutions/ notebooks hold it; learner versions never do."""


def collect(
    source: Path,
    class_folder: Path,
    course_root: Path,
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
    max_total_bytes: int = MAX_TOTAL_BYTES,
) -> CollectReport:
    """Take the notebooks found in `source` into `class_folder`; say what became of each file."""
    source, class_folder = Path(source), Path(class_folder)
    _check_folders(source, class_folder)
    modules = _modules(course_root)
    found = read_source(source, max_file_bytes, max_total_bytes)
    decisions = [_decide(each, modules) for each in found]
    report = CollectReport(
        readable(str(source)), readable(str(class_folder)), {m.id: m.title for m in modules}
    )
    report.duplicates = _set_duplicates_aside(decisions)
    _write_taken(decisions, class_folder)
    for decision in decisions:
        record = decision.record
        if decision.found.ignored:
            report.ignored.append(record)
        elif record.pris:
            report.taken.append(TakenNotebook(record, decision.origin, decision.previous))
        elif decision.aside:
            report.set_aside.append(record)
        else:
            report.refused.append(record)
    report.notes += _save(class_folder, [decision.record for decision in decisions])
    note_shared_identifiers(report)
    return report


@dataclass
class _Decision:
    found: Found
    record: ReceivedFile
    origin: str = ""
    """Where the learner's name was read: "" (the path), "notebook" or "fichier"."""
    previous: str = ""
    """What an earlier collect left in soumis/: "", "identique" or "remplacée"."""
    aside: bool = False


def _decide(found: Found, modules: list[CourseModule]) -> _Decision:
    digest = hashlib.sha256(found.data).hexdigest() if found.data is not None else ""
    record = ReceivedFile(fichier=found.name, sha256=digest, pris=False)
    decision = _Decision(found, record)
    if found.ignored:
        record.raison = "ignoré : fichier caché ou de système, sans rapport avec les devoirs"
        return decision
    named = path_names(found.name, modules)
    learner, module = named.learner, named.module

    def refuse(reason: str, status: str) -> _Decision:
        # `learner` and `module` are read when refusing: what was learnt by then counts.
        record.raison = reason
        record.module = module
        if learner:
            record.nom, record.identifiant = learner, learner_slug(learner)
            record.statut = status if module else ""
        return decision

    suffix = Path(found.name).suffix.lower()
    if suffix == ".zip":
        return refuse(
            "une archive dans l'archive : décompressez-la, puis collectez son contenu", ""
        )
    if suffix != ".ipynb":
        kind = f"un fichier {suffix}" if suffix else "un fichier sans extension"
        return refuse(
            f"ce n'est pas un notebook Jupyter (.ipynb) mais {kind} : "
            "demandez à l'apprenant le fichier .ipynb téléchargé depuis JupyterLab",
            UNREADABLE,
        )
    if found.problem:
        return refuse(found.problem, UNREADABLE)
    if not (found.data or b"").strip():
        return refuse("fichier vide : l'envoi a échoué, demandez-le à nouveau", UNREADABLE)
    notebook, problem = _parse(found.data or b"")
    if notebook is None:
        return refuse(problem, UNREADABLE)
    if not learner:
        learner, decision.origin = typed_name(notebook), "notebook"
    if not learner and named.guess:
        learner, decision.origin = named.guess, "fichier"
    content = module_of(notebook, modules)
    if content is None:
        return refuse(
            "ce notebook ne vient pas de ce cours : son contenu ne correspond à aucun module",
            OTHER_ASSIGNMENT,
        )
    if module and module != content.id:
        return refuse(
            f"autre devoir : le nom du fichier annonce le module {module}, "
            f"mais le contenu est celui du module {content.id}",
            OTHER_ASSIGNMENT,
        )
    module = content.id
    if _is_instructor_version(notebook):
        return refuse(
            "c'est la version formateur du module (avec les solutions et les tests cachés), "
            "pas une copie d'apprenant : sur un JupyterHub, le dossier solutions/ du cours "
            "cloné n'est pas un apprenant",
            "",
        )
    if not content.graded:
        return refuse(
            f"le module {content.id} (« {content.title} ») n'a pas d'exercice noté : "
            "rien à corriger",
            "",
        )
    if not learner:
        return refuse(
            "nom de l'apprenant introuvable : renommez le fichier "
            f"« Prénom Nom - {module}.ipynb » puis relancez la collecte",
            "",
        )
    record.pris, record.module = True, module
    record.nom, record.identifiant = learner, learner_slug(learner)
    return decision


def _is_instructor_version(notebook: NotebookNode) -> bool:
    """The course's own solutions/ notebook: its check cells still hold the hidden tests."""
    return any(
        INSTRUCTOR_MARKER in str(cell.get("source", "")) for cell in notebook.get("cells", [])
    )


def _parse(data: bytes) -> tuple[NotebookNode | None, str]:
    """The notebook (converted to the current format), or None and why, in French."""
    broken = "contenu illisible : le texte du fichier est abîmé (ce n'est pas du JSON valide)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, "contenu illisible : ce n'est pas un texte UTF-8, donc pas un notebook"
    try:
        # nbformat.reads would only log a schema error, in English: validate here instead.
        # Its warnings (missing or repeated cell ids, repaired in this copy) are not news.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            notebook = nbformat.convert(nbformat.reader.reads(text), 4)
            nbformat.validate(notebook)
        return notebook, ""
    except (nbformat.reader.NotJSONError, RecursionError):
        return None, broken
    except Exception:  # nbformat raises many kinds of errors on a file that is not a notebook
        return None, "contenu illisible : du JSON, mais pas un notebook Jupyter valide"


def _set_duplicates_aside(decisions: list[_Decision]) -> list[str]:
    """Keep the latest notebook per learner and module (ties: the last by name); say so."""
    lines = []
    groups: dict[tuple[str, str], list[_Decision]] = defaultdict(list)
    for decision in decisions:
        if decision.record.pris:
            groups[(decision.record.identifiant, decision.record.module)].append(decision)
    for group in groups.values():
        if len(group) < 2:
            continue
        group.sort(key=lambda d: (d.found.date, d.found.name))
        kept, aside = group[-1], group[:-1]
        for decision in aside:
            decision.record.pris, decision.aside = False, True
            same = " (contenu identique)" if decision.record.sha256 == kept.record.sha256 else ""
            decision.record.raison = (
                f"doublon mis de côté{same} : « {kept.record.fichier} », plus récent, est gardé"
            )
        kept.record.raison = "doublon : le plus récent est gardé"
        others = [(decision.record, decision.found.date) for decision in aside]
        lines.append(duplicate_line(kept.record, kept.found.date, others))
    return lines


def _write_taken(decisions: list[_Decision], class_folder: Path) -> None:
    root = class_folder.resolve()
    for decision in decisions:
        record = decision.record
        if not record.pris or decision.found.data is None:
            continue
        target = submitted_path(class_folder, record.module, record.identifiant)
        if not target.resolve().is_relative_to(root):  # identifiers are slugs: never happens
            raise CollectError(f"Chemin refusé hors du dossier de la classe : {target}")
        if target.is_file():
            same = _read_bytes(target) == decision.found.data
            decision.previous = "identique" if same else "remplacée"
        _write_bytes(target, decision.found.data)


def _save(class_folder: Path, records: list[ReceivedFile]) -> list[str]:
    """Merge with the previous collecte.json, so several collects add up.

    A previous entry for the very same file is dropped; a previous copy now
    replaced is marked as such; and at most one « non corrigé » status remains
    per learner and module, none when a copy of that notebook is in soumis/.
    """
    notes = []
    try:
        previous = read_received(class_folder)
    except Exception:  # a hand-edited or truncated collecte.json
        previous = []
        notes.append("L'ancien collecte.json était illisible : il est remplacé.")
    seen = {(record.fichier, record.sha256) for record in records}
    taken = {(record.identifiant, record.module) for record in records if record.pris}
    kept = [record for record in previous if (record.fichier, record.sha256) not in seen]
    for record in kept:
        if record.pris and (record.identifiant, record.module) in taken:
            record.pris = False
            record.raison = "remplacé par le fichier d'une collecte plus récente"
    merged = kept + records
    with_status: dict[tuple[str, str], ReceivedFile] = {}
    for record in merged:
        if not record.statut:
            continue
        pair = (record.identifiant, record.module)
        if submitted_path(class_folder, record.module, record.identifiant).is_file():
            record.statut = ""
            record.raison += " ; une copie lisible de ce devoir est déjà dans la classe"
            continue
        if pair in with_status:
            with_status[pair].statut = ""
        with_status[pair] = record
    try:
        save_received(class_folder, merged)
    except OSError as error:
        raise CollectError(_cannot_write(class_folder, error)) from None
    return notes


def _modules(course_root: Path) -> list[CourseModule]:
    try:
        syllabus = load_course_syllabus(Path(course_root))
    except SyllabusError as error:
        raise CollectError("Le programme du cours est illisible : " + error.messages[0]) from None
    modules = course_modules(syllabus, Path(course_root))
    if not modules:
        raise CollectError(
            f"Aucun notebook d'apprenant dans {Path(course_root) / 'notebooks'} : "
            "lancez la collecte depuis le dossier du cours."
        )
    return modules


def _check_folders(source: Path, class_folder: Path) -> None:
    shown = readable(str(source))
    if not source.exists():
        raise CollectError(
            f"« {shown} » est introuvable : vérifiez le chemin du dossier ou du zip."
        )
    if not source.is_dir() and not zipfile.is_zipfile(source):
        raise CollectError(
            f"« {shown} » n'est ni un dossier ni une archive .zip lisible : donnez le dossier "
            "où sont les notebooks reçus, ou le fichier .zip qui les contient."
        )
    here, there = source.resolve(), class_folder.resolve()
    if source.is_dir() and (there == here or there.is_relative_to(here)):
        raise CollectError(
            f"Le dossier de la classe « {readable(str(class_folder))} » est dans « {shown} » : "
            "la collecte n'écrit jamais dans les fichiers reçus ; choisissez un autre dossier."
        )
    if here.is_relative_to(there / SUBMITTED):
        raise CollectError(
            f"« {shown} » est dans le dossier {SUBMITTED}/ de la classe, que la collecte réécrit : "
            "placez les fichiers reçus ailleurs."
        )
    try:
        class_folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise CollectError(_cannot_write(class_folder, error)) from None


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as error:
        raise CollectError(_cannot_write(path.parent, error)) from None


def _cannot_write(folder: Path, error: OSError) -> str:
    return f"Impossible d'écrire dans « {readable(str(folder))} » ({os_reason(error)})."
