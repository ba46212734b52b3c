"""Module 03: a prompt made of fields, a checklist that scores it, a gallery of town-hall tasks.

The engines (`fields`, `patterns`, `personal_data`, `checklist`, `gallery`,
`render`) are plain Python; the views (`coach_view`, `comparison_view`)
wire them to ipywidgets.
"""
