"""Fuzzing the engines of modules 00, 01, 08, 09 and 10: a result or a French refusal, quickly.

Entry points a learner reaches, with what reaches them:
- 00 and every module: `find_course_folder(start)` and `build_archive(folder)`
  behind `download_panel(start)`;
- 01: `canteen_year(price, meals_per_day, school_days, budget)` behind the
  price slider, and `highest_price_within_budget(...)`;
- 08: `predict_message(text)` behind « Essayez votre message »;
- 09: `read_degree` and the sweep's `at`/`verdict` behind the complexity slider
  and `complexity_slider(start_degree)`; `read_error` behind the error reader's
  number field and menu; the leak experiment's `result(columns)` behind the
  check boxes, and `largest_errors(count)` behind `largest_errors_table(count)`;
- 10: the threshold reader, through `ScoreTable.report` and `meets`, behind the
  threshold sliders and the check of exercise 1.

The engines of modules 02 and 03 are fuzzed in `test_fuzz_llm.py`; the values
and what counts as a calm answer are in `fuzz_values.py`.
"""

from __future__ import annotations

import io
import math
import os
import zipfile
from pathlib import Path

import pytest
from fuzz_values import (
    FUZZ,
    HUGE_INTEGERS,
    HUGE_NAMES,
    ODD_NUMBERS,
    ODD_TEXT,
    ODD_VALUES,
    assert_french,
    outcome,
    showable,
)
from hypothesis import given
from hypothesis import strategies as st

from widgets.backup.archive import build_archive, find_course_folder
from widgets.batiments.leak import FEATURES, leak_experiment
from widgets.batiments.reading import read_error, reading_for_every_type
from widgets.batiments.sweep import MAX_DEGREE, complexity_sweep
from widgets.batiments.table import load_buildings
from widgets.cantine.budget import canteen_year, highest_price_within_budget
from widgets.cantine.html import summary_html
from widgets.controles.study import default_study
from widgets.demandes.model import trained_model
from widgets.demandes.predict import MAX_CHARS, predict_message
from widgets.errors import AtelierError

# ---------------------------------------------------------------- 01: the canteen


@FUZZ
@given(
    price=st.one_of(st.floats(0, 10), ODD_NUMBERS, ODD_VALUES),
    meals=st.one_of(st.just(180), ODD_NUMBERS, ODD_VALUES),
    days=st.one_of(st.just(140), ODD_NUMBERS),
    budget=st.one_of(st.just(100_000.0), ODD_NUMBERS),
)
def test_the_canteen_counts_or_refuses_in_french(
    price: object, meals: object, days: object, budget: object
) -> None:
    year, refusal = outcome(lambda: canteen_year(price, meals, days, budget))
    if refusal is None:
        assert year.meals == meals * days
        assert math.isfinite(year.cost) and year.cost == pytest.approx(meals * days * price)
        assert showable(summary_html(year))
    highest, refusal = outcome(lambda: highest_price_within_budget(meals, days, budget))
    if refusal is None:
        assert highest == pytest.approx(budget / (meals * days))


@pytest.mark.parametrize("call", [lambda: canteen_year(-1), lambda: highest_price_within_budget(0)])
def test_a_negative_price_or_no_meal_at_all_is_refused_in_french(call) -> None:
    with pytest.raises(AtelierError) as refused:
        call()
    assert_french(refused.value.message)


# ---------------------------------------------------------------- 08: sorting a message


@FUZZ
@given(text=st.one_of(ODD_TEXT, ODD_VALUES))
def test_a_message_is_sorted_or_explained_never_raised(text: object) -> None:
    model = trained_model()
    prediction, refusal = outcome(lambda: predict_message(text, model))
    assert refusal is None  # predict_message answers with a notice instead
    assert prediction.service in (None, *model.services)
    assert len(prediction.text) <= MAX_CHARS
    shown = [prediction.notice, prediction.text, *prediction.unknown_words]
    assert all(showable(piece) for piece in [*shown, *(word.word for word in prediction.words)])
    if prediction.service is None:
        assert_french(prediction.notice)


# ---------------------------------------------------------------- 09: buildings


@FUZZ
@given(degree=st.one_of(st.integers(-2, MAX_DEGREE + 2), ODD_NUMBERS, ODD_VALUES))
def test_a_degree_is_shown_or_refused_in_french(degree: object) -> None:
    sweep = complexity_sweep()
    point, refusal = outcome(lambda: sweep.at(degree))
    if refusal is None:
        assert point.degree == degree and 0 <= degree <= MAX_DEGREE
        assert_french(sweep.verdict(degree))


