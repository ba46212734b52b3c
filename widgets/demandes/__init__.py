"""Module 08's case study: residents' requests to the town hall of Clairval-sur-Ondine (fictional).

Engines: `model.py` (data, training, evaluation), `confusion.py` (which
services the model mixes up, and why), `predict.py` (one message, explained).
`html.py` writes every HTML fragment; `views/` holds the ipywidgets views.
The data set, `data/demandes.csv`, is written by `generate.py` from the
hand-written tables of `sources/` (see `data/DATASHEET.md`).
"""
