"""Module 10 engine, views and exercises: the score, its thresholds, its disparities."""

from __future__ import annotations

import io
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from widgets.controles import dataset, generate
from widgets.controles.html import (
    disparity_html,
    hidden_truth_table,
    households_table,
    report_table,
)
from widgets.controles.proxies import default_proxy_study
from widgets.controles.study import default_study
from widgets.controles.thresholds import ScoreTable, ThresholdError, read_threshold
from widgets.controles.views.distributions import ScoreDistributions
from widgets.controles.views.matrices import ThresholdExplorer
from widgets.controles.views.proxies import ProxyDemo
from widgets.lessons import controles as lesson
from widgets.selfcheck import State

AUC_FLOOR = 0.74
"""Measured: 0.759 on the lesson's split (0.735 to 0.78 over twenty splits)."""
DISPARITY_FLOOR = 1.5
"""Measured without nationality: 1.70 to 1.94 for thresholds 0.4 to 0.8."""

study = default_study()
table = study.table


# ------------------------------------------------------------------ the model


def test_model_reaches_its_floor_without_the_sensitive_attribute() -> None:
    assert study.auc >= AUC_FLOOR
    assert dataset.SENSITIVE not in study.features
    assert study.model.named_steps["encodage"].n_features_in_ == len(dataset.FEATURES)
    assert len(study.test) == round(generate.ROWS * 0.4)
    assert not set(study.train) & set(study.test)


@pytest.mark.parametrize("threshold", [0.4, 0.5, 0.6, 0.7, 0.8])
def test_disparity_stays_without_the_sensitive_attribute(threshold: float) -> None:
    report = table.report(threshold)
    assert report.false_alarm_ratio >= DISPARITY_FLOOR
    assert report.control_ratio >= 1.4


def test_proxies_carry_nationality_and_removing_the_area_only_reduces_the_gap() -> None:
    proxies = default_proxy_study()
    assert [variant.key for variant in proxies.variants] == ["avec", "sans", "sans_quartier"]
    assert proxies.variants[1].table is table
    assert "nationalite" in proxies.variants[0].features
    assert "quartier" not in proxies.variants[2].features
    with_it, without, without_area = (v.table.report(0.5) for v in proxies.variants)
    assert abs(with_it.false_alarm_ratio - without.false_alarm_ratio) < 0.1
    assert 1.1 < without_area.false_alarm_ratio < without.false_alarm_ratio - 0.2
    assert proxies.proxies[0].feature == "quartier"
    assert proxies.proxies[0].guess_auc > 0.68
    assert proxies.guess_auc > 0.7
    assert proxies.mean_scores["hors_ue"] > proxies.mean_scores["francaise"] + 0.05


# ------------------------------------------------------------------ thresholds


def brute_force(threshold: float, scores: ScoreTable = table) -> dict[str, dict[str, int]]:
    """The four cells per group, counted household by household."""
    counts = {}
    for group in dataset.GROUPS:
        mask = scores.groups == group
        controlled = scores.scores >= threshold
        counts[group] = {
            "controlled_frauds": int(np.sum(mask & controlled & scores.frauds)),
            "controlled_honest": int(np.sum(mask & controlled & ~scores.frauds)),
            "missed_frauds": int(np.sum(mask & ~controlled & scores.frauds)),
            "spared_honest": int(np.sum(mask & ~controlled & ~scores.frauds)),
        }
    return counts


def false_alarm_rate_by_counting(threshold: float, group: str, scores: ScoreTable = table):
    cells = brute_force(threshold, scores)[group]
    return cells["controlled_honest"] / (cells["controlled_honest"] + cells["spared_honest"])


def meets_by_counting(threshold: float, min_recall_percent: int, max_false_alarms: int) -> bool:
    """The exercise's constraint, checked by counting the households at or above the threshold."""
    controlled = table.scores >= threshold
    found = int(np.sum(controlled & table.frauds))
    false_alarms = int(np.sum(controlled & ~table.frauds))
    frauds = int(np.sum(table.frauds))
    return found * 100 >= min_recall_percent * frauds and false_alarms <= max_false_alarms


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0))
def test_report_equals_counting_one_by_one(threshold: float) -> None:
    report = table.report(threshold)
    expected = brute_force(threshold)
    for group in dataset.GROUPS:
        cell = report.by_group[group]
        assert {name: getattr(cell, name) for name in expected[group]} == expected[group]
    overall = report.overall
    assert overall.households == len(table.scores)
    assert overall.frauds == int(table.frauds.sum())
    assert overall.controlled == int(np.sum(table.scores >= threshold))
    assert sum(cell.households for cell in report.by_group.values()) == overall.households
    sweep = table.sweep([threshold])
    assert sweep["controlled_frauds"][0] == overall.controlled_frauds
    assert sweep["controlled_honest"][0] == overall.controlled_honest


