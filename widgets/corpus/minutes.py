"""Minutes (comptes rendus) of the council sessions, built from the session's deliberations."""

from __future__ import annotations

from datetime import date, timedelta

from widgets.corpus.council import Deliberation, vote_in_minutes
from widgets.corpus.facts import MEMBERS, SESSIONS, Session, member
from widgets.corpus.load import Document
from widgets.corpus.prose import (
    MONTH_NAMES,
    Writer,
    day_in_words,
    fr_date,
    join_list,
    number_in_words,
)

# Items of « questions diverses », written for each session.
QUESTIONS: dict[date, list[str]] = {
    date(2023, 1, 26): [
        "Mme Sylvie Moreau-Kerjean remercie les bénévoles du repas des aînés, qui a réuni 198 "
        "convives le 15 janvier à la salle des Marronniers.",
        "M. Patrick Leroux relaie les plaintes d'habitants du hameau de Bellefontaine, dont la "
        "route n'a été dégagée que le lendemain de l'épisode neigeux du 18 janvier. M. Thierry "
        "Gombert explique que le circuit de déneigement traite d'abord les accès à l'école et "
        "les côtes, puis les hameaux ; il propose de revoir l'ordre de passage avec les "
        "habitants concernés.",
    ],
    date(2023, 3, 23): [
        "Mme Océane Tissier annonce la première opération « Ondine propre », le samedi 1er "
        "avril 2023 à 9 heures, au départ du moulin des Aulnes, avec la société de pêche.",
        "Mme Fatima Ouazzani demande où en est la réflexion sur l'offre de soins. Mme la Maire "
        "indique qu'elle a rencontré les trois médecins de la commune et que le sujet sera "
        "inscrit aux orientations budgétaires de l'an prochain.",
    ],
    date(2023, 5, 25): [
        "M. Julien Pradel annonce la fête de l'Ondine les 1er et 2 juillet 2023 et remercie par "
        "avance le Comité des fêtes.",
        "Mme Nadia Benali rappelle que les inscriptions à la cantine et au périscolaire pour la "
        "rentrée se font sur le portail famille avant le 1er juillet.",
        "M. Hervé Quillet demande que le fauchage des bords de route soit retardé pour "
        "préserver les fleurs sauvages. Mme Océane Tissier indique que le fauchage raisonné "
        "est déjà appliqué sur les chemins ruraux et sera étendu aux routes communales, hors "
        "carrefours où la visibilité doit être assurée.",
    ],
    date(2023, 7, 6): [
        "Mme la Maire remercie le Comité des fêtes pour la réussite de la fête de l'Ondine, qui "
        "a attiré plus de 2 000 visiteurs malgré l'orage du dimanche.",
        "M. Thierry Gombert indique que les travaux de la rue des Tanneurs respectent le "
        "calendrier ; la pose du réseau d'eaux pluviales est achevée.",
        "Mme Fatima Ouazzani demande comment la commune se prépare aux épisodes de canicule. "
        "Mme Sylvie Moreau-Kerjean rappelle que les personnes âgées, isolées ou handicapées "
        "peuvent s'inscrire sur le registre communal ; les agents du centre communal d'action "
        "sociale les appellent chaque jour en cas d'alerte.",
    ],
    date(2023, 9, 28): [
        "Mme Nadia Benali dresse le bilan de la rentrée : 305 élèves sont inscrits au groupe "
        "scolaire Marie-Curie, répartis en douze classes.",
        "M. Thierry Gombert annonce l'achèvement des travaux de la rue des Tanneurs le 29 "
        "septembre ; la rue sera inaugurée le samedi 14 octobre à 11 heures.",
        "M. Patrick Leroux signale la vitesse excessive de certains véhicules dans le "
        "lotissement du Clos des Vergers ; un comptage sera réalisé par les services "
        "techniques.",
    ],
    date(2023, 11, 16): [
        "Mme la Maire remercie les participants à la cérémonie du 11 novembre, en particulier "
        "les élèves de CM2 qui ont lu les noms inscrits sur le monument.",
        "M. Julien Pradel annonce les animations du Téléthon les 1er et 2 décembre, organisées "
        "par les associations sportives au gymnase du Moulin.",
        "Mme Céline Navarro demande que les horaires de la déchèterie soient rappelés dans le "
        "prochain bulletin, après le passage aux horaires d'hiver ; c'est prévu.",
    ],
    date(2023, 12, 14): [
        "Mme la Maire invite les élus à la cérémonie des vœux le vendredi 12 janvier 2024 à "
        "19 heures, salle des Marronniers, et au repas des aînés le dimanche 14 janvier.",
        "M. Hervé Quillet s'inquiète de l'état de plusieurs tilleuls du cimetière. M. Thierry "
        "Gombert indique qu'un diagnostic sanitaire a été demandé à un arboriste ; deux arbres "
        "devront sans doute être abattus et remplacés.",
    ],
    date(2024, 1, 25): [
        "Mme Léa Carrasco annonce l'ouverture d'un questionnaire en ligne sur le futur site "
        "internet de la commune, ouvert jusqu'au 29 février.",
        "M. Hervé Quillet signale de nombreux nids-de-poule sur la route de Vaudrelle après les "
        "gelées. M. Thierry Gombert indique qu'une campagne de réparation sera conduite dès le "
        "mois de mars, avant un diagnostic complet de cette route.",
    ],
    date(2024, 5, 16): [
        "M. Julien Pradel annonce la fête de l'Ondine les 6 et 7 juillet 2024.",
        "Mme Nadia Benali rappelle la réunion publique sur les travaux de l'école, le 13 juin à "
        "18 h 30 dans le préau.",
        "M. Antoine Bellamy demande quand seront connus les résultats du radar pédagogique de la "
        "rue du Pont-Vieux. M. Thierry Gombert répond qu'ils seront présentés aux riverains le "
        "19 juin, puis au conseil à la rentrée.",
    ],
    date(2024, 7, 4): [
        "Mme Nadia Benali indique que les entreprises commenceront les travaux de l'école le "
        "8 juillet et que la rentrée aura lieu comme prévu le lundi 2 septembre.",
        "Mme Fatima Ouazzani rapporte que plusieurs classes ont dépassé 30 °C lors des fortes "
        "chaleurs de juin. Mme Benali répond que les travaux en cours amélioreront aussi le "
        "confort d'été et que des ventilateurs ont été installés en attendant.",
        "Mme Océane Tissier annonce que les jardins partagés ont donné leur première récolte ; "
        "une fête des jardiniers aura lieu le 21 septembre.",
    ],
    date(2024, 9, 26): [
        "Mme Nadia Benali indique que 312 élèves ont fait leur rentrée dans une école "
        "élémentaire rénovée ; la première phase des travaux s'est achevée le 23 août.",
        "M. Gérard Fontanel annonce l'installation de l'échafaudage du clocher, commencée le "
        "16 septembre ; la grosse cloche ne sonnera plus jusqu'à l'été prochain.",
        "Mme Céline Navarro demande l'installation d'un abri à l'arrêt de car de Bellefontaine, "
        "où attendent chaque matin une quinzaine de collégiens. La demande sera transmise à la "
        "Région, compétente pour les transports scolaires, et la commune étudiera la "
        "possibilité d'installer elle-même un abri.",
    ],
    date(2024, 11, 21): [
        "Mme la Maire remercie les participants à la cérémonie du 11 novembre.",
        "M. Hervé Quillet s'inquiète des fortes pluies annoncées pour le week-end et du niveau "
        "de l'Ondine. Mme la Maire indique que la cellule de veille de la mairie suit les "
        "bulletins de vigilance et que les services techniques sont d'astreinte.",
    ],
    date(2024, 12, 12): [
        "Mme la Maire renouvelle ses remerciements à toutes les personnes mobilisées pendant la "
        "crue et présente la note sur les premiers enseignements de l'événement, adressée aux "
        "élus avec la convocation.",
        "M. Patrick Leroux demande où en est la demande de reconnaissance de l'état de "
        "catastrophe naturelle. Mme la Maire répond que le dossier est complet et que la "
        "décision est attendue début 2025.",
        "Mme la Maire invite les élus aux vœux du vendredi 10 janvier 2025 et au repas des "
        "aînés du dimanche 12 janvier.",
    ],
    date(2025, 1, 30): [
        "Mme la Maire annonce que l'état de catastrophe naturelle a été reconnu pour la crue "
        "des 23 et 24 novembre ; les sinistrés disposent de trente jours après la publication "
        "pour compléter leur déclaration auprès de leur assureur.",
        "Mme Nadia Benali fait le point sur le recensement en cours : à mi-parcours, 58 % des "
        "logements ont répondu, dont les trois quarts par internet.",
        "Mme Céline Navarro demande quand la route du Moulin-Bas sera réparée. M. Thierry "
        "Gombert répond que les travaux sont programmés en avril, après l'expertise.",
    ],
    date(2025, 3, 27): [
        "Mme la Maire annonce la publication, dans le bulletin de printemps, d'un questionnaire "
        "sur les besoins de santé des habitants.",
        "Mme Océane Tissier annonce la troisième opération « Ondine propre » le samedi 5 avril "
        "2025, consacrée cette année aux berges touchées par la crue.",
        "M. Antoine Bellamy demande quand le radar pédagogique sera réinstallé rue du "
        "Pont-Vieux ; M. Thierry Gombert indique que ce sera en mai, comme prévu.",
    ],
    date(2025, 5, 22): [
        "M. Julien Pradel invite les élus à l'inauguration du square des Meuniers le samedi "
        "14 juin à 11 heures, puis à la fête de l'Ondine les 5 et 6 juillet.",
        "M. Patrick Leroux demande quand la charte d'éthique de la vidéoprotection sera "
        "présentée. Mme la Maire répond qu'elle sera examinée en commission en septembre, "
        "avant la mise en service des caméras.",
    ],
    date(2025, 7, 3): [
        "Mme Nadia Benali annonce que la seconde phase des travaux de l'école commencera le "
        "7 juillet et que l'accueil de loisirs de l'été se tiendra à la Maison de l'enfance.",
        "Mme Fatima Ouazzani demande combien de familles ont vu leur tarif de cantine baisser "
        "avec la nouvelle grille. Mme Benali indique que 58 % des familles inscrites paieront "
        "moins ou autant à la rentrée.",
    ],
    date(2025, 9, 25): [
        "M. Gérard Fontanel indique que 640 personnes ont visité le clocher restauré lors des "
        "Journées du patrimoine.",
        "Mme Nadia Benali annonce que 318 élèves ont fait leur rentrée dans un groupe scolaire "
        "qui n'utilise plus de fioul.",
        "Mme la Maire présente la charte d'éthique de la vidéoprotection, examinée en "
        "commission le 15 septembre : finalités limitées, durée de conservation de quinze "
        "jours, registre des consultations, bilan annuel au conseil. M. Patrick Leroux prend "
        "acte de ces garanties, tout en maintenant les réserves de son groupe.",
    ],
    date(2025, 11, 20): [
        "Mme la Maire souligne l'émotion des participants à la cérémonie du 11 novembre, "
        "lorsque les cloches de Saint-Martin ont sonné pour la première fois depuis un an.",
        "M. Thierry Gombert dresse le bilan de l'exercice du plan communal de sauvegarde du "
        "18 octobre : 46 participants, une alerte reçue par 92 % des foyers inscrits.",
        "M. Hervé Quillet demande où en est l'étude hydraulique de la Communauté de communes. "
        "Mme la Maire indique qu'elle a débuté en septembre et que ses conclusions sont "
        "attendues à l'été 2026.",
    ],
    date(2025, 12, 11): [
        "Mme la Maire invite les élus à la cérémonie des vœux le vendredi 9 janvier 2026 et au "
        "repas des aînés le dimanche 11 janvier.",
        "M. Antoine Bellamy demande comment les promeneurs seront informés des fermetures du "
        "chemin de halage pendant les travaux de la voie verte. Mme Océane Tissier annonce un "
        "plan de déviation affiché aux deux extrémités et publié dans le bulletin.",
    ],
    date(2026, 1, 22): [
        "Mme la Maire rappelle que les élections municipales auront lieu en mars et que les "
        "élus sont invités à se porter volontaires pour tenir les bureaux de vote.",
        "M. Patrick Leroux demande que la salle des Marronniers soit mise à disposition de "
        "toutes les listes candidates dans les mêmes conditions. Mme la Maire le confirme : un "
        "calendrier de réservation sera établi par ordre de demande.",
    ],
    date(2026, 2, 19): [
        "Mme la Maire indique qu'il s'agit de la dernière séance du mandat. Elle remercie "
        "l'ensemble des élus, de la majorité comme de l'opposition, pour la qualité des "
        "échanges, ainsi que les agents municipaux pour leur engagement, en particulier "
        "pendant la crue de novembre 2024.",
        "M. Hervé Quillet, au nom du groupe « Clairval Autrement », remercie à son tour les "
        "services pour la qualité des documents transmis aux élus et salue des débats parfois "
        "vifs mais toujours respectueux.",
    ],
}


