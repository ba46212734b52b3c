"""Module 04, what not to confide to an AI: the personal-data guard, pseudonymisation, the CNIL.

`start()` also puts the guard on the connector, so that from here on a
prompt with personal data bound for an online model is stopped.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.donnees_personnelles import hook, names
from widgets.donnees_personnelles.views.guard import GuardView
from widgets.selfcheck import MultipleChoice
from widgets.selfcheck.views.exercise import NotebookExercise
from widgets.viewkit.session import start as start_session

WHICH_TEXT = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question=(
        "Vous voulez demander à un chatbot en ligne de reformuler un texte. Lequel de ces trois "
        "textes pouvez-vous lui confier **tel quel** ?"
    ),
    options={
        "A": "« Mme Jeanne Martin, 12 rue des Lilas, demande un délai pour payer la cantine de "
        "ses enfants. »",
        "B": "« Le conseil municipal a voté le 3 avril 2025 la rénovation de l'école Jules "
        "Ferry, rue Victor Hugo. »",
        "C": "« L'usager né le 12 mars 1984, joignable au 06 39 98 12 34, conteste son avis "
        "d'imposition. »",
    },
    correct="B",
    advice={
        "A": "ce texte nomme une personne et donne son adresse : pseudonymisez-le d'abord.",
        "C": "sans nom, la date de naissance et le téléphone permettent quand même de "
        "retrouver la personne : ce sont des données personnelles.",
    },
    why=(
        "une date de vote, une école ou une rue au nom d'un personnage célèbre ne désignent "
        "aucun habitant. Les deux autres textes permettent de reconnaître une personne."
    ),
    hints=(
        "Collez chaque texte dans le garde-fou ci-dessus et lisez ce qu'il repère.",
        "Une donnée est personnelle si elle permet de retrouver quelqu'un, même sans son nom.",
    ),
    solution=(
        'reponse_q1 = "B" : le texte B ne parle d\'aucun habitant ; A nomme une personne et '
        "donne son adresse, C la rend reconnaissable par sa date de naissance et son téléphone."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)
FALSE_POSITIVE = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "Le garde-fou a repéré quatre éléments dans un courrier. Lequel est une **fausse "
        "alerte**, c'est-à-dire un élément qui ne désigne aucune personne ?"
    ),
    options={
        "A": "« Marianne », dans « Les agents du service Marianne ont reçu la Légion "
        "d'honneur. », marqué comme nom de personne.",
        "B": "« Claire François », marqué comme nom de personne.",
        "C": "« 2 84 05 2A 004 012 69 », marqué comme numéro de sécurité sociale.",
        "D": "« 06 39 98 12 34 », marqué comme numéro de téléphone.",
    },
    correct="A",
    advice={
        "B": "c'est bien un prénom et un nom : le garde-fou a raison de le signaler.",
        "C": "ce numéro a la forme et la clé d'un numéro de sécurité sociale né en Corse du "
        "Sud (2A) : c'en est un.",
        "D": "c'est un numéro de téléphone, même s'il est fictif.",
    },
    why=(
        "le modèle des noms prend parfois pour une personne un mot en majuscule qui nomme autre "
        "chose : un service, une œuvre, un label. "
        "Le garde-fou aide, il ne remplace pas une relecture : c'est vous qui décidez."
    ),
    hints=(
        "Trois de ces éléments permettent de joindre ou de reconnaître une personne.",
        "Dans la phrase, « Marianne » est le nom d'un service, pas celui d'une habitante.",
    ),
    solution=(
        "reponse_q2 = \"A\" : « Marianne » est ici le nom d'un service, pas celui d'une personne. "
        "Les trois autres éléments désignent bien une personne ou permettent de la joindre."
    ),
    reference="A",
    wrong_examples=("B", "C", "D"),
)
WHAT_TO_DO = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(
        "Votre service veut utiliser un chatbot pour préparer les réponses aux courriers des "
        "habitants. D'après les conseils de la CNIL (section 1 et module 03), que faire "
        "**d'abord** ?"
    ),
    options={
        "A": "Créer des comptes personnels gratuits pour chaque agent, c'est plus rapide.",
        "B": "Lister les usages permis et interdits, choisir des comptes professionnels et "
        "associer le délégué à la protection des données.",
        "C": "Laisser le chatbot répondre seul aux courriers simples.",
    },
    correct="B",
    advice={
        "A": "avec un compte personnel, la collectivité ne sait pas ce que le fournisseur "
        "fait des textes : la CNIL conseille des comptes professionnels.",
        "C": "la CNIL conseille de ne laisser aucune décision à l'outil : un agent relit et "
        "signe chaque réponse.",
    },
    why=(
        "la CNIL conseille de partir d'un besoin, de lister les usages permis et interdits, "
        "d'utiliser des comptes professionnels et d'associer le délégué à la protection des "
        "données."
    ),
    hints=("Relisez l'encadré « À savoir » de la section 1, et celui du module 03 sur la CNIL.",),
    solution=(
        'reponse_q3 = "B" : on cadre d\'abord les usages, avec des comptes professionnels et '
        "le délégué à la protection des données ; l'outil ne décide jamais seul."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

EXERCISES = (WHICH_TEXT, FALSE_POSITIVE, WHAT_TO_DO)

q1 = NotebookExercise(WHICH_TEXT)
q2 = NotebookExercise(FALSE_POSITIVE)
q3 = NotebookExercise(WHAT_TO_DO)


def start() -> None:
    """Prepare the notebook, start loading the name model, put the guard on the connector."""
    start_session()
    names.start_loading()
    hook.install()


def guard(text: str | None = None) -> ipw.VBox:
    """Paste a text: findings labelled by kind, pseudonymised text, restored answer."""
    return GuardView(text).widget if text is not None else GuardView().widget


__all__ = ["EXERCISES", "download_panel", "guard", "q1", "q2", "q3", "start"]
