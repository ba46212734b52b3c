"""Module 08, sorting residents' requests: a first model, its errors, and what a resident is owed.

Some exercises check numbers read from the model's results: they are computed
here from the engine, so they stay right if the data changes. Importing this
module trains nothing (the setup cell stays short): `start()` trains the model
in the background while the learner reads, and the names read from it
(`FROM_MODEL`, the exercises q1 to q5) are built when first asked for.
"""

from __future__ import annotations

import functools

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.corpus.facts import BUDGETS, INHABITANTS
from widgets.demandes.confusion import confused_pairs, shared_words
from widgets.demandes.model import trained_model
from widgets.demandes.predict import first_missorted
from widgets.demandes.services import ANSWER_PATTERNS, answer_names_another, answer_names_both
from widgets.demandes.views.cells import (
    show_errors,
    show_examples,
    show_failures,
    show_matrix,
    show_split,
    show_training,
    try_message,
)
from widgets.french import format_number
from widgets.selfcheck import FreeText, MultipleChoice, NumberInRange, ReflectiveQuestion, TextRule
from widgets.selfcheck.views.exercise import (
    LazyNotebookExercise,
    NotebookExercise,
    reflection_panel,
)
from widgets.viewkit import session

QUIZ_MESSAGES = (
    ("Le réverbère de la place de l'Église est cassé.", "Éclairage public"),
    ("Nid de poule devant la boulangerie de la rue Pasteur.", "Voirie"),
    ("Je souhaite inscrire ma fille à la cantine.", "Écoles et cantine"),
)


