"""Module 07's case: how open are « open » models, on the European Open Source AI Index.

- `index`: the index's 14 dimensions and the real ratings of a few models, read from
  `index.toml` (dated and sourced) and checked;
- `scores`: scores per group, and what « poids ouverts » gives and does not give;
- `checklist`: the questions an élu asks a vendor, read from `checklist.toml`;
- `html`: the comparison grid (symbols and words, not colour alone);
- `views/`: the grid with a menu to pick the models (`grid`).
"""
