"""French messages instead of tracebacks, checked without and with a real IPython shell."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from widgets import french_errors
from widgets.errors import AnswerNotAccepted


def test_name_error_for_an_unquoted_answer_suggests_quotes() -> None:
    message = french_errors.name_error_message("B")
    assert '"B"' in message and "guillemets" in message


def test_name_error_for_a_variable_suggests_running_the_cell() -> None:
    message = french_errors.name_error_message("reponse_q1")
    assert "exécutez d'abord la cellule" in message
    assert "guillemets" not in message


def test_name_error_for_the_lesson_points_to_the_first_cell() -> None:
    assert "Configuration terminée" in french_errors.name_error_message("atelier")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ('raccourci = "Maj', "guillemet"),
        ("print((1, 2)", "parenthèse"),
        ("x = 3,5a", "ligne 1"),
    ],
)
def test_syntax_errors_are_explained(code: str, expected: str) -> None:
    with pytest.raises(SyntaxError) as caught:
        compile(code, "<cellule>", "exec")
    message = french_errors.syntax_error_message(caught.value)
    assert expected in message
    assert "point" in message


def test_library_name_errors_keep_their_traceback() -> None:
    def library_function() -> None:
        undefined_name  # noqa: B018, F821

    try:
        library_function()
    except NameError as error:
        assert french_errors.message_for(error, error.__traceback__) is None


@pytest.fixture
def shell():
    shell = InteractiveShell.instance()
    yield shell
    shell.set_custom_exc((), None)
    InteractiveShell.clear_instance()


def test_installed_handler_shows_only_the_french_message(shell, monkeypatch) -> None:
    shown: list[list[str]] = []
    monkeypatch.setattr(shell, "_showtraceback", lambda etype, value, stb: shown.append(stb))
    assert french_errors.install(shell)
    assert french_errors.install(shell)  # idempotent

    def raise_wrong_answer() -> None:
        raise AnswerNotAccepted("Réponse à revoir.")

    shell.user_ns["raise_wrong_answer"] = raise_wrong_answer
    result = shell.run_cell("raise_wrong_answer()")
    assert isinstance(result.error_in_exec, AnswerNotAccepted)
    result = shell.run_cell("reponse = B")
    assert isinstance(result.error_in_exec, NameError)
    result = shell.run_cell('x = "pas fermé')
    assert result.error_before_exec is not None
    assert shown[0] == ["Réponse à revoir."]
    assert "guillemets" in shown[1][0]
    assert "guillemet" in shown[2][0]
    assert all(len(stb) == 1 and "Traceback" not in stb[0] for stb in shown)


def test_other_errors_keep_the_normal_traceback(shell, monkeypatch) -> None:
    french_errors.install(shell)
    normal: list[object] = []
    monkeypatch.setattr(shell, "showtraceback", lambda *args, **kwargs: normal.append(args))
    result = shell.run_cell("1 / 0")
    assert isinstance(result.error_in_exec, ZeroDivisionError)
    assert normal