def _hour_in_words(time: str) -> str:
    hour = int(time.split(" h ")[0])
    return f"{number_in_words(hour)} heures"


def _opening(w: Writer, s: Session) -> str:
    d = s.day
    when = (
        f"L'an {number_in_words(d.year)}, le {day_in_words(d)} {MONTH_NAMES[d.month - 1]} à "
        f"{_hour_in_words(s.opened)}"
    )
    place = w.pick(
        "cr-place",
        (
            "s'est réuni en séance publique dans la salle du conseil de l'hôtel de ville",
            "s'est assemblé à l'hôtel de ville, dans la salle habituelle de ses séances",
            "s'est réuni à l'hôtel de ville, en séance publique",
        ),
    )
    return (
        f"{when}, le conseil municipal de la commune de Clairval-sur-Ondine, légalement convoqué "
        f"le {fr_date(s.convened)}, {place}, sous la présidence de Mme Anne-Sophie Delorme, "
        "maire."
    )


def _attendance(s: Session) -> str:
    present = join_list([m.formal for m in s.present])
    lines = [f"Présents : {present}."]
    if s.proxies:
        given = []
        for absent, holder in s.proxies.items():
            a, h = member(absent), member(holder)
            given.append(f"{a.formal}, qui a donné pouvoir à {h.formal}")
        label = "Absents représentés" if len(given) > 1 else "Absent représenté"
        if all(member(x).feminine for x in s.proxies):
            label = label.replace("Absent", "Absente")
        lines.append(f"{label} : {' ; '.join(given)}.")
    if s.absent:
        people = [member(x) for x in s.absent]
        label = "Absents excusés" if len(people) > 1 else "Absent excusé"
        if all(p.feminine for p in people):
            label = label.replace("Absent", "Absente").replace("excusé", "excusée")
        lines.append(f"{label} : {join_list([p.formal for p in people])}.")
    return "\n\n".join(lines)


