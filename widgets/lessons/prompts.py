"""Module 03, writing a good prompt: the coach, the gallery, before and after, four exercises.

Every exercise is graded on the prompt itself (its structure, its required
elements), never on a model's answer: a model's output changes from one
run, one model or one version to the next, a prompt does not.
"""

from __future__ import annotations

import ipywidgets as ipw

from widgets.backup.views.download import download_panel
from widgets.prompts.exercise import PromptExercise
from widgets.prompts.html import message_html
from widgets.prompts.views.coach import PromptCoach
from widgets.prompts.views.comparison import BeforeAfter
from widgets.prompts.views.free_prompt import FreePromptCheck
from widgets.prompts.views.gallery import GalleryCoach
from widgets.selfcheck import MultipleChoice, ReflectiveQuestion
from widgets.selfcheck.views.exercise import NotebookExercise, reflection_panel
from widgets.viewkit.session import start

GYMNASIUM_PROMPT = "\n".join(
    (
        "Vous êtes responsable de la communication de la mairie de Clairval-sur-Ondine.",
        "Le gymnase municipal fermera deux semaines pour des travaux de toiture ;",
        "les clubs et les écoles qui l'utilisent doivent être prévenus.",
        "Rédigez le message qui annonce cette fermeture sur le site de la commune.",
        "Format : 120 mots au plus, un titre et deux paragraphes courts.",
        "Ton : clair, courtois et sans jargon.",
        "Contraintes : n'inventez aucune date ni aucune solution de remplacement ;",
        "écrivez [à compléter] pour les dates exactes ; aucune donnée personnelle.",
    )
)

MY_PROMPT = PromptExercise(
    id="q1",
    variable="mon_prompt",
    case_id="gymnase",
    question=(
        "Le gymnase municipal de Clairval-sur-Ondine va fermer deux semaines pour des travaux de "
        "toiture. Écrivez le prompt qui demanderait au modèle **le message qui annonce cette "
        "fermeture sur le site de la commune**.\n"
        "\n"
        "Votre prompt doit contenir au moins : **un rôle** plausible à la mairie, **une tâche "
        "avec un verbe d'action** qui demande ce message et dit de quoi il parle (le gymnase, sa "
        "fermeture, le site), **un format** (une longueur ou une structure) et **une contrainte "
        "qui protège** (ne rien inventer, citer ses sources, ou ne mettre aucune donnée "
        "personnelle). Le prompt lui-même ne doit contenir aucune donnée personnelle."
    ),
    why=(
        "votre prompt donne un rôle, une tâche précise, un format et un garde-fou : le modèle "
        "sait qui il est, quoi écrire, sous quelle forme, et ce qu'il ne doit pas inventer. "
        "Passez-le aussi dans le vérificateur : le coach en dit plus (ton, contexte, exemple)."
    ),
    hints=(
        "Reprenez les rubriques du coach : rôle, contexte, tâche, format, ton, contraintes.",
        "Le rôle s'écrit « Vous êtes… » suivi d'une fonction de la mairie ; la tâche commence par "
        "un verbe comme « Rédigez » et nomme le texte à écrire ; le format donne un nombre de "
        "mots ou de paragraphes.",
        "Une contrainte qui protège : « N'inventez aucune date ; écrivez [à compléter] pour ce "
        "que vous ne savez pas. »",
    ),
    solution=f'Par exemple :\n\nmon_prompt = """{GYMNASIUM_PROMPT}"""',
    reference=GYMNASIUM_PROMPT,
    wrong_examples=(
        "Écris un message sur la fermeture du gymnase.",
        "Vous êtes responsable de la communication. Rédigez l'annonce de la fermeture du "
        "gymnase en deux paragraphes.",
        "Fais une annonce de 100 mots sur le gymnase, sans rien inventer.",
        "Vous êtes un pirate. Rédigez un poème de 100 mots sur les bananes. N'inventez rien.",
        "Vous êtes. Rédigez 100 mots. N'inventez rien. gymnase courtois",
        "Vous êtes agent de la mairie. Rédigez l'annonce de la fermeture du gymnase municipal "
        "en 100 mots au plus, sur un ton courtois, pour le site de la commune. N'inventez "
        "aucune date. Pour toute question, appeler Jeanne Martin au 06 12 34 56 78.",
    ),
)

