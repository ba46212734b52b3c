"""Horizontal bar charts as inline SVG, drawn by hand: light, exact and accessible.

Hand-made rather than matplotlib: a handful of rectangles and texts, no heavy
import, and text stays text (searchable, sharp when printed, in the page's font).
Each chart is a `<figure>` with a `<figcaption>`; the SVG has `role="img"`,
an `aria-label` and a `<title>`. Every bar carries its value written in
French, so colour never carries meaning alone, and the page puts the same
numbers in a table next to the chart.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from widgets.french import format_percent
from widgets.palette import BLUE, GREY
from widgets.text import printable, shortened

WIDTH = 640
LABEL_WIDTH = 250
VALUE_WIDTH = 80
ROW_HEIGHT = 26
BAR_HEIGHT = 17
TOP = 22
BOTTOM = 6
FONT_SIZE = 13
LABEL_CHARACTERS = 30
"""About what fits in LABEL_WIDTH at FONT_SIZE; the table next to the chart has the full text."""


@dataclass(frozen=True)
class Bar:
    label: str
    share: float | None
    """Between 0 and 1; None when it cannot be computed (nothing graded): no bar is drawn."""


def bar_chart(title: str, caption: str, bars: list[Bar]) -> str:
    """A `<figure>` with one bar per item, from 0 to 100 %."""
    plot_width = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = TOP + ROW_HEIGHT * len(bars) + BOTTOM
    parts = [
        f'<svg viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" role="img" aria-label="{_text(title)}" '
        f'font-size="{FONT_SIZE}" font-family="DejaVu Sans, Arial, sans-serif">',
        f"<title>{_text(title)}</title>",
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = LABEL_WIDTH + tick * plot_width
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 4}" x2="{x:.1f}" y2="{height - BOTTOM}" '
            f'stroke="#d0d0d0" stroke-width="1"/>'
            f'<text x="{x:.1f}" y="{TOP - 8}" text-anchor="middle" fill="{GREY}" '
            f'font-size="{FONT_SIZE - 2}">{_text(format_percent(tick, 0))}</text>'
        )
    for index, bar in enumerate(bars):
        y = TOP + index * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'dominant-baseline="middle">{_text(shortened(bar.label, LABEL_CHARACTERS))}</text>'
        )
        if bar.share is not None:
            length = max(0.0, min(1.0, bar.share)) * plot_width
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{middle - BAR_HEIGHT / 2:.1f}" width="{length:.1f}" '
                f'height="{BAR_HEIGHT}" fill="{BLUE}"/>'
            )
        parts.append(
            f'<text x="{WIDTH - VALUE_WIDTH + 8}" y="{middle:.1f}" dominant-baseline="middle">'
            f"{_text(format_percent(bar.share, 0))}</text>"
        )
    parts.append("</svg>")
    return f"<figure>{''.join(parts)}<figcaption>{_text(caption)}</figcaption></figure>"


def _text(value: str) -> str:
    return escape(printable(value))
