"""Generators of the recurring deliberations about services, staff and yearly reports."""

from __future__ import annotations

from datetime import date

from widgets.corpus.council import Context, Draft, legal_block, presenter
from widgets.corpus.facts import CANTEEN
from widgets.corpus.prose import (
    euros,
    fr_date,
    fr_day_month,
    group_thousands,
    join_list,
    number_in_words,
)

CGCT = "Vu le code général des collectivités territoriales"

# ------------------------------------------------------------------ frais de scolarité

_SCHOOLING = {
    "2022-2023": (1_420, 1_090, 9, 305, "2021"),
    "2023-2024": (1_465, 1_120, 11, 309, "2022"),
    "2024-2025": (1_510, 1_160, 8, 312, "2023"),
    "2025-2026": (1_490, 1_150, 10, 318, "2024"),
}


def scolarite(c: Context, school_year: str) -> Draft:
    nursery, primary, children, pupils, basis = _SCHOOLING[school_year]
    school = c.rapporteur("Benali")
    intro = c.pick(
        "scol-intro",
        (
            f"{presenter(school)} rappelle que, lorsqu'un enfant domicilié dans une autre "
            "commune est scolarisé à Clairval-sur-Ondine, sa commune de résidence participe aux "
            "frais de fonctionnement de l'école, selon un montant par élève fixé par le conseil "
            "municipal.",
            f"Le groupe scolaire Marie-Curie accueille cette année {pupils} élèves, dont "
            f"{children} enfants domiciliés dans les communes voisines de Vaudrelle, de "
            "Mirebourg et des Essarts-sur-Ondine. Leurs communes de résidence participent aux "
            "charges de fonctionnement de l'école.",
            f"{presenter(school)} présente le calcul du coût de fonctionnement d'un élève du "
            f"groupe scolaire Marie-Curie, qui sert de base à la participation demandée aux "
            f"communes de résidence des {children} enfants extérieurs scolarisés à Clairval.",
        ),
    )
    basis_text = (
        f"Ce coût est établi à partir des dépenses réelles de l'exercice {basis} : entretien et "
        "chauffage des bâtiments, fournitures scolaires, rémunération des agents territoriaux "
        "spécialisés des écoles maternelles et du personnel d'entretien, transports pour les "
        f"sorties pédagogiques. Il s'élève à {euros(nursery)} pour un élève de maternelle et à "
        f"{euros(primary)} pour un élève d'élémentaire."
    )
    note = c.pick(
        "scol-note",
        (
            "La différence entre les deux montants s'explique par la présence d'une agente "
            "spécialisée dans chaque classe de maternelle.",
            "Les dépenses de restauration scolaire et d'accueil périscolaire, facturées "
            "directement aux familles, ne sont pas comprises dans ce calcul.",
            "Réciproquement, la commune participe dans les mêmes conditions pour les enfants "
            "clairvaliens scolarisés ailleurs pour des raisons médicales ou de garde.",
            "Les montants retenus sont proches de ceux pratiqués par les communes de même "
            "taille du Val d'Ondine.",
        ),
    )
    block = legal_block(
        c.writer,
        ["Vu le code de l'éducation, notamment son article L. 212-8", CGCT],
        c.unanimous(),
    )
    decision = (
        f"FIXE pour l'année scolaire {school_year} la participation des communes de résidence "
        "aux frais de fonctionnement du groupe scolaire Marie-Curie à :\n"
        f"- {euros(nursery)} par élève scolarisé en maternelle ;\n"
        f"- {euros(primary)} par élève scolarisé en élémentaire ;\n"
        "AUTORISE Mme la Maire à émettre les titres de recettes correspondants."
    )
    return Draft(
        f"Participation des communes extérieures aux frais de scolarité {school_year}",
        "\n\n".join([intro, basis_text, note, block, decision]),
        c.unanimous(),
        f"Le conseil fixe la participation des communes de résidence à {euros(nursery)} par "
        f"élève de maternelle et {euros(primary)} par élève d'élémentaire pour {school_year}, "
        f"ce qui concerne {children} enfants.",
    )


