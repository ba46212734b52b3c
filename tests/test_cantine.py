"""The canteen of module 01: its budget engine, its summary and its slider."""

from __future__ import annotations

import pytest

from widgets.cantine.budget import canteen_year, highest_price_within_budget
from widgets.cantine.html import summary_html
from widgets.cantine.views.price_slider import price_slider
from widgets.french import format_euros, format_number, format_size


def test_canteen_year_computes_meals_cost_and_margin() -> None:
    year = canteen_year(3.95)
    assert year.meals == 25_200
    assert year.cost == pytest.approx(99_540)
    assert year.within_budget
    assert not canteen_year(4.0).within_budget
    assert highest_price_within_budget() == pytest.approx(100_000 / 25_200)
    with pytest.raises(ValueError):
        canteen_year(-1)


def test_french_number_formatting() -> None:
    assert format_number(25200) == "25\u202f200"
    assert format_euros(99540) == "99\u202f540,00\u202f€"
    assert format_size(84_000) == "84\u202fko"
    assert format_size(2_500_000) == "2,5\u202fMo"


def test_slider_redraws_the_summary() -> None:
    panel = price_slider(3.20)
    slider, summary = panel.children
    assert slider.description == "Prix d'un repas (€)"
    slider.value = 4.0
    assert summary.value == summary_html(canteen_year(4.0))
    assert "dépassé" in summary.value
    slider.value = 3.95
    assert "respecté" in summary.value
