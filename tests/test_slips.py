"""The slips a learner makes, named in French: misspelt names, quotes, x for ×, %, €, commas."""

from __future__ import annotations

import pytest

from widgets.slips import close_name, name_error_message, syntax_error_message


def syntax_message(code: str) -> str:
    with pytest.raises(SyntaxError) as caught:
        compile(code, "<cellule>", "exec")
    return syntax_error_message(caught.value)


def test_a_misspelt_name_gets_the_close_defined_name() -> None:
    known = ("repas_par_jour", "jours_de_classe", "atelier", "print")
    message = name_error_message("jour_de_classe", known)
    assert "Vouliez-vous écrire jours_de_classe ?" in message
    assert "exécutez d'abord" not in message
    assert close_name("total_general", known) is None


def test_an_unquoted_answer_suggests_quotes_and_a_variable_suggests_running_its_cell() -> None:
    assert '"B"' in name_error_message("B", ("reponse_q1",))
    message = name_error_message("reponse_q1", ())
    assert "exécutez d'abord la cellule" in message and "guillemets" not in message
    assert "Configuration terminée" in name_error_message("atelier", ())


def test_a_name_whose_answer_cell_failed_is_said_unread() -> None:
    message = name_error_message("raccourci", ("raccourci",), unread_answer=True)
    assert message.startswith("Votre dernière réponse n'a pas pu être lue")


@pytest.mark.parametrize(
    ("code", "cause"),
    [
        ('mon_prompt = """Vous êtes', 'triples guillemets """'),
        ('raccourci = "Maj', "un guillemet est ouvert"),
        ("raccourci = “Maj + Entrée”", "guillemets droits"),
        ("raccourci = « Maj + Entrée »", "guillemets droits"),
        ("repas_par_an = repas_par_jour x jours_de_classe", "l'étoile *"),
        ("repas_par_an = repas_par_jour × jours_de_classe", "l'étoile *"),
        ("prix_max = 3.95 €", "sans le signe €"),
        ("taux = 12 %", "sans le signe %"),
        ("prix_max = 3,95 euros", "avec un point et non une virgule"),
        ("print((1, 2)", "parenthèse"),
    ],
)
def test_each_syntax_slip_is_named(code: str, cause: str) -> None:
    message = syntax_message(code)
    assert message.startswith("Python n'a pas pu lire la ligne 1")
    assert cause in message


@pytest.mark.parametrize(
    "code", ['raccourci = "Maj', "raccourci = “Maj”", "taux = 12 %", 'p = """a']
)
def test_the_decimal_point_advice_only_when_a_comma_is_the_cause(code: str) -> None:
    assert "virgule" not in syntax_message(code)


def test_a_line_with_a_lone_surrogate_is_shown_printable() -> None:
    error = SyntaxError("invalid syntax", ("<cellule>", 1, 5, 'x = "B\ud800 +', 1, 6))
    message = syntax_error_message(error)
    message.encode("utf-8")
    assert "\ufffd" in message
    name_error_message("B\ud800", ()).encode("utf-8")
