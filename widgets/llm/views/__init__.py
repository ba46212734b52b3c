"""Widgets of module 02: tokens, next-token bars, temperature, samples, a confident invention.

Each file holds one widget factory; they are thin views over the engines in
`widgets.llm` and import ipywidgets and matplotlib, so import them only in a
notebook (through the lesson module).
"""
