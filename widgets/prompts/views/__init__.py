"""Module 03's views: the coach, the gallery above it, a one-block prompt, before and after.

One view per file, each wiring ipywidgets to the engines of
`widgets.prompts` (HTML from `widgets.prompts.html`). Import them only in
a notebook, through the lesson module.
"""
