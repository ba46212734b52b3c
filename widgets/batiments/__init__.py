"""Module 09, predicting and being wrong: 580 municipal buildings and their yearly energy use.

Engines (plain Python): `recipe` and `generate` (the seeded data set, from
`sources/`), `table` (the shipped CSV and its columns, as numpy arrays),
`sweep` (model complexity against error), `leak` (the data-leakage trap),
`reading` (an error in kWh read for one type of building), and `html`
(every HTML fragment). The ipywidgets views are in `views/`; the data and
their datasheet in `data/`.
"""
