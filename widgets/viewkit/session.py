"""What the first code cell of every module runs."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from importlib import resources

from IPython.display import Javascript, display

from widgets import french_errors


def start(prepare: Callable[[], object] | None = None) -> None:
    """Install French error messages, name sliders and figures, and say that setup ran.

    `prepare` (training a module's models) then runs in the background while the learner
    reads: the setup cell stays short, and a cell that needs a model waits for it (the
    engines' caches hold a lock). A failure there is silent: the first cell that needs
    the model trains it again and shows the error in French.
    """
    french_errors.install()
    # ipywidgets draws a slider's handle (the part that takes the arrow keys) without a
    # name, and an image without a text alternative: a screen reader would say « curseur »
    # or « image » and nothing else (see accessible_names.js).
    display(Javascript(resources.files(__package__).joinpath("accessible_names.js").read_text()))
    display(
        {
            "text/html": '<p role="status"><strong>✔ Configuration terminée.</strong> '
            "Vous pouvez continuer.</p>",
            "text/plain": "✔ Configuration terminée. Vous pouvez continuer.",
        },
        raw=True,
    )
    if prepare is not None:
        threading.Thread(
            target=_quietly, args=(prepare,), name="atelier-prepare", daemon=True
        ).start()


def _quietly(prepare: Callable[[], object]) -> None:
    with contextlib.suppress(Exception):
        prepare()
