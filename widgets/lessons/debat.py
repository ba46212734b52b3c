"""Module 12, debating AI in the commune: cards, a room vote, what the group retains.

The cards come from `widgets/debat/sources/cartes.toml`. The deck and the
closing card are made once per kernel and shown again when their cell runs
again, so a re-run cell keeps the room's votes and the text typed so far.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.debat.cards import closing_card, load_cards
from widgets.debat.views.closing import ClosingCard
from widgets.debat.views.deck import CardDeck
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit.session import start

WHO_FIRST = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question=(
        "La commune prépare un outil d'IA qui lira des courriers d'habitants, avec leurs noms et "
        "leurs adresses. **Vers qui se tourne-t-elle en premier**, pour les données personnelles ?"
    ),
    options={
        "A": "La CNIL, en lui écrivant directement.",
        "B": "Son délégué à la protection des données.",
        "C": "Le fournisseur de l'outil, qui connaît son produit.",
        "D": "Un Café IA, qui réunit des habitants.",
    },
    correct="B",
    advice={
        "A": "la CNIL publie des conseils utiles à toute commune, et elle conseille elle-même "
        "d'associer d'abord une personne de la commune : laquelle ? Relisez l'encadré de la "
        "carte « À qui peut-on s'adresser ? ».",
        "C": "le fournisseur connaît son outil, pas les obligations de la commune ; il a aussi "
        "intérêt à vendre. Cherchez qui, dans la commune, veille aux données personnelles.",
        "D": "un Café IA aide à entendre les habitants et à débattre, pas à vérifier un "
        "traitement de données personnelles.",
    },
    why=(
        "le délégué à la protection des données est la personne de la commune chargée des "
        "données personnelles ; la CNIL conseille de l'associer dès le début d'un projet d'IA. "
        "Les conseils de la CNIL, les formations du CNFPT et les Cafés IA viennent en plus."
    ),
    hints=(
        "Relisez les positions et les faits de la carte « À qui peut-on s'adresser ? ».",
        "La CNIL elle-même conseille d'associer quelqu'un dès le début : qui ?",
    ),
    solution=(
        'reponse_q1 = "B" : le délégué à la protection des données de la commune. La CNIL '
        "recommande de l'associer à tout usage d'une IA générative."
    ),
    reference="B",
    wrong_examples=("A", "C", "D"),
)

DISCLOSURE = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "À partir du 2 août 2026, la commune publie sur son site un article d'information "
        "préparé avec une IA. Dans quel cas peut-elle **ne pas signaler** que le texte a été "
        "généré par une IA (article 50, paragraphe 4, du règlement européen) ?"
    ),
    options={
        "A": "Jamais : tout texte qu'une IA a touché doit être signalé.",
        "B": "Quand une personne a relu le texte et que quelqu'un en assume la responsabilité "
        "éditoriale.",
        "C": "Quand le texte est court, moins d'une page.",
        "D": "Quand l'IA utilisée est un modèle ouvert.",
    },
    correct="B",
    advice={
        "A": "le règlement prévoit une exception : relisez l'encadré sur l'article 50 de la "
        "carte « Un discours écrit avec une IA ».",
        "C": "la longueur du texte ne compte pas dans le règlement : cherchez ce qu'une "
        "personne doit faire avant la publication.",
        "D": "l'ouverture du modèle ne change rien à cette règle : elle porte sur la façon dont "
        "le texte est relu et assumé.",
    },
    why=(
        "l'obligation vise les textes publiés pour informer le public sur des questions "
        "d'intérêt public ; elle tombe quand une personne a relu le texte et que quelqu'un en "
        "assume la responsabilité éditoriale. Le dire reste possible, et souvent utile."
    ),
    hints=("Relisez l'encadré « À savoir » sur l'article 50, paragraphe 4, sous la carte 1.",),
    solution=(
        'reponse_q2 = "B" : relecture humaine et responsabilité éditoriale. Sans elles, le '
        "texte doit être signalé comme généré par une IA."
    ),
    reference="B",
    wrong_examples=("A", "C", "D"),
)

NEUTRAL_HOST = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(
        "Vous animez le débat. Trois personnes ont parlé pour la position A, personne pour la "
        "position C. **Quelle phrase garde l'animation neutre ?**"
    ),
    options={
        "A": "« Ceux qui défendent A ont-ils vraiment pensé aux risques ? »",
        "B": "« Quelqu'un veut-il donner les raisons de la position C, que nous n'avons pas "
        "encore entendue ? »",
        "C": "« Je pense que la bonne réponse est C, mais votons quand même. »",
    },
    correct="B",
    advice={
        "A": "cette question met en doute une position : l'animateur prend parti. Cherchez "
        "une phrase qui donne la parole sans juger.",
        "C": "en donnant votre avis avant le vote, vous pesez sur lui : gardez-le pour la fin, "
        "si on vous le demande.",
    },
    why=(
        "donner la parole à la position que personne n'a défendue élargit le débat sans juger "
        "personne. Chaque position d'une carte est défendable : c'est la règle du jeu."
    ),
    hints=("Une animation neutre donne la parole ; elle ne juge pas et ne vote pas.",),
    solution='reponse_q3 = "B" : on invite la position absente, sans juger les autres.',
    reference="B",
    wrong_examples=("A", "C"),
)

MY_POSITION = ReflectiveQuestion(
    id="reflexion-position",
    question=(
        "Carte « Un discours écrit avec une IA » : **quelle est votre position, et pourquoi ?** "
        "Que diriez-vous au public, le jour de la cérémonie ?"
    ),
    model_answer=(
        "Par exemple : « Un élu peut se faire aider par une IA, comme par une plume, s'il relit, "
        "corrige et assume chaque mot. Pour un texte de mémoire comme le 8 mai, je l'écrirais "
        "moi-même ; pour un texte d'information, je le dirais simplement : \"préparé avec l'aide "
        "d'un outil d'IA, relu et validé par le maire\". »\n\n"
        "Ce qui compte : une position argumentée, la relecture humaine et la responsabilité "
        "éditoriale (ce que demande l'exception de l'article 50, paragraphe 4), et la confiance "
        "des habitants, qui dépend aussi de ce qu'on leur dit."
    ),
)

WHAT_WE_KEEP = ReflectiveQuestion(
    id="reflexion-retenir",
    question=(
        "**Ce que je retiens** : une chose que ma commune fera, une chose qu'elle ne fera pas, "
        "et à qui elle posera ses questions."
    ),
    model_answer=(
        "Par exemple : « Nous ferons : un essai d'assistant pour préparer les comptes rendus, "
        "relus par un agent, et une note aux agents sur ce qu'on peut y saisir. Nous ne ferons "
        "pas : confier une décision sur un habitant à un outil, ni y saisir des données "
        "personnelles. Nous demanderons : à notre délégué à la protection des données, et nous "
        "inviterons les habitants à un Café IA avant de lancer un service qui leur répond. »"
    ),
)

EXERCISES = (WHO_FIRST, DISCLOSURE, NEUTRAL_HOST)

q1 = NotebookExercise(WHO_FIRST)
q2 = NotebookExercise(DISCLOSURE)
q3 = NotebookExercise(NEUTRAL_HOST)


@cache
def cards() -> CardDeck:
    """The deck of debate cards with a room vote per card; the same deck on every call."""
    return CardDeck(load_cards())


@cache
def closing() -> ClosingCard:
    """The card « Ce que nous retenons », saved next to the notebook, with the room's votes."""
    return ClosingCard(closing_card(), Path.cwd(), results=cards().results)


def reflection_position() -> ipw.VBox:
    return reflection_panel(MY_POSITION)


def reflection_keep() -> ipw.VBox:
    return reflection_panel(WHAT_WE_KEEP)


__all__ = [
    "EXERCISES",
    "cards",
    "closing",
    "download_panel",
    "q1",
    "q2",
    "q3",
    "reflection_keep",
    "reflection_position",
    "start",
]
