"""Module 09, predicting and being wrong: overfitting, the leakage trap, errors in kWh.

Five checked exercises and one reflective question. The expected values of
exercises 1 and 4 come from the engines' results on the shipped data set.
Importing this module fits nothing (the setup cell stays short): `start()`
fits the models in the background while the learner reads, and the names read
from them (`FROM_MODEL`, exercises q1 and q4) are built when first asked for.
"""

from __future__ import annotations

import functools

import ipywidgets as ipw

from widgets.arguments import read_count
from widgets.backup.views.download import download_panel
from widgets.batiments.html import largest_errors_html, preview_html
from widgets.batiments.leak import HONEST_COLUMNS, leak_experiment
from widgets.batiments.sweep import complexity_sweep
from widgets.batiments.table import load_buildings
from widgets.selfcheck import MultipleChoice, NumberInRange, ReflectiveQuestion
from widgets.selfcheck.views.exercise import (
    LazyNotebookExercise,
    NotebookExercise,
    reflection_panel,
)
from widgets.viewkit import session

OVERFITTING = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question="Quelle phrase décrit le sur-apprentissage ?",
    options={
        "A": "Le modèle se trompe beaucoup, sur les écoles d'entraînement comme sur les autres.",
        "B": (
            "Le modèle colle tellement aux exemples d'entraînement qu'il apprend aussi leurs "
            "hasards ; il se trompe davantage sur les bâtiments qu'il n'a jamais vus."
        ),
        "C": "Le modèle a été entraîné trop longtemps et consomme trop d'électricité.",
        "D": "Plus un modèle est complexe, plus il prédit juste sur de nouveaux bâtiments.",
    },
    correct="B",
    advice={
        "A": (
            "un modèle qui se trompe partout est trop simple : c'est le contraire du "
            "sur-apprentissage. Regardez le panneau de gauche de l'image."
        ),
        "C": (
            "le sur-apprentissage ne parle pas de durée ni d'énergie, mais de l'écart entre "
            "l'erreur sur les exemples et l'erreur sur des cas nouveaux."
        ),
        "D": (
            "regardez le panneau de droite de l'image et l'erreur de test aux grands degrés "
            "du curseur : plus complexe n'est pas plus juste."
        ),
    },
    why=(
        "un modèle qui sur-apprend suit chaque exemple d'entraînement, y compris ce qui "
        "relève du hasard. Son erreur d'entraînement est faible, son erreur sur des cas "
        "nouveaux est forte : c'est pour cela qu'on le juge toujours sur des données de test."
    ),
    hints=(
        "Comparez les deux erreurs : celle sur les exemples appris, celle sur les autres.",
        "Dans le panneau de droite de l'image, la courbe passe par les ronds pleins mais "
        "pas près des triangles.",
    ),
    solution=(
        'reponse_q2 = "B". Le sur-apprentissage, c\'est apprendre par cœur les exemples, '
        "y compris leur part de hasard : l'erreur d'entraînement baisse, l'erreur de test monte."
    ),
    reference="B",
    wrong_examples=("A", "D"),
)

