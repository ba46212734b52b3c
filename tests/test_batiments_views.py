"""Module 09's views, its lesson and its notebook, against the references of the model tests."""

from __future__ import annotations

import subprocess
import sys

import nbformat
import numpy as np
import pytest
from hypothesis import given
from test_batiments_model import (
    ANYTHING,
    FUZZ,
    column,
    reference_errors,
    reference_test_mask,
    rows,
    sweep_reference,
)

from conftest import ROOT, solution_path
from widgets.batiments.html import READING_CELL, alert_html
from widgets.batiments.leak import HONEST_COLUMNS, leak_experiment
from widgets.batiments.sweep import OVERFIT_EXAMPLE, complexity_sweep, read_degree
from widgets.batiments.table import LEAK, load_buildings
from widgets.batiments.views.complexity_slider import ComplexitySlider
from widgets.batiments.views.error_reader import ErrorReader
from widgets.batiments.views.leak_trap import LeakTrap
from widgets.batiments.views.regimes_picture import overfitting_picture, picture_figure
from widgets.errors import AtelierError
from widgets.french import NARROW_NBSP, format_number
from widgets.lessons import batiments as lesson

PERCENT = f"{NARROW_NBSP}%"

# ---------------------------------------------------------------- the complexity slider


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


def test_slider_summary_gives_both_errors_as_a_share_of_a_school() -> None:
    view = ComplexitySlider(complexity_sweep(), 3)
    reference = sweep_reference()
    for error in (reference["train_mae"][3], reference["test_mae"][3]):
        share = format_number(100 * error / reference["mean_kwh"])
        assert f"({share}{PERCENT}" in view.summary.value


def test_slider_labels_are_french_and_complete() -> None:
    view = ComplexitySlider(complexity_sweep(), 0)
    assert view.slider.description.startswith("Degré")
    assert view.slider.tooltip and view.slider.style.description_width == "initial"
    axes = view.figure.figure.axes
    assert all(ax.get_xlabel() and ax.get_ylabel() for ax in axes)
    assert "kWh" in axes[0].get_ylabel() and "m²" in axes[1].get_xlabel()


_SLIDERS: list[ComplexitySlider] = []


def _shared_slider() -> ComplexitySlider:
    if not _SLIDERS:
        _SLIDERS.append(ComplexitySlider(complexity_sweep(), 1))
    return _SLIDERS[0]


@FUZZ
@given(ANYTHING)
def test_slider_view_shows_a_french_message_for_any_value(value) -> None:
    view = _shared_slider()
    view.show(value)
    try:
        read_degree(value)
    except AtelierError as error:
        assert view.summary.value == alert_html(error.message)
        assert error.message in view.summary.value and "⚠" in view.summary.value
    else:
        assert "Degré" in view.summary.value


def test_alerts_escape_what_a_learner_typed() -> None:
    assert alert_html("« <b> » n'est pas une colonne") == (
        '<div role="alert">⚠ « &lt;b&gt; » n\'est pas une colonne</div>'
    )


# ---------------------------------------------------------------- the leakage trap


def test_leak_view_starts_suspicious_and_unticking_the_bill_shows_the_honest_error() -> None:
    view = LeakTrap(leak_experiment())
    assert all(box.value for box in view.boxes.values())
    assert "suspect" in view.summary.value
    view.boxes[LEAK].value = False
    _, honest_test_mae = reference_errors(HONEST_COLUMNS)
    test_mean = column("consommation_kwh")[reference_test_mask()].mean()
    assert format_number(honest_test_mae) in view.summary.value
    assert f"{format_number(100 * honest_test_mae / test_mean, 1)}{PERCENT}" in view.summary.value
    assert "plausible" in view.summary.value
    for box in view.boxes.values():
        box.value = False
    assert "même consommation pour tous" in view.summary.value
    assert f'aria-label="Erreur de test : 100{PERCENT}' in view.summary.value
    assert all(box.description and box.tooltip for box in view.boxes.values())


@FUZZ
@given(ANYTHING)
def test_leak_view_never_raises(columns) -> None:
    view = LeakTrap(leak_experiment())
    view.show(columns)
    assert view.summary.value


# ---------------------------------------------------------------- reading an error


