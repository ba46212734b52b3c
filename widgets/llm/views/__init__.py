"""Widgets over the language models: module 02's tokens, next-token bars, temperature, samples
and confident invention, and the connector's settings panel (modules 03 and later).

One view per file, each a thin wiring of ipywidgets to the engines of
`widgets.llm` (HTML from `widgets.llm.html`, sentences from
`widgets.llm.wording`). They import ipywidgets and matplotlib: import them
only in a notebook, through a lesson module.
"""