def test_counts_fall_as_the_threshold_rises() -> None:
    reports = [table.report(t) for t in np.linspace(0, 1, 101)]
    for name in ("controlled", "controlled_frauds", "controlled_honest"):
        values = [getattr(r.overall, name) for r in reports]
        assert values == sorted(values, reverse=True), name
    recalls = [r.overall.recall for r in reports]
    assert recalls == sorted(recalls, reverse=True)


def test_threshold_zero_controls_everyone_and_one_controls_no_one() -> None:
    everyone, no_one = table.report(0), table.report(1)
    assert everyone.overall.controlled == everyone.overall.households
    assert everyone.false_alarm_ratio == pytest.approx(1.0)
    assert no_one.overall.controlled == 0
    assert no_one.overall.recall == 0.0
    assert no_one.false_alarm_ratio is None
    assert no_one.overall.precision is None
    assert "non défini" in disparity_html(no_one)
    assert "0,0\u202f%" in report_table(no_one)


def test_threshold_window_is_exactly_where_the_constraint_holds() -> None:
    low, high = table.threshold_window(60, 750)
    for t in np.linspace(0, 1, 1001):
        assert meets_by_counting(t, 60, 750) == (low < t <= high), t
        assert table.meets(t, 60, 750) == (low < t <= high), t
    assert table.threshold_window(99, 10) is None


def test_blitted_figures_are_valid_pngs_of_the_canvas() -> None:
    from PIL import Image

    view = ThresholdExplorer(table)
    view.slider.value = 0.42
    decoded = np.asarray(Image.open(io.BytesIO(view.figure.image.value)).convert("RGB"))
    drawn = np.asarray(view.figure.canvas.buffer_rgba())[:, :, :3]
    assert np.array_equal(decoded, drawn)


def test_score_table_refuses_arrays_of_different_lengths() -> None:
    with pytest.raises(ValueError):
        ScoreTable(np.zeros(3), np.zeros(2, bool), np.array(["francaise"] * 3))


# ------------------------------------------------------------------ bad thresholds


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0.0), (1, 1.0), (0.35, 0.35), ("0,35", 0.35), (" 0.5 ", 0.5), (np.float32(0.25), 0.25)],
)
def test_readable_thresholds(value, expected) -> None:
    assert read_threshold(value) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (math.nan, "nan"),
        (-0.1, "entre 0 et 1"),
        (1.5, "divisez par 100"),
        (math.inf, "infini"),
        (-1e300, "bien trop grand"),
        ("35 %", "sans le signe %"),
        ("moitié", "ne se lit pas"),
        ("", "ne se lit pas"),
        (None, "doit être un nombre"),
        (True, "doit être un nombre"),
        ([0.5], "doit être un nombre"),
        ("🙂", "ne se lit pas"),
    ],
)
def test_unusable_thresholds_get_a_french_sentence(value, words) -> None:
    with pytest.raises(ThresholdError) as error:
        table.report(value)
    assert words in error.value.message


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.floats(allow_nan=True, allow_infinity=True),
        st.integers(),
        st.text(max_size=50),
        st.none(),
        st.booleans(),
        st.lists(st.floats(), max_size=3),
    )
)
def test_any_threshold_gives_a_report_or_a_french_message(value) -> None:
    try:
        report = table.report(value)
    except ThresholdError as error:
        assert error.message and "Traceback" not in error.message
        assert any(word in error.message for word in ("seuil", "nombre"))
    else:
        assert 0.0 <= report.threshold <= 1.0


# ------------------------------------------------------------------ views


def test_threshold_explorer_writes_the_counts_in_the_cells_and_the_table() -> None:
    view = ThresholdExplorer(table)
    first_image = view.figure.image.value
    view.slider.value = 0.6
    found = sum(cells["controlled_frauds"] for cells in brute_force(0.6).values())
    overall_cells = view.counts[0]
    assert overall_cells["controlled_honest"].get_text() == "527"
    assert overall_cells["controlled_frauds"].get_text() == str(found)
    hors_ue_cells = view.counts[2]
    assert hors_ue_cells["controlled_honest"].get_text() == "140"
    assert "527 foyers honnêtes" in view.summary.value
    assert "1,75" in view.details.value
    assert view.figure.image.value != first_image
    assert view.slider.description and view.slider.tooltip


def test_score_distributions_move_the_threshold_line() -> None:
    view = ScoreDistributions(table)
    view.slider.value = 0.3
    assert all(line.get_xdata()[0] == pytest.approx(0.3) for line in view.lines)
    assert all(shade.get_x() == pytest.approx(0.3) for shade in view.shades)
    rate = false_alarm_rate_by_counting(0.3, "hors_ue")
    assert f"{round(100 * rate)}\u202f%" in view.note.value