def _quorum(w: Writer, s: Session) -> str:
    secretary = member(s.secretary)
    designated = "désignée" if secretary.feminine else "désigné"
    public = (
        w.pick(
            "cr-public",
            (
                f"{s.public} personnes assistent à la séance depuis les places réservées au "
                "public.",
                f"Le public compte {s.public} personnes.",
                f"La séance se tient en présence de {s.public} habitants.",
            ),
        )
        if s.public
        else ""
    )
    opening = w.pick(
        "cr-quorum",
        (
            f"Le quorum étant atteint, Mme la Maire ouvre la séance à {s.opened} ; "
            f"{secretary.formal} est {designated} secrétaire de séance.",
            f"Mme la Maire constate que le quorum est atteint, déclare la séance ouverte à "
            f"{s.opened} et propose de désigner {secretary.formal} comme secrétaire de séance, "
            "ce que le conseil accepte.",
            f"La séance est ouverte à {s.opened}, le quorum étant atteint, et "
            f"{secretary.formal} accepte d'assurer le secrétariat de séance.",
        ),
    )
    return f"{opening} {public}".strip()


def _previous_minutes(w: Writer, s: Session, previous: Session | None) -> str:
    if previous is None:
        return w.pick(
            "cr-pv-first",
            ("Le procès-verbal de la séance du 15 décembre 2022 est adopté à l'unanimité.",),
        )
    when = fr_date(previous.day)
    opponents = [m for m in MEMBERS if m.opposition and m.last not in s.missing]
    speaker = w.choice(opponents)
    return w.pick(
        "cr-pv",
        (
            f"Le procès-verbal de la séance du {when} est adopté à l'unanimité, sans observation.",
            f"Aucune observation n'étant formulée, le procès-verbal de la séance du {when} est "
            "approuvé à l'unanimité.",
            f"{speaker.formal} demande qu'une coquille soit corrigée dans le procès-verbal de la "
            f"séance du {when}, à propos de son intervention ; le procès-verbal est ensuite "
            "adopté à l'unanimité, sous réserve de cette correction.",
            f"Le procès-verbal de la séance du {when}, transmis aux élus avec la convocation, "
            "est adopté à l'unanimité.",
            f"{speaker.formal} souhaite que sa question sur le calendrier des travaux figure plus "
            f"complètement au procès-verbal de la séance du {when}, ce que Mme la Maire accepte ; "
            "le procès-verbal ainsi complété est adopté à l'unanimité.",
        ),
    )