def test_error_reader_follows_its_controls_and_refuses_bad_numbers() -> None:
    view = ErrorReader(load_buildings(), 15_000.0)
    view.type_menu.value = "crèche"
    assert "crèches" in view.output.value
    nurseries = [float(r["consommation_kwh"]) for r in rows() if r["type_batiment"] == "crèche"]
    share = format_number(100 * 15_000 / np.mean(nurseries))
    assert f"<td {READING_CELL}>{share}{PERCENT}</td>" in view.output.value
    for bad in (float("nan"), float("inf"), -5.0, 1e15):
        view.error_box.value = bad
        assert "⚠" in view.output.value and "Traceback" not in view.output.value
    view.error_box.value = 20_000.0
    assert format_number(20_000) in view.output.value


# ---------------------------------------------------------------- the picture


def test_overfitting_picture_has_three_titled_panels() -> None:
    sweep = complexity_sweep()
    figure = picture_figure(sweep)
    titles = [ax.get_title() for ax in figure.axes]
    assert titles[0].startswith("Trop simple (degré 0)")
    assert f"(degré {sweep_reference()['best_degree']})" in titles[1]
    assert f"(degré {OVERFIT_EXAMPLE})" in titles[2]
    assert bytes(figure.image.value).startswith(b"\x89PNG") and "écoles" in figure.caption.value
    assert isinstance(overfitting_picture().children[0].value, bytes | memoryview)


# ---------------------------------------------------------------- the lesson and its notebook


def test_exercises_expect_the_independently_computed_answers() -> None:
    assert lesson.BEST_COMPLEXITY.expected == sweep_reference()["best_degree"] == 3
    _, honest_test_mae = reference_errors(HONEST_COLUMNS)
    assert lesson.HONEST_ERROR_KWH.expected == pytest.approx(honest_test_mae, rel=1e-9)
    assert lesson.HONEST_ERROR_KWH.reference == round(honest_test_mae)


def test_lesson_tables_show_the_data_and_the_largest_errors() -> None:
    preview = lesson.data_preview(3).value
    clairval = [row for row in rows() if row["commune"] == "Clairval-sur-Ondine"][:3]
    assert all(row["identifiant"] in preview for row in clairval)
    assert "Les 3 premiers bâtiments de Clairval-sur-Ondine (sur 580 bâtiments" in preview
    largest = lesson.largest_errors_table(2).value
    assert "BEL-004" in largest and "Les 2 bâtiments de test" in largest


def test_figures_written_in_the_notebook_match_the_data() -> None:
    text = "\n".join(
        cell.source
        for cell in nbformat.read(solution_path("09-predire"), as_version=4).cells
        if cell.cell_type == "markdown"
    )
    clairval = sum(row["commune"] == "Clairval-sur-Ondine" for row in rows())
    train_schools = int(sweep_reference()["train"].sum())
    schools = sum(row["type_batiment"] == "école" for row in rows())
    test_count = int(reference_test_mask().sum())
    assert f"Clairval n'a que {clairval} bâtiments" in text
    assert f"{len(rows())} bâtiments de 12 communes" in text
    assert f"**{train_schools} écoles**" in text
    assert f"**{schools - train_schools} autres écoles**" in text
    assert f"sur {len(rows()) - test_count} bâtiments" in text
    assert f"jugé sur les {test_count} autres" in text
    assert "gymnase `BEL-004`" in text


def test_importing_the_lesson_fits_nothing_and_loads_neither_sklearn_nor_matplotlib() -> None:
    code = (
        "import sys\n"
        "from widgets.lessons import batiments\n"
        "from widgets.batiments import sweep\n"
        "assert sweep._fit_once.cache_info().currsize == 0\n"
        "assert not {'sklearn', 'matplotlib'} & set(sys.modules), 'import lourd'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_start_fits_in_the_background_and_a_check_waits_for_it() -> None:
    # Right after start(), as « Exécuter tout » does: the exercise waits for the models.
    code = (
        "from widgets.lessons import batiments\n"
        "batiments.start()\n"
        "assert batiments.q1.exercise.expected == 3\n"
        "assert batiments.EXERCISES[3] is batiments.q4.exercise\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)


def test_the_names_read_from_the_models_are_the_ones_announced() -> None:
    assert set(lesson._from_models()) == set(lesson.FROM_MODEL)
    with pytest.raises(AttributeError):
        _ = lesson.NO_SUCH_NAME
