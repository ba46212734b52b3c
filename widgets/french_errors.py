"""French messages instead of tracebacks for the mistakes learners make (the kernel extension).

Loaded as an IPython extension at kernel start (see
binder/ipython_kernel_config.py) and again by each lesson's `start()`, so
it works even when a learner runs a cell out of order. It handles:

- `AtelierError` (a wrong answer while grading, an input a widget refuses):
  its message only;
- `NameError` raised by the learner's own cell: a misspelt name, a missing
  quote, a cell not run yet, an answer cell whose last run failed
  (`widgets.slips`);
- `SyntaxError`: which line, and the real cause (`widgets.slips`).

Any other exception keeps its normal traceback: that is a bug to report.
The cell still ends in error, so nbgrader still counts a failed test.

It also records, after every cell, whether the cell failed and which names
it assigns (`widgets.selfcheck.answer_runs`), so a check never judges an
answer whose last run failed.

IPython switches a custom handler off for the whole session if the handler
itself raises: the handler therefore falls back to the normal traceback on
any error of its own, and every text it shows is made printable first.
"""

from __future__ import annotations

import builtins
import textwrap
from types import TracebackType
from typing import Any

from widgets.errors import AtelierError
from widgets.selfcheck.answer_runs import ANSWER_RUNS
from widgets.slips import name_error_message, syntax_error_message
from widgets.text import printable

HANDLED = (AtelierError, NameError, SyntaxError)
WRAP_WIDTH = 80
"""Characters per line of an error box: fits the notebook's width on a laptop screen."""


def _raised_in_learner_code(tb: TracebackType | None) -> bool:
    """True when the innermost frame is a notebook cell, not library code."""
    if tb is None:
        return True
    while tb.tb_next is not None:
        tb = tb.tb_next
    filename = tb.tb_frame.f_code.co_filename
    return filename.startswith("<") or "ipykernel_" in filename


def message_for(
    error: BaseException, tb: TracebackType | None, known_names: tuple[str, ...] = ()
) -> str | None:
    """The French message for an error, or None to keep the normal traceback."""
    if isinstance(error, AtelierError):
        return error.message
    if isinstance(error, SyntaxError):
        return syntax_error_message(error)
    if isinstance(error, NameError) and _raised_in_learner_code(tb):
        name = getattr(error, "name", None)
        unread = bool(name) and ANSWER_RUNS.last_failed(name)
        return name_error_message(name, known_names, unread_answer=unread)
    return None


def _known_names(shell: Any) -> tuple[str, ...]:
    user_names = tuple(getattr(shell, "user_ns", {}))
    return user_names + tuple(dir(builtins))


def _handler(
    shell: Any,
    etype: type[BaseException],
    value: BaseException,
    tb: TracebackType | None,
    tb_offset: int | None = None,
) -> None:
    try:
        message = message_for(value, tb, _known_names(shell))
    except Exception:  # never let IPython switch the French handler off
        message = None
    if message is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    else:
        shell._showtraceback(etype, value, [wrapped(printable(message))])


def wrapped(message: str, width: int = WRAP_WIDTH) -> str:
    """The message cut into lines between words: an error box is pre-formatted text, and
    the browser would otherwise break long lines in the middle of a word."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False)
        for line in message.split("\n")
    )


def _record_run(result: Any) -> None:
    """After each cell: which names it assigns, and whether it failed."""
    source = getattr(getattr(result, "info", None), "raw_cell", None)
    if isinstance(source, str):
        failed = result.error_before_exec is not None or result.error_in_exec is not None
        ANSWER_RUNS.record(source, failed)


def install(shell: Any = None) -> bool:
    """Install the French handler and the record of answer runs in the running shell, once.

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
    callbacks = shell.events.callbacks.get("post_run_cell", [])
    if _record_run not in callbacks:
        shell.events.register("post_run_cell", _record_run)
    return True


def load_ipython_extension(shell: Any) -> None:
    """Entry point for `c.InteractiveShellApp.extensions`."""
    install(shell)
