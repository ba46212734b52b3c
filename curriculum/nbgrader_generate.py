"""Run nbgrader's "generate assignment" step on one module, in a scratch course.

nbgrader never touches the repository's notebooks/ folder: a failed
`generate_assignment --force` deletes the release folder it was writing to, and
notebooks/ is committed. So the module is copied to a temporary course
directory, generated there with the course's own nbgrader_config.py (same
stubs, same preprocessors), and the caller copies the result.

Importing this module imports nbgrader, which takes a second or two: import it
once per process.
"""

from __future__ import annotations

import copy
import logging
import re
import shutil
import warnings
from pathlib import Path

from nbconvert.exporters.exporter import ResourcesDict
from nbformat import NotebookNode
from nbgrader.converters import GenerateAssignment
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import ComputeChecksums, NbGraderPreprocessor, SaveCells
from traitlets.config import Config
from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

from curriculum.course import CONFIG_FILE

IGNORED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "*.pyc")

# nbgrader's errors are in English and often only in its log; these are the
# ones a maintainer meets while writing a module.
_KNOWN_ERRORS = (
    (r"no end solution statement", "un bloc ### BEGIN SOLUTION n'a pas de ### END SOLUTION"),
    (r"nested begin solution", "deux blocs ### BEGIN SOLUTION sont imbriqués"),
    (
        r"Solution region detected in a non-solution cell",
        "une cellule contient ### BEGIN SOLUTION sans être une cellule de réponse "
        "(dans JupyterLab, panneau « Create Assignment » : « Autograded answer »)",
    ),
    (r"hidden tests statement", "un bloc ### BEGIN HIDDEN TESTS est mal fermé ou imbriqué"),
    (r"Duplicate grade id: (\S+)", "l'identifiant de cellule (grade_id) « {0} » sert deux fois"),
    (r"does not have a grade_id|grade_id is empty", "une cellule nbgrader n'a pas de grade_id"),
    (r"cell '(\S+)' does not have points", "la cellule notée « {0} » n'indique pas de points"),
)


class GenerateError(Exception):
    """nbgrader could not generate the learner version; the message is in French."""


class StripTrailingWhitespace(NbGraderPreprocessor):
    """Remove the blank end of each cell (the empty code stub leaves one).

    It runs inside nbgrader's pipeline, before each checksum is computed, so
    the checksums of locked cells match what the learner receives.
    """

    def preprocess_cell(
        self, cell: NotebookNode, resources: ResourcesDict, index: int
    ) -> tuple[NotebookNode, ResourcesDict]:
        cell.source = cell.source.rstrip()
        return cell, resources


class _LogCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def load_course_config(course_root: Path) -> Config:
    try:
        return PyFileConfigLoader(CONFIG_FILE, path=str(course_root)).load_config()
    except ConfigFileNotFound:
        raise GenerateError(f"Le fichier {CONFIG_FILE} manque dans {course_root}.") from None
    except Exception as error:  # the config file is Python: anything can go wrong in it
        raise GenerateError(
            f"Le fichier {course_root / CONFIG_FILE} contient une erreur "
            f"({type(error).__name__}) : corrigez-le."
        ) from None


def generate_learner_folder(
    config: Config, module_folder: Path, module_id: str, scratch: Path
) -> Path:
    """Generate the learner version of `module_folder` under `scratch`.

    Returns the generated folder (notebooks plus the module's other files).
    """
    shutil.copytree(module_folder, scratch / "source" / module_id, ignore=IGNORED)
    config = copy.deepcopy(config)
    config.CourseDirectory.root = str(scratch)
    config.CourseDirectory.source_directory = "source"
    config.CourseDirectory.release_directory = "release"
    config.CourseDirectory.assignment_id = module_id
    config.CourseDirectory.notebook_id = "*"
    config.CourseDirectory.db_url = f"sqlite:///{scratch / 'gradebook.db'}"
    # The learner version needs no gradebook; grading builds its own.
    config.GenerateAssignment.no_database = True

    collector = _LogCollector()
    log = logging.getLogger(f"{__name__}.{module_id}")
    log.propagate = False
    log.handlers = [collector]
    coursedir = CourseDirectory(config=config, log=log)
    converter = GenerateAssignment(coursedir=coursedir, config=config, log=log)
    converter.preprocessors = _pipeline(converter.preprocessors)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            converter.start()
    except Exception as error:
        raise GenerateError(_french_error(module_id, [str(error), *collector.messages])) from None
    return scratch / "release" / module_id


def _pipeline(preprocessors: list[type]) -> list[type]:
    """nbgrader's own pipeline, without the gradebook and with the whitespace cleanup.

    SaveCells only records cells in the gradebook; leaving it out also avoids the
    `alembic` command nbgrader runs to create a gradebook (absent from PATH when
    the venv is not activated).
    """
    pipeline: list[type] = []
    for preprocessor in preprocessors:
        if preprocessor is SaveCells:
            continue
        if preprocessor is ComputeChecksums:
            pipeline.append(StripTrailingWhitespace)
        pipeline.append(preprocessor)
    return pipeline


def _french_error(module_id: str, english: list[str]) -> str:
    text = "\n".join(english)
    for pattern, french in _KNOWN_ERRORS:
        found = re.search(pattern, text)
        if found:
            reason = french.format(*found.groups())
            return (
                f"nbgrader n'a pas pu créer la version apprenante de {module_id} : {reason}. "
                f"Corrigez solutions/{module_id}/ puis relancez `atelier release {module_id}`."
            )
    # The last "SomeError: message" line of the logged traceback, else nbgrader's message.
    details = re.findall(r"^[\w.]+(?:Error|Exception): .+$", text, flags=re.MULTILINE)
    detail = details[-1] if details else english[0]
    return (
        f"nbgrader n'a pas pu créer la version apprenante de {module_id}. "
        f"Détail technique (en anglais) : {detail}"
    )
