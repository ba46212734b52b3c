"""The kernel extension: French messages instead of tracebacks, in a real IPython shell."""

from __future__ import annotations

import pytest
from IPython.core.interactiveshell import InteractiveShell

from widgets import french_errors
from widgets.errors import AnswerNotAccepted


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


def test_a_long_message_is_cut_between_words() -> None:
    message = "Python ne connaît pas « Maj ». " * 6
    lines = french_errors.wrapped(message).split("\n")
    assert len(lines) > 1
    assert all(len(line) <= french_errors.WRAP_WIDTH for line in lines)
    assert " ".join(lines).split() == message.split()
