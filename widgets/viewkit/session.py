"""What the first code cell of every module runs."""

from __future__ import annotations

from importlib import resources

from IPython.display import Javascript, display

from widgets import french_errors


def start() -> None:
    """Install French error messages, name sliders and figures, and say that setup ran."""
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
