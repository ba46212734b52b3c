"""Module 09: the complexity sweep, the leakage trap, the reading of errors, and their views."""

from __future__ import annotations

import re

import nbformat
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import solution_path
from widgets.datasets.buildings import LEAK, generate
from widgets.errors import AtelierError
from widgets.french import format_number
from widgets.lessons import batiments as lesson
from widgets.ml.overfitting_data import load_buildings
from widgets.ml.overfitting_leak import (
    FEATURES,
    HONEST_COLUMNS,
    SUSPICIOUS_SHARE,
    LeakResult,
    leak_experiment,
)
from widgets.ml.overfitting_leak_view import LeakTrap
from widgets.ml.overfitting_picture import overfitting_picture, picture_figure
from widgets.ml.overfitting_reading import read_error, reading_for_every_type
from widgets.ml.overfitting_reading_view import ErrorReader
from widgets.ml.overfitting_sweep import (
    MAX_DEGREE,
    MIN_DEGREE,
    OVERFIT_EXAMPLE,
    SweepPoint,
    complexity_sweep,
    read_degree,
)
from widgets.ml.overfitting_sweep_view import ComplexitySlider

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANYTHING = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=60),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.complex_numbers(allow_nan=False, allow_infinity=False),
)
FRENCH = re.compile(r"[àâçéèêëîïôûù]|\b(le|la|les|un|une|de|du|des)\b", re.IGNORECASE)


def is_french_sentence(message: str) -> bool:
    return bool(message.strip()) and bool(FRENCH.search(message)) and "Traceback" not in message


# ---------------------------------------------------------------- the complexity sweep


def test_sweep_learns_from_20_schools_and_tests_on_the_174_others() -> None:
    sweep = complexity_sweep()
    assert len(sweep.train_kwh) == 20 and len(sweep.test_kwh) == 174
    assert sweep.degrees == tuple(range(MIN_DEGREE, MAX_DEGREE + 1))
    assert sweep.train_surface.min() == sweep.grid_surface[0]  # smallest school is learnt
    assert sweep.train_surface.max() == sweep.grid_surface[-1]  # and the largest one


def test_training_error_keeps_falling_while_test_error_rises_again() -> None:
    sweep = complexity_sweep()
    train, test = sweep.train_errors, sweep.test_errors
    # Least absolute deviations on nested curves: each degree can only do better on training.
    assert np.all(np.diff(train) <= 1e-6 * train[:-1])
    assert train[-1] < 0.25 * train[0]
    best = sweep.best_degree
    assert 1 <= best <= 5
    assert test[best] < test[0]  # a flat line is too simple
    assert test[MAX_DEGREE] > 10 * test[best]  # clearly overfitted at the highest degree
    assert train[MAX_DEGREE] < train[best]
    assert all(test[d] > 1.5 * test[best] for d in range(best + 3, MAX_DEGREE + 1))


def test_best_curve_meets_its_stated_quality_floor() -> None:
    sweep = complexity_sweep()
    # From the surface alone, an average error under 30 % of a school's use (measured: 27.5 %).
    assert sweep.share(sweep.test_errors[sweep.best_degree]) < 0.30
    assert sweep.share(sweep.test_errors[0]) > 0.35  # the flat line is clearly worse


def test_verdicts_name_the_three_regimes() -> None:
    sweep = complexity_sweep()
    assert "équilibrée" in sweep.verdict(sweep.best_degree)
    assert "trop simple" in sweep.verdict(0)
    assert "Sur-apprentissage" in sweep.verdict(OVERFIT_EXAMPLE)
    assert sweep.leaves_the_frame(OVERFIT_EXAMPLE, top_kwh=1e6)
    assert not sweep.leaves_the_frame(1, top_kwh=1e6)


@pytest.mark.parametrize("value", [-1, 16, 2.5, float("nan"), float("inf"), "3", None, True])
def test_bad_degrees_get_a_french_message(value) -> None:
    with pytest.raises(AtelierError) as caught:
        complexity_sweep().at(value)
    assert "degré" in caught.value.message


def test_whole_floats_and_numpy_integers_are_accepted_as_degrees() -> None:
    assert read_degree(3.0) == 3 and read_degree(np.int64(0)) == 0


@FUZZ
@given(ANYTHING)
def test_fuzzed_degrees_give_a_result_or_a_french_sentence(value) -> None:
    try:
        point = complexity_sweep().at(value)
    except AtelierError as error:
        assert is_french_sentence(error.message)
    else:
        assert isinstance(point, SweepPoint)


# ---------------------------------------------------------------- the leakage trap