@functools.cache
def _from_model() -> dict[str, object]:
    """The figures read from the trained model, and the five exercises built on them."""
    MODEL = trained_model()
    EVALUATION = MODEL.evaluation
    PAIRS = confused_pairs(EVALUATION)
    TOP_PAIR, RUNNER_UP = PAIRS[0], PAIRS[1]

    MISTAKE_LETTER = "ABC"[first_missorted(QUIZ_MESSAGES, MODEL) or 0]
    # The option whose message the model sorts wrongly (the tests check there is one).

    ERRORS = EVALUATION.total - EVALUATION.correct

    MISSORTED = NumberInRange(
        id="q1",
        variable="messages_mal_tries",
        question="Sur les messages du jeu de test, **combien le modèle en a-t-il mal triés** ?",
        expected=ERRORS,
        tolerance=0,
        too_low=(
            "c'est trop peu. Partez du nombre de messages de test et retirez ceux que le "
            "modèle a bien triés : les deux nombres sont dans le résumé de l'entraînement."
        ),
        too_high=(
            "c'est trop. On demande les messages mal triés, pas ceux qui sont bien triés : "
            "faites la différence entre le nombre de messages de test et le nombre de bien triés."
        ),
        why=(
            "c'est le nombre de messages de test moins ceux qui sont bien triés. Rapporté au "
            "nombre de messages de test, il donne le taux d'erreur ; son complément est "
            "l'exactitude."
        ),
        hints=(
            "Relisez le résumé affiché sous la cellule d'entraînement.",
            "Il donne le nombre de messages de test et le nombre de messages bien triés.",
            "Faites la soustraction : messages de test moins messages bien triés.",
        ),
        solution=(
            f"messages_mal_tries = {ERRORS} : le modèle trie bien {EVALUATION.correct} messages "
            f"sur {EVALUATION.total}."
        ),
        reference=ERRORS,
        wrong_examples=(EVALUATION.correct, 0, "beaucoup"),
    )

    _EXTRA = next(s for s in ANSWER_PATTERNS if s not in (TOP_PAIR.first, TOP_PAIR.second))

    CONFUSED_PAIR = FreeText(
        id="q2",
        variable="services_confondus",
        question=(
            "Une confusion se lit dans les deux sens : des messages du service A envoyés au "
            "service B, **et** des messages de B envoyés à A. Pour chaque paire de services, "
            "additionnez ces deux cases. **Quels sont les deux services que le modèle confond le "
            "plus ?**"
        ),
        rules=(
            TextRule(
                description="nomme les deux services les plus confondus",
                pattern=answer_names_both(TOP_PAIR.first, TOP_PAIR.second),
                advice=(
                    "Ce ne sont pas ces deux services-là, ou l'un des deux manque. Dans la "
                    "matrice, pour chaque paire de services, additionnez les deux cases "
                    "symétriques hors de la diagonale, et gardez la paire au total le plus grand."
                ),
            ),
            TextRule(
                description="ne cite que ces deux services",
                pattern=answer_names_another(TOP_PAIR.first, TOP_PAIR.second),
                advice="Citez seulement les deux services les plus confondus, pas un troisième.",
                must_match=False,
            ),
        ),
        why=(
            "ces deux services totalisent le plus d'erreurs entre eux : des messages de l'un "
            "envoyés à l'autre, et l'inverse. Une confusion se lit dans les deux sens."
        ),
        hints=(
            "Les erreurs sont toutes les cases hors de la diagonale de la matrice.",
            "Une même paire de services occupe deux cases : la ligne de l'un et la colonne de "
            "l'autre, puis l'inverse. Additionnez-les.",
            "Le menu « Mettre en évidence » encadre la ligne et la colonne d'un service : "
            "essayez les services dont les cases hors diagonale sont les plus foncées.",
        ),
        solution=(
            f'services_confondus = "{TOP_PAIR.first} et {TOP_PAIR.second}" : '
            f"{TOP_PAIR.first_as_second} message(s) de « {TOP_PAIR.first} » envoyé(s) à "
            f"« {TOP_PAIR.second} », et {TOP_PAIR.second_as_first} dans l'autre sens."
        ),
        reference=f"{TOP_PAIR.first} et {TOP_PAIR.second}",
        wrong_examples=(
            f"{RUNNER_UP.first} et {RUNNER_UP.second}",
            TOP_PAIR.first,
            f"{TOP_PAIR.first}, {TOP_PAIR.second} et {_EXTRA}",
        ),
    )

    SHARED = shared_words(MODEL, TOP_PAIR.first, TOP_PAIR.second, count=4)

    WHY_CONFUSED = MultipleChoice(
        id="q3",
        variable="reponse_q3",
        question=(
            "Pourquoi le modèle confond-il ces deux services plus que les autres ? Pour vous "
            "aider, essayez dans la section suivante quelques messages de ces deux services, ou "
            "relisez le tableau des exemples."
        ),
        options={
            "A": "Ces deux services ont trop peu de messages pour que le modèle les apprenne.",
            "B": (
                "Leurs messages emploient souvent les mêmes mots, et certains parlent vraiment "
                "des deux services : le modèle ne voit que les mots."
            ),
            "C": "Le modèle ne comprend pas les accents, et ces deux services en ont beaucoup.",
            "D": "Le partage entre entraînement et test a été mal fait pour ces deux services.",
        },
        correct="B",
        advice={
            "A": (
                "regardez le tableau du partage : ces deux services ont-ils vraiment peu de "
                "messages ? Comparez avec le plus petit service."
            ),
            "C": (
                "le modèle retire les accents avant de lire : « éclairage » et « eclairage » "
                "sont pour lui le même mot."
            ),
            "D": (
                "le partage garde la même part de chaque service des deux côtés (voyez le "
                "tableau) : cherchez plutôt la cause dans les messages eux-mêmes."
            ),
        },
        why=(
            "un modèle de ce genre ne connaît que les mots et leur poids. Les messages de "
            f"« {TOP_PAIR.first} » et de « {TOP_PAIR.second} » partagent des mots (par exemple "
            f"{', '.join(f'« {word} »' for word in SHARED)}), et certaines demandes relèvent "
            "vraiment des deux : il hésite, comme un agent qui ne connaît pas encore les règles "
            "de la commune."
        ),
        hints=(
            "Essayez quelques messages de ces deux services dans le widget « Essayez votre "
            "message », et regardez les mots surlignés.",
            "Relisez le tableau des messages mal triés : de quoi parlent-ils ?",
        ),
        solution=(
            'reponse_q3 = "B". Les deux services partagent des mots (par exemple '
            f"{', '.join(SHARED)}) et certaines demandes les concernent tous les deux : le "
            "modèle, qui ne voit que les mots, ne peut pas toujours trancher."
        ),
        reference="B",
        wrong_examples=("A", "C", "D"),
    )

    _REAL, _PREDICTED, _CELL_COUNT = TOP_PAIR.largest_cell
    _OTHER_CELL = TOP_PAIR.total - _CELL_COUNT
    _LARGEST_DIAGONAL = int(EVALUATION.matrix.diagonal().max())

    READ_A_CELL = NumberInRange(
        id="q4",
        variable="nombre_lu",
        question=(
            "Les deux services de l'exercice 2 se partagent deux cases hors de la diagonale : la "
            "ligne de l'un croise la colonne de l'autre, et inversement. **Quel est le plus grand "
            "des deux nombres écrits dans ces cases ?**"
        ),
        expected=_CELL_COUNT,
        tolerance=0,
        too_low=(
            "c'est trop petit : vous lisez peut-être la plus petite des deux cases. Encadrez "
            "l'un des deux services avec le menu, puis comparez les deux cases qui le relient "
            "à l'autre."
        ),
        too_high=(
            "c'est trop grand : ne lisez que les deux cases où la ligne de l'un des deux "
            "services croise la colonne de l'autre, pas celles de la diagonale."
        ),
        why=(
            f"c'est la case de la ligne « {_REAL} » (le service réel) et de la colonne "
            f"« {_PREDICTED} » (le service prédit) : des messages de « {_REAL} » envoyés par "
            f"erreur à « {_PREDICTED} ». La case symétrique compte les erreurs dans l'autre sens."
        ),
        hints=(
            "Choisissez l'un des deux services dans le menu : sa ligne est encadrée d'un trait "
            "plein, sa colonne d'un trait en tirets.",
            "Sur sa ligne, lisez la case de la colonne de l'autre service ; sur sa colonne, "
            "lisez la case de la ligne de l'autre service. Gardez le plus grand des deux nombres.",
        ),
        solution=(
            f"nombre_lu = {_CELL_COUNT} : c'est la case ligne « {_REAL} », colonne "
            f"« {_PREDICTED} ». La case symétrique en compte {_OTHER_CELL}."
        ),
        reference=_CELL_COUNT,
        wrong_examples=(
            _OTHER_CELL if _OTHER_CELL != _CELL_COUNT else _CELL_COUNT + 10,
            _LARGEST_DIAGONAL,
        ),
    )

    WRONG_MESSAGE = MultipleChoice(
        id="q5",
        variable="reponse_q5",
        question=(
            "Copiez ces trois messages, un par un, dans le widget ci-dessus. **Lequel le modèle "
            "envoie-t-il au mauvais service ?**"
        ),
        options={
            letter: message for letter, (message, _) in zip("ABC", QUIZ_MESSAGES, strict=True)
        },
        correct=MISTAKE_LETTER,
        advice={
            letter: (
                f"le modèle envoie bien ce message à « {expected} ». Essayez les deux autres "
                "dans le widget."
            )
            for letter, (_, expected) in zip("ABC", QUIZ_MESSAGES, strict=True)
        },
        why=(
            "ce message contient un mot que le modèle n'a jamais vu pendant l'entraînement : il "
            "l'ignore complètement, et ne décide plus qu'avec les mots qui restent. Un agent, "
            "lui, sait ce que veut dire ce mot."
        ),
        hints=(
            "Copiez chaque message dans la zone « Votre message », puis cliquez sur « Trier ce "
            "message ».",
            "Regardez la ligne « Mots que le modèle n'a jamais vus ».",
        ),
        solution=(
            f'reponse_q5 = "{MISTAKE_LETTER}" : ce message contient un mot absent des données '
            "d'entraînement, que le widget signale dans la ligne « Mots que le modèle n'a jamais "
            "vus »."
        ),
        reference=MISTAKE_LETTER,
        wrong_examples=tuple(letter for letter in "ABC" if letter != MISTAKE_LETTER),
    )
    EXERCISES = (MISSORTED, CONFUSED_PAIR, WHY_CONFUSED, READ_A_CELL, WRONG_MESSAGE, PUBLISH_RULES)
    return {name: value for name, value in locals().items() if name in FROM_MODEL}