def test_proxy_demo_bars_are_the_false_alarm_rates() -> None:
    proxies = default_proxy_study()
    view = ProxyDemo(proxies)
    view.slider.value = 0.65
    for index, variant in enumerate(proxies.variants):
        for group in dataset.GROUPS:
            rate = false_alarm_rate_by_counting(0.65, group, variant.table)
            assert view.bars[group][index].get_height() == pytest.approx(100 * rate)
    assert "Sans nationalité ni quartier" in view.comparison.value


def test_tables_describe_the_households() -> None:
    preview = households_table(study)
    assert preview.count("<tr>") == 9
    assert "non utilisée par le score" in preview
    truth = hidden_truth_table(generate.generate())
    assert "14,2" in truth and "15,2" in truth and "10,4" in truth


# ------------------------------------------------------------------ exercises


@settings(max_examples=80, deadline=None)
@given(st.floats(min_value=0.0, max_value=1.0))
def test_threshold_exercise_accepts_exactly_the_thresholds_meeting_the_constraint(t) -> None:
    """The constraint, with the margin the question states, for the check and the grade alike."""
    exercise = lesson.THRESHOLD_CHOICE
    limits = (lesson.MIN_RECALL_PERCENT, lesson.MAX_FALSE_ALARMS)
    with_margin = all(
        meets_by_counting(min(max(t + d, 0), 1), *limits)
        for d in (-lesson.MARGIN, 0.0, lesson.MARGIN)
    )
    assert (exercise.evaluate(t).state is State.CORRECT) == with_margin
    assert (exercise.grade(t).state is State.CORRECT) == with_margin
    assert "0,005" in exercise.question


def test_threshold_exercise_says_which_limit_fails() -> None:
    exercise = lesson.THRESHOLD_CHOICE
    assert "montez le seuil" in exercise.evaluate(0.3).message
    assert "descendez le seuil" in exercise.evaluate(0.8).message
    assert "entre zéro et un" in exercise.evaluate(-2).message
    assert "virgule" in exercise.evaluate((0, 55)).message


def test_solutions_quote_the_engine() -> None:
    at_55 = table.report(0.55).overall
    assert (at_55.controlled_frauds, at_55.frauds, at_55.controlled_honest) == (150, 246, 659)
    at_50 = table.report(0.5).by_group
    assert (at_50["francaise"].controlled_honest, at_50["hors_ue"].controlled_honest) == (606, 217)
    assert at_50["hors_ue"].false_alarm_rate > at_50["francaise"].false_alarm_rate
    assert at_50["francaise"].controlled_honest > at_50["hors_ue"].controlled_honest
    at_60 = table.report(lesson.RATIO_THRESHOLD)
    assert at_60.false_alarm_ratio == pytest.approx(lesson.DISPARITY_READING.reference, abs=0.005)
    assert round(100 * at_60.by_group["francaise"].false_alarm_rate, 1) == 15.8
    assert round(100 * at_60.by_group["hors_ue"].false_alarm_rate, 1) == 27.6
    low, high = table.threshold_window(lesson.MIN_RECALL_PERCENT, lesson.MAX_FALSE_ALARMS)
    assert 0.52 < low < 0.53 and 0.56 <= high < 0.565


def test_importing_the_lesson_trains_nothing_and_loads_neither_sklearn_nor_matplotlib() -> None:
    code = (
        "import sys\n"
        "from widgets.lessons import controles\n"
        "from widgets.controles import study\n"
        "assert study._train_once.cache_info().currsize == 0\n"
        "assert not {'sklearn', 'matplotlib'} & set(sys.modules), 'import lourd'\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_start_trains_in_the_background_and_a_check_waits_for_it() -> None:
    code = (
        "from widgets.lessons import controles\n"
        "controles.start()\n"
        "table = controles.default_study().table\n"
        "assert table.report(0.55).overall.controlled_honest == 659\n"
        "assert controles.default_proxy_study().variants[1].table is table\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)


def test_lesson_widgets_build() -> None:
    preview = lesson.household_preview().value
    # The wide table sits in a box that scrolls sideways rather than being cut at 1280 px.
    assert preview.startswith("<div") and "overflow-x:auto" in preview and "<table" in preview
    assert "Irrégularités réelles" in lesson.hidden_truth().value
    assert lesson.reflection().children[0].description == "Voir une réponse possible"
    assert isinstance(lesson.threshold_explorer(), ThresholdExplorer)


def test_the_first_question_quotes_the_honest_households_set_aside() -> None:
    labels = default_study().table.frauds
    honest = int((~labels).sum())
    assert f"sur les {honest // 1000} {honest % 1000:03d} foyers honnêtes" in (
        lesson.THRESHOLD_CHOICE.question
    )
