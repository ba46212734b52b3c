"""What labelled controls share across the course's views."""

from __future__ import annotations

import ipywidgets as ipw

LABEL_STYLE = {"description_width": "initial"}
"""Show a control's French label whole, however long, instead of cutting it."""


def fitted() -> ipw.Layout:
    """A layout as wide as the control's French label, so the label is never cut.

    One new layout per control: a layout shared by several widgets would tie them together.
    """
    return ipw.Layout(width="auto")