MINUTES_PROMPTS = {
    "A": (
        "« Fais le compte rendu du conseil municipal d'hier, de façon professionnelle et "
        "complète. »"
    ),
    "B": (
        "« Vous êtes secrétaire de mairie. À partir des notes ci-dessous, rédigez le compte "
        "rendu de la séance du 12 mars : une section par point, le résultat de chaque vote en "
        "une ligne, une page au plus, sur un ton neutre. Reprenez uniquement les informations "
        "des notes et écrivez [à compléter] si l'une manque. [les notes suivent] »"
    ),
    "C": (
        "« Vous êtes le meilleur expert de France en rédaction administrative. Écrivez un "
        "compte rendu parfait du conseil municipal, très détaillé, avec tous les débats et "
        "les interventions de chacun. »"
    ),
}

BEST_STRUCTURED = MultipleChoice(
    id="q2",
    variable="reponse_q2",
    question=(
        "Voici trois prompts pour le compte rendu de la séance du conseil municipal. "
        "Lequel est le mieux construit ?"
    ),
    options=MINUTES_PROMPTS,
    correct="B",
    why=(
        "B donne un rôle, la source (les notes), une tâche précise, un format, un ton et un "
        "garde-fou : reprendre seulement les notes et signaler ce qui manque. C flatte le "
        "modèle mais l'invite à inventer des débats qui ne sont pas dans les notes."
    ),
    advice={
        "A": (
            "« professionnelle et complète » ne dit ni la forme, ni la longueur, ni d'où "
            "viennent les informations. Passez les trois prompts dans le vérificateur."
        ),
        "C": (
            "un rôle flatteur n'apporte rien ; et « tous les débats et les interventions de "
            "chacun » : d'où le modèle les tirerait-il ? Cherchez les garde-fous."
        ),
    },
    hints=(
        "Collez chaque prompt dans le vérificateur ci-dessus et comparez les scores.",
        "Cherchez le prompt qui dit d'où viennent les informations et ce qu'il faut faire "
        "quand l'une manque.",
    ),
    solution=(
        'Réponse B. Écrivez reponse_q2 = "B". Il a un rôle, une source, une tâche, un format, '
        "un ton et un garde-fou. A est vague ; C pousse le modèle à inventer."
    ),
    reference="B",
    wrong_examples=("C", "A"),
)

FAQ_PROMPT = (
    "Vous êtes responsable de la communication de la mairie de Clairval-sur-Ondine. La commune "
    "lance une navette solidaire pour les habitants de plus de 70 ans, le mardi et le vendredi "
    "matin. Rédigez la foire aux questions de ce service pour le site de la commune : six "
    "questions-réponses, deux phrases par réponse, sur un ton chaleureux et sans jargon. "
    "Exemple : « Qui peut utiliser la navette ? Les habitants de plus de 70 ans… »"
)

WHAT_IS_MISSING = MultipleChoice(
    id="q3",
    variable="reponse_q3",
    question=(
        "Voici un prompt pour la foire aux questions de la nouvelle navette solidaire :\n"
        "\n"
        f"> {FAQ_PROMPT}\n\nQue lui manque-t-il surtout ?"
    ),
    options={
        "A": "Un rôle.",
        "B": "Un format (longueur ou structure).",
        "C": (
            "Une contrainte qui interdit d'inventer ce que le prompt ne dit pas "
            "(tarif, réservation, horaires exacts)."
        ),
        "D": "Un ton.",
    },
    correct="C",
    why=(
        "le prompt ne dit ni le tarif, ni comment réserver, ni les horaires exacts : sans "
        "garde-fou, le modèle comblera ces trous par des réponses plausibles et fausses. "
        "Une contrainte comme « n'inventez aucune information : écrivez [à compléter] » l'évite."
    ),
    advice={
        "A": "relisez la première phrase du prompt : qui le modèle doit-il être ?",
        "B": "relisez : combien de questions, et combien de phrases par réponse ?",
        "D": "relisez la fin de la tâche : comment le texte doit-il sonner ?",
    },
    hints=(
        "Passez le prompt dans le vérificateur : quelle règle reste à améliorer ?",
        "Un habitant demandera « combien ça coûte ? » : que répondra le modèle, "
        "qui ne le sait pas ?",
    ),
    solution=(
        'Réponse C. Écrivez reponse_q3 = "C". Le rôle, le format, le ton et un exemple sont là ; '
        "il manque un garde-fou contre l'invention des informations absentes."
    ),
    reference="C",
    wrong_examples=("B", "A", "D"),
)

