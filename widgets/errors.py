"""Exceptions that carry a French message meant for the learner, and system errors in French."""

import errno


class AtelierError(Exception):
    """An expected problem, shown to the learner as its French message only.

    The kernel shows `message` instead of a traceback (see `french_errors`),
    yet the cell still ends in error, which nbgrader counts as a failed test.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class AnswerNotAccepted(AtelierError):
    """Raised by a check cell when the answer is wrong (or missing, when grading)."""


_OS_REASONS = {
    errno.EACCES: "accès refusé",
    errno.EPERM: "accès refusé",
    errno.ENOENT: "introuvable",
    errno.ELOOP: "lien symbolique qui tourne en rond",
    errno.ENOSPC: "disque plein",
    errno.EROFS: "disque en lecture seule",
    errno.EEXIST: "un fichier porte déjà ce nom",
    errno.ENOTDIR: "un fichier porte le nom d'un dossier attendu",
    errno.ENAMETOOLONG: "nom trop long",
}


def os_reason(error: OSError) -> str:
    """A system error in a few French words (« introuvable », « accès refusé »…)."""
    return _OS_REASONS.get(error.errno or 0, "erreur du système de fichiers")
