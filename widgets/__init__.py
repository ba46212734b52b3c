"""Atelier IA: what runs in a learner's kernel.

Topic packages (engines, one `html.py`, a `views/` folder, and for a case study
`generate.py`, `sources/` and `data/`): `backup`, `cantine`, `llm`, `prompts`,
`corpus`, `demandes`, `batiments`, `controles`. Shared: `selfcheck` (exercises),
`viewkit` (the view kit), `french`, `palette`, `errors`, `shipped_data`, and
`french_errors` (the kernel extension). `lessons` wires them into each module;
its docstring maps every module to its code.

Importing this package is deliberately cheap: heavy libraries (matplotlib,
scikit-learn, language models) are imported by the lesson modules that need
them, never here. This package never imports `curriculum`.
"""

__version__ = "0.1.0"
