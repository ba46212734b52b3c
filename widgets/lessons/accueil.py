"""Module 00, the welcome page: setup and the download of one's work."""

from widgets.backup.views.download import download_panel
from widgets.viewkit.session import start

__all__ = ["download_panel", "start"]