_STAFF = BUDGETS[max(BUDGETS)]
"""The commune's latest staff figures, from the corpus (the same figures its budget texts quote)."""
PUBLICATION_FTE = 50
"""Below this many agents, in full-time equivalents, no duty to publish (fact crpa-l312-1-3)."""

PUBLISH_RULES = MultipleChoice(
    id="q6",
    variable="reponse_q6",
    question=(
        "Clairval-sur-Ondine voudrait utiliser un algorithme pour décider à quelles familles "
        f"accorder une aide. La commune compte {format_number(INHABITANTS)} habitants. Elle "
        f"emploie {_STAFF.agents} agents, soit {_STAFF.fte} équivalents temps plein (budget "
        f"{max(BUDGETS)}). D'après les trois encadrés « À savoir » ci-dessus, que doit-elle faire ?"
    ),
    options={
        "A": f"Rien de particulier : avec moins de {PUBLICATION_FTE} agents, elle n'a aucune "
        "obligation.",
        "B": "Le signaler dans chaque décision, l'expliquer sur demande, et publier en ligne les "
        "règles de ses algorithmes, car elle dépasse 3 500 habitants.",
        "C": "Le signaler dans chaque décision et expliquer sur demande comment l'algorithme a "
        "joué pour la famille. Publier ses règles en ligne reste possible, mais ne lui est pas "
        "imposé.",
        "D": "Demander l'accord écrit de chaque famille avant d'utiliser l'algorithme.",
    },
    correct="C",
    advice={
        "A": "relisez les deux premiers encadrés : la mention et l'explication valent pour toute "
        "administration, quelle que soit sa taille. Seule la publication dépend d'un seuil.",
        "B": "relisez le troisième encadré : le seuil de la publication compte-t-il des habitants "
        "ou des agents ? Celui de 3 500 habitants vise une autre obligation.",
        "D": "aucun des trois encadrés ne parle d'un accord préalable : relisez ce qu'ils "
        "demandent (une mention, une explication, une publication).",
    },
    why=(
        "la mention dans la décision et l'explication sur demande valent pour toute "
        f"administration. La publication en ligne ne s'impose qu'à partir de {PUBLICATION_FTE} "
        f"agents en équivalent temps plein : avec {_STAFF.fte}, la commune en est dispensée. Une "
        "commune de 2 000 habitants qui emploie 60 agents, elle, doit publier. Publier reste "
        "une bonne pratique : les habitants y trouvent les règles sans avoir à les demander."
    ),
    hints=(
        "Lisez les trois encadrés « À savoir » de la section : lesquels dépendent de la taille "
        "de l'administration ?",
        "Pour le troisième, le seuil compte-t-il des habitants ou des agents ? Comparez-le aux "
        f"{_STAFF.fte} équivalents temps plein de la commune.",
    ),
    solution=(
        'reponse_q6 = "C" : la mention et l\'explication valent pour toutes les administrations. '
        f"La publication ne s'impose qu'à partir de {PUBLICATION_FTE} agents en équivalent temps "
        f"plein, et Clairval-sur-Ondine en compte {_STAFF.fte}."
    ),
    reference="C",
    wrong_examples=("A", "B", "D"),
)

