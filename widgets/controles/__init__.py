"""Module 10's case study: 8,000 controlled households, a risk score, its thresholds, its fairness.

- `dataset`: the columns of the shipped CSV, read as numpy columns;
- `generate`: the seeded generator of `data/controles.csv` (see `data/DATASHEET.md`);
- `thresholds`: what a threshold does to whom, from scores computed once;
- `study`: the score model, trained once without the sensitive attribute;
- `proxies`: the same score with and without nationality, and what carries it;
- `html`: the tables and sentences the views and the lesson show;
- `views/`: the threshold explorer (`matrices`), the score `distributions`, the `proxies` demo.
"""
