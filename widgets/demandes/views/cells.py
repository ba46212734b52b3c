"""The notebook's display cells of module 08: thin functions over the views and HTML tables.

Each builds what one cell of the notebook shows, from the trained model
(`trained_model()` waits if the lesson is still training it in the background).
The views, and matplotlib with them, are imported when first shown, so that
the lesson's setup cell does not wait for them.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.demandes.html import errors_table, examples_table, predictions_table, training_summary
from widgets.demandes.model import load_requests, trained_model
from widgets.demandes.predict import predict_message

EXAMPLE_IDS = (11, 136, 207, 12, 52, 1, 114, 32)
"""Rows shown in the « data » section: a text message, an angry one, a polite
e-mail, two topics, two ambiguous cases, a typo, a question to a desk."""

FAILURE_EXAMPLES = (
    ("Le réverbère de la place de l'Église est cassé.", "Éclairage public"),
    ("Il y a des feuilles partout devant le square.", "Propreté"),
    ("Lampadaire éteint rue Pasteur et trou dans la chaussée devant le 12.", "Éclairage public"),
    ("Le voyant de ma box internet clignote.", None),
)
"""Messages that show where the model fails: a word it never saw, a case between
two services, two topics, and a request no service of the town hall handles."""


def show_examples() -> ipw.HTML:
    by_id = {request.id: request for request in load_requests()}
    return ipw.HTML(examples_table([by_id[number] for number in EXAMPLE_IDS]))


def show_split() -> ipw.VBox:
    from widgets.demandes.views.split import split_picture

    return split_picture(trained_model())


def show_training() -> ipw.HTML:
    return ipw.HTML(training_summary(trained_model()))


def show_matrix() -> ipw.VBox:
    from widgets.demandes.views.matrix import confusion_matrix_widget

    return confusion_matrix_widget(trained_model())


def try_message() -> ipw.VBox:
    from widgets.demandes.views.try_message import try_message_widget

    return try_message_widget(trained_model())


def show_errors() -> ipw.HTML:
    return ipw.HTML(errors_table(trained_model().evaluation, limit=8))


def show_failures() -> ipw.HTML:
    rows = [
        (message, expected, predict_message(message, trained_model()))
        for message, expected in FAILURE_EXAMPLES
    ]
    return ipw.HTML(predictions_table(rows))