# ------------------------------------------------------------------ emplois

_POSTS = {
    "2023-007": (
        "d'adjoint technique territorial à temps complet",
        "au service des espaces verts",
        date(2023, 3, 1),
        "La reprise en régie de l'entretien du cimetière, jusqu'ici confié à une entreprise, et "
        "l'entretien des espaces publics du lotissement du Clos des Vergers, rétrocédés à la "
        "commune, justifient le renfort de l'équipe des espaces verts, qui compte aujourd'hui "
        "quatre agents. Le coût annuel du poste est estimé à 33 500 €, en partie compensé par "
        "la fin du contrat d'entretien du cimetière, qui coûtait 21 000 € par an.",
    ),
    "2024-006": (
        "d'adjoint administratif territorial à temps complet",
        "au service de l'état civil",
        date(2024, 3, 1),
        "L'ouverture, le 2 avril 2024, d'un service de délivrance des cartes d'identité et des "
        "passeports à l'hôtel de ville représente environ 1 800 rendez-vous par an. L'équipe "
        "de l'état civil, composée de deux agentes, ne peut absorber cette charge sans renfort. "
        "La dotation versée par l'État pour ce service couvre environ la moitié du coût du "
        "poste.",
    ),
    "2025-023": (
        "d'agent de maîtrise territorial à temps complet",
        "aux services techniques, pour l'encadrement de l'équipe voirie",
        date(2025, 9, 1),
        "Un agent des services techniques, inscrit sur la liste d'aptitude au grade d'agent de "
        "maîtrise au titre de la promotion interne, exerce déjà les fonctions de chef de "
        "l'équipe voirie. La création du poste permet de reconnaître ces responsabilités. Le "
        "poste d'adjoint technique principal qu'il occupe sera supprimé après avis du comité "
        "social territorial.",
    ),
    "2026-004": (
        "d'animateur territorial à temps complet",
        "à la Maison de l'enfance",
        date(2026, 3, 1),
        "L'aménagement d'une salle supplémentaire à la Maison de l'enfance porte la capacité "
        "de l'accueil de loisirs du mercredi de 48 à 64 places. Le taux d'encadrement "
        "réglementaire impose le recrutement d'un animateur qualifié, qui assurera aussi la "
        "coordination de l'accueil périscolaire du soir.",
    ),
}


def poste(c: Context) -> Draft:
    grade, service, start, reason = _POSTS[c.number]
    chief = c.rapporteur("Delorme")
    intro = c.pick(
        "poste-intro",
        (
            f"{presenter(chief)} rappelle qu'il appartient au conseil municipal de créer les "
            "emplois nécessaires au fonctionnement des services, et de fixer leur grade et leur "
            "durée de travail.",
            "Les emplois de la commune sont créés par le conseil municipal, qui tient à jour le "
            "tableau des effectifs. Il est proposé de créer un nouveau poste.",
            f"{presenter(chief)} présente une proposition de création de poste {service}.",
        ),
    )
    block = legal_block(
        c.writer,
        [
            "Vu le code général de la fonction publique",
            CGCT,
            f"Vu le tableau des effectifs de la commune au {fr_date(c.session.day)}",
        ],
        c.unanimous(),
    )
    decision = (
        f"DÉCIDE de créer, à compter du {fr_date(start)}, un poste {grade} {service} ;\n"
        "MODIFIE en conséquence le tableau des effectifs ;\n"
        "DIT que les crédits nécessaires sont inscrits au budget."
    )
    title = f"Création d'un poste {grade.split(' à ')[0]} {service.split(',')[0]}"
    return Draft(
        title,
        "\n\n".join([intro, reason, block, decision]),
        c.unanimous(),
        f"Le conseil crée un poste {grade} {service} à compter du {fr_date(start)}.",
    )


# ------------------------------------------------------------------ restauration scolaire

