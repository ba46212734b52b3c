"""Module 05, checking answers: search the commune's documents, check each sentence against them.

The passage index is built the first time a widget or a check needs it (a
fraction of a second). The summary, the passages and the sentence of the
exercises are data (`widgets/verifier/exercises.toml`), written by hand from
the corpus; the exercises' questions are here.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.arguments import read_text
from widgets.backup.views.download import download_panel
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.verifier.exercises import exercise_texts
from widgets.verifier.html import labelled_html
from widgets.verifier.views.answer import AnswerWithSources
from widgets.verifier.views.search import PassageSearch
from widgets.viewkit.session import start

_TEXTS = exercise_texts()

WATER_SOURCE = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question=(f"Voici une affirmation : « {_TEXTS.water_claim} » **Quel passage l'étaye ?**"),
    options={
        passage.label: f"{passage.text} ({passage.title})" for passage in _TEXTS.water_passages
    },
    correct="B",
    advice={
        "A": "ce passage vient bien de la séance de 2023, mais il porte sur le rapport de "
        "l'année 2022, et son prix n'est pas celui de l'affirmation.",
        "C": "ce passage porte sur le rapport de l'année 2024 : ni l'année ni le prix ne "
        "correspondent.",
    },
    why=(
        "le rapport sur l'année 2023 est présenté au conseil en septembre 2024 : 2,49 € le mètre "
        "cube. Une date de séance et l'année dont parle un rapport sont deux choses différentes : "
        "un modèle de langue les confond facilement, un relecteur doit les distinguer."
    ),
    hints=(
        "Cherchez dans chaque passage l'année du rapport, pas la date de la séance.",
        "Un seul passage contient à la fois « rapport 2023 » et « 2,49 € ».",
    ),
    solution=(
        'reponse_q1 = "B" : la séance du 26 septembre 2024 prend acte du rapport 2023, '
        "2,49 € le mètre cube."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

INVENTED_CLAIM = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "Une seule phrase du résumé contient une affirmation **inventée**. Laquelle ? "
        "Vérifiez avec le widget, puis **relisez vous-même** le passage qu'il montre."
    ),
    options={sentence.label: sentence.text for sentence in _TEXTS.summary},
    correct=_TEXTS.invented_label,
    advice={
        sentence.label: "le widget trouve un passage qui contient ses mots, ses chiffres et ses "
        "dates : relisez la phrase que le widget marque « non étayée »."
        for sentence in _TEXTS.summary
        if not sentence.invented
    },
    why=(
        "le compte rendu dit « 17 créances irrécouvrables pour 1 284,60 € » ; le résumé écrit "
        "1 824,60 €. Deux chiffres inversés : une erreur qu'un lecteur pressé ne voit pas, "
        "mais qu'une comparaison chiffre par chiffre attrape."
    ),
    hints=(
        "Collez le résumé dans le widget « Réponse avec ses sources » (il y est déjà) et "
        "cherchez la phrase marquée « non étayée ».",
        "Comparez les montants de cette phrase avec ceux du passage affiché dessous.",
    ),
    solution=(
        f'reponse_q2 = "{_TEXTS.invented_label}" : le compte rendu de la séance du 28 septembre '
        "2023 admet en non-valeur 17 créances pour 1 284,60 €, et non 1 824,60 €."
    ),
    reference=_TEXTS.invented_label,
    wrong_examples=tuple(s.label for s in _TEXTS.summary if not s.invented)[:3],
)

NEGATION = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(f"Le widget marque « étayée » la phrase : « {_TEXTS.negation} » Que faites-vous ?"),
    options={
        "A": "Je la publie : le widget a trouvé des passages qui l'étayent.",
        "B": "Je relis les passages : ils disent le contraire. Le widget compare des mots et "
        "des chiffres, pas le sens ; je corrige la phrase.",
        "C": "Je la supprime, parce que tout texte généré est faux.",
    },
    correct="B",
    advice={
        "A": "essayez la phrase dans le widget et lisez les passages : que dit le compte rendu "
        "du vote de la délibération n° 2023-027 ?",
        "C": "la plupart des phrases d'un texte généré peuvent être justes ; il s'agit de "
        "vérifier chacune, pas de tout jeter.",
    },
    why=(
        "le compte rendu dit que la délibération n° 2023-027 est adoptée à l'unanimité. La "
        "phrase partage ses mots et ses chiffres avec lui, mais « n'a pas » en inverse le sens : "
        "un outil de vérification aide à trouver la source, c'est une personne qui la lit."
    ),
    hints=(
        "Collez la phrase dans le widget « Réponse avec ses sources » et lisez le passage "
        "affiché en entier.",
        "Quel mot de la phrase change tout, et le widget en tient-il compte ?",
    ),
    solution=(
        'reponse_q3 = "B" : la délibération a été adoptée à l\'unanimité ; la règle du widget '
        "ne lit pas la négation, la relecture humaine reste nécessaire."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

DEEPFAKE = MultipleChoice(
    id="q4",
    variable="reponse_q4",
    question=(
        "Pour annoncer l'inauguration de la rue des Tanneurs, le service communication fait "
        "produire par une IA une **photo réaliste** de la maire coupant le ruban, une scène qui "
        "n'a jamais eu lieu. L'image doit paraître dans le bulletin municipal, après le 2 août "
        "2026. **Que faut-il faire ?**"
    ),
    options={
        "A": "Rien : c'est une simple image d'illustration.",
        "B": "Il suffit qu'un agent l'ait relue avant publication.",
        "C": "Indiquer clairement que l'image a été générée par une IA, ou renoncer à montrer "
        "une scène qui n'a pas eu lieu.",
    },
    correct="C",
    advice={
        "A": "une image réaliste d'une personne réelle dans une scène inventée est un "
        "hypertrucage : relisez l'encadré sur l'article 50.",
        "B": "l'exception de la relecture humaine vise les textes publiés pour informer le "
        "public ; relisez l'encadré : que dit-il des hypertrucages ?",
    },
    why=(
        "une image réaliste qui montre une personne réelle dans une scène inventée est un "
        "hypertrucage (deepfake) : le règlement européen sur l'IA demande de signaler qu'elle a "
        "été produite par une IA. Montrer une fausse scène à la population pose aussi une "
        "question de confiance, au-delà du droit."
    ),
    hints=(
        "La scène n'a jamais eu lieu, mais l'image la montre comme vraie.",
        "Relisez l'encadré de l'article 50, paragraphe 4 : la relecture humaine dispense-t-elle "
        "de signaler une image truquée ?",
    ),
    solution=(
        "reponse_q4 = \"C\" : c'est un hypertrucage ; l'article 50, paragraphe 4 demande de le "
        "signaler. Mieux encore : publier une vraie photo de l'inauguration."
    ),
    reference="C",
    wrong_examples=("A", "B"),
)

REUSE = ReflectiveQuestion(
    id="reflexion",
    question=(
        "Votre commune veut publier sur son site un texte et une image produits avec une IA "
        "générative. **Quelles questions poser avant de publier ?**"
    ),
    model_answer=(
        "Exactitude : chaque chiffre, date et nom a-t-il été comparé à sa source ? Qui a relu, "
        "et qui assume la responsabilité éditoriale ?\n\n"
        "Transparence : le texte informe-t-il le public sur une question d'intérêt public sans "
        "relecture humaine ? L'image montre-t-elle une personne, un lieu ou un événement réels "
        "de façon trompeuse ? Dans ces cas, il faut le signaler.\n\n"
        "Droits : que disent les conditions d'utilisation de l'outil sur la réutilisation de "
        "ce qu'il produit ? Le texte ou l'image reprennent-ils de près une œuvre existante ? "
        "Sur la protection du contenu généré lui-même, le droit n'est pas tranché : en cas de "
        "doute, demander au service juridique ou à un juriste.\n\n"
        "Données : le prompt contenait-il des données personnelles (voir le module 04) ?"
    ),
)

EXERCISES = (WATER_SOURCE, INVENTED_CLAIM, NEGATION, DEEPFAKE)

q1 = NotebookExercise(WATER_SOURCE)
q2 = NotebookExercise(INVENTED_CLAIM)
q3 = NotebookExercise(NEGATION)
q4 = NotebookExercise(DEEPFAKE)


def summary() -> ipw.HTML:
    """The generated-looking summary, sentence by sentence, with its letters."""
    entries = [(s.label, s.text) for s in _TEXTS.summary]
    return ipw.HTML(labelled_html(_TEXTS.summary_title, entries, _TEXTS.summary_intro))


def search(question: str = "") -> ipw.Widget:
    """The search box over every passage of the commune's documents."""
    return PassageSearch(read_text(question, "la question")).widget


def answer_with_sources(answer: str | None = None) -> ipw.Widget:
    """The « réponse avec ses sources » widget, filled with the summary unless told otherwise."""
    text = _TEXTS.summary_text if answer is None else read_text(answer, "la réponse")
    return AnswerWithSources(text).widget


def reflection() -> ipw.VBox:
    return reflection_panel(REUSE)


__all__ = [
    "EXERCISES",
    "answer_with_sources",
    "download_panel",
    "q1",
    "q2",
    "q3",
    "q4",
    "reflection",
    "search",
    "start",
    "summary",
]
