"""The shared view kit: what every topic's views use (ipywidgets, matplotlib).

- `figure`: `LiveFigure`, a matplotlib figure updated in place and shown as a PNG;
  its colours come from `widgets.palette` (Okabe-Ito, colour-blind safe);
- `png`: the fast PNG encoder behind `LiveFigure`;
- `controls`: the style shared by labelled controls;
- `session`: `start()`, what the first code cell of every module runs.
"""
