"""Module 08: the request classifier, its explanations, its views, and bad input."""

from __future__ import annotations

import random
from dataclasses import replace

import nbformat
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import solution_path
from widgets.datasets.demandes.services import ESPACES_VERTS, PROPRETE, SERVICES
from widgets.french import format_number
from widgets.ml import requests_engine as engine
from widgets.ml.requests_html import highlighted_message, predictions_table
from widgets.ml.requests_matrix_view import NO_SERVICE, ConfusionMatrixView
from widgets.ml.requests_split_view import split_picture
from widgets.ml.requests_try_view import TryMessageView

MACRO_F1_FLOOR = 0.90
"""Measured 0.94 on the held-out split; labels shuffled give about 0.1."""


@pytest.fixture(scope="module")
def model() -> engine.TrainedModel:
    return engine.trained_model()


def test_split_is_stratified_80_20(model) -> None:
    split = model.split
    assert (split.total, split.train, split.test) == (2_000, 1_600, 400)
    for part in split.per_service:
        assert abs(part.test - 0.2 * part.total) <= 1, part
        assert part.train + part.test == part.total


def test_model_is_good_but_not_perfect(model) -> None:
    evaluation = model.evaluation
    assert evaluation.macro_f1 >= MACRO_F1_FLOOR
    assert evaluation.accuracy >= 0.90
    assert evaluation.accuracy <= 0.98
    assert evaluation.total - evaluation.correct >= 8
    assert evaluation.matrix.sum() == model.split.test
    for score in evaluation.scores:
        assert 0.7 <= score.precision <= 1 and 0.7 <= score.recall <= 1, score


def test_training_is_fast_and_deterministic(model) -> None:
    assert model.train_seconds < 2.0
    again = engine.train_model()
    assert again.evaluation.predictions == model.evaluation.predictions


def test_a_broken_pipeline_cannot_pass_the_floor() -> None:
    requests = engine.load_requests()
    labels = [request.service for request in requests]
    random.Random(0).shuffle(labels)
    shuffled = tuple(
        replace(request, service=label) for request, label in zip(requests, labels, strict=True)
    )
    assert engine.train_model(shuffled).evaluation.macro_f1 < 0.3


def test_the_designed_pair_is_the_most_confused_by_a_clear_margin(model) -> None:
    first, second = engine.confused_pairs(model.evaluation)[:2]
    assert {first.first, first.second} == {PROPRETE, ESPACES_VERTS}
    assert first.total - second.total >= 2
    real, predicted, count = first.largest_cell
    index = model.services.index
    assert model.evaluation.matrix[index(real), index(predicted)] == count


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_confusion_comes_from_the_messages_not_from_one_split(seed) -> None:
    pair = engine.most_confused_pair(engine.train_model(seed=seed).evaluation)
    assert {pair.first, pair.second} == {PROPRETE, ESPACES_VERTS}


def test_shared_words_belong_to_both_services(model) -> None:
    words = engine.shared_words(model, PROPRETE, ESPACES_VERTS, count=4)
    assert len(words) == 4
    for word in words:
        key = engine.normalize(word)
        for service in (PROPRETE, ESPACES_VERTS):
            assert any(
                key in engine.normalize(r.message)
                for r in model.train_requests
                if r.service == service
            ), (word, service)


def test_prediction_probabilities_and_choice(model) -> None:
    prediction = engine.predict_message("Lampadaire éteint rue Pasteur depuis trois jours", model)
    assert prediction.service == "Éclairage public"
    assert [service for service, _ in prediction.probabilities] == list(SERVICES)
    shares = [share for _, share in prediction.probabilities]
    assert sum(shares) == pytest.approx(1.0)
    assert prediction.service == SERVICES[int(np.argmax(shares))]
    assert prediction.words[0].word == "Lampadaire"


def test_explanations_are_words_of_the_message_and_add_up(model) -> None:
    classifier = model.pipeline.named_steps["classifier"]
    vectorizer = model.pipeline.named_steps["tfidf"]
    for request in model.evaluation.test_requests[:60]:
        prediction = engine.predict_message(request.message, model)
        weights = [w.weight for w in prediction.words]
        assert weights == sorted(weights, reverse=True)
        assert all(weight > 0 for weight in weights)
        for word in prediction.words:
            assert word.word in request.message, (word, request.message)
        features = vectorizer.transform([request.message])
        row = list(classifier.classes_).index(prediction.service)
        total = (features.data * classifier.coef_[row, features.indices]).sum()
        decision = classifier.decision_function(features)[0][row]
        assert total + classifier.intercept_[row] == pytest.approx(decision)


