"""Module 01, first steps in a notebook: four exercises, one slider."""

from __future__ import annotations

from widgets.backup.views.download import download_panel
from widgets.cantine.budget import (
    MEALS_PER_DAY,
    SCHOOL_DAYS,
    highest_price_within_budget,
)
from widgets.cantine.views.price_slider import price_slider
from widgets.selfcheck import ComputedValue, FreeText, MultipleChoice, NumberInRange, TextRule
from widgets.selfcheck.views.exercise import NotebookExercise
from widgets.viewkit.session import start

ASTERISK = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question="Que signifie l'astérisque `[*]` à gauche d'une cellule de code ?",
    options={
        "A": "La cellule contient une erreur.",
        "B": "La cellule est en train de s'exécuter, ou attend son tour.",
        "C": "La cellule est importante et doit être lue en premier.",
    },
    correct="B",
    why=(
        "l'astérisque veut dire « en cours » : Python travaille ou la cellule attend son tour. "
        "Quand le calcul est fini, il est remplacé par un numéro, l'ordre d'exécution."
    ),
    advice={
        "A": "une erreur s'affiche en toutes lettres sous la cellule, pas dans les crochets.",
        "C": "les crochets ne parlent pas du contenu de la cellule, mais de son exécution.",
    },
    hints=(
        "Exécutez une cellule et regardez les crochets à sa gauche pendant le calcul, puis après.",
        "Après l'exécution, un numéro remplace l'astérisque : il compte les cellules exécutées.",
    ),
    solution=(
        'Réponse B. Écrivez reponse_q1 = "B". L\'astérisque [*] signale une cellule en cours '
        "d'exécution ou en attente ; le numéro qui le remplace donne l'ordre d'exécution."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

SHORTCUT = FreeText(
    id="q2",
    variable="raccourci",
    question=(
        "Vous l'avez déjà utilisé plusieurs fois. Quel raccourci clavier exécute la cellule "
        "sélectionnée **et passe à la suivante** ?"
    ),
    rules=(
        TextRule(
            description="nomme la touche Majuscule (Maj ou Shift)",
            pattern=r"\b(maj|majuscule|majuscules|shift)\b|⇧",
            advice="Il manque la touche qui sert aussi à écrire en majuscule.",
        ),
        TextRule(
            description="nomme la touche Entrée (Enter)",
            pattern=r"\b(entree|enter|retour|return)\b|⏎|↵",
            advice="Il manque la touche qui sert aussi à aller à la ligne.",
        ),
        TextRule(
            description="ne cite pas Ctrl ou Alt, qui font autre chose",
            pattern=r"\b(ctrl|control|controle|alt|cmd|commande)\b",
            advice=(
                "Ctrl + Entrée exécute la cellule sans passer à la suivante, "
                "et Alt + Entrée ajoute une cellule : ne citez que le bon raccourci."
            ),
            must_match=False,
        ),
    ),
    why=(
        "Maj + Entrée exécute la cellule puis sélectionne la suivante : "
        "en l'appuyant plusieurs fois, vous lisez le notebook de haut en bas."
    ),
    hints=(
        "Le raccourci combine deux touches : l'une tenue enfoncée, l'autre appuyée.",
        "La touche tenue enfoncée est celle des majuscules ; l'autre sert à aller à la ligne.",
    ),
    solution='Par exemple : raccourci = "Maj + Entrée" (en anglais, Shift + Enter).',
    reference="Maj + Entrée",
    wrong_examples=("Ctrl + S", "Entrée", "Maj + Entrée ou Ctrl + Entrée"),
)

MEALS_PER_YEAR = ComputedValue(
    id="q3",
    variable="repas_par_an",
    question=(
        "Complétez la ligne ci-dessous pour calculer le nombre de repas servis dans l'année, **à "
        "partir des deux variables** `repas_par_jour` et `jours_de_classe`."
    ),
    expected=lambda: MEALS_PER_DAY * SCHOOL_DAYS,
    advice=(
        "ce n'est pas le bon nombre de repas. Chaque jour de classe, "
        "on sert repas_par_jour repas : quelle opération donne le total de l'année ?"
    ),
    known_mistakes=(
        (
            MEALS_PER_DAY + SCHOOL_DAYS,
            "vous avez additionné les deux nombres. Or on sert le même nombre de repas "
            "chaque jour de classe : il faut multiplier.",
        ),
    ),
    why=(
        "chaque jour de classe on sert repas_par_jour repas, donc dans l'année "
        "repas_par_jour × jours_de_classe. En Python, la multiplication s'écrit avec *."
    ),
    hints=(
        "On sert le même nombre de repas chaque jour de classe.",
        "En Python, la multiplication s'écrit avec une étoile : *.",
        "Il suffit de multiplier les deux noms de variables donnés plus haut.",
    ),
    solution="repas_par_an = repas_par_jour * jours_de_classe",
    reference=MEALS_PER_DAY * SCHOOL_DAYS,
    wrong_examples=(MEALS_PER_DAY + SCHOOL_DAYS, MEALS_PER_DAY),
)

HIGHEST_PRICE = NumberInRange(
    id="q4",
    variable="prix_max",
    question=("Écrivez le prix trouvé avec le curseur, en euros."),
    expected=highest_price_within_budget(),
    tolerance=0.02,
    unit="€",
    too_low=(
        "avec ce prix, le budget est respecté, mais il reste de la marge : "
        "poussez le curseur vers la droite jusqu'au dernier prix qui ne dépasse pas."
    ),
    too_high=(
        "avec ce prix, le budget est dépassé : ramenez le curseur vers la gauche "
        "et regardez la ligne « Budget voté »."
    ),
    why=(
        "au-delà de ce prix, le coût des repas de l'année dépasse le budget voté. "
        "C'est aussi le budget divisé par le nombre de repas."
    ),
    hints=(
        "Déplacez le curseur et regardez si le budget est respecté ou dépassé.",
        "Le bon prix est le dernier avant que le message « le budget est dépassé » apparaisse.",
        "Vous pouvez aussi le calculer : le budget divisé par le nombre de repas de l'année.",
    ),
    solution=(
        "prix_max = 3.95 : à 3,95 € le repas, l'année coûte 99 540 € ; à 4,00 €, "
        "elle coûterait 100 800 €, au-delà du budget. Le calcul exact donne 3,968 €."
    ),
    reference=3.95,
    wrong_examples=(4.0, 3.5, "quatre euros"),
)

EXERCISES = (ASTERISK, SHORTCUT, MEALS_PER_YEAR, HIGHEST_PRICE)

q1 = NotebookExercise(ASTERISK)
q2 = NotebookExercise(SHORTCUT)
q3 = NotebookExercise(MEALS_PER_YEAR)
q4 = NotebookExercise(HIGHEST_PRICE)

__all__ = ["EXERCISES", "download_panel", "price_slider", "q1", "q2", "q3", "q4", "start"]
