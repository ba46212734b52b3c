"""The nine rules of the prompt checklist, as the learner reads them.

The notebook of module 03 documents the same rules (a test keeps both in
step); `checklist` applies them.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.prompting.fields import MAX_FIELD_CHARS

MIN_WORDS = 25
MAX_WORDS = 800
MIN_CONTEXT_WORDS = 10
MIN_EXAMPLE_WORDS = 5
MAX_TEXT_CHARS = 7 * MAX_FIELD_CHARS
"""A free text is analysed up to this length (the seven fields at their longest)."""


@dataclass(frozen=True)
class Rule:
    """One rule of the checklist, as the learner reads it."""

    id: str
    title: str
    description: str


RULES: tuple[Rule, ...] = (
    Rule(
        "role",
        "Un rôle est donné",
        "Le prompt dit au modèle qui il doit être (« Vous êtes agent d'accueil de la mairie »). "
        "Dans un texte libre, le coach cherche « vous êtes », « tu es » ou « en tant que ».",
    ),
    Rule(
        "context",
        "Le contexte dit qui, où et quoi",
        f"Le contexte compte au moins {MIN_CONTEXT_WORDS} mots et répond à trois questions : "
        "qui est concerné (habitant, élus, association…), où (la commune, un quartier, "
        "un bâtiment…) et de quoi il s'agit (une plainte, une séance, des travaux…).",
    ),
    Rule(
        "task",
        "La tâche a un verbe d'action",
        "La tâche dit ce que le modèle doit faire avec un verbe précis : rédigez, résumez, "
        "listez, reformulez, comparez… « Faire » ne compte pas : il ne dit pas quoi faire.",
    ),
    Rule(
        "format",
        "Le format donne la longueur ou la structure",
        "Le format précise la longueur (« 200 mots », « une page », « trois paragraphes ») "
        "ou la structure (liste à puces, tableau, titres, objet, formule de politesse).",
    ),
    Rule(
        "tone",
        "Le ton est indiqué",
        "Le prompt dit comment s'adresser au lecteur : courtois, neutre, chaleureux, solennel, "
        "sans jargon… Dans un texte libre, le coach cherche ces mots ou « sur un ton ».",
    ),
    Rule(
        "guards",
        "Les contraintes posent un garde-fou",
        "Les contraintes demandent au moins une protection : ne rien inventer (ou signaler ce "
        "qui manque), citer ses sources, ne mettre aucune donnée personnelle, ou ne prendre "
        "aucune décision à la place d'une personne.",
    ),
    Rule(
        "examples",
        "Un exemple montre ce qui est attendu",
        f"Le champ Exemples compte au moins {MIN_EXAMPLE_WORDS} mots : un début de texte, une "
        "phrase type, un plan. Dans un texte libre, le coach cherche « exemple » ou "
        "« voici un modèle » (« par exemple » en passant ne compte pas).",
    ),
    Rule(
        "length",
        "La longueur est raisonnable",
        f"Le prompt compte entre {MIN_WORDS} et {MAX_WORDS} mots. Plus court, le modèle "
        "devine ; beaucoup plus long, les consignes se perdent dans le texte.",
    ),
    Rule(
        "personal_data",
        "Aucune donnée personnelle repérée",
        "Le prompt ne contient ni adresse électronique, ni numéro de téléphone, ni numéro de "
        "sécurité sociale, ni IBAN. Ce contrôle simple ne repère pas les noms : le module 04 "
        "va plus loin.",
    ),
)
