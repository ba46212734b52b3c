"""Widget factories a learner can call (`atelier.xxx(...)`) and text boxes a learner types in.

Odd arguments get one French sentence, never an ipywidgets traceback; odd text
typed into a box never reaches the browser unprintable.
"""

from __future__ import annotations

import ipywidgets as ipw
import pytest
from fuzz_values import FUZZ, ODD_VALUES, SURROGATES, outcome, showable
from hypothesis import given

from widgets.backup.views.download import download_panel
from widgets.batiments.views.error_reader import error_reader
from widgets.cantine.views.price_slider import price_slider
from widgets.lessons import batiments
from widgets.llm.views.next_token import next_token_bars
from widgets.llm.views.samples import samples_side_by_side
from widgets.llm.views.temperature import temperature_explorer
from widgets.llm.views.tokens import token_explorer

FACTORIES = {
    "next_token_bars": next_token_bars,
    "samples_side_by_side (début)": samples_side_by_side,
    "samples_side_by_side (nombre)": lambda value: samples_side_by_side(count=value),
    "temperature_explorer (début)": temperature_explorer,
    "temperature_explorer (température)": lambda value: temperature_explorer(temperature=value),
    "token_explorer (texte)": token_explorer,
    "token_explorer (tailles)": lambda value: token_explorer(sizes=value),
    "price_slider": price_slider,
    "error_reader": error_reader,
    "data_preview": batiments.data_preview,
}


@pytest.mark.parametrize("name", sorted(FACTORIES))
@FUZZ
@given(value=ODD_VALUES)
def test_a_factory_builds_its_widget_or_refuses_in_french(name, value) -> None:
    widget, _message = outcome(lambda: FACTORIES[name](value))
    assert widget is None or isinstance(widget, ipw.Widget)


def html_shown(widget: ipw.Widget) -> str:
    """Every HTML the widget tree shows, joined."""
    parts = [widget.value] if isinstance(widget, ipw.HTML) else []
    for child in getattr(widget, "children", ()):
        parts.append(html_shown(child))
    return "\n".join(parts)


def text_boxes(widget: ipw.Widget) -> list[ipw.Textarea]:
    found = [widget] if isinstance(widget, ipw.Textarea | ipw.Text) else []
    for child in getattr(widget, "children", ()):
        found += text_boxes(child)
    return found


@pytest.mark.parametrize("factory", [next_token_bars, samples_side_by_side, token_explorer])
@pytest.mark.parametrize("surrogate", SURROGATES[:2])
def test_a_broken_emoji_typed_in_a_box_never_reaches_the_browser(factory, surrogate) -> None:
    widget = factory()
    (box,) = text_boxes(widget)
    box.value = f"Le conseil B{surrogate} municipal"
    assert showable(html_shown(widget))


def test_the_download_panel_takes_an_odd_start_calmly() -> None:
    for start in (42, None, "B\ud800", "/dossier/qui/n/existe/pas"):
        widget, _message = outcome(lambda start=start: download_panel(start))
        assert widget is None or isinstance(widget, ipw.Widget)
