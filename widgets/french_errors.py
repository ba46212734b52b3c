"""French messages instead of tracebacks for the mistakes learners make.

Loaded as an IPython extension at kernel start (see
binder/ipython_kernel_config.py) and again by each lesson's `start()`, so
it works even when a learner runs a cell out of order. It handles:

- `AtelierError` (a wrong answer, an input a widget refuses): its message only;
- `NameError` raised by the learner's own cell (a missing quote, a cell not
  run yet): an explanation in French;
- `SyntaxError`: which line, and the usual causes in French.

Any other exception keeps its normal traceback: that is a bug to report.
The cell still ends in error, so nbgrader still counts a failed test.
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

from widgets.errors import AtelierError

HANDLED = (AtelierError, NameError, SyntaxError)

_SYNTAX_CAUSES = {
    "unterminated string literal": "un guillemet est ouvert mais jamais refermé",
    "unterminated triple-quoted string literal": "des triples guillemets ne sont pas refermés",
    "was never closed": "une parenthèse ou un crochet ouvert n'est pas refermé",
    "unmatched": "une parenthèse ou un crochet fermant est en trop",
    "unexpected indent": "la ligne commence par des espaces en trop",
    "expected an indented block": "la ligne après les deux-points doit être décalée",
    "invalid decimal literal": "un nombre est collé à des lettres",
    "perhaps you forgot a comma": "il manque peut-être une virgule ou des guillemets",
}


def name_error_message(name: str | None) -> str:
    """Explain a NameError to someone who has never programmed."""
    if name == "atelier":
        return (
            "Le notebook n'est pas encore préparé : exécutez d'abord la première cellule "
            "de code, celle qui affiche « Configuration terminée »."
        )
    shown = name or "ce nom"
    run_first = (
        f"« {shown} » n'est pas encore défini : exécutez d'abord la cellule qui le définit, "
        "plus haut (ou tout le notebook : menu Exécution, puis « Exécuter toutes les cellules »)."
    )
    if "_" in shown:
        return run_first
    return (
        f"Python ne connaît pas « {shown} ». Si c'est une réponse écrite en toutes lettres, "
        f'mettez-la entre guillemets, par exemple "{shown}". Sinon, {run_first}'
    )


def syntax_error_message(error: SyntaxError) -> str:
    """Say which line Python could not read, and the likely cause, in French."""
    raw = (error.msg or "").lower()
    cause = next((text for key, text in _SYNTAX_CAUSES.items() if key in raw), None)
    where = f"la ligne {error.lineno}" if error.lineno else "une ligne"
    line = (error.text or "").strip()
    quoted = f" : « {line[:80]} »" if line else ""
    message = f"Python n'a pas pu lire {where}{quoted}."
    if cause:
        message += f" Cause probable : {cause}."
    return (
        message + " Vérifiez les guillemets et les parenthèses ; un nombre décimal "
        "s'écrit avec un point (3.5 et non 3,5)."
    )


def _raised_in_learner_code(tb: TracebackType | None) -> bool:
    """True when the innermost frame is a notebook cell, not library code."""
    if tb is None:
        return True
    while tb.tb_next is not None:
        tb = tb.tb_next
    filename = tb.tb_frame.f_code.co_filename
    return filename.startswith("<") or "ipykernel_" in filename


def message_for(error: BaseException, tb: TracebackType | None) -> str | None:
    """The French message for an error, or None to keep the normal traceback."""
    if isinstance(error, AtelierError):
        return error.message
    if isinstance(error, SyntaxError):
        return syntax_error_message(error)
    if isinstance(error, NameError) and _raised_in_learner_code(tb):
        return name_error_message(getattr(error, "name", None))
    return None


def _handler(
    shell: Any,
    etype: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
    tb_offset: int | None = None,
) -> None:
    message = message_for(value, tb)
    if message is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    else:
        shell._showtraceback(etype, value, [message])


def install(shell: Any = None) -> bool:
    """Install the French handler in the running IPython shell, once.

    Returns False outside IPython (plain Python, tests of the engines).
    """
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    if getattr(shell, "custom_exceptions", ()) != HANDLED:
        shell.set_custom_exc(HANDLED, _handler)
    return True


def load_ipython_extension(shell: Any) -> None:
    """Entry point for `c.InteractiveShellApp.extensions`."""
    install(shell)
