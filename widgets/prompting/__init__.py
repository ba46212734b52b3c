"""Module 03: a prompt made of fields, a checklist that scores it, a gallery of town-hall tasks.

The engines (`fields`, `rules`, `patterns`, `personal_data`, `checklist`,
`gallery`, `render`) are plain Python; the views (`coach_view`,
`gallery_view`, `free_prompt_view`, `comparison_view`) wire them to
ipywidgets.
"""
