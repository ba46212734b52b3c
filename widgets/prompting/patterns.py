"""The words the checklist looks for, as regular expressions.

They are matched on normalised text (lower case, no accents, single
spaces: see `widgets.selfcheck.answers.normalize_text`), so « Rédigez »,
« rédigez » and « REDIGEZ » are the same. Every quantifier is bounded, so
that a 1 MB paste is read in linear time. The same patterns serve the
coach and the graded exercises of module 03: what the coach praises is
what the exercise accepts.
"""

from __future__ import annotations

import re

_ER_VERBS = (
    "redig|resum|propos|reformul|prepar|corrig|compos|formul|expliqu|compar|transform|"
    "elabor|simplifi|remerci|calcul|analys|structur|synthetis|dress|identifi|verifi|"
    "hierarchis"
)
TASK_VERB = (
    rf"\b(?:(?:{_ER_VERBS})(?:e|ez|er|ons)|(?:list|present|complet|ordonn|recens)(?:ez|er)"
    r"|ecri(?:s|vez|re|vons)|decri(?:s|vez|re)|tradui(?:s|sez|re)|produi(?:s|sez|re)"
    r"|repond(?:s|ez|re)|reli(?:s|sez|re)|mettez|mettre|construi(?:s|sez|re)|etabli(?:s|ssez|r))\b"
)
"""An action verb in the imperative or the infinitive: rédigez, résume, lister, écrivez…"""

VAGUE_VERB = r"\b(?:fais|faites|faire|fait)\b"
"""« Faire » says that something is wanted, not what: the coach asks for a precise verb."""

ROLE_CUE = (
    r"\b(?:vous etes|tu es|en tant qu|agissez comme|agis comme|jouez le role|joue le role"
    r"|mettez-vous (?:a|dans) la peau|dans le role d|role ?:)"
)
"""How a role is given inside a free text: « Vous êtes… », « En tant que… »."""

CONTEXT_WHO = (
    r"\b(?:habitante?s?|residente?s?|usagere?s?|administres?|familles?|parents?|eleves?"
    r"|enfants?|personnes?|citoyen(?:ne)?s?|public|elue?s?|maire|adjointe?s?"
    r"|conseill(?:er|ere)s?|conseil municipal|agents?|associations?|commercante?s?"
    r"|riverain(?:e)?s?|benevoles?|seniors?|aines|lect(?:eur|rice)s?|destinataires?"
    r"|equipes?|secretaires?|direct(?:eur|rice)s?|population|jeunes|visiteurs?|auditoire|clubs?"
    r"|utilisat(?:eur|rice)s?|sportifs?|proprietaires?|locataires?|membres?|abonnes?)\b"
)
"""Who is concerned: residents, élus, agents, an association…"""

CONTEXT_WHERE = (
    r"\b(?:communes?|mairie|villes?|village|quartiers?|rues?|avenue|place|ecoles?|college"
    r"|salles?|clairval|departement|territoire|parcs?|gymnase|mediatheque|piscine|centre"
    r"|hameau|bourg|cantine|marche|gare|stade|cimetiere|monument|batiments?|locaux|local"
    r"|commune de|sur place|parvis)\b"
)
"""Where: the commune, a district, a street, a public building…"""

CONTEXT_WHAT = (
    r"\b(?:plaintes?|reclamations?|demandes?|courriers?|lettres?|seances?|reunions?|projets?"
    r"|travaux|budgets?|rapports?|donnees|ceremonie|commemoration|inauguration|evenements?"
    r"|bruit|stationnement|dechets|collecte|horaires|inscriptions?|questions?|problemes?"
    r"|notes?|compte rendu|proces-verbal|deliberations?|tableau|chiffres|service|navette"
    r"|fermeture|ouverture|fete|crue|circulation|securite|tarifs?|subventions?|ordre du jour"
    r"|votes?|decisions?|discours|renovation|comptages?|faq)\b"
)
"""What it is about: a complaint, a meeting, works, a report, figures…"""