NOTICE = ReflectiveQuestion(
    id="mention",
    question=(
        "Si la mairie utilisait ce modèle pour orienter les demandes, **que diriez-vous à "
        "l'habitant dans la réponse**, en deux ou trois phrases ?"
    ),
    model_answer=(
        "Par exemple : « Votre demande a été orientée vers le service Propreté à l'aide d'un "
        "outil de tri automatique, puis relue par un agent. Cet outil sert à transmettre plus "
        "vite les demandes au bon service. Vous pouvez obtenir les règles de cet outil, et "
        "savoir comment il a traité votre demande, en écrivant à la mairie. »\n\n"
        "On y retrouve ce que décrivent les encadrés : dire qu'un algorithme a servi, à "
        "quoi il sert, et comment obtenir ses règles et l'explication de son rôle."
    ),
)


def reflection() -> ipw.VBox:
    return reflection_panel(NOTICE)


FROM_MODEL = (
    *("MODEL", "EVALUATION", "PAIRS", "TOP_PAIR", "RUNNER_UP", "MISTAKE_LETTER", "ERRORS"),
    *("SHARED", "MISSORTED", "CONFUSED_PAIR", "WHY_CONFUSED", "READ_A_CELL", "WRONG_MESSAGE"),
    "EXERCISES",
)
"""Names read from the trained model, built on first use (`__getattr__`, PEP 562)."""


def __getattr__(name: str) -> object:
    if name not in FROM_MODEL:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _from_model()[name]


def start() -> None:
    """The setup cell, then the model trained in the background (a cell needing it waits)."""
    session.start(prepare=_train)


def _train() -> None:
    trained_model()


q1 = LazyNotebookExercise(_from_model, "MISSORTED")
q2 = LazyNotebookExercise(_from_model, "CONFUSED_PAIR")
q3 = LazyNotebookExercise(_from_model, "WHY_CONFUSED")
q4 = LazyNotebookExercise(_from_model, "READ_A_CELL")
q5 = LazyNotebookExercise(_from_model, "WRONG_MESSAGE")
q6 = NotebookExercise(PUBLISH_RULES)

__all__ = [  # noqa: F822 (EXERCISES comes from __getattr__)
    "EXERCISES",
    "download_panel",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "reflection",
    "show_errors",
    "show_examples",
    "show_failures",
    "show_matrix",
    "show_split",
    "show_training",
    "start",
    "try_message",
]
