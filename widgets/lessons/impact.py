"""Module 06, how much one request costs: energy, carbon and water, as ranges.

The estimates come from EcoLogits, offline (`widgets.impact`); the checks ask
the same engine about the learner's own answer, so the figures in the
questions and in the checks cannot drift apart.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.french import format_number
from widgets.impact.estimate import estimate_named
from widgets.impact.html import calculator_html
from widgets.impact.views.calculator import Calculator
from widgets.selfcheck import MultipleChoice
from widgets.selfcheck.constraint import Condition, NumberMeetingConditions
from widgets.selfcheck.views.exercise import NotebookExercise
from widgets.viewkit.session import start

LONG_MODEL = "mistral-large-latest"
SMALL_MODEL = "mistral-small-latest"
MIN_TOKENS = 150
MAX_ENERGY_WH = 0.5


def _energy_wh(tokens: float) -> float:
    return estimate_named(LONG_MODEL, int(tokens), "FRA").energy_wh.high


BIGGEST_CUT = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question=(
        "Un service de la mairie utilise **Mistral Large**, avec des réponses d'environ "
        "**800 tokens**, dans un centre de données alimenté par une électricité proche de la "
        "**moyenne mondiale**. Il ne peut changer qu'**une seule chose**. Avec le calculateur, "
        "trouvez le choix qui **divise le plus l'empreinte carbone** d'une réponse."
    ),
    options={
        "A": "Prendre Mistral Small, un modèle plus petit, pour le même travail.",
        "B": "Demander des réponses deux fois plus courtes (400 tokens).",
        "C": "Choisir un centre de données alimenté par l'électricité française.",
    },
    correct="A",
    advice={
        "B": "une réponse deux fois plus courte divise l'empreinte par deux. Essayez les deux "
        "autres choix dans le calculateur : l'un d'eux fait beaucoup mieux.",
        "C": "l'électricité française divise bien le carbone par six environ, mais pas "
        "l'énergie. Comparez avec le changement de modèle, sur la ligne « Carbone ».",
    },
    why=(
        "le plus petit modèle divise le carbone par sept à huit environ, l'électricité "
        "française par six, la longueur par deux. Le modèle et l'électricité pèsent bien plus "
        "que la longueur ; l'électricité, elle, ne change rien à l'énergie consommée."
    ),
    hints=(
        "Réglez d'abord le calculateur sur Mistral Large, 800 tokens, moyenne mondiale, et "
        "notez le carbone. Puis changez un seul réglage à la fois.",
        "Divisez le carbone de départ par le carbone obtenu avec chaque choix : le plus grand "
        "quotient gagne.",
    ),
    solution=(
        'reponse_q1 = "A" : environ 1,1 gCO2eq au départ ; 0,15 g avec Mistral Small '
        "(÷ 7,6), 0,18 g avec l'électricité française (÷ 6,3), 0,57 g avec des réponses "
        "deux fois plus courtes (÷ 2)."
    ),
    reference="A",
    wrong_examples=("B", "C"),
)

LENGTH_CAP = NumberMeetingConditions(
    id="q2",
    variable="longueur",
    question=(
        "L'assistant de la mairie utilise **Mistral Large**, en France. Vous fixez la longueur "
        "maximale de ses réponses, en tokens. Deux limites :\n"
        f"- au moins **{MIN_TOKENS} tokens**, pour qu'une réponse tienne en quelques phrases "
        "utiles ;\n"
        f"- au plus **{format_number(MAX_ENERGY_WH, 1)} Wh** par réponse, haut de la fourchette."
        "\n\nQuelle longueur choisissez-vous ? Cherchez-la avec le curseur du calculateur."
    ),
    conditions=(
        Condition(
            "un nombre entier de tokens",
            lambda number: float(number).is_integer() and 1 <= number <= 1_000_000,
            "une longueur se compte en tokens entiers, par exemple 120.",
        ),
        Condition(
            "assez long",
            lambda number: number >= MIN_TOKENS,
            f"une réponse si courte ne sera pas utile : il faut au moins {MIN_TOKENS} tokens.",
        ),
        Condition(
            "assez sobre",
            lambda number: _energy_wh(number) <= MAX_ENERGY_WH,
            "à cette longueur, une réponse consomme plus que la limite fixée : raccourcissez, "
            "en suivant la ligne « Énergie » du calculateur.",
        ),
    ),
    why=(
        "l'énergie d'une réponse croît avec sa longueur : limiter la longueur est un réglage "
        "simple, que l'on peut écrire dans la consigne (« répondez en cinq phrases au plus »)."
    ),
    hints=(
        "Choisissez Mistral Large et la France dans le calculateur, puis déplacez le curseur "
        "de la longueur en lisant la ligne « Énergie ».",
        "Les longueurs qui conviennent sont entre 150 et 170 tokens environ.",
    ),
    solution=(
        "longueur = 160 : environ 0,47 Wh, sous la limite de 0,5 Wh ; de 150 à 170 tokens, "
        "les deux limites sont respectées."
    ),
    reference=160,
    wrong_examples=(100, 180, 400, 160.5),
)

TELL_THE_COUNCIL = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(
        "Pour une réponse de 400 tokens de Mistral Large 2, EcoLogits donne les chiffres du "
        "tableau ci-dessus ; l'analyse du cycle de vie publiée par Mistral AI donne **1,14 g** "
        "de CO2. Que dites-vous au conseil municipal ?"
    ),
    options={
        "A": "« EcoLogits se trompe : seule l'étude de l'entreprise compte. »",
        "B": "« L'étude de l'entreprise exagère : EcoLogits est plus précis. »",
        "C": "« Les deux ne comptent pas la même chose : retenons un ordre de grandeur, de "
        "quelques centièmes à environ un gramme par réponse, et citons ce que chacun compte. »",
    },
    correct="C",
    advice={
        "A": "EcoLogits est un calcul à partir de la taille du modèle ; l'étude part de "
        "l'infrastructure réelle de l'entreprise. Relisez ce que chacun compte : ils n'ont pas "
        "le même périmètre.",
        "B": "EcoLogits est un modèle de calcul, pas une mesure, et il laisse de côté "
        "l'entraînement. Relisez ce que chacun compte.",
    },
    why=(
        "les deux chiffres ne sont pas obtenus de la même façon : EcoLogits calcule à partir de "
        "la taille du modèle, l'étude part de l'infrastructure réelle et de tout son cycle de "
        "vie. On annonce donc un ordre de grandeur, une fourchette et ce qui est compté."
    ),
    hints=(
        "Relisez ce qu'EcoLogits ne compte pas, dans le premier encadré du module.",
        "Un écart de 5 à 25 fois entre deux méthodes dit surtout qu'elles ne comptent pas la "
        "même chose.",
    ),
    solution=(
        'reponse_q3 = "C" : on donne un ordre de grandeur et une fourchette, en disant ce qui '
        "est compté ; aucun des deux chiffres n'est « le vrai »."
    ),
    reference="C",
    wrong_examples=("A", "B"),
)

EXERCISES = (BIGGEST_CUT, LENGTH_CAP, TELL_THE_COUNCIL)

q1 = NotebookExercise(BIGGEST_CUT)
q2 = NotebookExercise(LENGTH_CAP)
q3 = NotebookExercise(TELL_THE_COUNCIL)


def calculator() -> ipw.VBox:
    """The footprint calculator: model, answer length, electricity mix."""
    return Calculator().widget


def study_comparison() -> ipw.HTML:
    """EcoLogits' estimate for the answer the Mistral Large 2 life-cycle study describes."""
    return ipw.HTML(
        calculator_html(estimate_named("mistral-large-2", 400, "FRA"))
        + calculator_html(estimate_named("mistral-large-2", 400, "WOR"))
    )


__all__ = [
    "EXERCISES",
    "calculator",
    "download_panel",
    "q1",
    "q2",
    "q3",
    "start",
    "study_comparison",
]