LEAKING_COLUMN = MultipleChoice(
    id="q3",
    variable="colonne_piege",
    question="Quelle colonne contient déjà la réponse que le modèle doit prédire ?",
    options={
        "A": "`surface_m2` (la surface du bâtiment)",
        "B": "`chauffage` (le mode de chauffage)",
        "C": "`heures_occupation_semaine` (les heures d'occupation par semaine)",
        "D": "`facture_energie_euros` (la facture d'énergie de l'année)",
        "E": "`isolation_renovee` (l'isolation a été rénovée ou non)",
    },
    correct="D",
    advice={
        "A": (
            "la surface aide beaucoup le modèle, mais elle est connue avant tout relevé de "
            "compteur : elle ne contient pas la réponse."
        ),
        "B": (
            "décocher le chauffage fait aussi remonter l'erreur, mais le mode de chauffage "
            "est connu avant tout relevé. Il aide seulement le modèle à convertir une autre "
            "colonne en kWh, car le prix du kWh dépend de l'énergie."
        ),
        "C": (
            "les heures d'occupation sont connues à l'avance, par le planning : elles ne "
            "peuvent pas contenir la consommation relevée."
        ),
        "E": "l'état de l'isolation est connu avant tout relevé de compteur.",
    },
    why=(
        "la facture est calculée à partir de la consommation relevée : kWh × prix. "
        "Elle n'existe qu'une fois la réponse connue. Avec elle, le modèle paraît presque "
        "parfait sur les données de test, mais il serait inutilisable pour un bâtiment "
        "dont on ne connaît pas encore la consommation : c'est une fuite de données."
    ),
    hints=(
        "Pour chaque colonne, demandez-vous : la connaît-on avant d'avoir relevé le compteur ?",
        "Une seule colonne se calcule à partir de la consommation elle-même.",
        "Cochez seulement deux colonnes, dont le chauffage : laquelle, ajoutée au chauffage, "
        "donne une erreur suspecte ?",
    ),
    solution=(
        "colonne_piege = \"D\". La facture d'énergie, c'est la consommation multipliée par "
        "le prix du kWh : elle contient la réponse. Un modèle qui la voit « triche »."
    ),
    reference="D",
    wrong_examples=("B", "A"),
)


DECISION = MultipleChoice(
    id="q5",
    variable="reponse_q5",
    question=(
        "La commune veut choisir les bâtiments à rénover en priorité. Que faire des prédictions "
        "du modèle ?"
    ),
    options={
        "A": (
            "Rénover d'abord les bâtiments qui consomment le plus au-dessus de la "
            "prédiction, sans autre vérification : le modèle l'a calculé."
        ),
        "B": (
            "Se servir des écarts entre relevé et prédiction pour repérer les bâtiments à "
            "examiner, vérifier sur place (compteur, usage, travaux), puis laisser les élus "
            "décider avec les autres critères."
        ),
        "C": (
            "Ne pas s'en servir : un modèle qui se trompe en moyenne de plusieurs milliers "
            "de kWh ne sert à rien."
        ),
        "D": "Laisser le modèle décider seul, puisqu'il se trompe moins qu'une personne.",
    },
    correct="B",
    advice={
        "A": (
            "regardez le tableau des plus grosses erreurs : le premier écart vient d'une "
            "erreur de saisie, pas d'un bâtiment mal isolé. Il faut vérifier avant d'agir."
        ),
        "C": (
            "une erreur connue et mesurée n'empêche pas de s'en servir : elle dit quelle "
            "confiance accorder à chaque prédiction."
        ),
        "D": (
            "le modèle ne connaît ni le budget, ni l'usage des bâtiments, ni leurs "
            "occupants : la décision revient aux personnes responsables."
        ),
    },
    why=(
        "une prédiction est une estimation avec une erreur connue : elle aide à repérer "
        "où regarder. La décision demande de vérifier les données (un compteur mal relevé) "
        "et de peser d'autres critères : coût, usage, sécurité, priorités de la commune."
    ),
    hints=(
        "Relisez le tableau des plus grosses erreurs du modèle : d'où vient la première ?",
        "Un modèle ne connaît que ses colonnes ; une décision en demande bien d'autres.",
    ),
    solution=(
        'reponse_q5 = "B". Le modèle aide à trier et à repérer ; on vérifie sur place, '
        "puis les élus décident. Un modèle n'est pas une décision."
    ),
    reference="B",
    wrong_examples=("A", "D"),
)