_CANTEEN_RATIONALE = {
    "2023-2024": (
        "La hausse du prix des denrées a atteint près de 12 % en un an. Il est proposé de la "
        "répercuter très partiellement sur les familles, en laissant inchangé le repas à un "
        "euro de la première tranche et en augmentant les autres tranches de 10 à 20 centimes."
    ),
    "2025-2026": (
        "Comme la commission scolaire s'y était engagée en mars 2024, il est proposé de passer "
        "de quatre à cinq tranches de quotient familial. Cette réforme répartit plus "
        "équitablement l'effort : près de 60 % des familles verront leur tarif baisser ou "
        "rester stable, tandis que les familles aux revenus les plus élevés paieront un peu "
        "plus."
    ),
    "2026-2027": (
        "La réforme des tranches adoptée pour la rentrée 2025 a atteint ses objectifs. Il est "
        "proposé de conserver ce barème et de le revaloriser de façon mesurée, de 5 centimes "
        "par repas, la première tranche restant à un euro."
    ),
}


def cantine(c: Context, school_year: str) -> Draft:
    t = next(x for x in CANTEEN if x.school_year == school_year)
    school = c.rapporteur("Benali")
    intro = c.pick(
        "cantine-intro",
        (
            f"{presenter(school)} présente le bilan du restaurant scolaire, qui sert environ "
            "180 repas par jour de classe, préparés sur place par l'équipe de cuisine "
            "municipale.",
            f"Le restaurant scolaire du groupe scolaire Marie-Curie accueille chaque jour de "
            f"classe environ 180 enfants. {presenter(school)} propose les tarifs de l'année "
            f"scolaire {school_year}.",
            f"{presenter(school)} rappelle que le prix payé par les familles ne couvre qu'une "
            "partie du coût du service de restauration scolaire, qui sert près de 25 000 repas "
            "par an.",
        ),
    )
    cost = (
        f"En {t.cost_year}, le coût de revient complet d'un repas s'est élevé à {t.cost}, dont "
        f"{t.food} pour les denrées, {t.staff} pour le personnel de cuisine et de surveillance "
        f"et {t.other} pour les fluides, l'entretien et le petit matériel. Les produits "
        f"durables et de qualité ont représenté {t.quality} % des achats, dont {t.organic} % de "
        "produits issus de l'agriculture biologique."
    )
    vote = c.unanimous()
    block = legal_block(
        c.writer,
        [
            CGCT,
            "Vu le code de l'éducation, notamment son article R. 531-52",
            "Vu l'avis de la commission des affaires scolaires",
        ],
        vote,
    )
    rows = [
        f"- tranche {i}, quotient familial {band} : {price} ;"
        for i, (band, price) in enumerate(t.bands, start=1)
    ]
    rows += [
        f"- enfant non domicilié dans la commune : {t.outside} ;",
        f"- repas adulte : {t.adult} ;",
        f"- enfant bénéficiant d'un projet d'accueil individualisé avec panier-repas : {t.basket}.",
    ]
    decision = (
        f"FIXE comme suit le prix du repas au restaurant scolaire à compter du {t.start} :\n"
        + "\n".join(rows)
    )
    first, last = t.bands[0][1], t.bands[-1][1]
    return Draft(
        f"Tarifs de la restauration scolaire pour l'année scolaire {school_year}",
        "\n\n".join([intro, cost, _CANTEEN_RATIONALE[school_year], block, decision]),
        vote,
        f"{presenter(school, with_role=False)} présente les tarifs de la cantine pour "
        f"{school_year} : de {first} à {last} le repas selon le quotient familial, en "
        f"{number_in_words(len(t.bands))} tranches. Le coût réel d'un repas atteignait "
        f"{t.cost} en {t.cost_year}.",
    )


# ------------------------------------------------------------------ périscolaire

