"""Module 02, how a generative AI writes: tokens, next-token probabilities, temperature, invention.

Every widget runs the offline classroom model (`widgets.llm.classroom`),
trained on the course corpus the first time a widget needs it.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.llm.ngram import DEFAULT_ORDER
from widgets.llm.tokenizer import tokenize
from widgets.llm.views.invention import invention_demo
from widgets.llm.views.next_token import next_token_bars
from widgets.llm.views.samples import samples_side_by_side
from widgets.llm.views.temperature import temperature_explorer
from widgets.llm.views.tokens import token_explorer
from widgets.selfcheck import ComputedValue, MultipleChoice, NumberInRange, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit.session import start

EXERCISE_SENTENCE = "Les élus de Clairval-sur-Ondine votent le budget participatif."
EXERCISE_VOCABULARY = 500
EXERCISE_TOKENS = 27
"""The count a learner reads in the widget for the sentence, pinned here rather than
computed: a reference computed by the tokenizer would pass whatever the tokenizer does.
The checker itself accepts what the tokenizer gives (what the widget shows); a test
checks that the tokenizer still gives this number."""
CONTEXT_TOKENS = 3
"""The most tokens the classroom model reads before predicting (a 4-gram model): pinned
for the same reason, and checked against the model by a test."""


def count_tokens(text: str, vocab_size: int = EXERCISE_VOCABULARY) -> int:
    """How many tokens the course tokenizer of `vocab_size` tokens cuts `text` into."""
    return tokenize(text, vocab_size).count


_WORDS = len(EXERCISE_SENTENCE.split())

TOKEN_COUNT = ComputedValue(
    id="q1",
    variable="nombre_de_tokens",
    question=(
        "Combien de tokens compte la phrase suivante avec le **vocabulaire de "
        f"{EXERCISE_VOCABULARY} tokens** ?\n\n> {EXERCISE_SENTENCE}"
    ),
    expected=lambda: count_tokens(EXERCISE_SENTENCE),
    advice=(
        "ce n'est pas le nombre de tokens affiché. Copiez la phrase exacte dans le widget "
        "et lisez le nombre en gras au-dessus des étiquettes du vocabulaire de gauche."
    ),
    known_mistakes=(
        (
            _WORDS,
            "c'est le nombre de mots. Or un token n'est pas toujours un mot entier : "
            "comptez les étiquettes colorées, ponctuation comprise.",
        ),
    ),
    why=(
        "le découpage en tokens coupe les mots rares (comme Clairval ou participatif) en "
        "plusieurs morceaux, et la ponctuation compte aussi. Un modèle compte toujours en "
        "tokens, pas en mots."
    ),
    hints=(
        "Copiez la phrase dans la zone de texte du widget, sans rien changer.",
        f"Lisez le nombre écrit en gras à gauche, pour le vocabulaire de {EXERCISE_VOCABULARY} "
        "tokens.",
        "Chaque étiquette colorée est un token : les tirets et le point final comptent aussi.",
    ),
    solution=(
        f"nombre_de_tokens = {EXERCISE_TOKENS} : avec le vocabulaire de {EXERCISE_VOCABULARY} "
        f"tokens, la phrase de {_WORDS} mots est découpée en {EXERCISE_TOKENS} tokens."
    ),
    reference=EXERCISE_TOKENS,
    wrong_examples=(_WORDS, EXERCISE_TOKENS + 2),
)

CONTEXT_LENGTH = NumberInRange(
    id="q2",
    variable="tokens_de_contexte",
    question=(
        "Essayez plusieurs débuts de phrase dans le widget. **Au plus**, combien de tokens "
        "précédents le modèle de classe prend-il en compte pour prédire le suivant ?"
    ),
    expected=DEFAULT_ORDER - 1,
    tolerance=0,
    too_low=(
        "le modèle peut tenir compte de plus de tokens que cela. Essayez un début de phrase "
        "courant, comme « Le conseil municipal », et lisez la phrase sous les barres."
    ),
    too_high=(
        "le modèle de classe a une mémoire bien plus courte. Lisez la phrase sous les "
        "barres : « le modèle a tenu compte des … derniers tokens »."
    ),
    why=(
        "le modèle de classe ne regarde que les trois derniers tokens : c'est un modèle "
        "à 4-grammes. Les grands modèles en prennent en compte des milliers, mais le principe "
        "est le même : prédire le token suivant d'après ceux qui précèdent."
    ),
    hints=(
        "La phrase sous les barres dit combien de tokens le modèle a utilisés.",
        "Avec un début de phrase très courant dans les comptes rendus, le modèle utilise "
        "le plus de tokens possible.",
    ),
    solution=(
        "tokens_de_contexte = 3 : le modèle de classe prédit le token suivant d'après les "
        "trois tokens qui précèdent, au plus. Quand cette suite de trois tokens n'apparaît "
        "jamais dans le corpus, il se contente de deux, d'un, voire d'aucun."
    ),
    reference=CONTEXT_TOKENS,
    wrong_examples=(10, 1, 0),
)

REPETITIVE_TEMPERATURE = MultipleChoice(
    id="q3",
    variable="reponse_temperature",
    question="Quelle température donne le texte le plus répétitif ?",
    options={
        "A": "Une température de 0,1.",
        "B": "Une température de 1.",
        "C": "Une température de 1,8.",
    },
    correct="A",
    why=(
        "à basse température, le modèle reprend presque toujours le token le plus probable : "
        "il retombe sur les mêmes tournures et peut tourner en boucle."
    ),
    advice={
        "B": "à 1, le modèle tire au sort avec ses probabilités telles quelles. Déplacez "
        "le curseur vers la gauche et regardez la suite.",
        "C": "à 1,8, les tokens rares sortent souvent : le texte est varié, voire incohérent, "
        "mais pas répétitif.",
    },
    hints=(
        "Déplacez le curseur et lisez la suite tirée sous les barres.",
        "Plus la température baisse, plus la barre du token en tête grandit.",
    ),
    solution=(
        'reponse_temperature = "A" : à 0,1, le token le plus probable gagne presque toujours, '
        "et le texte se répète."
    ),
    reference="A",
    wrong_examples=("C", "B"),
)

DISTINCT_AT_ZERO = NumberInRange(
    id="q4",
    variable="suites_differentes",
    question=(
        "Mettez le curseur « Température » du widget ci-dessus **tout à gauche, sur 0**. Combien "
        "de suites différentes obtenez-vous sur les trois tirages ?"
    ),
    expected=1,
    tolerance=0,
    too_low="il y a toujours au moins une suite : relisez les trois colonnes.",
    too_high=(
        "à la température 0, comparez de nouveau les colonnes, mot à mot. Vérifiez aussi que "
        "le curseur est bien tout à gauche, sur 0."
    ),
    why=(
        "à la température 0, le modèle prend toujours le token le plus probable : le tirage "
        "au sort ne joue plus, et les trois suites sont identiques."
    ),
    hints=(
        "Poussez le curseur « Température » tout à gauche.",
        "Lisez la phrase sous les trois colonnes : elle compte les suites différentes.",
    ),
    solution=(
        "suites_differentes = 1 : à la température 0, il n'y a plus de hasard, "
        "les trois tirages donnent la même suite."
    ),
    reference=1,
    wrong_examples=(3, 2, 0),
)

UNKNOWABLE = MultipleChoice(
    id="q5",
    variable="reponse_invention",
    question="Laquelle de ces informations le modèle de classe **ne peut-il pas** connaître ?",
    options={
        "A": "La façon dont commence une délibération du conseil municipal.",
        "B": "Le résultat du vote du conseil municipal de lundi prochain.",
        "C": "La formule de politesse qui termine une lettre de la mairie.",
    },
    correct="B",
    why=(
        "le modèle ne sait que ce qui revient souvent dans ses textes d'entraînement. Un vote "
        "à venir n'est dans aucun texte : s'il en parle, il invente, avec la même assurance."
    ),
    advice={
        "A": "les délibérations du corpus commencent presque toutes de la même façon : "
        "le modèle l'a vu des dizaines de fois.",
        "C": "les lettres du corpus finissent par des formules de politesse : le modèle "
        "les a apprises.",
    },
    hints=(
        "Demandez-vous : cette information se trouve-t-elle dans les textes du corpus ?",
        "Une tournure fréquente s'apprend ; un événement qui n'a pas encore eu lieu, non.",
    ),
    solution=(
        'reponse_invention = "B" : un événement à venir ne figure dans aucun texte. '
        "Le modèle peut écrire un résultat plausible, mais il l'invente."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

CHECKING = ReflectiveQuestion(
    id="verifier",
    question=(
        "Un agent vous transmet un courrier rédigé avec une IA générative, qui cite une date de "
        "délibération et un montant. Que vérifiez-vous avant de l'envoyer ?"
    ),
    model_answer=(
        "Les dates, les montants, les noms et les références de textes : le modèle écrit ce "
        "qui est probable, pas ce qui est vrai. On les compare aux documents de la commune "
        "(délibérations, budget), et la personne qui signe le courrier en reste responsable."
    ),
)

EXERCISES = (TOKEN_COUNT, CONTEXT_LENGTH, REPETITIVE_TEMPERATURE, DISTINCT_AT_ZERO, UNKNOWABLE)

q1 = NotebookExercise(TOKEN_COUNT)
q2 = NotebookExercise(CONTEXT_LENGTH)
q3 = NotebookExercise(REPETITIVE_TEMPERATURE)
q4 = NotebookExercise(DISTINCT_AT_ZERO)
q5 = NotebookExercise(UNKNOWABLE)


def checking_reflection() -> ipw.Widget:
    return reflection_panel(CHECKING)


__all__ = [
    "EXERCISES",
    "EXERCISE_SENTENCE",
    "checking_reflection",
    "count_tokens",
    "download_panel",
    "invention_demo",
    "next_token_bars",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "samples_side_by_side",
    "start",
    "temperature_explorer",
    "token_explorer",
]
