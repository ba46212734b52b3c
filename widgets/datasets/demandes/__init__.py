"""Residents' requests to the town hall of Clairval-sur-Ondine (fictional).

`generate.py` writes `widgets/data/demandes.csv` from hand-written phrase
stocks (`phrases_*.py`, `frames.py`, `ambiguous.py`) and seeded noise
(`noise.py`). Run `python -m widgets.datasets.demandes.generate` to rewrite it.
"""