_PERISCOLAIRE = {
    "2023-2024": (
        "4 septembre 2023",
        ("jusqu'à 500 €", "de 501 € à 900 €", "de 901 € à 1 300 €", "au-delà de 1 300 €"),
        (
            ("accueil du matin, de 7 h 30 à 8 h 20", ("0,90", "1,30", "1,60", "1,90")),
            ("accueil du soir, de 16 h 30 à 18 h 45", ("1,40", "2,00", "2,50", "2,90")),
            ("mercredi ou vacances, journée avec repas", ("5,50", "8,50", "11,00", "13,50")),
            ("mercredi ou vacances, demi-journée", ("3,00", "4,60", "6,00", "7,30")),
        ),
    ),
    "2024-2025": (
        "2 septembre 2024",
        ("jusqu'à 500 €", "de 501 € à 900 €", "de 901 € à 1 300 €", "au-delà de 1 300 €"),
        (
            ("accueil du matin, de 7 h 30 à 8 h 20", ("0,90", "1,35", "1,65", "1,95")),
            ("accueil du soir, de 16 h 30 à 18 h 45", ("1,45", "2,05", "2,60", "3,00")),
            ("mercredi ou vacances, journée avec repas", ("5,60", "8,70", "11,30", "13,90")),
            ("mercredi ou vacances, demi-journée", ("3,05", "4,70", "6,15", "7,50")),
        ),
    ),
    "2025-2026": (
        "1er septembre 2025",
        (
            "jusqu'à 500 €",
            "de 501 € à 800 €",
            "de 801 € à 1 100 €",
            "de 1 101 € à 1 500 €",
            "au-delà de 1 500 €",
        ),
        (
            ("accueil du matin, de 7 h 30 à 8 h 20", ("0,90", "1,25", "1,55", "1,85", "2,05")),
            ("accueil du soir, de 16 h 30 à 18 h 45", ("1,45", "1,95", "2,45", "2,90", "3,20")),
            (
                "mercredi ou vacances, journée avec repas",
                ("5,60", "8,20", "10,60", "12,90", "14,60"),
            ),
            ("mercredi ou vacances, demi-journée", ("3,05", "4,45", "5,75", "7,00", "7,90")),
        ),
    ),
}

_PERI_NOTES = {
    "2023-2024": (
        "L'accueil périscolaire a accueilli en moyenne 64 enfants le matin et 92 le soir au "
        "cours de l'année écoulée. L'accueil de loisirs Les Loupiots a affiché complet tous les "
        "mercredis à partir du mois de novembre."
    ),
    "2024-2025": (
        "Pendant les travaux de l'été 2024 au groupe scolaire, l'accueil de loisirs se tiendra "
        "exclusivement à la Maison de l'enfance, allée des Tilleuls. La fréquentation du soir "
        "continue de progresser, avec une moyenne de 98 enfants."
    ),
    "2025-2026": (
        "Par cohérence avec la réforme des tarifs de la restauration scolaire, le barème de "
        "l'accueil périscolaire et de l'accueil de loisirs passe lui aussi à cinq tranches de "
        "quotient familial."
    ),
}


def periscolaire(c: Context, school_year: str) -> Draft:
    start, bands, services = _PERISCOLAIRE[school_year]
    school = c.rapporteur("Benali")
    intro = c.pick(
        "peri-intro",
        (
            f"{presenter(school)} présente les tarifs de l'accueil périscolaire et de l'accueil "
            f"de loisirs Les Loupiots pour l'année scolaire {school_year}. Ces services "
            "bénéficient du soutien de la caisse d'allocations familiales, qui impose une "
            "tarification modulée selon les ressources des familles.",
            f"Les tarifs des accueils de loisirs et de l'accueil périscolaire doivent être fixés "
            f"avant l'ouverture des inscriptions pour l'année scolaire {school_year}. "
            f"{presenter(school)} en présente le projet.",
            f"{presenter(school)} rappelle que la commune organise un accueil avant et après la "
            "classe au groupe scolaire Marie-Curie, ainsi qu'un accueil de loisirs le mercredi "
            "et pendant les vacances à la Maison de l'enfance.",
        ),
    )
    rows = []
    for label, prices in services:
        detail = " ; ".join(
            f"quotient {band} : {price} €" for band, price in zip(bands, prices, strict=True)
        )
        rows.append(f"- {label} : {detail} ;")
    rows[-1] = rows[-1][:-2] + "."
    block = legal_block(
        c.writer,
        [CGCT, "Vu l'avis de la commission des affaires scolaires et de la jeunesse"],
        c.unanimous(),
    )
    decision = (
        f"FIXE comme suit les tarifs de l'accueil périscolaire et de l'accueil de loisirs à "
        f"compter du {start} :\n" + "\n".join(rows)
    )
    low, high = services[1][1][0], services[1][1][-1]
    return Draft(
        f"Tarifs de l'accueil périscolaire et de l'accueil de loisirs pour {school_year}",
        "\n\n".join([intro, _PERI_NOTES[school_year], block, decision]),
        c.unanimous(),
        f"Les tarifs de l'accueil périscolaire et de l'accueil de loisirs sont fixés pour "
        f"{school_year} ; l'accueil du soir coûtera de {low} € à {high} € selon le quotient "
        "familial.",
    )


