"""Module 11, from a pilot project to its governance: a project sheet to take home.

The learner fills the project canvas, places the project in the AI Act's levels
with the risk questionnaire, drafts the explicit notice and the inventory entry,
and downloads the whole as one sheet. Each view is made once per kernel: running
its cell again shows the same form, so nothing typed is lost.
"""

from __future__ import annotations

from functools import cache

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.projet.document import RISK_TITLE, Section, assessment_sections
from widgets.projet.notices import EXERCISE_DRAFT
from widgets.projet.projects import PROJECTS_BY_ID
from widgets.projet.views.canvas import ProjectCanvas
from widgets.projet.views.notice_drafts import NoticeDrafts
from widgets.projet.views.risk_questionnaire import RiskQuestionnaire
from widgets.projet.views.sheet_download import SheetDownload
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit.session import start

RISK_LEVELS = {
    "A": "Pratique interdite.",
    "B": "Haut risque.",
    "C": "Obligations de transparence (article 50), sans haut risque.",
    "D": "Risque minimal.",
}
LETTER_OF_LEVEL = {"interdit": "A", "haut-risque": "B", "transparence": "C", "minimal": "D"}
PLACEMENT_HINTS = (
    "Posez les questions du questionnaire de la section 4 : l'outil fait-il une pratique "
    "interdite ? Pèse-t-il sur une décision au sujet d'une personne, laquelle ? "
    "Dialogue-t-il avec le public ?",
    "Le niveau retenu est le plus contraignant de ceux qui s'appliquent.",
)


def _placement(number: int, project_id: str, advice: dict[str, str]) -> MultipleChoice:
    """Place one described project of Clairval (`sources/projets.toml`) at its level."""
    project = PROJECTS_BY_ID[project_id]
    letter = LETTER_OF_LEVEL[project.level]
    return MultipleChoice(
        id=f"q{number}",
        variable=f"reponse_q{number}",
        question=(
            f"**{project.title}.** {project.description} "
            "À quel niveau du règlement européen sur l'IA ce projet se place-t-il ?"
        ),
        options=RISK_LEVELS,
        correct=letter,
        advice=advice,
        why=project.why,
        hints=PLACEMENT_HINTS,
        solution=f'reponse_q{number} = "{letter}" : {project.why}',
        reference=letter,
        wrong_examples=tuple(other for other in RISK_LEVELS if other != letter),
    )


FRAUD_SCORE = _placement(
    1,
    "score-fraude",
    {
        "A": "l'interdiction vise la notation sociale : noter des personnes d'après leur "
        "comportement pour les traiter moins bien ailleurs. Ici, le score sert à choisir les "
        "contrôles d'une aide : relisez l'encadré sur l'annexe III.",
        "C": "le score ne dialogue pas avec les habitants ; ce qui compte, c'est qu'il pèse "
        "sur le droit à une aide sociale. Relisez l'encadré sur l'annexe III.",
        "D": "le score pèse sur le droit à une aide sociale : ce n'est pas un usage sans "
        "conséquence pour les personnes. Relisez l'encadré sur l'annexe III.",
    },
)
CHATBOT = _placement(
    2,
    "assistant-demarches",
    {
        "A": "l'assistant ne note personne et ne reconnaît pas d'émotions : aucune pratique de "
        "l'article 5 ne le vise.",
        "B": "l'assistant ne pèse sur aucune décision au sujet d'une personne : aucun point de "
        "l'annexe III ne le vise.",
        "D": "il n'y a pas de décision, mais l'assistant échange avec des habitants : "
        "l'article 50 demande quelque chose dans ce cas. Relisez l'encadré de la section 4.",
    },
)
MAIL_SORTING = _placement(
    3,
    "courrier-services",
    {
        "A": "l'outil ne vise aucune personne : aucune pratique de l'article 5 ne le concerne.",
        "B": "l'outil range des documents ; un agent traite ensuite chaque courrier. Aucune "
        "décision au sujet d'une personne, aucun point de l'annexe III.",
        "C": "l'outil ne dialogue pas avec le public et ne publie rien : l'article 50 ne le "
        "vise pas.",
    },
)

