"""Module 03: a prompt made of fields, a checklist that scores it, a gallery of town-hall tasks.

Engines (plain Python): `fields` (the seven parts and how they are
assembled), `normalize` (a prompt as the rules read it), `patterns` and
`patterns.toml` (the turns of phrase the rules look for), `roles` and
`roles.toml` (is the role a person or a function, plausible at the town
hall?), `guards` (the four kinds of guard), `personal_data`, `rules` and
`rules.toml` (the nine rules as the learner reads them), `checklist` (the
rules applied), `case` and `cases.toml` (what exercise 1 asks for),
`exercise` (exercise 1, read by the same rules), `advice` and
`advice.toml` (the French sentences), `gallery` and `gallery.toml` (six
tasks), `html` (every fragment the views show). The views are in `views/`.
"""