# ------------------------------------------------------------------ saisonniers

_SEASONAL = {
    2023: (3, 2, "du 12 juin au 1er septembre 2023", "du 10 juillet au 4 août 2023"),
    2024: (2, 3, "du 17 juin au 30 août 2024", "du 8 juillet au 2 août 2024"),
    2025: (3, 3, "du 16 juin au 29 août 2025", "du 7 juillet au 1er août 2025"),
}


def saisonniers(c: Context, year: int) -> Draft:
    green, animators, green_period, camp_period = _SEASONAL[year]
    chief = c.rapporteur("Delorme")
    intro = c.pick(
        "saison-intro",
        (
            f"Chaque été, l'activité des espaces verts et de l'accueil de loisirs augmente "
            f"fortement, alors que les agents permanents prennent leurs congés. {presenter(chief)} "
            "propose donc de recruter des agents contractuels pour faire face à cet "
            "accroissement saisonnier d'activité.",
            f"{presenter(chief)} indique que, comme les années précédentes, la commune a besoin "
            f"de renforts pour l'été {year}, aux espaces verts et à l'accueil de loisirs.",
            "Le code général de la fonction publique permet de recruter des agents "
            "contractuels pour un accroissement saisonnier d'activité, pour six mois au plus "
            f"sur douze mois consécutifs. Il est proposé d'y recourir pour l'été {year}.",
        ),
    )
    detail = (
        f"Seraient ainsi recrutés {green} agents aux espaces verts, {green_period}, rémunérés "
        f"sur la base du premier échelon du grade d'adjoint technique, et {animators} "
        f"animateurs titulaires du brevet d'aptitude aux fonctions d'animateur pour l'accueil "
        f"de loisirs, {camp_period}."
    )
    youth = c.pick(
        "saison-youth",
        (
            "Comme chaque année, les candidatures de jeunes Clairvaliens seront examinées en "
            "priorité.",
            "Les offres seront diffusées à la mission locale et affichées en mairie ; une "
            "attention particulière sera portée aux candidatures des jeunes de la commune.",
            "Mme la Maire souhaite que ces emplois continuent de permettre à des jeunes de la "
            "commune d'acquérir une première expérience professionnelle.",
        ),
    )
    block = legal_block(
        c.writer,
        ["Vu le code général de la fonction publique, notamment son article L. 332-23", CGCT],
        c.unanimous(),
    )
    decision = (
        f"AUTORISE le recrutement de {green + animators} agents contractuels pour accroissement "
        f"saisonnier d'activité pendant l'été {year}, dans les conditions exposées ci-dessus ;\n"
        "DIT que les crédits sont inscrits au chapitre 012 du budget."
    )
    return Draft(
        f"Recrutement d'agents contractuels pour l'été {year}",
        "\n\n".join([intro, detail, youth, block, decision]),
        c.unanimous(),
        f"Le conseil autorise le recrutement de {green} saisonniers aux espaces verts et de "
        f"{animators} animateurs pour l'été {year}.",
    )


# ------------------------------------------------------------------ rapports annuels

_WATER = {
    2022: (2_180, "2,38", "100", "78,4", 238_400),
    2023: (2_196, "2,49", "99,1", "79,8", 231_900),
    2024: (2_214, "2,61", "100", "81,2", 229_300),
}