@FUZZ
@given(
    error_kwh=st.one_of(st.floats(0, 1e6), ODD_NUMBERS, ODD_VALUES),
    building_type=st.one_of(st.sampled_from(load_buildings().building_types()), ODD_VALUES),
)
def test_an_error_is_read_or_refused_in_french(error_kwh: object, building_type: object) -> None:
    table = load_buildings()
    reading, refusal = outcome(lambda: read_error(error_kwh, building_type, table))
    if refusal is None:
        assert reading.error_kwh == float(error_kwh)
        assert_french(reading.sentence())
        assert len(reading_for_every_type(error_kwh, table)) == len(table.building_types())


COLUMNS = st.one_of(
    st.lists(st.sampled_from(list(FEATURES)), max_size=7),
    st.lists(st.one_of(st.sampled_from(list(FEATURES)), ODD_TEXT, ODD_VALUES), max_size=4),
    st.sampled_from(list(FEATURES)),
    st.builds(iter, st.just(tuple(FEATURES))),
    ODD_VALUES,
)


@FUZZ
@given(columns=COLUMNS, count=st.one_of(st.integers(-3, 10), ODD_VALUES))
def test_ticked_columns_give_an_error_or_a_french_refusal(columns: object, count: object) -> None:
    experiment = leak_experiment()
    result, refusal = outcome(lambda: experiment.result(columns))
    if refusal is None:
        assert set(result.columns) <= set(FEATURES)
        assert math.isfinite(result.test_mae) and result.test_mae >= 0
        assert_french(result.verdict())
    worst, refusal = outcome(lambda: experiment.largest_errors(count))
    if refusal is None:
        assert len(worst) == min(max(count, 0), experiment.test_count)


# ---------------------------------------------------------------- 10: thresholds


@FUZZ
@given(threshold=st.one_of(st.floats(0, 1), ODD_NUMBERS, ODD_VALUES))
def test_a_threshold_gives_a_report_or_a_french_refusal(threshold: object) -> None:
    table = default_study().table
    report, refusal = outcome(lambda: table.report(threshold))
    if refusal is None:
        assert 0.0 <= report.threshold <= 1.0
        assert report.overall.households == len(table.scores)
    met, refusal_again = outcome(lambda: table.meets(threshold, 60, 750))
    assert refusal_again == refusal
    assert met in (None, True, False)


@pytest.mark.parametrize("huge", HUGE_INTEGERS, ids=HUGE_NAMES)
def test_huge_integers_are_refused_in_french_not_overflowed(huge: int) -> None:
    for call in (
        lambda: complexity_sweep().at(huge),
        lambda: read_error(huge, "école", load_buildings()),
        lambda: default_study().table.report(huge),
        lambda: canteen_year(huge),
    ):
        with pytest.raises(AtelierError) as refused:
            call()
        assert_french(refused.value.message)


# ---------------------------------------------------------------- 00: the archive of one's work


def course(root: Path) -> Path:
    for module in ("00-accueil", "01-prise-en-main"):
        (root / module).mkdir(parents=True)
        (root / module / f"{module}.ipynb").write_text("{}", encoding="utf-8")
    return root


@FUZZ
@given(
    start=st.one_of(
        ODD_VALUES.map(lambda value: ("as given", value)),
        ODD_TEXT.map(lambda name: ("under the course", name)),
    )
)
def test_the_course_folder_is_found_or_refused_in_french(
    tmp_path: Path, start: tuple[str, object]
) -> None:
    root = tmp_path / "cours"
    if not root.exists():
        course(root)
    where, value = start
    if where == "under the course":  # a sub-folder name typed by the learner
        value = root / "01-prise-en-main" / value.replace("/", "").replace("..", "")
    found, refusal = outcome(lambda: find_course_folder(value))
    if refusal is None:
        assert found in (root, Path(value))


@FUZZ
@given(name=st.one_of(ODD_TEXT, ODD_VALUES))
def test_the_archive_is_made_or_refused_in_french(tmp_path: Path, name: object) -> None:
    root = tmp_path / "cours"
    if not root.exists():
        course(root)
    folder = root / name.replace("/", "").replace("..", "") if isinstance(name, str) else name
    archive, refusal = outcome(lambda: build_archive(folder))
    if refusal is None:
        assert zipfile.ZipFile(io.BytesIO(archive.content)).testzip() is None
        assert showable(archive.filename)


def test_a_file_name_the_disk_could_not_decode_is_archived_under_a_readable_name(
    tmp_path: Path,
) -> None:
    root = course(tmp_path)
    odd = os.path.join(os.fsencode(root / "01-prise-en-main"), b"notes-\xff.txt")
    with open(odd, "wb") as file:
        file.write(b"mes notes")
    archive = build_archive(str(root))
    names = zipfile.ZipFile(io.BytesIO(archive.content)).namelist()
    assert "atelier-ia/01-prise-en-main/notes-\ufffd.txt" in names
