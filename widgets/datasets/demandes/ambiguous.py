"""Requests that genuinely belong to two services.

Each case is labelled with the service that handles it at Clairval-sur-Ondine
(`service`), and names the other one a reader could pick (`other`). The data
set flags them in its `ambigu` column: a model, like a new agent, cannot get
them right from the words alone; it needs the commune's own rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.datasets.demandes.services import (
    ACTION_SOCIALE,
    ECLAIRAGE,
    ECOLES,
    ESPACES_VERTS,
    ETAT_CIVIL,
    PROPRETE,
    STATIONNEMENT,
    URBANISME,
    VOIRIE,
)


@dataclass(frozen=True)
class AmbiguousCase:
    service: str
    other: str
    rule: str
    variants: tuple[str, ...]
    rows: int


CASES: tuple[AmbiguousCase, ...] = (
    AmbiguousCase(
        ECLAIRAGE,
        VOIRIE,
        "les feux tricolores sont entretenus par le service de l'éclairage public",
        (
            "Le feu tricolore {carrefour} reste bloqué au rouge.",
            "Les feux {carrefour} ne marchent plus, c'est la pagaille sur la route.",
            "Feu rouge en panne {carrefour}",
            "Le feu piéton {carrefour} ne passe jamais au vert.",
            "Feux de circulation éteints {carrefour}, les voitures passent n'importe comment.",
        ),
        8,
    ),
    AmbiguousCase(
        ECLAIRAGE,
        VOIRIE,
        "un poteau d'éclairage renversé relève de l'éclairage public, même sur la chaussée",
        (
            "Une voiture a renversé le lampadaire {lieu}, il est couché sur le trottoir.",
            "Poteau d'éclairage tombé sur la chaussée {lieu}",
            "Le lampadaire arraché par un camion bloque la moitié de la route {lieu}.",
        ),
        6,
    ),
    AmbiguousCase(
        VOIRIE,
        ECLAIRAGE,
        "un trou dans le trottoir relève de la voirie, même au pied d'un lampadaire",
        (
            "Trou dans le trottoir au pied du lampadaire {lieu}, on tombe dedans la nuit.",
            "Le trottoir s'est effondré autour du poteau d'éclairage {lieu}.",
            "La dalle au pied du lampadaire est cassée {lieu}, on ne la voit pas le soir.",
        ),
        6,
    ),
    AmbiguousCase(
        PROPRETE,
        ESPACES_VERTS,
        "vider les poubelles et ramasser les déchets, même dans un parc, relève de la propreté",
        (
            "Les poubelles {parc_de} débordent et les déchets s'envolent sur la pelouse.",
            "Plein de papiers et de canettes sur la pelouse {parc_de} après le week-end.",
            "Des déchets verts ont été jetés dans le massif de fleurs {lieu}.",
            "Les corbeilles {parc_de} sont pleines et l'herbe est couverte de détritus.",
        ),
        20,
    ),
    AmbiguousCase(
        PROPRETE,
        ESPACES_VERTS,
        "le balayage des feuilles sur les trottoirs relève de la propreté",
        (
            "Feuilles mortes accumulées sur le trottoir {lieu} le long du parc, c'est une "
            "patinoire.",
            "Les feuilles des arbres bouchent le trottoir {lieu}, personne ne les ramasse.",
            "Tapis de feuilles mortes {lieu}, ma mère a glissé.",
        ),
        16,
    ),
    AmbiguousCase(
        ESPACES_VERTS,
        PROPRETE,
        "les déchets de taille et de tonte laissés par les jardiniers relèvent des espaces verts",
        (
            "Les branches coupées par les agents sont restées en tas {parc_a}.",
            "Les tontes de gazon n'ont pas été ramassées {parc_a}, ça pourrit.",
            "Mauvaises herbes et détritus sur le trottoir {lieu}, il faudrait désherber.",
            "Les feuilles mortes et les branches s'accumulent {parc_a} depuis l'élagage.",
        ),
        16,
    ),
    AmbiguousCase(
        ESPACES_VERTS,
        VOIRIE,
        "un arbre tombé relève des espaces verts, même s'il barre la route",
        (
            "Un arbre est tombé sur la route {lieu} après l'orage.",
            "Grosse branche en travers de la chaussée {lieu}.",
            "Arbre couché sur le trottoir {lieu} depuis la tempête.",
        ),
        6,
    ),
    AmbiguousCase(
        VOIRIE,
        ESPACES_VERTS,
        "un trottoir abîmé relève de la voirie, même quand des racines en sont la cause",
        (
            "Les racines des platanes ont soulevé le trottoir {lieu}, les dalles sont cassées.",
            "La haie d'un particulier déborde sur le trottoir {lieu}, on doit marcher sur la "
            "route.",
        ),
        5,
    ),
    AmbiguousCase(
        STATIONNEMENT,
        PROPRETE,
        "une voiture abandonnée relève de la police du stationnement (fourrière)",
        (
            "Voiture épave sans plaques abandonnée {lieu}, elle est pleine de déchets.",
            "Une carcasse de voiture brûlée est abandonnée sur le parking {lieu}.",
            "Voiture abandonnée {lieu}, les vitres sont cassées et il y a des ordures dedans.",
        ),
        6,
    ),
    AmbiguousCase(
        STATIONNEMENT,
        ECOLES,
        "le stationnement devant les écoles relève de la police du stationnement",
        (
            "Les parents se garent n'importe comment devant l'école à 8 h 30, les enfants "
            "passent entre les voitures.",
            "Voitures en double file devant la maternelle à la sortie de la classe.",
        ),
        5,
    ),
    AmbiguousCase(
        STATIONNEMENT,
        ESPACES_VERTS,
        "des voitures garées sur une pelouse relèvent de la police du stationnement",
        (
            "Des voitures se garent sur la pelouse {parc_de}, l'herbe est défoncée.",
            "Les camionnettes stationnent sur le gazon {parc_de} les jours de marché.",
        ),
        4,
    ),
    AmbiguousCase(
        ACTION_SOCIALE,
        ECOLES,
        "une aide pour payer la cantine relève de l'action sociale",
        (
            "Je n'arrive pas à payer la cantine de mes deux enfants, existe-t-il une aide ?",
            "Peut-on avoir un tarif réduit pour la cantine ? Je suis au RSA.",
            "Ma facture de cantine est trop lourde depuis mon licenciement, qui peut m'aider ?",
        ),
        5,
    ),
    AmbiguousCase(
        ETAT_CIVIL,
        ACTION_SOCIALE,
        "une pièce d'identité relève de l'état civil, même pour une personne âgée isolée",
        (
            "Ma mère âgée ne peut plus se déplacer, comment peut-elle refaire sa carte "
            "d'identité ?",
            "Mon oncle handicapé vit seul et doit renouveler son passeport, il ne peut pas venir.",
        ),
        4,
    ),
    AmbiguousCase(
        PROPRETE,
        ECOLES,
        "effacer des tags relève de la propreté, même sur une école",
        (
            "Des tags insultants ont été faits sur le mur {ecole_de}.",
            "Le portail {ecole_de} est couvert de graffitis depuis les vacances.",
        ),
        4,
    ),
    AmbiguousCase(
        ECLAIRAGE,
        ESPACES_VERTS,
        "l'éclairage d'un parc relève de l'éclairage public",
        (
            "Le parc n'est pas éclairé le soir, les jeunes y traînent dans le noir.",
            "Les lampadaires de la coulée verte sont éteints, on ne voit plus les arbres.",
            "Aucune lumière dans les allées {parc_de} après 20 heures.",
        ),
        6,
    ),
    AmbiguousCase(
        URBANISME,
        VOIRIE,
        "une construction privée qui empiète sur le domaine public relève de l'urbanisme",
        (
            "Le voisin a construit un mur qui empiète sur le trottoir {lieu}.",
            "La nouvelle clôture du voisin avance sur le trottoir {lieu}, est-ce autorisé ?",
        ),
        4,
    ),
    AmbiguousCase(
        VOIRIE,
        STATIONNEMENT,
        "le marquage au sol des places relève de la voirie",
        (
            "Le marquage de la place handicapé est effacé {lieu}, plus personne ne la voit.",
            "Les lignes des places de parking {dans_rue} ont disparu depuis les travaux.",
        ),
        4,
    ),
    AmbiguousCase(
        PROPRETE,
        VOIRIE,
        "nettoyer la chaussée salie par un chantier relève de la propreté",
        (
            "Boue et terre sur toute la chaussée à cause du chantier {lieu}.",
            "Les camions du chantier salissent la route {lieu}, c'est une patinoire de boue.",
        ),
        4,
    ),
)
"""About 5 % of the rows. The rule says why the first service handles the case."""
