"""Exceptions that carry a French message meant for the learner."""


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
