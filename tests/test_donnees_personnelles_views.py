"""The guard's widget: labelled highlights, pseudonymised text, restored answer, odd input."""

from __future__ import annotations

from fuzz_values import FUZZ, ODD_TEXT
from hypothesis import given

from widgets.donnees_personnelles import names
from widgets.donnees_personnelles.views.guard import GuardView


def test_findings_are_labelled_by_kind_not_only_by_colour() -> None:
    names.wait()
    view = GuardView()
    assert "[nom de personne]" in view.findings.value
    assert "[numéro de téléphone]" in view.findings.value
    assert "[adresse postale]" in view.findings.value
    assert "[date de naissance]" in view.findings.value
    assert "12 mars 1984" in view.findings.value
    assert "Jeanne" not in view.pseudonymised.value
    assert "Madame Jeanne Martin, nous vous rappellerons au 06 39 98 12 34." in (
        view.restored.value
    )
    assert "prêt" in view.status.value


def test_an_html_text_is_escaped() -> None:
    view = GuardView("<script>alert(1)</script> Mme Jeanne Martin")
    assert "<script>" not in view.findings.value and "&lt;script&gt;" in view.findings.value


@FUZZ
@given(ODD_TEXT)
def test_odd_text_in_the_box_never_breaks_the_view(text: str) -> None:
    view = GuardView("")
    view.text.value = text
    view.answer.value = text
    assert view.findings.value and view.restored.value
