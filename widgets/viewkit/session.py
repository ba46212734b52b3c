"""What the first code cell of every module runs."""

from __future__ import annotations

from IPython.display import display

from widgets import french_errors


def start() -> None:
    """Install French error messages and say, visibly, that setup ran."""
    french_errors.install()
    display(
        {
            "text/html": '<p role="status"><strong>✔ Configuration terminée.</strong> '
            "Vous pouvez continuer.</p>",
            "text/plain": "✔ Configuration terminée. Vous pouvez continuer.",
        },
        raw=True,
    )