_NUMBER_WORD = (
    r"(?:\d{1,4}|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|douze|quinze|vingt"
    r"|trente|quarante|cinquante|cent|deux cents|trois cents|quelques)"
)
FORMAT_LENGTH = (
    rf"\b{_NUMBER_WORD} (?:a {_NUMBER_WORD} )?(?:mots?|lignes?|phrases?|paragraphes?|pages?"
    r"|points?|questions?|caracteres?|parties|sections?|minutes?|puces?|colonnes?|rubriques?)\b"
    r"|\b(?:au plus|au maximum|maximum|pas plus de|moins de|tout au plus|demi-page)\b"
)
"""A length: « 200 mots », « une page », « trois paragraphes », « au plus »…"""

FORMAT_STRUCTURE = (
    r"\b(?:listes?|puces?|tableau|titres?|intertitres?|paragraphes?|sections?|rubriques?"
    r"|objet|formule de politesse|plan|numerot\w{0,10}|questions?-reponses|colonnes?"
    r"|en-tete|introduction|conclusion|parties)\b"
)
"""A structure: paragraphs, a bulleted list, a table, headings, a subject line…"""

TONE_WORD = (
    r"\b(?:(?:sur )?un ton|le ton|ton ?:|registre|courtois\w{0,4}|formel\w{0,4}|neutre"
    r"|chaleureu\w{0,4}|bienveillant\w{0,4}|solennel\w{0,4}|cordial\w{0,4}|factuel\w{0,4}"
    r"|empathi\w{0,6}|sobre|accessible|respectueu\w{0,4}|institutionnel\w{0,4}|pedagogique"
    r"|rassurant\w{0,4}|amical\w{0,4}|emouvant\w{0,4}|digne|serieu\w{0,4}|vouvoi\w{0,6}"
    r"|tutoi\w{0,6}|sans jargon|positi(?:f|ve)|humble|sincere|professionnel\w{0,4}|poli(?:e|s)?)\b"
)
"""How to address the reader: courteous, neutral, warm, solemn, without jargon…"""

GUARD_NO_INVENTION = (
    r"\b(?:n'?invent(?!air)\w{0,6}|invent(?!air)\w{0,6}|sans rien ajouter|n'ajoute\w{0,3} rien"
    r"|uniquement (?:les|des|a partir|ce qui)|seulement (?:les|des|a partir|ce qui)"
    r"|que les (?:informations|faits|chiffres|donnees|elements)|a verifier|verifi\w{0,6}"
    r"|signale\w{0,3}[^.]{0,40}(?:manque|incertain|doute|verifier)|\[a completer\]"
    r"|si (?:une|l'|vous|tu|un)[^.]{0,40}(?:manque|ne sa|inconnu|absent))"
)
"""Do not invent: « n'inventez rien », « uniquement les chiffres du tableau », « à vérifier »…"""

GUARD_SOURCES = r"\b(?:sources?|citez|citer|citant|references?|renvoyez)\b"
"""Cite the sources: « citez l'article du règlement », « indiquez vos sources »."""

GUARD_PRIVACY = (
    r"\b(?:donnees? personnelles?|anonym\w{0,6}|pseudonym\w{0,6}|aucun nom|sans (?:nom|citer)"
    r"|ne (?:nommez|citez|mentionnez|donnez|mettez) (?:pas|aucun)|confidenti\w{0,4})"
    r"|\[(?:nom|prenom|adresse|telephone|date)\]"
)
"""No personal data: « aucune donnée personnelle », « laissez [Nom] à compléter »."""

GUARD_DECISION = r"\b(?:ne decidez pas|ne tranchez pas|aucune decision|sans decider)\b"
"""Leave no decision to the tool."""

EXAMPLE_CUE = (
    r"(?<!par )\bexemples?\b|\bmodele (?:de|a suivre)|\binspirez-vous\b|\binspire-toi\b"
    r"|\bvoici (?:un|une|le|la) (?:debut|modele|plan|extrait)|\bcomme ceci\b"
)
"""An example to follow, announced as such (« par exemple » in passing does not count)."""


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def found(pattern: re.Pattern[str], normalized: str) -> str | None:
    """The first match, as the learner can read it, or None."""
    match = pattern.search(normalized)
    return match.group(0).strip() if match else None
