"""Module 08's views and HTML: the split, the confusion matrix, « Essayez votre message »."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.demandes.html import highlighted_message, verdict_html
from widgets.demandes.model import TrainedModel, trained_model
from widgets.demandes.predict import predict_message
from widgets.demandes.services import SERVICES
from widgets.demandes.views.matrix import NO_SERVICE, ConfusionMatrixView
from widgets.demandes.views.split import split_picture
from widgets.demandes.views.try_message import TryMessageView

GREEN_SPACES = "Espaces verts"


@pytest.fixture(scope="module")
def model() -> TrainedModel:
    return trained_model()


_ODD_TEXT = st.one_of(
    st.text(alphabet=st.characters(categories=("So", "Nd", "Zs", "Po")), max_size=60),
    st.text(min_size=0, max_size=80),
    st.builds(lambda n: "9" * n, st.integers(0, 200)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ODD_TEXT)
def test_the_try_view_never_raises_and_speaks_french(text) -> None:
    view = _try_view()
    view.text.value = text
    view.button.click()
    assert "Service prédit" in view.verdict.value or "⚠" in view.verdict.value


_VIEW: list[TryMessageView] = []


def _try_view() -> TryMessageView:
    if not _VIEW:
        _VIEW.append(TryMessageView(trained_model()))
    return _VIEW[0]


def test_try_view_shows_service_bars_and_highlighted_words(model) -> None:
    view = TryMessageView(model, "Nid de poule énorme devant le 12 rue Pasteur")
    assert "Voirie" in view.verdict.value
    assert "<mark" in view.explanation.value and "poule" in view.explanation.value
    before = view.chart.figure.image.value
    view.text.value = "Je voudrais un acte de naissance pour mon fils"
    view.button.click()
    assert "État civil" in view.verdict.value
    assert view.chart.figure.image.value != before
    chosen = SERVICES.index("État civil")
    assert view.chart.bars[chosen].get_hatch() == "//"
    assert "choisi" in view.chart.labels[chosen].get_text()
    for message, expected in (
        ("", "vide"),
        ("🙂🙂", "aucun mot"),
        ("0612345678", "aucun mot"),
        ("Le lampadaire est éteint. " * 50_000, "très long"),
    ):
        view.text.value = message
        view.button.click()
        assert expected in view.verdict.value, message


def test_resident_text_is_escaped_in_the_highlighted_message(model) -> None:
    prediction = predict_message("<script>alert(1)</script> lampadaire éteint", model)
    html = highlighted_message(prediction)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_matrix_view_highlights_one_service(model) -> None:
    view = ConfusionMatrixView(model.evaluation)
    assert list(view.menu.options) == [NO_SERVICE, *SERVICES]
    assert not view.row_frame.get_visible()
    empty = view.figure.image.value
    view.menu.value = GREEN_SPACES
    assert view.row_frame.get_visible() and view.column_frame.get_visible()
    assert view.row_frame.get_y() == pytest.approx(SERVICES.index(GREEN_SPACES) - 0.5)
    assert view.row_name.get_text() == GREEN_SPACES
    assert view.figure.image.value != empty
    assert f"▶ {GREEN_SPACES}" in view.table.value
    assert "rappel" in view.sentence.value and "précision" in view.sentence.value
    view.menu.value = NO_SERVICE
    assert not view.row_frame.get_visible()
    assert "▶" not in view.table.value


def test_split_picture_writes_the_counts(model) -> None:
    panel = split_picture(model)
    table = panel.children[1].value
    assert "1\u202f600" in table and ">400<" in table
    assert bytes(panel.children[0].children[0].value).startswith(b"\x89PNG")


def test_the_verdict_writes_the_probability_the_french_way(model) -> None:
    prediction = predict_message("Lampadaire éteint rue Pasteur", model)
    best = max(share for _, share in prediction.probabilities)
    expected = f"{100 * best:.1f}".replace(".", ",") + "\u202f%"
    assert f"(probabilité {expected})" in verdict_html(prediction)