_DELEGATED = (
    "la renonciation au droit de préemption urbain sur {n} déclarations d'intention d'aliéner",
    "la délivrance de {k} concessions au cimetière communal",
    "la signature d'un contrat de maintenance des installations de chauffage des bâtiments "
    "communaux, pour {m1} € par an",
    "l'acceptation d'une indemnité d'assurance de {m2} € à la suite d'un sinistre au gymnase "
    "du Moulin",
    "la signature d'un devis de {m3} € pour l'élagage des arbres de la place du Marché",
    "la location d'une nacelle pour l'installation des illuminations de fin d'année, pour {m4} €",
    "la signature d'un contrat d'entretien des extincteurs pour {m5} € par an",
    "la conclusion d'une convention de mise à disposition du gymnase avec le collège de Mirebourg",
    "la reprise de {k} concessions arrivées à échéance et non renouvelées",
    "le renouvellement de l'adhésion au service de paie du centre de gestion",
    "l'achat d'un défibrillateur pour le stade des Prés-Longs, pour {m6} €",
    "la signature d'un bail pour la location d'un garage rue du Moulin, pour {m7} € par mois",
)


def _delegations(w: Writer, s: Session) -> str:
    chosen = w.sample(range(len(_DELEGATED)), 3)
    items = [
        _DELEGATED[i].format(
            n=w.random.randint(4, 14),
            k=w.random.randint(2, 6),
            m1=f"{w.random.randint(28, 46)} {w.random.randint(1, 9)}00",
            m2=f"{w.random.randint(1, 4)} {w.random.randint(100, 990)}",
            m3=f"{w.random.randint(2, 6)} {w.random.randint(100, 990)}",
            m4=f"{w.random.randint(6, 9)}{w.random.randint(1, 9)}0",
            m5=f"{w.random.randint(3, 6)}{w.random.randint(1, 9)}0",
            m6=f"{w.random.randint(1, 2)} {w.random.randint(100, 890)}",
            m7=f"{w.random.randint(6, 9)}0",
        )
        for i in sorted(chosen)
    ]
    intro = w.pick(
        "cr-delegation",
        (
            "Mme la Maire rend compte des décisions prises depuis la dernière séance en vertu de "
            "la délégation que lui a accordée le conseil municipal : ",
            "Conformément au code général des collectivités territoriales, Mme la Maire informe "
            "le conseil des décisions prises par délégation, notamment ",
            "Le conseil est informé des décisions prises par Mme la Maire dans le cadre de sa "
            "délégation, parmi lesquelles ",
        ),
    )
    end = w.pick(
        "cr-delegation-end",
        (
            "Le conseil en prend acte.",
            "Ces décisions n'appellent pas de vote.",
            "Aucune question n'est posée sur ces décisions.",
        ),
    )
    return f"{intro}{join_list(items)}." + (f" {end}" if w.maybe(0.4) else "")


