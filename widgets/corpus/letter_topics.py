"""The topics of the letters to residents: what each case says, in several wordings."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from widgets.corpus.prose import Writer, de, fr_date
from widgets.corpus.residents import Resident


@dataclass
class Case:
    """What a topic function receives: the resident, dates and the writer."""

    w: Writer
    resident: Resident
    day: date
    asked: date
    channel: str

    def pick(self, key: str, variants) -> str:
        return self.w.pick(key, variants)

    @property
    def civ(self) -> str:
        return self.resident.civility

    def e(self, word: str) -> str:
        """Feminine agreement with the resident."""
        return word + "e" if self.resident.feminine else word


@dataclass(frozen=True)
class Topic:
    title: str
    subject: str  # completes « votre … relatif à »
    service: str
    body: Callable[[Case], list[str]]
    reply: bool = True  # False for letters the town hall sends first
    leads: tuple[str, ...] = ()  # openings of the closing sentence, specific to the topic


# ------------------------------------------------------------------ topics


def pothole(c: Case) -> list[str]:
    street = c.resident.street
    return [
        c.pick(
            "pothole-1",
            (
                f"Vous nous signalez la présence de plusieurs nids-de-poule {street}, à hauteur "
                f"de votre domicile, qui se sont formés après les fortes gelées et ont déjà "
                "endommagé le pneu d'un véhicule.",
                f"Votre signalement concerne la dégradation de la chaussée {street}, où "
                "l'affaissement du revêtement crée une flaque permanente par temps de pluie et "
                "des projections sur le trottoir.",
            ),
        ),
        c.pick(
            "pothole-2",
            (
                "Un agent des services techniques s'est rendu sur place dès réception de votre "
                "message. Une réparation provisoire, au moyen d'enrobé à froid, a été réalisée "
                "le jour même afin de supprimer le danger immédiat.",
                "Après constat sur place, les services techniques ont inscrit ce secteur à la "
                "campagne de réparation de la chaussée dite « point à temps », qui consiste à "
                "reboucher les trous et les fissures avec un mélange de gravillons et "
                "d'émulsion de bitume.",
            ),
        ),
        c.pick(
            "pothole-3",
            (
                "Une réfection plus durable sera programmée dans le cadre du programme annuel "
                "d'entretien de la voirie, voté par le conseil municipal avec le budget. Je ne "
                "peux pas encore vous indiquer de date précise, mais ce tronçon figure parmi "
                "les priorités retenues par la commission des travaux.",
                "Cette intervention devrait avoir lieu dans les trois semaines, selon les "
                "conditions météorologiques, car l'enrobé ne peut être posé sur une chaussée "
                "humide ou par temps de gel. Une signalisation temporaire sera mise en place "
                "pendant les travaux.",
            ),
        ),
    ]


def street_light(c: Case) -> list[str]:
    return [
        c.pick(
            "light-1",
            (
                f"Vous nous avez informés que le lampadaire situé face au {c.resident.number} "
                f"{c.resident.street} reste éteint depuis plusieurs jours, alors que "
                "l'éclairage de la rue fonctionne normalement.",
                f"Vous signalez qu'un point lumineux {de(c.resident.street_the)} clignote en "
                "permanence, ce qui gêne les riverains le soir et laisse penser à une panne.",
            ),
        ),
        c.pick(
            "light-2",
            (
                "L'entretien de l'éclairage public est assuré par le Syndicat intercommunal "
                "d'énergie de l'Ondine, auquel la commune a transféré cette compétence. Votre "
                "signalement lui a été transmis le jour même ; son prestataire intervient en "
                "principe dans un délai de dix jours ouvrés.",
                "La panne a été signalée au Syndicat intercommunal d'énergie de l'Ondine, "
                "chargé de la maintenance des luminaires. Il s'agit vraisemblablement d'un "
                "défaut du bloc d'alimentation, remplaçable sans travaux importants.",
            ),
        ),
        c.pick(
            "light-3",
            (
                "Je vous rappelle par ailleurs que l'éclairage public est volontairement éteint "
                "chaque nuit de 23 h 30 à 5 h 30 depuis le 2 octobre 2023, sauf sur la place de "
                "la Libération, la Grande Rue et le carrefour de la rue du Pont-Vieux.",
                "Si la panne persistait au-delà de deux semaines, je vous remercie de bien "
                "vouloir nous le faire savoir, afin que nous puissions relancer le syndicat.",
            ),
        ),
    ]


def dog_mess(c: Case) -> list[str]:
    return [
        c.pick(
            "dog-1",
            (
                f"Vous déplorez la présence répétée de déjections canines sur le trottoir "
                f"{de(c.resident.street_the)} et aux abords de l'aire de jeux, où jouent de jeunes "
                "enfants.",
                "Vous nous faites part de votre exaspération face aux déjections canines qui "
                f"souillent les trottoirs {de(c.resident.street_the)}, en particulier le matin.",
            ),
        ),
        c.pick(
            "dog-2",
            (
                "Je partage entièrement votre agacement. Les propriétaires de chiens sont tenus "
                "de ramasser les déjections de leur animal sur l'ensemble du domaine public, et "
                "tout manquement est passible d'une amende.",
                "Ce comportement d'une minorité de propriétaires de chiens pénalise tout le "
                "monde. Ramasser les déjections de son animal est une obligation, dont le "
                "non-respect peut être sanctionné par une contravention.",
            ),
        ),
        c.pick(
            "dog-3",
            (
                "Deux distributeurs de sacs supplémentaires seront installés dans votre "
                "quartier le mois prochain, et la police municipale effectuera des passages "
                "aux heures de promenade les plus fréquentes.",
                "Un article de sensibilisation paraîtra dans le prochain bulletin municipal, et "
                "les agents de la police municipale ont reçu pour consigne de verbaliser les "
                "infractions constatées.",
            ),
        ),
    ]


def fly_tipping(c: Case) -> list[str]:
    return [
        c.pick(
            "tip-1",
            (
                "Vous avez signalé un dépôt de sacs d'ordures, de cartons et d'un vieux "
                "matelas au pied du point d'apport volontaire de la rue des Écoles.",
                "Votre message porte sur les dépôts sauvages récurrents au point d'apport "
                "volontaire du parking du moulin des Aulnes, où s'accumulent cartons et "
                "déchets de travaux.",
            ),
        ),
        c.pick(
            "tip-2",
            (
                "Les services techniques ont procédé à l'enlèvement des déchets. La police "
                "municipale a pu identifier l'auteur du dépôt grâce à un courrier retrouvé "
                "dans les sacs ; une contravention lui a été adressée et les frais "
                "d'enlèvement lui seront facturés.",
                "Les déchets ont été enlevés et examinés par la police municipale. Aucun "
                "élément n'a permis d'en identifier l'auteur, mais une surveillance renforcée "
                "du site a été décidée.",
            ),
        ),
        c.pick(
            "tip-3",
            (
                "Je rappelle que la déchèterie des Gravières, route de Mirebourg, accueille "
                "gratuitement les particuliers le lundi, le mercredi, le vendredi et le "
                "samedi, et qu'une collecte des encombrants est organisée deux fois par an sur "
                "inscription.",
                "Merci pour votre vigilance : ces signalements nous sont précieux. Les "
                "habitants qui ne peuvent se rendre à la déchèterie peuvent demander "
                "l'enlèvement de leurs encombrants à la Communauté de communes du Val d'Ondine "
                "au 01 99 00 34 50.",
            ),
        ),
    ]


def hedge(c: Case) -> list[str]:
    return [
        c.pick(
            "hedge-1",
            (
                f"Lors d'une tournée de contrôle, les services de la commune ont constaté que "
                f"la haie de votre propriété, au {c.resident.address}, déborde largement sur le "
                "trottoir et oblige les piétons, notamment les personnes avec une poussette, à "
                "marcher sur la chaussée.",
                f"Plusieurs riverains nous ont signalé que la végétation de votre terrain, au "
                f"{c.resident.address}, masque le panneau de signalisation situé à l'angle de la "
                "rue et réduit la visibilité des automobilistes.",
            ),
        ),
        c.pick(
            "hedge-2",
            (
                "Je vous rappelle que les propriétaires doivent tailler les haies et les "
                "arbres qui bordent la voie publique, de façon à ce qu'ils ne dépassent pas "
                "la limite de leur propriété. Cette obligation concerne la sécurité de tous.",
                "L'entretien des plantations en bordure de la voie publique incombe au "
                "propriétaire du terrain. Les branches ne doivent ni empiéter sur le trottoir "
                "ni gêner la visibilité ou l'éclairage public.",
            ),
        ),
        c.pick(
            "hedge-3",
            (
                "Je vous remercie de bien vouloir procéder à cette taille dans un délai d'un "
                "mois à compter de la réception de ce courrier, en dehors de la période du 15 "
                "mars au 31 juillet recommandée pour la nidification des oiseaux, sauf "
                "nécessité de sécurité. Passé ce délai, les travaux pourraient être exécutés "
                "d'office, à vos frais.",
                "Je ne doute pas que cette situation sera rapidement réglée et vous remercie "
                "de réaliser cette taille dans les trois semaines. Les déchets verts peuvent "
                "être déposés gratuitement à la déchèterie des Gravières.",
            ),
        ),
    ]


def parking(c: Case) -> list[str]:
    return [
        c.pick(
            "park-1",
            (
                f"Vous signalez qu'un véhicule stationne depuis plus de trois semaines devant "
                f"votre domicile, {c.resident.street}, sans jamais être déplacé, et qu'il "
                "semble abandonné.",
                f"Vous vous plaignez du stationnement régulier de véhicules sur le trottoir "
                f"{de(c.resident.street_the)}, qui contraint les piétons à descendre sur la "
                "chaussée.",
            ),
        ),
        c.pick(
            "park-2",
            (
                "Un stationnement continu de plus de sept jours au même endroit est considéré "
                "comme abusif. La police municipale a apposé un avis sur le véhicule et "
                "recherché son propriétaire. Sans réaction de sa part, le véhicule sera "
                "enlevé et placé en fourrière.",
                "Le stationnement sur trottoir est interdit et passible d'une amende. La "
                "police municipale a effectué plusieurs passages dans la rue et verbalisé les "
                "infractions constatées, après un premier avertissement.",
            ),
        ),
        c.pick(
            "park-3",
            (
                "Je vous tiendrai informé de la suite donnée à ce dossier. N'hésitez pas à "
                "nous signaler toute nouvelle difficulté.",
                "Nous étudions par ailleurs, avec la commission des travaux, la pose de "
                "potelets pour empêcher durablement le stationnement sur ce trottoir.",
            ),
        ).replace("informé", c.e("informé")),
    ]


def social_housing(c: Case) -> list[str]:
    return [
        c.pick(
            "housing-1",
            (
                "Vous m'avez fait part de votre recherche d'un logement plus adapté à votre "
                "situation familiale, votre appartement actuel étant devenu trop petit depuis "
                "la naissance de votre deuxième enfant.",
                "Vous sollicitez l'appui de la commune pour obtenir un logement social de "
                "plain-pied, votre état de santé ne vous permettant plus de monter les "
                "escaliers de votre immeuble.",
            ),
        ),
        c.pick(
            "housing-2",
            (
                "Je vous informe que la commune n'attribue pas elle-même les logements sociaux. "
                "Les demandes sont examinées par une commission d'attribution réunie par le "
                "bailleur, Ondine Habitat, à laquelle la commune participe. La première "
                "démarche consiste à déposer une demande de logement social, ce qui vous "
                "permet d'obtenir un numéro unique départemental.",
                "Votre demande a bien été enregistrée et elle est en cours de validité. "
                "Ondine Habitat, propriétaire de la plupart des logements sociaux de la "
                "commune, sera informé de votre situation particulière lors de la prochaine "
                "commission d'attribution.",
            ),
        ),
        c.pick(
            "housing-3",
            (
                "Mme Hélène Vautrin, responsable du centre communal d'action sociale, peut vous "
                "recevoir pour vous aider à compléter ou à actualiser votre dossier. Je "
                "rappelle que la commune dispose de droits de réservation sur quelques "
                "logements, notamment dans la résidence de la rue des Peupliers.",
                "Je ne peux malheureusement pas vous promettre de délai : une cinquantaine de "
                "ménages sont en attente d'un logement à Clairval-sur-Ondine. Je veillerai "
                "cependant à ce que votre demande soit examinée avec attention.",
            ),
        ),
    ]


def seasonal_job(c: Case) -> list[str]:
    year = c.day.year
    return [
        c.pick(
            "job-1",
            (
                f"Vous avez adressé à la mairie votre candidature pour un emploi saisonnier au "
                f"service des espaces verts pendant l'été {year}.",
                f"Vous vous êtes porté{'e' if c.resident.feminine else ''} candidat"
                f"{'e' if c.resident.feminine else ''} à un poste d'animateur ou d'animatrice "
                f"à l'accueil de loisirs Les Loupiots pour l'été {year}.",
            ),
        ),
        c.pick(
            "job-2",
            (
                "Nous avons reçu cette année un nombre important de candidatures pour un "
                "nombre de postes limité. Après examen, j'ai le regret de vous informer que "
                "votre candidature n'a pas été retenue. Les candidats choisis disposaient "
                "d'une expérience plus proche des missions proposées.",
                "J'ai le plaisir de vous informer que votre candidature a été retenue. Un "
                "contrat vous sera proposé pour la période indiquée dans l'offre, sur la base "
                "d'une durée hebdomadaire de trente-cinq heures.",
            ),
        ),
        c.pick(
            "job-3",
            (
                "Votre candidature sera conservée pour l'année prochaine, si vous le "
                "souhaitez. Je vous encourage également à consulter les offres diffusées par "
                "la mission locale du Val d'Ondine.",
                "Je vous remercie de prendre contact avec le service des ressources humaines "
                "de la mairie, au 01 99 00 12 00, pour convenir d'un rendez-vous et préparer "
                "les documents nécessaires à votre recrutement.",
            ),
        ),
    ]


def hall_booking(c: Case) -> list[str]:
    event = c.day + timedelta(days=c.w.random.randint(30, 120))
    while event.weekday() != 5:
        event += timedelta(days=1)
    return [
        f"Vous avez demandé à réserver la salle des Marronniers pour le week-end du "
        f"{fr_date(event)}, à l'occasion d'une fête familiale.",
        c.pick(
            "hall-2",
            (
                "J'ai le plaisir de vous confirmer que la salle est disponible à cette date. "
                "La réservation sera définitive à réception du contrat signé, de l'attestation "
                "d'assurance responsabilité civile et du dépôt de garantie de 800 €, qui vous "
                "sera restitué après l'état des lieux de sortie.",
                "La salle est libre à la date souhaitée et une option a été posée à votre nom "
                "pour quinze jours. Pour la confirmer, il vous suffit de retourner le contrat "
                "de location signé, accompagné d'une attestation d'assurance et d'un chèque de "
                "dépôt de garantie de 800 €.",
            ),
        ),
        c.pick(
            "hall-3",
            (
                "Le tarif de location pour un week-end, du vendredi 18 heures au lundi 9 "
                "heures, est de 280 € pour les habitants de la commune. Un forfait de ménage "
                "facultatif de 120 € peut être ajouté. La salle peut accueillir 180 personnes "
                "assises.",
                "Pour les habitants de Clairval-sur-Ondine, la location du week-end s'élève à "
                "280 €, auxquels s'ajoute un supplément de chauffage de 40 € par jour entre le "
                "15 octobre et le 15 avril. Je vous rappelle que la musique doit cesser à 2 "
                "heures du matin, par respect pour le voisinage.",
            ),
        ),
    ]


def public_space(c: Case) -> list[str]:
    start = c.day + timedelta(days=c.w.random.randint(10, 40))
    return [
        c.pick(
            "space-1",
            (
                f"Vous sollicitez l'autorisation d'installer une benne devant votre domicile, "
                f"au {c.resident.address}, à partir du {fr_date(start)}, pour l'évacuation des "
                "gravats de vos travaux de rénovation.",
                f"Vous demandez l'autorisation de poser un échafaudage sur le trottoir devant "
                f"votre maison, au {c.resident.address}, à compter du {fr_date(start)}, pour le "
                "ravalement de votre façade.",
            ),
        ),
        c.pick(
            "space-2",
            (
                "Cette occupation du domaine public est autorisée pour une durée de quinze "
                "jours. Un arrêté vous sera adressé ; il devra être affiché sur le chantier. "
                "Un passage d'au moins un mètre devra être laissé aux piétons, et "
                "l'installation devra être signalée de jour comme de nuit.",
                "Je vous accorde cette autorisation pour trois semaines. Le cheminement des "
                "piétons devra être maintenu en toute sécurité, au besoin par la pose de "
                "barrières et d'un panneau invitant à emprunter le trottoir opposé.",
            ),
        ),
        c.pick(
            "space-3",
            (
                "L'occupation du domaine public donne lieu au paiement d'une redevance, "
                "calculée selon les tarifs votés par le conseil municipal. Le titre de recette "
                "vous sera adressé par le comptable public à la fin de l'occupation.",
                "Si votre chantier devait durer plus longtemps que prévu, je vous remercie de "
                "solliciter une prolongation auprès du service urbanisme au moins huit jours "
                "avant l'expiration de l'autorisation.",
            ),
        ),
    ]


_GRAVE_FEES = {
    2023: ("175", "340"),
    2024: ("180", "350"),
    2025: ("185", "360"),
    2026: ("190", "370"),
}


def grave(c: Case) -> list[str]:
    end = c.day.year - c.w.choice((0, 1))
    length = c.w.choice((15, 30))
    short, long = _GRAVE_FEES[c.day.year]
    return [
        f"La concession familiale dont vous êtes titulaire au cimetière communal, acquise en "
        f"{end - length} pour une durée de {length} ans, est arrivée à échéance en {end}.",
        c.pick(
            "grave-2",
            (
                "Vous disposez d'un délai de deux ans après l'échéance pour la renouveler. Le "
                "renouvellement prend effet à la date d'expiration de la période précédente. "
                "Passé ce délai, la commune peut reprendre le terrain, après exhumation des "
                "restes, qui sont alors déposés à l'ossuaire communal.",
                "Si vous souhaitez conserver cette concession, il vous appartient d'en demander "
                "le renouvellement dans les deux ans qui suivent son échéance. À défaut, la "
                "commune pourra reprendre l'emplacement, dans le respect dû aux défunts.",
            ),
        ),
        c.pick(
            "grave-3",
            (
                f"En {c.day.year}, le tarif d'une concession de quinze ans est de {short} € et "
                f"celui d'une concession de trente ans de {long} €. Vous pouvez effectuer cette "
                "démarche au service état civil et cimetière, du lundi au vendredi, aux "
                "heures d'ouverture de la mairie.",
                "Le service état civil et cimetière se tient à votre disposition pour vous "
                "indiquer les tarifs en vigueur et les formalités à accomplir. Un simple "
                "courrier ou un passage en mairie suffit pour engager la démarche.",
            ),
        ),
    ]


def heat_register(c: Case) -> list[str]:
    return [
        c.pick(
            "heat-1",
            (
                "Je vous confirme votre inscription sur le registre communal des personnes "
                "vulnérables, tenu par le centre communal d'action sociale.",
                "À la suite de l'appel de votre fille, je vous confirme que vous êtes "
                "désormais inscrit sur le registre communal des personnes âgées et isolées.",
            ),
        ).replace("inscrit ", c.e("inscrit") + " "),
        c.pick(
            "heat-2",
            (
                "Ce registre permet aux agents et aux bénévoles du centre communal d'action "
                "sociale de prendre régulièrement de vos nouvelles en cas d'alerte canicule, "
                "de grand froid ou d'inondation, et de vous apporter l'aide nécessaire : "
                "livraison de courses, visite, orientation vers un médecin.",
                "En cas d'épisode de forte chaleur, de grand froid ou de crise, vous recevrez "
                "un appel téléphonique au numéro que vous avez indiqué, le "
                f"{c.resident.phone}. Si vous ne répondez pas, une visite sera organisée.",
            ),
        ),
        c.pick(
            "heat-3",
            (
                "Les informations que vous nous avez communiquées sont confidentielles. Elles "
                "ne sont utilisées que pour ce dispositif et vous pouvez demander à tout "
                "moment à les modifier ou à être retiré du registre.",
                "Pensez à nous prévenir si votre numéro de téléphone change ou si vous vous "
                "absentez pour une longue période. Vous pouvez à tout moment demander votre "
                "radiation du registre.",
            ),
        ).replace("retiré ", c.e("retiré") + " "),
    ]


def school_exemption(c: Case) -> list[str]:
    year = c.day.year if c.day.month < 9 else c.day.year + 1
    return [
        c.pick(
            "school-1",
            (
                f"Vous souhaitez inscrire votre enfant au groupe scolaire Marie-Curie à la "
                f"rentrée de septembre {year}, alors que vous résidez à Vaudrelle, parce que "
                "sa grand-mère, qui le garde après l'école, habite à Clairval-sur-Ondine.",
                f"Vous demandez une dérogation pour scolariser votre fils à l'école de "
                f"Mirebourg à la rentrée {year}, votre lieu de travail se situant dans cette "
                "commune.",
            ),
        ),
        c.pick(
            "school-2",
            (
                "L'inscription d'un enfant dans l'école d'une autre commune que celle de sa "
                "résidence est possible dans certains cas, notamment lorsque sa garde est "
                "assurée par un proche dans la commune d'accueil. Elle suppose l'accord du "
                "maire de la commune d'accueil et, le plus souvent, celui de la commune de "
                "résidence, qui participe alors aux frais de scolarité.",
                "Après examen de votre demande, j'émets un avis favorable. La commune de "
                "Clairval-sur-Ondine participera aux frais de fonctionnement de l'école "
                "d'accueil, selon le montant fixé par celle-ci.",
            ),
        ),
        c.pick(
            "school-3",
            (
                "Je donne mon accord pour l'accueil de votre enfant, dans la limite des places "
                "disponibles dans la classe concernée. Il vous appartient maintenant de "
                "solliciter l'accord de votre commune de résidence, puis de prendre rendez-vous "
                "avec la directrice de l'école, Mme Valérie Huguet.",
                "Il vous appartient désormais de vous rapprocher de la mairie de la commune "
                "d'accueil pour finaliser l'inscription. Le service enfance reste à votre "
                "disposition pour toute précision.",
            ),
        ),
    ]


def weekend_noise(c: Case) -> list[str]:
    return [
        c.pick(
            "noise-1",
            (
                "Vous vous plaignez des travaux de bricolage réalisés par l'un de vos voisins "
                "le dimanche après-midi, avec une scie circulaire et une perceuse, parfois "
                "jusqu'à 20 heures.",
                "Vous signalez l'utilisation répétée d'une tondeuse et d'un souffleur de "
                "feuilles dans une propriété voisine le dimanche et les jours fériés, tôt le "
                "matin.",
            ),
        ),
        c.pick(
            "noise-2",
            (
                "L'arrêté municipal relatif aux bruits de voisinage autorise les travaux de "
                "bricolage et de jardinage bruyants les jours ouvrables de 8 h 30 à 12 heures "
                "et de 14 h 30 à 19 h 30, le samedi de 9 heures à 12 heures et de 15 heures à "
                "19 heures, et le dimanche et les jours fériés de 10 heures à 12 heures "
                "seulement.",
                "À Clairval-sur-Ondine, les travaux bruyants réalisés par des particuliers ne "
                "sont autorisés le dimanche et les jours fériés qu'entre 10 heures et midi. "
                "En semaine, ils sont permis de 8 h 30 à 12 heures et de 14 h 30 à 19 h 30.",
            ),
        ),
        c.pick(
            "noise-3",
            (
                "La police municipale a adressé un courrier de rappel à la personne concernée. "
                "En cas de récidive, une contravention pourra être dressée. Je vous invite à "
                "nous informer si la situation ne s'améliore pas.",
                "Un agent de la police municipale rencontrera votre voisin pour lui rappeler "
                "ces horaires. Dans la très grande majorité des cas, ce rappel suffit à régler "
                "la situation.",
            ),
        ),
    ]


def bench_request(c: Case) -> list[str]:
    return [
        c.pick(
            "bench-1",
            (
                "Vous proposez l'installation d'un banc sur le trajet entre la résidence Les "
                "Aulnes et la place du Marché, afin que les personnes âgées puissent faire une "
                "halte en allant faire leurs courses.",
                "Au nom de plusieurs habitants de votre rue, vous demandez l'installation d'un "
                "banc et d'une corbeille à l'entrée du chemin de halage, près du moulin des "
                "Aulnes.",
            ),
        ),
        c.pick(
            "bench-2",
            (
                "Votre proposition a été examinée par la commission des travaux, qui l'a "
                "jugée tout à fait pertinente. Deux bancs seront installés par les services "
                "techniques au printemps, l'un à mi-parcours, l'autre à l'angle de la Grande "
                "Rue.",
                "Cette demande rejoint le travail engagé avec le conseil des aînés pour "
                "rendre les déplacements à pied plus faciles. Un banc sera posé d'ici l'été, à "
                "l'emplacement que vous suggérez, sous réserve de l'accord du propriétaire "
                "riverain pour l'accès.",
            ),
        ),
        c.pick(
            "bench-3",
            (
                "Merci pour cette suggestion concrète, qui améliorera le quotidien de "
                "nombreux habitants.",
                "Je vous remercie pour cette initiative et ne manquerai pas de vous informer "
                "de la date d'installation.",
            ),
        ),
    ]


def canteen_bill(c: Case) -> list[str]:
    return [
        c.pick(
            "bill-1",
            (
                "Vous contestez la facture de restauration scolaire du mois dernier, qui "
                "comporte selon vous deux repas de trop pour votre fille, absente lors d'une "
                "sortie scolaire.",
                "Vous nous signalez que le tarif appliqué sur votre facture de cantine ne "
                "correspond pas à votre quotient familial, que vous aviez pourtant actualisé "
                "sur le portail famille.",
            ),
        ),
        c.pick(
            "bill-2",
            (
                "Après vérification, vous avez raison : les repas du jour de la sortie "
                "n'auraient pas dû être facturés, puisque l'école avait prévu un pique-nique. "
                "Une erreur de saisie en est la cause, et je vous prie de nous en excuser.",
                "Nous avons vérifié votre dossier. Votre attestation de quotient familial a "
                "bien été déposée, mais après la date d'édition de la facture, ce qui explique "
                "l'application du tarif de la tranche supérieure.",
            ),
        ),
        c.pick(
            "bill-3",
            (
                "La somme correspondante sera déduite de votre prochaine facture. Vous n'avez "
                "aucune démarche à faire.",
                "Le service a corrigé le tarif de manière rétroactive : un avoir figurera sur "
                "votre prochaine facture, et le bon tarif s'appliquera désormais.",
            ),
        ),
    ]


def grant_request(c: Case) -> list[str]:
    return [
        c.pick(
            "grant-1",
            (
                "En votre qualité de présidente d'une association sportive de la commune, vous "
                "avez sollicité une subvention de fonctionnement pour l'année à venir.",
                "Vous avez déposé, au nom de votre association, une demande de subvention pour "
                "l'organisation d'un concert au profit de la restauration du clocher.",
            ),
        ).replace("présidente", "présidente" if c.resident.feminine else "président"),
        c.pick(
            "grant-2",
            (
                "Votre dossier est complet et sera examiné par la commission de la vie "
                "associative, qui se réunira au mois de mars. Les subventions sont ensuite "
                "votées par le conseil municipal avec le budget primitif.",
                "Pour que votre demande puisse être examinée, il manque encore le bilan "
                "financier de l'exercice écoulé et le budget prévisionnel du projet. Je vous "
                "remercie de les transmettre avant la fin du mois.",
            ),
        ),
        c.pick(
            "grant-3",
            (
                "Je vous rappelle que la commune peut aussi apporter un soutien en nature : "
                "prêt de salle, de matériel ou aide à la communication dans le bulletin "
                "municipal.",
                "Je salue l'engagement des bénévoles de votre association, qui contribuent à la "
                "vie de notre commune.",
            ),
        ),
    ]


TOPICS: tuple[Topic, ...] = (
    Topic(
        "Réponse à un signalement de chaussée dégradée",
        "l'état de la chaussée",
        "techniques",
        pothole,
        leads=(
            "En vous remerciant de votre signalement",
            "En vous priant de nous excuser pour la gêne occasionnée",
        ),
    ),
    Topic(
        "Réponse à un signalement de panne d'éclairage public",
        "la panne d'un lampadaire",
        "techniques",
        street_light,
        leads=(
            "En vous remerciant de nous avoir alertés",
            "Avec mes remerciements pour votre vigilance",
        ),
    ),
    Topic(
        "Réponse à une plainte pour déjections canines",
        "la propreté des trottoirs",
        "police",
        dog_mess,
        leads=(
            "En vous remerciant de votre patience",
            "En espérant que ces mesures amélioreront rapidement la situation",
        ),
    ),
    Topic(
        "Réponse à un signalement de dépôt sauvage",
        "le signalement d'un dépôt sauvage",
        "environnement",
        fly_tipping,
        leads=(
            "En vous remerciant de votre esprit civique",
            "Avec mes remerciements pour ce signalement",
        ),
    ),
    Topic(
        "Demande de taille d'une haie débordant sur la voie publique",
        "",
        "techniques",
        hedge,
        reply=False,
        leads=(
            "Comptant sur votre compréhension",
            "En vous remerciant par avance de votre diligence",
        ),
    ),
    Topic(
        "Réponse à une plainte pour stationnement gênant",
        "les difficultés de stationnement dans votre rue",
        "police",
        parking,
        leads=(
            "En vous remerciant de votre signalement",
            "Restant attentif à l'évolution de la situation",
        ),
    ),
    Topic(
        "Réponse à une demande de logement social",
        "votre recherche de logement",
        "ccas",
        social_housing,
        leads=(
            "Avec l'assurance de notre attention à votre situation",
            "En espérant qu'une solution pourra vous être proposée rapidement",
        ),
    ),
    Topic(
        "Réponse à une candidature pour un emploi saisonnier",
        "votre candidature",
        "accueil",
        seasonal_job,
        leads=(
            "En vous remerciant de l'intérêt que vous portez à notre collectivité",
            "En vous souhaitant pleine réussite dans vos projets",
        ),
    ),
    Topic(
        "Réservation de la salle des Marronniers",
        "la location de la salle des Marronniers",
        "vie",
        hall_booking,
        leads=(
            "En vous souhaitant une belle fête",
            "Dans l'attente de votre confirmation",
        ),
    ),
    Topic(
        "Autorisation d'occupation du domaine public",
        "l'occupation du domaine public",
        "urbanisme",
        public_space,
        leads=(
            "En vous souhaitant un bon déroulement de vos travaux",
            "Restant à votre disposition pendant la durée du chantier",
        ),
    ),
    Topic(
        "Échéance d'une concession au cimetière communal",
        "",
        "etatcivil",
        grave,
        reply=False,
        leads=(
            "Dans l'attente de votre décision",
            "En vous remerciant de votre attention",
        ),
    ),
    Topic(
        "Inscription au registre des personnes vulnérables",
        "votre inscription au registre",
        "ccas",
        heat_register,
        leads=(
            "Avec l'assurance de notre présence à vos côtés",
            "En vous souhaitant une bonne santé",
        ),
    ),
    Topic(
        "Réponse à une demande de dérogation scolaire",
        "la scolarisation de votre enfant",
        "enfance",
        school_exemption,
        leads=(
            "En souhaitant une bonne rentrée à votre enfant",
            "Restant à votre disposition pour toute précision",
        ),
    ),
    Topic(
        "Réponse à une plainte pour bruit de travaux le dimanche",
        "les bruits de voisinage",
        "police",
        weekend_noise,
        leads=(
            "En espérant que le calme reviendra rapidement dans votre quartier",
            "En vous remerciant de votre patience",
        ),
    ),
    Topic(
        "Réponse à une proposition d'installation de bancs",
        "l'installation d'un banc",
        "techniques",
        bench_request,
        leads=(
            "En vous remerciant pour cette suggestion",
            "Avec mes remerciements pour votre engagement dans la vie du quartier",
        ),
    ),
    Topic(
        "Réponse à une réclamation sur une facture de cantine",
        "votre facture de cantine",
        "enfance",
        canteen_bill,
        leads=(
            "En vous renouvelant nos excuses pour ce désagrément",
            "En vous remerciant de votre vigilance",
        ),
    ),
    Topic(
        "Réponse à une demande de subvention associative",
        "la demande de subvention",
        "vie",
        grant_request,
        leads=(
            "En vous renouvelant mes encouragements",
            "Avec mes remerciements pour l'engagement de votre association",
        ),
    ),
)
