"""The self-check in a real kernel, cell by cell, as a learner runs module 01.

A verdict judges the answer the learner just wrote: a failed answer cell is
never graded on the value its variable still holds; a misspelt name is named;
a wrong answer is calm feedback, not an error; odd text never breaks the
French handler for the rest of the session.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jupyter_client.manager import start_new_kernel

from conftest import learner_path

MODULE = "01-prise-en-main"
SETUP = "from widgets.lessons import prise_en_main as atelier\natelier.start()"
CANTEEN = "repas_par_jour = 180\njours_de_classe = 140"


@dataclass
class Reply:
    """What a cell showed: its text outputs and its error outputs (one line each)."""

    texts: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def shown(self) -> str:
        return "\n".join(self.texts + self.errors)


def started_kernel():
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(learner_path(MODULE).parent))
    try:
        yield client
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


@pytest.fixture
def kernel():
    yield from started_kernel()


@pytest.fixture(scope="module")
def shared_kernel():
    """One kernel for the fuzzed answers: the handler must survive all of them."""
    yield from started_kernel()


def run(client, code: str) -> Reply:
    reply = Reply()

    def collect(message: dict) -> None:
        kind, content = message["header"]["msg_type"], message["content"]
        if kind == "stream":
            reply.texts.append(content["text"])
        elif kind in ("display_data", "execute_result"):
            reply.texts.append(str(content["data"].get("text/plain", "")))
        elif kind == "error":
            reply.errors.append("\n".join(content["traceback"]))

    client.execute_interactive(code, timeout=60, output_hook=collect)
    return reply


def test_a_failed_answer_cell_is_never_graded_on_its_old_value(kernel) -> None:
    run(kernel, SETUP)
    run(kernel, 'raccourci = "Maj + Entrée"')
    assert "Bonne réponse" in run(kernel, "atelier.q2.check(raccourci)").shown

    typo = run(kernel, "raccourci = Maj + Entrée")
    assert len(typo.errors) == 1 and "guillemets" in typo.errors[0]
    verdict = run(kernel, "atelier.q2.check(raccourci)")
    assert "Bonne réponse" not in verdict.shown
    assert "Réponse non lue" in verdict.shown
    assert "votre dernière réponse n'a pas pu être lue" in verdict.shown
    assert not verdict.errors

    run(kernel, 'raccourci = "Maj + Entrée"')
    assert "Bonne réponse" in run(kernel, "atelier.q2.check(raccourci)").shown


def test_from_a_fresh_kernel_a_failed_answer_is_said_unread_not_unanswered(kernel) -> None:
    run(kernel, SETUP)
    run(kernel, "raccourci = Maj + Entrée")
    verdict = run(kernel, "atelier.q2.check(raccourci)")
    assert "Pas encore de réponse" not in verdict.shown
    assert "Votre dernière réponse n'a pas pu être lue" in verdict.shown
    assert "Traceback" not in verdict.shown


def test_a_misspelt_name_is_named_and_a_wrong_answer_is_calm(kernel) -> None:
    run(kernel, SETUP)
    run(kernel, CANTEEN)
    misspelt = run(kernel, "repas_par_an = repas_par_jour * jour_de_classe")
    assert "Vouliez-vous écrire jours_de_classe ?" in misspelt.shown
    run(kernel, "repas_par_an = repas_par_jour + jours_de_classe")
    wrong = run(kernel, "atelier.q3.check(repas_par_an)")
    assert "Pas encore tout à fait" in wrong.shown
    assert not wrong.errors


def test_odd_text_never_breaks_the_feedback_nor_the_french_handler(kernel) -> None:
    run(kernel, SETUP)
    for answer in ('"B\\ud800"', '"🙂" * 100_000', "10**400", "b'B'", "[1, 2]"):
        run(kernel, f"reponse_q1 = {answer}")
        verdict = run(kernel, "atelier.q1.check(reponse_q1)")
        assert "Pas encore tout à fait" in verdict.shown, answer
        assert not verdict.errors, answer
    later = run(kernel, "x = nom_inconnu")
    assert "Python ne connaît pas" in later.shown or "n'est pas encore défini" in later.shown
    assert "Traceback" not in later.shown


TYPED_ANSWERS = st.one_of(
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Cs", "So", "Lu"]), max_size=5),
    st.lists(st.integers(), max_size=3),
    st.binary(max_size=5),
    st.none(),
)
CHECKS = {"reponse_q1": "q1", "raccourci": "q2", "repas_par_an": "q3", "prix_max": "q4"}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(answer=TYPED_ANSWERS, variable=st.sampled_from(sorted(CHECKS)))
def test_fuzzed_answers_get_an_answer_in_french_and_the_handler_stays(
    shared_kernel, answer, variable
) -> None:
    run(shared_kernel, SETUP)
    run(shared_kernel, f"{variable} = {answer!r}")
    verdict = run(shared_kernel, f"atelier.{CHECKS[variable]}.check({variable})")
    assert not verdict.errors, answer
    assert any(label in verdict.shown for label in ("Bonne réponse", "Pas encore", "non lue"))
    later = run(shared_kernel, "x = nom_inconnu")
    assert len(later.errors) == 1 and "Traceback" not in later.errors[0]