def test_a_word_never_seen_is_reported_and_ignored(model) -> None:
    prediction = engine.predict_message("Le réverbère de la place est cassé.", model)
    assert "réverbère" in prediction.unknown_words
    assert all(w.word != "réverbère" for w in prediction.words)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "vide"),
        ("   \n ", "vide"),
        ("12345 678", "aucun mot"),
        ("🙂🚧🔥", "aucun mot"),
        ("zzqx wwkv", "ne connaît aucun mot"),
        (None, "texte"),
        (42, "texte"),
        (float("nan"), "texte"),
    ],
)
def test_bad_input_gets_a_french_sentence(model, text, expected) -> None:
    prediction = engine.predict_message(text, model)
    assert prediction.service is None
    assert expected in prediction.notice


def test_a_one_megabyte_message_is_cut_and_sorted(model) -> None:
    text = "Le lampadaire de la rue Pasteur est éteint. " * 24_000
    assert len(text) > 1_000_000
    prediction = engine.predict_message(text, model)
    assert prediction.service == "Éclairage public"
    assert "très long" in prediction.notice and "premiers" in prediction.notice
    assert len(prediction.text) == engine.MAX_CHARS


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gives_a_prediction_or_a_french_notice(text) -> None:
    prediction = engine.predict_message(text, engine.trained_model())
    if prediction.service is None:
        assert prediction.notice and prediction.notice[0].isupper()
    else:
        assert prediction.service in SERVICES
        assert sum(share for _, share in prediction.probabilities) == pytest.approx(1.0)
        for word in prediction.words:
            assert word.word in text


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
        _VIEW.append(TryMessageView(engine.trained_model()))
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
    prediction = engine.predict_message("<script>alert(1)</script> lampadaire éteint", model)
    html = highlighted_message(prediction)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_matrix_view_highlights_one_service(model) -> None:
    view = ConfusionMatrixView(model.evaluation)
    assert list(view.menu.options) == [NO_SERVICE, *SERVICES]
    assert not view.row_frame.get_visible()
    empty = view.figure.image.value
    view.menu.value = ESPACES_VERTS
    assert view.row_frame.get_visible() and view.column_frame.get_visible()
    assert view.row_frame.get_y() == pytest.approx(SERVICES.index(ESPACES_VERTS) - 0.5)
    assert view.row_name.get_text() == ESPACES_VERTS
    assert view.figure.image.value != empty
    assert f"▶ {ESPACES_VERTS}" in view.table.value
    assert "rappel" in view.sentence.value and "précision" in view.sentence.value
    view.menu.value = NO_SERVICE
    assert not view.row_frame.get_visible()
    assert "▶" not in view.table.value


def test_split_picture_writes_the_counts(model) -> None:
    panel = split_picture(model)
    table = panel.children[1].value
    assert format_number(1_600) in table and format_number(400) in table
    assert bytes(panel.children[0].children[0].value).startswith(b"\x89PNG")


def test_quiz_and_failure_examples_behave_as_the_notebook_says(model) -> None:
    from widgets.lessons import demandes as lesson

    wrong = [
        message
        for message, expected in lesson.QUIZ_MESSAGES
        if engine.predict_message(message, model).service != expected
    ]
    assert wrong == [lesson.QUIZ_MESSAGES["ABC".index(lesson.MISTAKE_LETTER)][0]]
    new_word, between, two_topics, off_topic = (
        (message, expected, engine.predict_message(message, model))
        for message, expected in lesson.FAILURE_EXAMPLES
    )
    assert new_word[2].service != new_word[1] and new_word[2].unknown_words
    assert max(share for _, share in between[2].probabilities) < 0.6
    assert two_topics[2].service in ("Éclairage public", "Voirie")
    assert off_topic[1] is None and off_topic[2].service is not None
    assert "hors sujet" in predictions_table([off_topic])


def test_notebook_shows_the_options_the_checker_knows() -> None:
    from widgets.lessons import demandes as lesson

    cells = {
        cell.id: cell.source
        for cell in nbformat.read(solution_path("08-trier-les-demandes"), as_version=4).cells
    }
    for exercise in lesson.EXERCISES:
        for letter, text in getattr(exercise, "options", {}).items():
            assert f"**{letter}.** {text}" in cells[f"{exercise.id}-consigne"], exercise.id
    solutions = " ".join(cells[f"{exercise.id}-reponse"] for exercise in lesson.EXERCISES)
    for exercise in lesson.EXERCISES:
        written = (f'"{exercise.reference}"', repr(exercise.reference))
        assert any(f"{exercise.variable} = {form}\n" in solutions for form in written), exercise.id
