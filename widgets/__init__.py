"""Atelier IA: what runs in a learner's kernel.

Importing this package is deliberately cheap: heavy libraries (matplotlib,
scikit-learn, language models) are imported by the lesson modules that need
them, never here. This package never imports `curriculum`.
"""

__version__ = "0.1.0"