def test_the_bill_makes_the_test_error_drop_suspiciously() -> None:
    experiment = leak_experiment()
    honest, leaky = experiment.honest, experiment.with_leak
    assert experiment.train_count == 406 and experiment.test_count == 174
    assert leaky.suspicious and leaky.test_share < 0.02
    assert not honest.suspicious
    assert leaky.test_mae < honest.test_mae / 5
    assert "suspect" in leaky.verdict() and "facture" not in leaky.verdict()


def test_honest_model_meets_its_stated_quality_floor() -> None:
    experiment = leak_experiment()
    table, test = load_buildings(), experiment.is_test
    planted = set(generate().anomalies)
    clean = test & np.array([identifier not in planted for identifier in table.identifiers])
    predicted = experiment.predictions(HONEST_COLUMNS)
    residual = table.kwh[clean] - predicted[clean]
    r2 = 1 - (residual**2).sum() / ((table.kwh[clean] - table.kwh[clean].mean()) ** 2).sum()
    # Measured: R² 0.944 and 10.5 % without the planted anomalies; 15.2 % with them.
    assert r2 > 0.90
    assert np.abs(residual).mean() / table.kwh[clean].mean() < 0.13
    assert experiment.honest.test_share < 0.18
    no_column = experiment.result(())
    assert experiment.honest.test_mae < no_column.test_mae / 3


def test_only_subsets_with_the_bill_look_suspicious() -> None:
    results = leak_experiment().all_results()
    assert len(results) == 2 ** len(FEATURES)
    for result in results:
        if result.suspicious:
            assert LEAK in result.columns and "chauffage" in result.columns
        if LEAK not in result.columns:
            assert result.test_share > 2 * SUSPICIOUS_SHARE


def test_largest_error_of_the_honest_model_is_the_planted_meter_error() -> None:
    errors = leak_experiment().largest_errors(5)
    assert len(errors) == 5
    assert errors[0].identifier == "BEL-004"
    assert errors[0].kwh > 5 * errors[0].predicted
    assert [e.error for e in errors] == sorted((e.error for e in errors), reverse=True)


def test_columns_are_read_in_display_order_whatever_the_order_given() -> None:
    experiment = leak_experiment()
    result = experiment.result(["chauffage", "surface_m2", "chauffage"])
    assert result.columns == ("surface_m2", "chauffage")
    assert experiment.result("surface_m2").columns == ("surface_m2",)


@FUZZ
@given(
    st.one_of(
        ANYTHING,
        st.lists(st.sampled_from([*FEATURES, "🏫", "", "consommation_kwh"]), max_size=9),
        st.lists(st.text(max_size=20), max_size=4),
        st.just(range(200)),
    )
)
def test_fuzzed_columns_give_a_result_or_a_french_sentence(columns) -> None:
    try:
        result = leak_experiment().result(columns)
    except AtelierError as error:
        assert is_french_sentence(error.message)
    else:
        assert isinstance(result, LeakResult) and np.isfinite(result.test_mae)


# ---------------------------------------------------------------- reading an error


def test_an_error_is_read_against_the_average_building_of_a_type() -> None:
    table = load_buildings()
    reading = read_error(18_000, "école", table)
    assert reading.share == pytest.approx(18_000 / table.mean_kwh("école"))
    assert reading.euros == pytest.approx(18_000 * table.mean_price())
    sentence = reading.sentence()
    assert "écoles" in sentence and format_number(18_000) in sentence and "€" in sentence
    shares = [r.share for r in reading_for_every_type(18_000, table)]
    assert shares == sorted(shares, reverse=True) and len(shares) == 7


@FUZZ
@given(ANYTHING, st.one_of(st.sampled_from(["école", "crèche", "piscine", ""]), ANYTHING))
def test_fuzzed_readings_give_a_result_or_a_french_sentence(error, building_type) -> None:
    try:
        reading = read_error(error, building_type, load_buildings())
    except AtelierError as problem:
        assert is_french_sentence(problem.message)
    else:
        assert reading.share >= 0 and reading.sentence()


# ---------------------------------------------------------------- views


def test_slider_moves_update_the_artists_in_place() -> None:
    sweep = complexity_sweep()
    view = ComplexitySlider(sweep, 1)
    figure, artists = view.figure.figure, len(view.figure.figure.axes[1].get_children())
    first_image = view.figure.image.value
    view.slider.value = OVERFIT_EXAMPLE
    assert view.figure.figure is figure
    assert len(figure.axes[1].get_children()) == artists
    assert view.figure.image.value != first_image
    np.testing.assert_array_equal(
        view.curve.get_ydata(), sweep.at(OVERFIT_EXAMPLE).curve_kwh / 1000
    )
    assert list(view.marker_line.get_xdata()) == [OVERFIT_EXAMPLE, OVERFIT_EXAMPLE]
    summary = view.summary.value
    assert f"Degré {OVERFIT_EXAMPLE}" in summary and "Sur-apprentissage" in summary
    assert format_number(sweep.at(OVERFIT_EXAMPLE).test_mae) in summary
    assert "sort du cadre" in summary


