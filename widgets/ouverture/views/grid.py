"""The comparison grid, with a menu to pick the models and what their open weights give."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.ouverture.html import comparison_grid, weights_summary
from widgets.ouverture.index import OpennessIndex
from widgets.viewkit.controls import LABEL_STYLE


class ComparisonGrid(ipw.VBox):
    """Pick models in the menu: the grid and the « poids ouverts » reading follow."""

    def __init__(self, index: OpennessIndex, selected: tuple[str, ...] | None = None) -> None:
        self.index = index
        options = [(f"{m.name} ({m.organisation})", m.id) for m in index.models]
        self.menu = ipw.SelectMultiple(
            options=options,
            value=selected if selected is not None else tuple(m.id for m in index.models),
            rows=len(options),
            description="Modèles (Ctrl + clic pour en choisir plusieurs) :",
            style=LABEL_STYLE,
            layout=ipw.Layout(width="auto"),
        )
        self.grid = ipw.HTML()
        self.weights = ipw.HTML()
        self.menu.observe(lambda _change: self.update(), names="value")
        self.update()
        super().__init__([self.menu, self.grid, self.weights])

    def update(self) -> None:
        models = [self.index.model(model_id) for model_id in self.menu.value]
        self.grid.value = comparison_grid(self.index, models)
        self.weights.value = "".join(weights_summary(self.index, model) for model in models)