def rpqs(c: Context, year: int) -> Draft:
    subscribers, price, quality, efficiency, volume = _WATER[year]
    env = c.rapporteur("Tissier")
    intro = c.pick(
        "rpqs-intro",
        (
            "La distribution de l'eau potable à Clairval-sur-Ondine est assurée par le Syndicat "
            "intercommunal des eaux du Val d'Ondine. Chaque année, son rapport sur le prix et la "
            "qualité du service doit être présenté au conseil municipal.",
            f"{presenter(env)} présente le rapport annuel {year} du Syndicat intercommunal des "
            "eaux du Val d'Ondine sur le prix et la qualité du service public de l'eau potable.",
            f"Le rapport sur le prix et la qualité du service de l'eau potable pour l'année "
            f"{year} a été transmis par le syndicat des eaux. {presenter(env)} en présente les "
            "principaux indicateurs.",
        ),
    )
    figures = (
        f"En {year}, le service comptait {group_thousands(str(subscribers))} abonnés sur le "
        f"territoire de la commune, pour un volume consommé de "
        f"{group_thousands(str(volume))} mètres cubes. Le prix de l'eau, pour une facture type "
        f"de 120 mètres cubes, s'élevait à {price} € toutes taxes comprises par mètre cube. Le "
        f"taux de conformité des prélèvements réalisés par l'autorité sanitaire a atteint "
        f"{quality} % et le rendement du réseau, qui mesure la part de l'eau produite "
        f"effectivement parvenue aux usagers, {efficiency} %."
    )
    comment = c.pick(
        "rpqs-comment",
        (
            f"{presenter(env, False)} souligne que l'amélioration du rendement résulte du "
            "programme de recherche de fuites engagé par le syndicat.",
            "Le rapport signale que la hausse du prix s'explique par le renouvellement des "
            "canalisations les plus anciennes, engagé depuis plusieurs années.",
            f"{presenter(env, False).capitalize()} indique que le rapport complet peut être "
            "consulté en mairie par toute personne qui en fait la demande.",
        ),
    )
    block = legal_block(
        c.writer,
        [
            f"{CGCT}, notamment son article L. 2224-5",
            f"Vu le rapport {year} du Syndicat intercommunal des eaux du Val d'Ondine",
        ],
        c.unanimous(),
        debated=True,
    )
    decision = (
        f"PREND ACTE du rapport {year} sur le prix et la qualité du service public de l'eau "
        "potable ;\nDIT que ce rapport est mis à la disposition du public en mairie."
    )
    return Draft(
        f"Rapport {year} sur le prix et la qualité du service de l'eau potable",
        "\n\n".join([intro, figures, comment, block, decision]),
        c.unanimous(),
        f"Le conseil prend acte du rapport {year} du syndicat des eaux : {price} € le mètre "
        f"cube pour une facture de 120 mètres cubes, rendement du réseau de {efficiency} %.",
    )


_CC = {
    2022: (
        "231",
        "la mise en service de la nouvelle plateforme de broyage des déchets verts à la "
        "déchèterie des Gravières et l'adoption du programme local de l'habitat",
        "M. Patrick Leroux regrette que les comptes rendus du conseil communautaire soient "
        "diffusés avec retard aux conseillers municipaux.",
    ),
    2023: (
        "224",
        "l'extension de la zone d'activités des Gravières et l'ouverture de huit places "
        "supplémentaires au multi-accueil intercommunal Les Petits Meuniers",
        "Mme Céline Navarro interroge les délégués communautaires sur la hausse de la taxe "
        "d'enlèvement des ordures ménagères ; Mme la Maire indique qu'elle finance le "
        "renouvellement des camions de collecte.",
    ),
    2024: (
        "217",
        "la gestion de la crue de novembre, au titre de la compétence de gestion des milieux "
        "aquatiques et de prévention des inondations, et le lancement d'une étude hydraulique "
        "sur le bassin de l'Ondine",
        "M. Hervé Quillet demande que les conclusions de l'étude hydraulique soient présentées "
        "aux riverains du quai de l'Ondine et du Moulin-Bas ; Mme la Maire s'y engage.",
    ),
}