def test_slider_labels_are_french_and_complete() -> None:
    view = ComplexitySlider(complexity_sweep(), 0)
    assert view.slider.description.startswith("Degré")
    assert view.slider.tooltip and view.slider.style.description_width == "initial"
    axes = view.figure.figure.axes
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes)
    assert "kWh" in axes[0].get_ylabel() and "m²" in axes[1].get_xlabel()


@FUZZ
@given(ANYTHING)
def test_slider_view_shows_a_french_message_for_any_value(value) -> None:
    view = _shared_slider()
    view.show(value)
    try:
        read_degree(value)
    except AtelierError as error:
        assert error.message in view.summary.value and "⚠" in view.summary.value
    else:
        assert "Degré" in view.summary.value


_SLIDERS: list[ComplexitySlider] = []


def _shared_slider() -> ComplexitySlider:
    if not _SLIDERS:
        _SLIDERS.append(ComplexitySlider(complexity_sweep(), 1))
    return _SLIDERS[0]


def test_leak_view_starts_suspicious_and_unticking_the_bill_shows_the_honest_error() -> None:
    view = LeakTrap(leak_experiment())
    assert all(box.value for box in view.boxes.values())
    assert "suspect" in view.summary.value
    view.boxes[LEAK].value = False
    honest = leak_experiment().honest
    assert format_number(honest.test_mae) in view.summary.value
    assert "plausible" in view.summary.value
    for box in view.boxes.values():
        box.value = False
    assert "même consommation pour tous" in view.summary.value
    assert all(box.description and box.tooltip for box in view.boxes.values())


@FUZZ
@given(ANYTHING)
def test_leak_view_never_raises(columns) -> None:
    view = LeakTrap(leak_experiment())
    view.show(columns)
    assert view.summary.value


def test_error_reader_follows_its_controls_and_refuses_bad_numbers() -> None:
    view = ErrorReader(load_buildings(), 15_000.0)
    view.type_menu.value = "crèche"
    assert "crèches" in view.output.value
    for bad in (float("nan"), float("inf"), -5.0, 1e15):
        view.error_box.value = bad
        assert "⚠" in view.output.value and "Traceback" not in view.output.value
    view.error_box.value = 20_000.0
    assert format_number(20_000) in view.output.value


def test_overfitting_picture_has_three_titled_panels() -> None:
    sweep = complexity_sweep()
    figure = picture_figure(sweep)
    titles = [ax.get_title() for ax in figure.axes]
    assert titles[0].startswith("Trop simple (degré 0)")
    assert f"(degré {sweep.best_degree})" in titles[1]
    assert f"(degré {OVERFIT_EXAMPLE})" in titles[2]
    assert bytes(figure.image.value).startswith(b"\x89PNG") and "écoles" in figure.caption.value
    assert isinstance(overfitting_picture().children[0].value, bytes | memoryview)


# ---------------------------------------------------------------- the lesson and its notebook


def test_exercises_use_the_engines_results() -> None:
    assert lesson.BEST_COMPLEXITY.expected == complexity_sweep().best_degree
    assert lesson.HONEST_ERROR_KWH.expected == pytest.approx(leak_experiment().honest.test_mae)


def test_figures_written_in_the_notebook_match_the_data() -> None:
    text = "\n".join(
        cell.source
        for cell in nbformat.read(solution_path("09-predire"), as_version=4).cells
        if cell.cell_type == "markdown"
    )
    table, sweep, experiment = load_buildings(), complexity_sweep(), leak_experiment()
    clairval = sum(commune == "Clairval-sur-Ondine" for commune in table.communes)
    assert f"Clairval n'a que {clairval} bâtiments" in text
    assert f"{len(table)} bâtiments de 12 communes" in text
    assert f"**{len(sweep.train_kwh)} écoles**" in text
    assert f"**{len(sweep.test_kwh)} autres écoles**" in text
    assert f"sur {experiment.train_count} bâtiments" in text
    assert f"jugé sur les {experiment.test_count} autres" in text
    assert f"gymnase `{experiment.largest_errors(1)[0].identifier}`" in text