MISSING_IN_NOTICE = MultipleChoice(
    id="q4",
    variable="reponse_q4",
    question=(
        "Voici le brouillon d'une mention explicite, écrit par un agent pour les décisions "
        f"d'attribution des places en crèche :\n\n> « {EXERCISE_DRAFT} »\n\n"
        "D'après l'article R311-3-1-1 du code des relations entre le public et l'administration, "
        "**que manque-t-il ?**"
    ),
    options={
        "A": "Le nom de l'entreprise qui a vendu le logiciel.",
        "B": "Comment exercer ce droit : à quel service, à quelle adresse écrire.",
        "C": "Le code source du logiciel, joint à la décision.",
        "D": "Rien : cette mention suffit.",
    },
    correct="B",
    advice={
        "A": "le texte ne demande pas le nom du fournisseur dans la mention : relisez les "
        "trois choses qu'elle doit contenir, dans l'encadré de la section 5.",
        "C": "le code source peut être demandé comme un document administratif, mais la mention "
        "ne le joint pas. Relisez l'encadré de la section 5.",
        "D": "le brouillon donne le but du traitement et rappelle le droit d'obtenir ses règles ; "
        "l'article R311-3-1-1 demande une troisième chose. Relisez l'encadré de la section 5.",
    },
    why=(
        "la mention explicite donne la finalité du traitement, rappelle le droit d'obtenir ses "
        "règles, et précise comment exercer ce droit. Sans service ni adresse, la famille ne "
        "sait pas à qui écrire."
    ),
    hints=("La mention a trois parties ; comptez celles que le brouillon contient.",),
    solution=(
        'reponse_q4 = "B" : le brouillon donne la finalité et le droit, pas la façon de '
        "l'exercer. Ajoutez par exemple : « Pour exercer ce droit, écrivez au service "
        "petite enfance de la mairie, à son adresse postale ou électronique. »"
    ),
    reference="B",
    wrong_examples=("A", "C", "D"),
)

