"""One Python module per course module: its exercises and widgets, ready for the notebook."""
