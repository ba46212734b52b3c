"""Module 07's view: the comparison grid with its menu (`grid`)."""
