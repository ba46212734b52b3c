"""Wide tables that scroll sideways in their own box, reachable with the keyboard (no Jupyter)."""

from __future__ import annotations

from html import escape

SCROLL_STYLE = "width:0;min-width:100%;max-width:100%;overflow-x:auto"
"""As wide as the notebook, never wider: a table with many columns scrolls sideways
instead of being cut (`width:0` keeps it from widening the page)."""


def scrolling_region(label: str, content: str) -> str:
    """`content` in a box that scrolls sideways; named and focusable, so that keyboard
    users can scroll it too (WCAG 2.1.1)."""
    return (
        f'<div style="{SCROLL_STYLE}" role="region" aria-label="{escape(label)}" tabindex="0">'
        f"{content}</div>"
    )
