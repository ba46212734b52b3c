"""What the views write for a learner: decimal commas in slider values, whole button labels,
tooltips without English jargon, wide tables that scroll instead of being cut."""

from __future__ import annotations

import ipywidgets as ipw

from widgets.cantine.views.price_slider import price_slider
from widgets.controles.views.slider import threshold_slider
from widgets.llm.views.controls import temperature_slider
from widgets.llm.views.invention import invention_demo
from widgets.llm.views.samples import samples_side_by_side
from widgets.llm.views.temperature import temperature_explorer
from widgets.llm.views.tokens import token_explorer


def test_slider_values_are_written_with_a_decimal_comma() -> None:
    temperature = temperature_slider(0.8)
    assert not temperature.readout and temperature.description == "Température : 0,80"
    temperature.value = 1.25
    assert temperature.description == "Température : 1,25"
    threshold = threshold_slider(0.6)
    assert not threshold.readout and threshold.description == "Seuil de contrôle : 0,60"
    threshold.value = 0.07
    assert threshold.description == "Seuil de contrôle : 0,07"
    slider, summary = price_slider(3.2).children
    assert not slider.readout and "3,20\u202f€" in summary.value
    slider.value = 4.05
    assert "4,05\u202f€" in summary.value and "4.05" not in summary.value


def buttons(widget: ipw.Widget) -> list[ipw.Button]:
    found, stack = [], [widget]
    while stack:
        item = stack.pop()
        stack.extend(getattr(item, "children", ()))
        if isinstance(item, ipw.Button):
            found.append(item)
    return found


def test_button_labels_are_never_cut() -> None:
    views = (temperature_explorer(), samples_side_by_side(), invention_demo())
    labelled = [button for view in views for button in buttons(view)]
    assert len(labelled) == 3
    assert all(button.layout.width == "auto" for button in labelled)


def test_the_vocabulary_menus_explain_themselves_in_french() -> None:
    menus = [
        widget
        for row in token_explorer().children
        for widget in getattr(row, "children", ())
        if isinstance(widget, ipw.Dropdown)
    ]
    assert [menu.tooltip for menu in menus] == [
        "Nombre de tokens que connaît le vocabulaire de gauche",
        "Nombre de tokens que connaît le vocabulaire de droite",
    ]


def test_the_score_axis_is_written_with_a_decimal_comma() -> None:
    from widgets.lessons import controles

    view = controles.score_distributions()
    axis = view.figure.axes[1]
    axis.figure.canvas.draw()
    assert [label.get_text() for label in axis.get_xticklabels()] == [
        "0,0",
        "0,2",
        "0,4",
        "0,6",
        "0,8",
        "1,0",
    ]