def rapport_cc(c: Context, year: int) -> Draft:
    waste, highlights, debate = _CC[year]
    chief = c.rapporteur("Delorme")
    intro = c.pick(
        "cc-intro",
        (
            "La Communauté de communes du Val d'Ondine, qui regroupe quatorze communes et près "
            f"de 21 000 habitants, a transmis son rapport d'activité pour l'année {year}. La "
            "loi prévoit qu'il soit présenté chaque année au conseil municipal de chaque commune "
            "membre.",
            f"{presenter(chief)} présente le rapport d'activité {year} de la Communauté de "
            "communes du Val d'Ondine, à laquelle la commune a transféré notamment la collecte "
            "des déchets, le développement économique et la petite enfance.",
            f"Le rapport d'activité {year} de la Communauté de communes du Val d'Ondine est "
            "présenté par Mme la Maire, qui siège au conseil communautaire avec quatre autres "
            "élus de Clairval.",
        ),
    )
    facts = (
        f"Parmi les faits marquants de l'année figurent {highlights}. La production "
        f"d'ordures ménagères résiduelles s'est établie à {waste} kilos par habitant."
    )
    block = legal_block(
        c.writer,
        [
            f"{CGCT}, notamment son article L. 5211-39",
            f"Vu le rapport d'activité {year} transmis par la Communauté de communes",
        ],
        c.unanimous(),
        debated=True,
    )
    decision = (
        f"PREND ACTE de la communication du rapport d'activité {year} de la Communauté de "
        "communes du Val d'Ondine."
    )
    return Draft(
        f"Rapport d'activité {year} de la Communauté de communes du Val d'Ondine",
        "\n\n".join([intro, facts, block, decision]),
        c.unanimous(),
        f"Mme la Maire présente le rapport d'activité {year} de la Communauté de communes, "
        f"marqué notamment par {highlights.split(' et ')[0]}.",
        debate,
    )


# ------------------------------------------------------------------ tarifs communaux

_FEES = {
    2024: (("180", "350", "600"), ("450", "800"), "0,90", "12,00"),
    2025: (("185", "360", "615"), ("460", "820"), "0,95", "12,50"),
    2026: (("190", "370", "630"), ("470", "840"), "0,95", "13,00"),
}


