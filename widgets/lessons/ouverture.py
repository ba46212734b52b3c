"""Module 07, open or proprietary models: what « open » hides, on real, dated ratings.

The ratings come from the European Open Source AI Index (see
`widgets/ouverture/index.toml`); every exercise asks the learner to decide
from the grid, and its answer follows from those ratings (a test checks it).
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.ouverture.checklist import vendor_questions
from widgets.ouverture.html import vendor_checklist
from widgets.ouverture.index import openness_index
from widgets.ouverture.views.grid import ComparisonGrid
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit.session import start

SELF_HOSTING = MultipleChoice(
    id="q1",
    variable="reponse_q1",
    question=(
        "La commune veut faire tourner un modèle **sur ses propres serveurs**, ou chez "
        "l'hébergeur de son choix, sans dépendre de l'éditeur ni d'une licence maison. "
        "Selon l'indice, quels modèles ont à la fois des **poids du modèle final ouverts** et "
        "des **licences ouvertes** ?"
    ),
    options={
        "A": "Llama 3.1 et GPT OSS.",
        "B": "Lucie et OLMo.",
        "C": "Mistral NeMo et Llama 3.1.",
        "D": "Les cinq : ils se présentent tous comme ouverts.",
    },
    correct="B",
    advice={
        "A": "regardez la ligne « Licences » : Llama 3.1 y est fermé et GPT OSS partiel.",
        "C": "regardez la ligne « Poids du modèle final » : Mistral NeMo y est partiel, "
        "Llama 3.1 fermé.",
        "D": "se dire ouvert ne suffit pas : l'indice note chaque critère à part. Regardez les "
        "lignes « Poids du modèle final » et « Licences ».",
    },
    why=(
        "Lucie et OLMo sont notés ouverts sur les deux lignes : on peut télécharger le modèle, "
        "l'héberger où l'on veut et s'en servir sous une licence open source. Pour les autres, "
        "soit les poids, soit la licence posent une condition."
    ),
    hints=(
        "Dans le menu, gardez les cinq modèles et lisez deux lignes seulement.",
        "Ligne « Poids du modèle final » (groupe Disponibilité), puis ligne « Licences » "
        "(groupe Accès) : il faut « ● ouvert » sur les deux.",
    ),
    solution=(
        'reponse_q1 = "B" : Lucie et OLMo ont « ouvert » pour les poids du modèle final et '
        "pour les licences. GPT OSS a des poids ouverts mais des licences partielles ; Mistral "
        "NeMo a des poids finaux partiels ; Llama 3.1 est fermé sur les deux lignes."
    ),
    reference="B",
    wrong_examples=("A", "C", "D"),
)

WEIGHTS_ARE_NOT_DATA = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "Un fournisseur vous dit : « notre outil utilise GPT OSS, un modèle à poids ouverts ». "
        "D'après l'indice, qu'est-ce que ces poids ouverts **ne garantissent pas** ?"
    ),
    options={
        "A": "Qu'on puisse télécharger le modèle.",
        "B": "Qu'on sache sur quelles données il a été entraîné.",
        "C": "Qu'on puisse le faire tourner sur une machine de la commune, sans passer par OpenAI.",
    },
    correct="B",
    advice={
        "A": "c'est justement ce que donnent des poids ouverts : regardez la ligne « Poids du "
        "modèle final ».",
        "C": "avec les poids, on peut faire tourner le modèle où l'on veut, si la machine est "
        "assez puissante. Cherchez plutôt une ligne notée « fermé ».",
    },
    why=(
        "les poids sont le résultat de l'entraînement, pas sa recette : les données "
        "d'entraînement de GPT OSS sont notées fermées, son code d'entraînement aussi. On ne peut "
        "donc vérifier ni ses biais, ni la place du français, ni les droits sur ses données."
    ),
    hints=(
        "Choisissez GPT OSS seul dans le menu : sous la grille, la liste dit ce que ses poids "
        "ne garantissent pas.",
    ),
    solution=(
        'reponse_q2 = "B" : pour GPT OSS, l\'indice note « fermé » les données du modèle de base '
        "et du modèle final, ainsi que le code d'entraînement."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

OPEN_WASHING = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(
        "Un éditeur annonce un modèle « open source ». Il publie les poids, mais il faut "
        "accepter une licence maison pour les télécharger, et rien sur les données ni sur le "
        "code d'entraînement. Que faut-il en conclure ?"
    ),
    options={
        "A": "C'est un modèle open source : les poids sont publiés.",
        "B": "C'est ce que l'indice appelle de l'« open-washing » : l'étiquette dit plus que ce "
        "qui est ouvert. Il faut regarder critère par critère.",
        "C": "C'est un modèle fermé : on ne peut rien en faire.",
    },
    correct="B",
    advice={
        "A": "des poids sous licence maison, sans données ni code : regardez comment l'indice "
        "note Llama 3.1, qui est dans ce cas.",
        "C": "les poids sont tout de même publiés : on peut s'en servir, aux conditions de la "
        "licence. Le problème est l'étiquette « open source ».",
    },
    why=(
        "publier les poids sous conditions ne fait pas un modèle open source. Llama 3.1 est "
        "dans ce cas : l'indice note ses poids partiels ou fermés, ses données et ses licences "
        "fermées."
    ),
    hints=(
        "Comparez ce cas à la colonne Llama 3.1 de la grille.",
        "L'encadré sur l'« open-washing », plus haut, donne la définition des auteurs.",
    ),
    solution=(
        'reponse_q3 = "B" : l\'étiquette « open source » ne suffit pas. Comme pour Llama 3.1, '
        "l'indice noterait « partiel » ou « fermé » les poids, et « fermé » les données, le code "
        "d'entraînement et les licences."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

VENDOR_MEETING = ReflectiveQuestion(
    id="reflexion",
    question=(
        "Un fournisseur présente à la commune un assistant « souverain, basé sur un modèle "
        "ouvert ». **Quelles trois questions lui posez-vous en premier, et pourquoi ?**"
    ),
    model_answer=(
        "Le modèle : lequel, dans quelle version, et comment l'indice européen de l'IA open "
        "source le note-t-il ? « Basé sur un modèle ouvert » ne dit pas ce qui est ouvert.\n\n"
        "L'hébergement : où tourne-t-il, dans quel pays, chez qui ? Pouvons-nous l'héberger "
        "nous-mêmes ou chez l'hébergeur de notre choix ? Que deviennent les textes de nos "
        "agents, et sont-ils réutilisés ?\n\n"
        "La sortie : sous quelle licence, et comment récupérer nos données et changer de "
        "fournisseur si le contrat s'arrête ?\n\n"
        "Associez le délégué à la protection des données dès le début : les textes envoyés "
        "peuvent contenir des données personnelles d'habitants."
    ),
)

EXERCISES = (SELF_HOSTING, WEIGHTS_ARE_NOT_DATA, OPEN_WASHING)

q1 = NotebookExercise(SELF_HOSTING)
q2 = NotebookExercise(WEIGHTS_ARE_NOT_DATA)
q3 = NotebookExercise(OPEN_WASHING)


def openness_grid() -> ComparisonGrid:
    """The five rated models, all selected, with the menu to pick some."""
    return ComparisonGrid(openness_index())


def vendor_questions_list() -> ipw.HTML:
    return ipw.HTML(vendor_checklist(vendor_questions()))


def reflection() -> ipw.VBox:
    return reflection_panel(VENDOR_MEETING)


__all__ = [
    "EXERCISES",
    "download_panel",
    "openness_grid",
    "q1",
    "q2",
    "q3",
    "reflection",
    "start",
    "vendor_questions_list",
]
