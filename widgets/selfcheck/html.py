"""Turn a verdict into HTML and plain text (no Jupyter import).

Colours come from the Okabe-Ito colour-blind-safe palette, and each state
also has its own symbol and written label, so colour never carries meaning
alone.
"""

from __future__ import annotations

from html import escape

from widgets.palette import BLUE, DARK_VERMILION, GREY
from widgets.selfcheck.feedback import Feedback, State
from widgets.text import printable

_STYLE = {
    State.CORRECT: (BLUE, "✔"),
    State.INCORRECT: (DARK_VERMILION, "✘"),
    State.UNREAD: (DARK_VERMILION, "?"),
    State.UNANSWERED: (GREY, "…"),
}


def feedback_html(feedback: Feedback) -> str:
    colour, symbol = _STYLE[feedback.state]
    return (
        f'<div role="status" style="border-left:6px solid {colour};padding:0.4em 0.8em;'
        f'margin:0.3em 0;background:#f7f7f7;color:#1a1a1a">'
        f'<strong style="color:{colour}"><span aria-hidden="true">{symbol}</span> '
        f"{escape(feedback.state.label)}</strong> : {escape(printable(feedback.message))}</div>"
    )


def feedback_text(feedback: Feedback) -> str:
    _, symbol = _STYLE[feedback.state]
    return printable(f"{symbol} {feedback.as_text()}")


def note_html(title: str, body: str) -> str:
    """A hint or a solution, as shown under the buttons."""
    paragraphs = "".join(f"<p>{escape(part)}</p>" for part in body.split("\n\n") if part.strip())
    return f'<div style="margin:0.3em 0"><strong>{escape(title)}</strong>{paragraphs}</div>'
