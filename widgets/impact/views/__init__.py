"""Module 06's view: the footprint calculator (no figure: three numbers with their ranges)."""