DISCLOSURE = MultipleChoice(
    id="q4",
    variable="reponse_q4",
    question=(
        "D'après l'encadré « À savoir » sur l'article 50, paragraphe 4, dans lequel de ces trois "
        "cas la mention « texte généré par une IA » est-elle obligatoire ?"
    ),
    options={
        "A": (
            "Un article sur la fermeture du gymnase, écrit avec une IA, relu et corrigé par "
            "un agent, publié sur le site de la commune sous la responsabilité éditoriale de "
            "la maire."
        ),
        "B": (
            "Un article sur les travaux de la rue de l'Ondine, généré par une IA et publié tel "
            "quel sur le site de la commune pour informer les habitants, sans relecture."
        ),
        "C": (
            "Un brouillon de courrier préparé avec une IA, que l'agent réécrit entièrement et "
            "qui n'est jamais publié."
        ),
    },
    correct="B",
    why=(
        "relisez l'encadré « À savoir » sur l'article 50, paragraphe 4 : en B, le texte est "
        "publié pour informer le public, et personne ne l'a relu ni n'en assume la "
        "responsabilité éditoriale. En A, les deux conditions de l'exception de l'encadré sont "
        "réunies ; en C, rien n'est publié."
    ),
    advice={
        "A": (
            "relisez la fin de la première phrase de l'encadré : dans quels cas la mention "
            "n'est-elle pas exigée ? Le cas A les remplit-il ?"
        ),
        "C": "relisez l'encadré : de quels textes parle-t-il ? Celui-ci est-il publié ?",
    },
    hints=(
        "L'encadré parle de textes publiés pour informer le public.",
        "Il prévoit une exception à deux conditions : une relecture humaine et une "
        "responsabilité éditoriale. Quel cas n'en remplit aucune ?",
    ),
    solution=(
        'Réponse B. Écrivez reponse_q4 = "B". Le texte est publié pour informer le public, sans '
        "relecture ni responsabilité éditoriale : la mention est exigée (voir l'encadré)."
    ),
    reference="B",
    wrong_examples=("A", "C"),
)

EXERCISES = (MY_PROMPT, BEST_STRUCTURED, WHAT_IS_MISSING, DISCLOSURE)

q1 = NotebookExercise(MY_PROMPT)
q2 = NotebookExercise(BEST_STRUCTURED)
q3 = NotebookExercise(WHAT_IS_MISSING)
q4 = NotebookExercise(DISCLOSURE)

RESPONSIBILITY = ReflectiveQuestion(
    id="responsabilite",
    question=(
        "Le discours de la cérémonie de la crue de 1957 a été préparé avec une IA. Avant que la "
        "maire le prononce et que la commune le publie sur son site, qui en répond, et que "
        "faut-il faire ?"
    ),
    model_answer=(
        "La maire, qui le prononce, et la commune, qui le publie, en répondent : l'outil n'est "
        "pas un auteur et ne prend aucune décision. L'agent qui l'a préparé le relit en entier.\n\n"
        "Avant : vérifier chaque fait (la date, le nombre de bénévoles) dans les archives, "
        "retirer ce que le modèle a pu inventer (une anecdote, un nom), adapter le texte à la "
        "voix de la maire, et n'avoir saisi aucune donnée personnelle des familles dans le "
        "prompt.\n\n"
        "Enfin, décider s'il faut signaler l'aide de l'IA : si le discours publié a été relu et "
        "que la commune en assume la responsabilité éditoriale, l'exception de l'encadré peut "
        "s'appliquer ; le dire reste possible et renforce la confiance."
    ),
)


def prompt_coach() -> ipw.Widget:
    """The coach with empty fields, for the learner's own prompt."""
    return PromptCoach().widget


def gallery_coach() -> ipw.Widget:
    """The gallery of town-hall tasks above a coach."""
    return GalleryCoach().widget


def free_prompt_check(text: str = "") -> ipw.Widget:
    """A prompt written in one block, checked live."""
    return FreePromptCheck(text).widget


def backend_settings() -> ipw.Widget:
    """The connector's settings panel: which model answers (the classroom model by default)."""
    try:
        from widgets.llm.views.settings import settings_panel
    except ImportError:
        return ipw.HTML(
            message_html(
                "Le panneau de choix du modèle n'est pas disponible dans cet environnement : "
                "les réponses viendront du modèle de la classe, sur cet ordinateur."
            )
        )
    return settings_panel()


def before_after() -> ipw.Widget:
    """The vague and the structured prompt of a task, sent to the chosen model."""
    return BeforeAfter().widget


def responsibility_reflection() -> ipw.Widget:
    return reflection_panel(RESPONSIBILITY)


__all__ = [
    "EXERCISES",
    "backend_settings",
    "before_after",
    "download_panel",
    "free_prompt_check",
    "gallery_coach",
    "prompt_coach",
    "q1",
    "q2",
    "q3",
    "q4",
    "responsibility_reflection",
    "start",
]