OWN_LEAK = ReflectiveQuestion(
    id="reflexion-fuite",
    question=(
        "Dans votre collectivité, imaginez un modèle qui prédit autre chose : les impayés de "
        "cantine, les demandes de places en crèche, la fréquentation d'une piscine. Quelle donnée"
        " pourrait y contenir la réponse sans que cela se voie ?"
    ),
    model_answer=(
        "Pour prédire les impayés de cantine, la date de la dernière relance : elle n'existe "
        "que parce qu'il y a déjà un impayé. Pour la fréquentation d'une piscine, la recette "
        "des entrées de l'année : elle se calcule à partir du nombre d'entrées. Le test est "
        "toujours le même : cette donnée est-elle connue au moment où l'on voudra prédire ?"
    ),
)


@functools.cache
def _from_models() -> dict[str, object]:
    """The figures read from the fitted models, and the two exercises built on them.

    Built the first time the notebook (or a tool) asks for one of them, so that importing
    the lesson fits nothing; `start()` fits the models in the background meanwhile.
    """
    BEST_DEGREE = complexity_sweep().best_degree
    HONEST_ERROR = leak_experiment().honest.test_mae

    BEST_COMPLEXITY = NumberInRange(
        id="q1",
        variable="meilleur_degre",
        question=(
            "Quel degré donne la **plus petite erreur moyenne sur les écoles de test** ? Si deux "
            "degrés se ressemblent sur la figure, comparez les nombres écrits dessous."
        ),
        expected=BEST_DEGREE,
        tolerance=0,
        too_low=(
            "à ce degré, la courbe est encore trop simple : l'erreur de test (ligne tiretée, "
            "carrés) n'est pas à son plus bas. Augmentez le degré et lisez l'erreur de test "
            "écrite sous la figure."
        ),
        too_high=(
            "à ce degré, l'erreur de test a déjà commencé à remonter : revenez vers la gauche "
            "et comparez les erreurs de test écrites sous la figure, degré par degré."
        ),
        why=(
            "c'est là que l'erreur sur les écoles que le modèle n'a jamais vues est la plus "
            "petite. Au-delà, l'erreur d'entraînement continue de baisser mais l'erreur de test "
            "remonte : le modèle apprend par cœur les 20 écoles d'entraînement, bruit compris."
        ),
        hints=(
            "Regardez la ligne tiretée avec des carrés : c'est l'erreur sur les écoles de test.",
            "Cherchez le point le plus bas de cette ligne. Si deux degrés se ressemblent, "
            "comparez les nombres écrits sous la figure.",
            "Le bon degré est petit : la courbe n'y fait qu'un ou deux virages.",
        ),
        solution=(
            f"meilleur_degre = {BEST_DEGREE}. À ce degré, l'erreur moyenne sur les écoles de test "
            "est la plus petite. Les degrés voisins en sont proches ; quelques degrés plus loin, "
            "l'erreur de test s'envole alors que l'erreur d'entraînement continue de baisser."
        ),
        reference=BEST_DEGREE,
        wrong_examples=(0, BEST_DEGREE - 1, BEST_DEGREE + 1, 12, 15),
    )

    HONEST_ERROR_KWH = NumberInRange(
        id="q4",
        variable="erreur_kwh",
        question=(
            "Dans le widget ci-dessus, **décochez seulement la colonne piège** et laissez toutes "
            "les autres cochées. Le modèle n'utilise plus que ce que l'on sait d'un bâtiment "
            "avant de relever son compteur.\n"
            "\n"
            "Quelle est alors son erreur moyenne sur les bâtiments de test, en kWh par an ?"
        ),
        expected=HONEST_ERROR,
        tolerance=0.01 * HONEST_ERROR,
        unit="kWh",
        too_low=(
            "votre nombre est trop petit : c'est sans doute l'erreur d'un modèle qui voit encore "
            "la colonne piège. Décochez-la, en laissant toutes les autres cochées."
        ),
        too_high=(
            "votre nombre est trop grand : seule la colonne piège doit être décochée. Les autres "
            "colonnes sont connues avant le relevé et aident le modèle : laissez-les cochées."
        ),
        why=(
            "c'est l'erreur d'un modèle honnête, qui n'utilise que ce que l'on sait d'un bâtiment "
            "avant de relever son compteur. Elle est bien plus grande que l'erreur avec la "
            "facture, mais c'est celle à laquelle il faut s'attendre en pratique."
        ),
        hints=(
            "Toutes les cases doivent être cochées, sauf une.",
            "Lisez la ligne « Erreur moyenne sur les bâtiments de test », en kWh par an.",
            "Écrivez le nombre sans espace, par exemple 12345.",
        ),
        solution=(
            f"erreur_kwh = {round(HONEST_ERROR)}. Avec toutes les colonnes sauf la facture, le "
            "modèle se trompe en moyenne de ce nombre de kWh par an sur les bâtiments de test."
        ),
        reference=round(HONEST_ERROR),
        wrong_examples=(
            round(leak_experiment().with_leak.test_mae),
            round(HONEST_ERROR * 1.015),
            60_000,
            "beaucoup",
        ),
    )
    return {
        "BEST_DEGREE": BEST_DEGREE,
        "HONEST_ERROR": HONEST_ERROR,
        "BEST_COMPLEXITY": BEST_COMPLEXITY,
        "HONEST_ERROR_KWH": HONEST_ERROR_KWH,
        "EXERCISES": (BEST_COMPLEXITY, OVERFITTING, LEAKING_COLUMN, HONEST_ERROR_KWH, DECISION),
    }