INVENTORY_THRESHOLD = MultipleChoice(
    id="q5",
    variable="reponse_q5",
    question=(
        "Une commune de **2 000 habitants** emploie **60 agents** en équivalent temps plein. Un "
        "logiciel calcule le tarif de cantine de chaque famille. Doit-elle publier en ligne les "
        "règles de ce traitement, dans l'inventaire de ses principaux traitements algorithmiques "
        "(article L312-1-3 du code des relations entre le public et l'administration) ?"
    ),
    options={
        "A": "Non : elle compte moins de 3 500 habitants.",
        "B": "Oui : elle emploie au moins 50 agents en équivalent temps plein.",
        "C": "Non : seules les communes de plus de 10 000 habitants sont concernées.",
    },
    correct="B",
    advice={
        "A": "le seuil de 3 500 habitants existe, mais il vise une autre obligation (l'ouverture "
        "des données publiques). Relisez l'encadré de la section 5 : que compte le seuil de "
        "l'inventaire ?",
        "C": "aucun seuil de 10 000 habitants dans ce texte. Relisez l'encadré de la section 5 : "
        "que compte le seuil de l'inventaire ?",
    },
    why=(
        "le seuil compte des agents, pas des habitants : seules les administrations de moins de "
        "50 agents en équivalent temps plein sont dispensées. Une petite commune peut donc être "
        "concernée."
    ),
    hints=("Le piège : habitants ou agents ? Relisez l'encadré de la section 5.",),
    solution=(
        'reponse_q5 = "B" : avec 60 agents en équivalent temps plein, la commune dépasse le '
        "seuil de 50 agents ; le nombre d'habitants ne compte pas ici."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

PILOT_CHOICE = ReflectiveQuestion(
    id="reflexion-pilote",
    question=(
        "Si votre commune ne devait lancer **qu'un ou deux projets pilotes**, lesquels "
        "choisiriez-vous, et pourquoi ceux-là ?"
    ),
    model_answer=(
        "Un bon premier projet rend service aux agents et aux habitants, avec peu de risques : "
        "un besoin constaté, un processus déjà décrit, des données disponibles sans données "
        "sensibles, une décision qui reste à un agent. Par exemple, orienter les demandes des "
        "habitants vers le bon service, ou prévoir les tournées de collecte.\n\n"
        "On garde pour plus tard les projets qui pèsent sur des droits (aides sociales, "
        "contrôles) : ils demandent une analyse d'impact, de la transparence et des compétences "
        "que la commune doit d'abord acquérir.\n\n"
        "Pour chaque pilote : un indicateur mesuré avant et pendant l'essai, une date de bilan, "
        "et une règle d'arrêt écrite d'avance."
    ),
)

PUBLIC_PERCEPTION = ReflectiveQuestion(
    id="reflexion-habitants",
    question=(
        "Comment les habitants percevront-ils votre projet ? Qui, parmi les agents, y gagnera ? "
        "**Que ferez-vous avant l'essai pour le savoir ?**"
    ),
    model_answer=(
        "Les habitants : certains craindront qu'une machine décide à leur place, lise leurs "
        "courriers ou les surveille ; d'autres attendront des réponses plus rapides. On le sait "
        "en le leur demandant : conseil de quartier, comité d'usagers, quelques entretiens à "
        "l'accueil.\n\n"
        "Les agents : qui fait la tâche aujourd'hui, quel temps sera libéré, pour quoi faire ? "
        "Associer ces agents dès la description du processus, et leurs représentants, évite "
        "la crainte d'être remplacé et améliore l'outil.\n\n"
        "Avant l'essai : annoncer le projet (bulletin municipal, site), publier ce que fait "
        "l'outil et ce qu'il ne fait pas, dire à qui s'adresser, et revenir devant le conseil "
        "municipal avec le bilan."
    ),
)

EXERCISES = (FRAUD_SCORE, CHATBOT, MAIL_SORTING, MISSING_IN_NOTICE, INVENTORY_THRESHOLD)

q1 = NotebookExercise(FRAUD_SCORE)
q2 = NotebookExercise(CHATBOT)
q3 = NotebookExercise(MAIL_SORTING)
q4 = NotebookExercise(MISSING_IN_NOTICE)
q5 = NotebookExercise(INVENTORY_THRESHOLD)


RISK_NOT_ANSWERED = (
    "Le questionnaire de la section 4 n'a pas encore été rempli en entier : "
    "le niveau de risque reste à établir."
)


@cache
def project_canvas() -> ProjectCanvas:
    """The canvas of this kernel: the same form every time its cell runs."""
    return ProjectCanvas()


@cache
def _questionnaire() -> RiskQuestionnaire:
    return RiskQuestionnaire()


@cache
def _drafts() -> NoticeDrafts:
    return NoticeDrafts()


def risk_questionnaire() -> ipw.VBox:
    return _questionnaire().widget


def notice_drafts() -> ipw.VBox:
    return _drafts().widget


def _sheet_extra() -> list[Section]:
    """The risk level and the two drafts as they read now, for the downloaded sheet."""
    sections: list[Section] = []
    assessment = _questionnaire().assessment
    if assessment is None:
        sections.append(Section(RISK_TITLE, (RISK_NOT_ANSWERED,)))
    else:
        sections += assessment_sections(assessment)
    drafts = _drafts()
    for draft in (drafts.notice, drafts.entry):
        if draft is not None:
            sections.append(Section(draft.title, draft.paragraphs, draft.bullets))
    return sections


def sheet_download() -> SheetDownload:
    return SheetDownload(
        project_canvas(),
        extra=_sheet_extra,
        extra_label="Ajouter le niveau de risque (section 4) et les deux brouillons (section 5)",
    )


def pilot_reflection() -> ipw.VBox:
    return reflection_panel(PILOT_CHOICE)


def perception_reflection() -> ipw.VBox:
    return reflection_panel(PUBLIC_PERCEPTION)


__all__ = [
    "EXERCISES",
    "download_panel",
    "notice_drafts",
    "perception_reflection",
    "pilot_reflection",
    "project_canvas",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "risk_questionnaire",
    "sheet_download",
    "start",
]
