"""What labelled controls share across the course's views."""

from __future__ import annotations

LABEL_STYLE = {"description_width": "initial"}
"""Show a control's French label whole, however long, instead of cutting it."""
