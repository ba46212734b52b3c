"""Module 03: a prompt made of fields, a checklist that scores it, a gallery of town-hall tasks.

Engines (plain Python): `fields` (the seven parts and how they are
assembled), `patterns` (the words the rules look for), `personal_data`,
`rules` and `rules.toml` (the nine rules as the learner reads them),
`checklist` (the rules applied), `gallery` and `gallery.toml` (six tasks),
`html` (every fragment the views show). The views are in `views/`.
"""
