"""Where a lesson is shown: JupyterLab, or the no-code view (Voilà).

Voilà starts each page's kernel with `VOILA_*` variables in its environment
(its base URL, the request, the kernel's id); a kernel started by
JupyterLab has none of them. Views read this to show a click form where
JupyterLab shows a code cell.
"""

from __future__ import annotations

import os

_VOILA_VARIABLES = ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_REQUEST_URL")


def in_no_code_view() -> bool:
    """True in a kernel that Voilà started for the no-code view."""
    return any(name in os.environ for name in _VOILA_VARIABLES)