FROM_MODEL = ("BEST_DEGREE", "HONEST_ERROR", "BEST_COMPLEXITY", "HONEST_ERROR_KWH", "EXERCISES")
"""Names read from the fitted models, built on first use (`__getattr__`, PEP 562)."""


def __getattr__(name: str) -> object:
    if name not in FROM_MODEL:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _from_models()[name]


def start() -> None:
    """The setup cell, then the models fitted in the background (a cell needing them waits)."""
    session.start(prepare=_fit)


def _fit() -> None:
    complexity_sweep()
    leak_experiment().result(HONEST_COLUMNS)


q1 = LazyNotebookExercise(_from_models, "BEST_COMPLEXITY")
q2 = NotebookExercise(OVERFITTING)
q3 = NotebookExercise(LEAKING_COLUMN)
q4 = LazyNotebookExercise(_from_models, "HONEST_ERROR_KWH")
q5 = NotebookExercise(DECISION)


def data_preview(count: int = 8) -> ipw.HTML:
    """The first buildings of Clairval-sur-Ondine, every column of the CSV."""
    table = load_buildings()
    count = read_count(count, 1, len(table.identifiers), "le nombre de bâtiments à montrer")
    return ipw.HTML(preview_html(table, count))


def largest_errors_table(count: int = 5) -> ipw.HTML:
    """The test buildings the honest model gets most wrong."""
    return ipw.HTML(largest_errors_html(leak_experiment().largest_errors(count)))


def leak_reflection() -> ipw.Widget:
    return reflection_panel(OWN_LEAK)


# The views (and matplotlib with them) are imported when first shown, not by the setup cell.


def overfitting_picture() -> ipw.VBox:
    from widgets.batiments.views.regimes_picture import overfitting_picture

    return overfitting_picture()


def complexity_slider(start_degree: object = 1) -> ipw.VBox:
    from widgets.batiments.views.complexity_slider import complexity_slider

    return complexity_slider(start_degree)


def leak_trap() -> ipw.VBox:
    from widgets.batiments.views.leak_trap import leak_trap

    return leak_trap()


def error_reader(start_error: float = 15_000.0) -> ipw.VBox:
    from widgets.batiments.views.error_reader import error_reader

    return error_reader(start_error)


__all__ = [  # noqa: F822 (EXERCISES comes from __getattr__)
    "EXERCISES",
    "complexity_slider",
    "data_preview",
    "download_panel",
    "error_reader",
    "largest_errors_table",
    "leak_reflection",
    "leak_trap",
    "overfitting_picture",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "start",
]
