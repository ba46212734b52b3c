"""Module 10, deciding with a score: thresholds, errors, fairness.

The exercises ask the engine about the learner's own answer (any threshold
that meets the constraint is right), so nothing here trains a model at
import: the model is trained once, the first time a widget or a check
needs it, or in the background as soon as `start()` has run. The views (and
matplotlib with them) are imported by the functions that build them, so the
setup cell stays short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.controles import generate
from widgets.controles.html import hidden_truth_table, households_table
from widgets.controles.proxies import default_proxy_study
from widgets.controles.study import default_study
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.constraint import Condition, NumberMeetingConditions, within
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit import session

if TYPE_CHECKING:
    from widgets.controles.views.distributions import ScoreDistributions
    from widgets.controles.views.matrices import ThresholdExplorer
    from widgets.controles.views.proxies import ProxyDemo

MIN_RECALL_PERCENT = 60
MAX_FALSE_ALARMS = 750
MARGIN = 0.005
"""When grading, the constraint must still hold this far on each side of the threshold."""
RATIO_THRESHOLD = 0.6


def _meets(threshold: float) -> bool:
    return default_study().table.meets(threshold, MIN_RECALL_PERCENT, MAX_FALSE_ALARMS)


def _few_enough_false_alarms(threshold: float) -> bool:
    return default_study().table.report(threshold).overall.controlled_honest <= MAX_FALSE_ALARMS


def _enough_frauds_found(threshold: float) -> bool:
    overall = default_study().table.report(threshold).overall
    return overall.controlled_frauds * 100 >= MIN_RECALL_PERCENT * overall.frauds


def _meets_with_margin(threshold: float) -> bool:
    return all(_meets(min(max(threshold + shift, 0.0), 1.0)) for shift in (-MARGIN, MARGIN))


def _ratio_at_reading_threshold() -> float:
    ratio = default_study().table.report(RATIO_THRESHOLD).false_alarm_ratio
    return float("nan") if ratio is None else ratio


THRESHOLD_CHOICE = NumberMeetingConditions(
    id="q1",
    variable="seuil",
    question=(
        "La direction de l'organisme fixe deux limites :\n"
        f"- trouver **au moins {MIN_RECALL_PERCENT} %** des fraudes constatées ;\n"
        f"- ne pas contrôler **plus de {MAX_FALSE_ALARMS} foyers honnêtes** "
        "(sur les 2 954 foyers honnêtes mis de côté).\n"
        "\n"
        "Avec le curseur ci-dessus, trouvez un seuil qui respecte les deux limites, **avec un peu"
        " de marge** : un seuil tout au bord de la zone permise ne tient plus si les données "
        "bougent un peu. Votre seuil doit donc respecter encore les deux limites si on le déplace "
        "d'un demi-centième (0,005) vers le haut ou vers le bas."
    ),
    conditions=(
        Condition(
            "entre zéro et un",
            lambda number: 0.0 <= number <= 1.0,
            "un seuil est un nombre compris entre zéro et un, comme sur le curseur.",
        ),
        Condition(
            "assez peu de fausses alertes",
            _few_enough_false_alarms,
            "à ce seuil, le score fait contrôler plus de foyers honnêtes que la limite fixée : "
            "montez le seuil, en suivant la case « fausses alertes » de la matrice « Ensemble ».",
        ),
        Condition(
            "assez de fraudes trouvées",
            _enough_frauds_found,
            "à ce seuil, les contrôles ne trouvent pas assez de fraudes : descendez le seuil, "
            "en suivant la ligne « Fraudes trouvées » du tableau, colonne « Ensemble ».",
        ),
        Condition(
            "avec une marge",
            _meets_with_margin,
            "votre seuil est tout au bord de la zone qui convient : à un demi-centième près, "
            "une des deux limites n'est plus respectée. Éloignez-le un peu du bord.",
        ),
    ),
    why=(
        "à ce seuil, les deux limites sont respectées : assez de fraudes trouvées, pas trop de "
        "foyers honnêtes contrôlés. Ce choix n'est pas un calcul : c'est une décision sur les "
        "erreurs que l'on accepte, et sur les personnes qui les subissent."
    ),
    hints=(
        "Les deux limites tirent en sens contraire : monter le seuil réduit les fausses alertes, "
        "mais fait aussi manquer des fraudes.",
        "Cherchez d'abord le seuil le plus haut qui trouve encore assez de fraudes, puis vérifiez "
        "que les fausses alertes de l'ensemble restent sous la limite.",
        "Les seuils qui conviennent sont entre 0,53 et 0,56 environ ; prenez-en un au milieu.",
    ),
    solution=(
        "seuil = 0.55 : les contrôles trouvent 150 des 246 fraudes constatées (61 %) et "
        "659 foyers honnêtes sont contrôlés, sous la limite de 750. Les seuils de 0,53 à 0,56 "
        "respectent les deux limites ; à 0,56, on est trop près du bord : à un demi-centième près, "
        "une limite n'est plus respectée."
    ),
    reference=0.55,
    wrong_examples=(0.4, 0.56, 0.7, 1.5),
)

MOST_FALSE_ALARMS = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "Au seuil de 0,50, quel groupe subit le plus de fausses alertes, **en proportion** de ses"
        " foyers honnêtes ?"
    ),
    options={
        "A": "Les foyers de nationalité française.",
        "B": "Les foyers de nationalité hors UE.",
        "C": "Aucun : le modèle n'utilise pas la nationalité, les deux taux sont égaux.",
    },
    correct="B",
    advice={
        "A": "en nombre de foyers, oui, car ce groupe est bien plus grand. Mais la question "
        "porte sur la proportion : comparez les taux de fausses alertes, entre parenthèses.",
        "C": "le modèle n'utilise pas la nationalité, et pourtant les deux taux diffèrent : "
        "regardez la ligne « fausses alertes » du tableau.",
    },
    why=(
        "en nombre, les foyers de nationalité française ont plus de fausses alertes, car ils sont "
        "bien plus nombreux ; mais en proportion, un foyer honnête de nationalité hors UE est "
        "contrôlé bien plus souvent. Pour juger l'équité, on compare des taux, pas des nombres."
    ),
    hints=(
        "Placez le curseur sur 0,50 et lisez la ligne « fausses alertes » du tableau.",
        "Le nombre de fausses alertes dépend de la taille du groupe ; le taux, entre parenthèses, "
        "n'en dépend pas.",
    ),
    solution=(
        'reponse_q2 = "B" : au seuil de 0,50, 606 foyers honnêtes de nationalité française sont '
        "contrôlés (24,8 % d'entre eux) et 217 de nationalité hors UE (42,8 %). Moins nombreux, "
        "les seconds sont pourtant contrôlés à tort bien plus souvent."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

DISPARITY_READING = NumberMeetingConditions(
    id="q3",
    variable="rapport",
    question=(
        "Placez le curseur sur **0,60**. Quel est le **rapport des taux de fausses alertes** "
        "(nationalité hors UE ÷ nationalité française) ?"
    ),
    conditions=within(
        _ratio_at_reading_threshold,
        0.05,
        too_low=(
            "votre nombre est plus petit que le rapport affiché : vérifiez que le curseur est "
            "bien sur le seuil demandé, et lisez la ligne en gras sous le tableau."
        ),
        too_high=(
            "votre nombre est plus grand que le rapport affiché : vérifiez que le curseur est "
            "bien sur le seuil demandé, et que vous lisez le rapport des fausses alertes, "
            "pas celui des contrôles."
        ),
    )
    + within(
        _ratio_at_reading_threshold,
        0.01,
        too_low="le rapport est lu trop grossièrement : recopiez-le avec ses deux décimales.",
        too_high="le rapport est lu trop grossièrement : recopiez-le avec ses deux décimales.",
    ),
    why=(
        "à ce seuil, un foyer honnête de nationalité hors UE est contrôlé nettement plus souvent "
        "qu'un foyer honnête de nationalité française. Un rapport de 1 voudrait dire : même "
        "traitement ; on le lit comme un écart à expliquer et à justifier, ou à corriger."
    ),
    hints=(
        "Le rapport est écrit en gras sous le tableau, après le signe ×.",
        "Vérifiez que le curseur indique bien 0.60 avant de lire le rapport.",
    ),
    solution=(
        "rapport = 1.75 : au seuil de 0,60, 15,8 % des foyers honnêtes de nationalité française "
        "sont contrôlés, contre 27,6 % de ceux de nationalité hors UE ; 27,6 ÷ 15,8 ≈ 1,75."
    ),
    reference=1.75,
    wrong_examples=(1.0, 1.79, 2.5),
)

PROXIES = MultipleChoice(
    id="q4",
    variable="reponse_q4",
    question=(
        "Le modèle n'a jamais vu la nationalité. Pourquoi contrôle-t-il quand même à tort plus "
        "souvent les foyers de nationalité hors UE ?"
    ),
    options={
        "A": "Parce qu'il retrouve la nationalité par un calcul caché.",
        "B": "Parce que d'autres variables qu'il utilise, comme le quartier, l'emploi ou le "
        "revenu, sont liées à la nationalité dans ces données.",
        "C": "Par hasard : avec d'autres foyers, l'écart disparaîtrait.",
    },
    correct="B",
    advice={
        "A": "le modèle ne fait que pondérer les variables qu'on lui donne ; regardez plutôt "
        "le tableau des variables qui permettent de deviner la nationalité.",
        "C": "l'écart est le même avec ou sans la nationalité, et il baisse quand on retire aussi "
        "le quartier : ce n'est pas le hasard, regardez le tableau des trois versions.",
    },
    why=(
        "le quartier, l'emploi et le revenu servent de « variables relais » : ils portent une "
        "partie de l'information sur la nationalité. Retirer la variable sensible ne suffit donc "
        "pas : il faut mesurer les écarts groupe par groupe."
    ),
    hints=(
        "Comparez les deux premières versions du modèle dans le tableau : que change le retrait "
        "de la nationalité ?",
        "Le tableau du bas dit, pour chaque variable, à quel point elle seule permet de deviner "
        "la nationalité.",
    ),
    solution=(
        'reponse_q4 = "B" : le quartier seul permet de deviner la nationalité bien mieux que le '
        "hasard, et l'emploi, le logement ou le revenu aussi. Sans nationalité, le rapport des "
        "fausses alertes reste le même ; sans nationalité ni quartier, il baisse sans disparaître."
    ),
    reference="B",
    wrong_examples=("C", "A"),
)

COMMUNE_SCORE = ReflectiveQuestion(
    id="reflexion",
    question=(
        "Votre commune envisage d'utiliser un score pour cibler ses contrôles (par exemple sur "
        "une aide sociale facultative du centre communal d'action sociale, le CCAS). **Quelles "
        "questions poser avant de décider ?**"
    ),
    model_answer=(
        "Le but : quel problème veut-on résoudre, et un score est-il le bon outil ? Faut-il "
        "plutôt mieux informer les personnes, pour éviter les erreurs de déclaration ?\n\n"
        "Le droit : le système est-il « à haut risque » au sens du règlement européen sur "
        "l'IA, et qui fait l'analyse d'impact sur les droits fondamentaux (voir les encadrés "
        "plus haut) ? "
        "Comment la mention explicite sera-t-elle écrite, et qui expliquera le traitement à une "
        "personne qui le demande ?\n\n"
        "Les données : que mesure vraiment l'étiquette « fraude constatée » ? Si elle vient "
        "des contrôles passés, elle reflète aussi l'endroit où l'on a contrôlé. Quelles variables "
        "peuvent servir de relais à une caractéristique protégée (quartier, revenu, handicap, "
        "situation familiale) ?\n\n"
        "Les erreurs : combien de foyers honnêtes seront contrôlés, dans quels groupes, avec "
        "quel rapport entre les groupes ? Qui choisit le seuil, et qui le revoit ?\n\n"
        "Les personnes : un agent vérifie-t-il chaque signalement ? Comment contester ? "
        "Les associations d'usagers et le délégué à la protection des données sont-ils "
        "associés ? Quand et comment évaluer, publier les résultats, et arrêter si les écarts "
        "sont trop grands ?"
    ),
)

EXERCISES = (THRESHOLD_CHOICE, MOST_FALSE_ALARMS, DISPARITY_READING, PROXIES)

q1 = NotebookExercise(THRESHOLD_CHOICE)
q2 = NotebookExercise(MOST_FALSE_ALARMS)
q3 = NotebookExercise(DISPARITY_READING)
q4 = NotebookExercise(PROXIES)


def household_preview() -> ipw.HTML:
    """A few households set aside for evaluation, from the lowest score to the highest."""
    return ipw.HTML(households_table(default_study()))


def score_distributions() -> ScoreDistributions:
    from widgets.controles.views.distributions import ScoreDistributions

    return ScoreDistributions(default_study().table)


def threshold_explorer() -> ThresholdExplorer:
    from widgets.controles.views.matrices import ThresholdExplorer

    return ThresholdExplorer(default_study().table)


def proxy_demo() -> ProxyDemo:
    from widgets.controles.views.proxies import ProxyDemo

    return ProxyDemo(default_proxy_study())


def hidden_truth() -> ipw.HTML:
    """Real irregularities against those found: known only because the data are invented."""
    return ipw.HTML(hidden_truth_table(generate.generate()))


def reflection() -> ipw.VBox:
    return reflection_panel(COMMUNE_SCORE)


def start() -> None:
    """The setup cell, then the models trained in the background (a cell needing one waits)."""
    session.start(prepare=_train)


def _train() -> None:
    default_study()
    default_proxy_study()


__all__ = [
    "EXERCISES",
    "download_panel",
    "hidden_truth",
    "household_preview",
    "proxy_demo",
    "q1",
    "q2",
    "q3",
    "q4",
    "reflection",
    "score_distributions",
    "start",
    "threshold_explorer",
]
