"""Letters of the town hall to residents, composed from hand-written variants.

Each topic is a function returning the subject line, the service that answers and the
paragraphs specific to the case; the frame (header, acknowledgement, closing) is shared.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from widgets.corpus.letter_topics import TOPICS, Case, Topic
from widgets.corpus.load import Document
from widgets.corpus.prose import Writer, a, de, fr_date
from widgets.corpus.residents import Residents


@dataclass(frozen=True)
class Service:
    name: str
    phone: str
    email: str
    signatures: tuple[str, ...]
    label: str = ""  # how a sentence names it: « le service urbanisme »

    @property
    def stands(self) -> str:
        """« se tient », or « se tiennent » for a plural label."""
        return "se tiennent" if self.label.startswith("les ") else "se tient"


SERVICES = {
    "techniques": Service(
        "Services techniques",
        "01 99 00 12 30",
        "techniques.clairval@exemple.fr",
        (
            "Thierry Gombert\nAdjoint chargé des travaux, de la voirie et de l'urbanisme",
            "Frédéric Bastide\nResponsable des services techniques",
        ),
        label="les services techniques",
    ),
    "police": Service(
        "Police municipale",
        "01 99 00 12 17",
        "police.clairval@exemple.fr",
        ("Sabrina Colin\nBrigadière-cheffe, police municipale",),
        label="la police municipale",
    ),
    "ccas": Service(
        "Centre communal d'action sociale",
        "01 99 00 12 25",
        "ccas.clairval@exemple.fr",
        (
            "Sylvie Moreau-Kerjean\nAdjointe chargée des solidarités et des aînés",
            "Hélène Vautrin\nResponsable du centre communal d'action sociale",
        ),
        label="le centre communal d'action sociale",
    ),
    "enfance": Service(
        "Service enfance et restauration scolaire",
        "01 99 00 12 15",
        "periscolaire.clairval@exemple.fr",
        (
            "Pauline Girard\nResponsable du service enfance et restauration scolaire",
            "Nadia Benali\nAdjointe chargée des affaires scolaires et de la jeunesse",
        ),
        label="le service enfance",
    ),
    "accueil": Service(
        "Accueil de la mairie",
        "01 99 00 12 00",
        "mairie.clairval@exemple.fr",
        ("Pour la Maire et par délégation,\nKarine Lemaître\nDirectrice générale des services",),
        label="l'accueil de la mairie",
    ),
    "etatcivil": Service(
        "Service état civil et cimetière",
        "01 99 00 12 10",
        "etatcivil.clairval@exemple.fr",
        ("Nathalie Perrin\nService état civil et cimetière",),
        label="le service état civil et cimetière",
    ),
    "urbanisme": Service(
        "Service urbanisme",
        "01 99 00 12 20",
        "urbanisme.clairval@exemple.fr",
        (
            "Lucas Ferrand\nChargé de l'urbanisme",
            "Thierry Gombert\nAdjoint chargé des travaux, de la voirie et de l'urbanisme",
        ),
        label="le service urbanisme",
    ),
    "vie": Service(
        "Vie associative et salles municipales",
        "01 99 00 12 00",
        "mairie.clairval@exemple.fr",
        ("Julien Pradel\nAdjoint chargé de la vie associative, du sport et de la culture",),
        label="l'accueil de la mairie",
    ),
    "environnement": Service(
        "Environnement et cadre de vie",
        "01 99 00 12 30",
        "techniques.clairval@exemple.fr",
        ("Océane Tissier\nAdjointe chargée de l'environnement et du cadre de vie",),
        label="les services techniques",
    ),
    "maire": Service(
        "Cabinet de la Maire",
        "01 99 00 12 00",
        "mairie.clairval@exemple.fr",
        ("La Maire,\nAnne-Sophie Delorme",),
        label="l'accueil de la mairie",
    ),
}


CHANNELS = (
    ("courrier", "votre courrier"),
    ("courriel", "votre courriel"),
    ("formulaire", "votre message en ligne"),
    ("appel", ""),
    ("visite", ""),
)


def _acknowledge(c: Case, topic: Topic, channel: str) -> str:
    when = fr_date(c.asked)
    if c.channel == "appel":
        return c.pick(
            "ack-phone",
            (
                f"Vous avez contacté la mairie par téléphone le {when} au sujet "
                f"{de(topic.subject)}.",
                f"Je fais suite à votre appel téléphonique du {when} concernant {topic.subject}.",
                f"Lors de votre appel du {when}, vous avez évoqué avec nos services "
                f"{topic.subject}.",
            ),
        )
    if c.channel == "visite":
        return c.pick(
            "ack-visit",
            (
                f"Lors de votre passage à l'accueil de la mairie, le {when}, vous nous avez "
                f"fait part de votre demande concernant {topic.subject}.",
                f"Vous vous êtes {c.e('présenté')} à l'accueil de la mairie le {when} au sujet "
                f"{de(topic.subject)}.",
                f"Je fais suite à l'entretien que vous avez eu le {when} avec l'agent "
                f"d'accueil de la mairie au sujet {de(topic.subject)}.",
            ),
        )
    return c.pick(
        "ack",
        (
            f"J'ai bien reçu {channel} du {when} relatif {a(topic.subject)}, et je vous en "
            "remercie.",
            f"Par {channel} du {when}, vous avez appelé mon attention sur {topic.subject}.",
            f"Je fais suite à {channel} du {when} concernant {topic.subject}.",
            f"Vous avez bien voulu nous écrire le {when} au sujet {de(topic.subject)}.",
            f"Je vous remercie pour {channel} du {when}, qui a retenu toute mon attention.",
            f"Votre demande du {when} relative {a(topic.subject)} m'a été transmise par "
            "l'accueil de la mairie.",
        ),
    )


def _contact(c: Case, service: Service, topic: Topic) -> str:
    about = topic.subject or "ce dossier"
    return c.pick(
        "contact",
        (
            f"{service.label[0].upper()}{service.label[1:]} {service.stands} à votre "
            f"disposition pour tout renseignement complémentaire au {service.phone}.",
            f"Pour toute question sur {about}, vous pouvez joindre {service.label} au "
            f"{service.phone} ou écrire à {service.email}.",
            f"Si vous souhaitez en savoir plus sur {about}, vous pouvez contacter "
            f"directement {service.label} au {service.phone}, du lundi au vendredi.",
            f"N'hésitez pas à revenir vers nous au sujet {de(about)}, au {service.phone} ou "
            f"par courriel à {service.email}.",
            f"Je reste à votre écoute pour toute précision utile sur {about}.",
        ),
    )


_FORMULAS = (
    "je vous prie d'agréer, {civ}, l'expression de mes salutations distinguées.",
    "veuillez agréer, {civ}, l'expression de ma considération distinguée.",
    "je vous prie de croire, {civ}, à l'assurance de mes sentiments les meilleurs.",
    "je vous prie de recevoir, {civ}, mes salutations les meilleures.",
    "je vous prie d'agréer, {civ}, l'assurance de ma parfaite considération.",
    "je vous prie de recevoir, {civ}, mes salutations dévouées.",
)


def _closing(c: Case, topic: Topic) -> str:
    formula = c.pick("closing", _FORMULAS).format(civ=c.civ)
    if topic.leads and c.w.maybe(0.8):
        return f"{c.pick('lead-' + topic.title, topic.leads)}, {formula}"
    return formula[0].upper() + formula[1:]


def _letter_day(w: Writer) -> date:
    start = date(2023, 1, 9)
    day = start + timedelta(days=w.random.randint(0, 1130))
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def letters(w: Writer, per_topic: int = 2) -> list[Document]:
    people = Residents(w)
    documents = []
    for topic in TOPICS:
        for _ in range(per_topic):
            resident = people.draw()
            day = _letter_day(w)
            asked = day - timedelta(days=w.random.randint(5, 25))
            channel_key, channel = w.choice(CHANNELS)
            case = Case(w, resident, day, asked, channel_key)
            service = SERVICES[topic.service]
            header = [
                "Mairie de Clairval-sur-Ondine",
                service.name,
                f"Tél. : {service.phone} – Courriel : {service.email}",
            ]
            if topic.reply:
                header.append(f"Objet : {topic.title.lower()} ({channel_key} du {fr_date(asked)})")
            else:
                header.append(f"Objet : {topic.title.lower()}")
            recipient = resident.block
            if w.maybe(0.5):
                recipient += f"\nTél. : {resident.phone}"
            if channel_key in ("courriel", "formulaire") or w.maybe(0.3):
                recipient += f"\nCourriel : {resident.email}"
            paragraphs = [f"{resident.civility},"]
            if topic.reply:
                paragraphs.append(_acknowledge(case, topic, channel))
            paragraphs += topic.body(case)
            if "disposition" not in paragraphs[-1]:
                paragraphs.append(_contact(case, service, topic))
            paragraphs += [_closing(case, topic), w.choice(service.signatures)]
            text = "\n".join(header) + "\n\n" + recipient + "\n\n" + "\n\n".join(paragraphs)
            title = f"Courrier du {fr_date(day)} : {topic.title}"
            documents.append(Document("courriers", title, text))
    return documents