def _closing(w: Writer, s: Session, next_session: Session | None) -> str:
    secretary = member(s.secretary)
    role = "La secrétaire" if secretary.feminine else "Le secrétaire"
    end = w.pick(
        "cr-close",
        (
            f"L'ordre du jour étant épuisé, la séance est levée à {s.closed}.",
            f"Plus personne ne demandant la parole, Mme la Maire lève la séance à {s.closed}.",
            f"La séance est levée à {s.closed}.",
        ),
    )
    after = ""
    if next_session is not None:
        after = " " + w.pick(
            "cr-next",
            (
                f"La prochaine séance aura lieu le {fr_date(next_session.day, weekday=True)}.",
                f"Prochaine réunion du conseil : {fr_date(next_session.day, weekday=True)}, à "
                f"{_hour_in_words(next_session.opened)}.",
            ),
        )
    signed = fr_date(s.day + timedelta(days=w.choice((1, 2, 5))))
    return (
        f"{end}{after}\n\nCompte rendu établi le {signed} par {role.lower()} de séance, "
        f"{secretary.name}, et visé par la Maire, Anne-Sophie Delorme."
    )


def minutes(w: Writer, deliberations: list[Deliberation]) -> list[Document]:
    """One document per session, except those whose minutes are written by hand."""
    by_day: dict[date, list[Deliberation]] = {}
    for d in deliberations:
        by_day.setdefault(d.day, []).append(d)
    documents = []
    for index, s in enumerate(SESSIONS):
        if s.day not in QUESTIONS:
            continue
        previous = SESSIONS[index - 1] if index else None
        following = SESSIONS[index + 1] if index + 1 < len(SESSIONS) else None
        parts = [_opening(w, s), _attendance(s), _quorum(w, s)]
        previous_day = fr_date(previous.day) if previous else "15 décembre 2022"
        parts.append(
            f"1. Approbation du procès-verbal de la séance du {previous_day}\n\n"
            f"{_previous_minutes(w, s, previous)}"
        )
        parts.append(
            f"2. Décisions prises par la Maire depuis le {previous_day}\n\n{_delegations(w, s)}"
        )
        for rank, d in enumerate(by_day.get(s.day, []), start=3):
            vote = vote_in_minutes(w, d.vote, d.number)
            text = f"{d.summary}\n\n{d.debate}\n\n{vote}" if d.debate else f"{d.summary} {vote}"
            parts.append(f"{rank}. {d.title} (délibération n° {d.number})\n\n{text}")
        rank = 3 + len(by_day.get(s.day, []))
        parts.append(f"{rank}. Questions diverses\n\n" + "\n\n".join(QUESTIONS[s.day]))
        parts.append(_closing(w, s, following))
        title = f"Compte rendu de la séance du conseil municipal du {fr_date(s.day)}"
        documents.append(Document("comptes-rendus", title, "\n\n".join(parts)))
    return documents
