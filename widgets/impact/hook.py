"""The footprint on the connector: every answer's estimate, kept for the view that shows it.

`install()` registers `after_answer` on the connector's after-answer hook.
After each answer it keeps that answer's footprint (`footprint_of`); a view
that has just shown an answer adds `last_footprint_html()` under it, which
also forgets it, so that a footprint is never shown twice.
"""

from __future__ import annotations

from collections.abc import Callable

from widgets.errors import AtelierError
from widgets.impact.estimate import Footprint
from widgets.impact.html import footprint_html
from widgets.impact.reply import footprint_of
from widgets.llm import connector
from widgets.llm.interface import Reply

_last: list[Footprint | None] = []


def after_answer(_messages: list[dict[str, str]], reply: Reply) -> None:
    """Never raises: a footprint that cannot be estimated must not cost the learner the answer."""
    try:
        found = footprint_of(reply)
    except AtelierError:
        found = None
    _last[:] = [found]


def install() -> Callable[[], None]:
    """Register the hook on the connector (once); returns the function that removes it."""
    return connector.register_after_answer(after_answer)


def last_footprint_html() -> str:
    """The box for the last answer, then forgotten; empty when no answer came since."""
    if not _last:
        return ""
    found = _last.pop()
    return footprint_html(found)
