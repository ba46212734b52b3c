"""The course's colours: the Okabe-Ito palette, which colour-blind readers can tell apart.

Plain data, imported by engines' HTML fragments and by figures alike. Pair a
colour with a symbol, a word, a marker or a line style: colour alone never
carries meaning.
"""

from __future__ import annotations

BLUE = "#0072B2"
VERMILION = "#D55E00"
BLUISH_GREEN = "#009E73"
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
REDDISH_PURPLE = "#CC79A7"
YELLOW = "#F0E442"
BLACK = "#000000"

OKABE_ITO = (BLUE, VERMILION, BLUISH_GREEN, ORANGE, SKY_BLUE, REDDISH_PURPLE, YELLOW, BLACK)

GREY = "#5F5F5F"
"""A neutral grey for « not yet answered », dark enough for text on white."""

DARK_VERMILION = "#B34700"
DARK_BLUISH_GREEN = "#007A5A"
"""Vermilion and bluish green darkened for TEXT on a white or light grey background:
contrast 5.1:1 and 5.0:1 on #f7f7f7, where WCAG AA asks 4.5:1 (the palette's own
vermilion reaches only 3.6:1)."""