def tarifs_communaux(c: Context, year: int) -> Draft:
    graves, urns, market, terrace = _FEES[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    intro = c.pick(
        "tarifs-intro",
        (
            f"{presenter(finance)} présente les tarifs des services communaux applicables au "
            f"1er janvier {year}. Il est proposé une évolution limitée, d'environ 2 %, arrondie "
            "à l'euro ou aux cinq centimes.",
            f"Comme chaque année, le conseil municipal est appelé à fixer les tarifs communaux "
            f"pour l'année {year} : concessions funéraires, droits de place du marché, occupation "
            "du domaine public et services divers.",
            f"Les tarifs communaux pour {year} ont été examinés par la commission des finances. "
            f"{presenter(finance)} précise que les tarifs de la salle des Marronniers, fixés en "
            "janvier 2024, ne sont pas modifiés.",
        ),
    )
    block = legal_block(c.writer, [CGCT, "Vu l'avis de la commission des finances"], c.unanimous())
    decision = (
        f"FIXE comme suit les tarifs communaux à compter du 1er janvier {year} :\n"
        f"- concession au cimetière communal, 15 ans : {graves[0]} € ; 30 ans : {graves[1]} € ; "
        f"50 ans : {graves[2]} € ;\n"
        f"- case de columbarium, 15 ans : {urns[0]} € ; 30 ans : {urns[1]} € ;\n"
        "- dispersion des cendres au jardin du souvenir : gratuite ;\n"
        f"- droits de place du marché hebdomadaire : {market} € le mètre linéaire ;\n"
        f"- terrasses commerciales sur le domaine public : {terrace} € le mètre carré par an ;\n"
        "- photocopie A4 en noir et blanc : 0,20 €."
    )
    market_note = c.pick(
        "tarifs-market",
        (
            "Le marché du jeudi matin, place du Marché, réunit en moyenne quatorze commerçants "
            "non sédentaires, dont six producteurs locaux.",
            "Les droits de place restent parmi les plus bas du Val d'Ondine, afin de "
            "préserver l'attractivité du marché du jeudi matin.",
            "Les commerçants abonnés au marché bénéficient d'un paiement trimestriel.",
        ),
    )
    return Draft(
        f"Tarifs communaux pour l'année {year}",
        "\n\n".join([intro, market_note, block, decision]),
        c.unanimous(),
        f"Les tarifs communaux {year} sont adoptés : concession trentenaire à {graves[1]} €, "
        f"droits de place à {market} € le mètre linéaire.",
    )


_SUNDAYS = {
    2024: (
        date(2024, 1, 14),
        date(2024, 6, 30),
        date(2024, 12, 8),
        date(2024, 12, 15),
        date(2024, 12, 22),
    ),
    2025: (
        date(2025, 1, 12),
        date(2025, 6, 29),
        date(2025, 12, 7),
        date(2025, 12, 14),
        date(2025, 12, 21),
    ),
    2026: (
        date(2026, 1, 11),
        date(2026, 6, 28),
        date(2026, 12, 6),
        date(2026, 12, 13),
        date(2026, 12, 20),
    ),
}


def dimanches(c: Context, year: int) -> Draft:
    days = _SUNDAYS[year]
    if any(d.weekday() != 6 for d in days):
        raise ValueError(f"a date of {year} is not a Sunday")
    chief = c.rapporteur("Pradel")
    intro = c.pick(
        "dim-intro",
        (
            "Dans les commerces de détail, le repos hebdomadaire des salariés est donné le "
            "dimanche. La Maire peut toutefois accorder des dérogations, pour un nombre limité "
            "de dimanches dans l'année, après avis du conseil municipal.",
            f"{presenter(chief)} indique que plusieurs commerces de la commune, notamment la "
            "supérette de la Grande Rue et le magasin de bricolage de la zone des Gravières, "
            f"ont demandé à pouvoir ouvrir certains dimanches de l'année {year}.",
            f"Avant d'arrêter la liste des dimanches pendant lesquels les commerces de détail "
            f"pourront employer des salariés en {year}, la Maire doit recueillir l'avis du "
            "conseil municipal.",
        ),
    )
    listing = join_list([fr_day_month(d) for d in days])
    detail = f"Il est proposé de retenir cinq dimanches : {listing} {year}. " + c.pick(
        "dim-detail",
        (
            "Ces dates correspondent au début des soldes d'hiver et d'été et aux trois dimanches "
            "qui précèdent Noël. Les salariés volontaires perçoivent une rémunération au moins "
            "double et bénéficient d'un repos compensateur.",
            f"Le calendrier retenu pour {year} suit celui des années précédentes : un dimanche "
            "pour chaque période de soldes et trois dimanches en décembre. Seuls les salariés "
            "volontaires peuvent travailler ces jours-là, avec une rémunération doublée.",
            "Les commerçants consultés ont souhaité concentrer les ouvertures sur les périodes "
            "de forte fréquentation, soldes et fêtes de fin d'année. Le travail du dimanche "
            "reste fondé sur le volontariat des salariés.",
        ),
    )
    block = legal_block(
        c.writer, ["Vu le code du travail, notamment son article L. 3132-26", CGCT], c.unanimous()
    )
    decision = (
        f"ÉMET un avis favorable à l'ouverture des commerces de détail le dimanche, en {year}, "
        f"aux dates suivantes : {listing} {year}."
    )
    return Draft(
        f"Avis sur les dérogations au repos dominical pour l'année {year}",
        "\n\n".join([intro, detail, block, decision]),
        c.unanimous(),
        f"Avis favorable à l'ouverture des commerces cinq dimanches en {year} : {listing}.",
    )
