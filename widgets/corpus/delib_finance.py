"""Generators of the recurring financial deliberations (budget, accounts, taxes, grants)."""

from __future__ import annotations

from decimal import Decimal

from widgets.corpus.council import (
    ABSTAIN,
    AGAINST,
    Context,
    Draft,
    Vote,
    legal_block,
    presenter,
    pronoun,
    short,
)
from widgets.corpus.facts import (
    ACCOUNTS,
    ASSOCIATIONS,
    BUDGETS,
    TAX_BUILT,
    TAX_UNBUILT,
)
from widgets.corpus.prose import a, de, euros, fr_date, join_list

CGCT = "Vu le code général des collectivités territoriales"
M57 = "Vu l'instruction budgétaire et comptable M57"

# ------------------------------------------------------------------ orientation débat

_DOB_CONTEXT = {
    2023: (
        "L'année 2023 s'ouvre dans un contexte inédit. Le prix de l'électricité payé par la "
        "commune a plus que doublé au 1er janvier, malgré le bouclier tarifaire, et l'inflation "
        "renchérit l'ensemble des achats courants, des denrées de la cantine aux fournitures de "
        "voirie. Dans le même temps, la revalorisation du point d'indice décidée à l'été 2022 "
        "pèse sur une année pleine. L'équilibre du budget exigera donc des choix."
    ),
    2025: (
        "Le budget 2025 se prépare dans un climat d'incertitude sur les finances publiques "
        "nationales. Les concours financiers de l'État devraient être stables en valeur, mais "
        "plusieurs dispositifs de soutien à l'investissement voient leurs enveloppes réduites. "
        "À l'échelle de la commune, l'année sera aussi marquée par les suites de la crue de "
        "novembre 2024, dont le coût pour le budget communal est estimé à 58 000 €, en partie "
        "couvert par les assurances."
    ),
    2026: (
        "Ce débat a une portée particulière : il porte sur le dernier budget préparé par le "
        "conseil municipal élu en 2020, qui sera voté avant le renouvellement général des "
        "conseils municipaux du mois de mars. Mme la Maire indique que la majorité a fait le "
        "choix de présenter un budget complet plutôt qu'un budget de simple reconduction, afin "
        "que les services et les chantiers engagés ne soient pas interrompus, tout en laissant "
        "à la future assemblée la possibilité de l'ajuster par décision modificative."
    ),
}

_DOB_DEBATE = {
    2023: (
        "M. Hervé Quillet, pour le groupe « Clairval Autrement », estime que l'extinction "
        "nocturne de l'éclairage public devrait être décidée sans attendre, compte tenu du prix "
        "de l'électricité. Mme Océane Tissier répond qu'une expérimentation sera conduite au "
        "printemps dans deux hameaux, afin de recueillir l'avis des habitants avant toute "
        "généralisation. Mme Fatima Ouazzani interroge la majorité sur l'avenir de l'offre de "
        "soins ; Mme la Maire indique que le sujet sera abordé au cours du mandat."
    ),
    2025: (
        "Mme Fatima Ouazzani se félicite du lancement d'une étude de faisabilité pour la maison "
        "de santé, demandée de longue date par son groupe, mais regrette qu'aucun calendrier de "
        "réalisation ne figure au rapport. M. Patrick Leroux s'interroge sur l'opportunité "
        "d'installer des caméras de vidéoprotection et demande qu'une charte d'usage soit "
        "soumise au conseil. Mme la Maire indique que cette charte sera présentée avant la mise "
        "en service du dispositif."
    ),
    2026: (
        "M. Patrick Leroux estime qu'un budget voté à quelques semaines des élections engage "
        "excessivement la future équipe, en particulier pour la maison de santé. Mme la Maire "
        "répond que les opérations inscrites ont toutes été débattues au cours des années "
        "précédentes et qu'aucune dépense nouvelle d'ampleur n'est engagée sans délibération "
        "spécifique. M. Antoine Bellamy salue la maîtrise de l'endettement."
    ),
}

_DOB_ORIENTATIONS = {
    2023: (
        "limiter la hausse des dépenses de fonctionnement malgré l'inflation",
        "ne pas augmenter les taux des impôts locaux",
        "achever la réfection de la rue des Tanneurs",
        "remplacer l'ensemble des lanternes de l'éclairage public par des luminaires à LED",
        "lancer les études de la rénovation énergétique du groupe scolaire Marie-Curie",
    ),
    2025: (
        "maintenir les taux des impôts locaux pour la cinquième année consécutive",
        "achever la rénovation énergétique du groupe scolaire Marie-Curie",
        "terminer la restauration du clocher de l'église Saint-Martin",
        "réviser le plan communal de sauvegarde après la crue de novembre",
        "engager les études de la maison de santé et de la voie verte",
    ),
    2026: (
        "maintenir les taux des impôts locaux",
        "réaliser la voie verte le long de l'Ondine",
        "lancer la maîtrise d'œuvre de la maison de santé",
        "poursuivre le désendettement de la commune",
    ),
}


def dob(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    ratio = f"{b.debt_start / b.gross_savings:.1f}".replace(".", ",")
    per_head = round(b.debt_start / 4_800)
    intro = c.pick(
        "dob-intro",
        (
            f"Comme chaque année, le vote du budget primitif {year} est précédé d'un débat "
            "d'orientation budgétaire, obligatoire dans les communes de 3 500 habitants et plus. "
            "Ce débat permet à chaque élu de s'exprimer sur la stratégie financière de la commune "
            "avant que les chiffres ne soient arrêtés.",
            f"Le débat d'orientation budgétaire constitue la première étape du cycle budgétaire "
            f"{year}. Il doit se tenir dans les deux mois qui précèdent le vote du budget et "
            "s'appuie sur un rapport qui expose les orientations envisagées, les engagements "
            "pluriannuels, ainsi que la structure et la gestion de la dette.",
            f"Mme la Maire ouvre le débat sur les orientations du budget {year}. Elle rappelle que "
            "ce débat, prévu par la loi, n'a pas pour objet d'adopter des chiffres, mais de "
            "partager un diagnostic et des priorités avant la préparation du budget.",
        ),
    )
    situation = c.pick(
        "dob-situation",
        (
            f"{presenter(finance)} présente le rapport d'orientation budgétaire, transmis aux "
            f"conseillers municipaux avec la convocation du {fr_date(c.session.convened)}. "
            f"L'épargne brute de l'exercice {year - 1} est estimée à {euros(b.gross_savings)}. "
            f"L'encours de la dette s'élève à {euros(b.debt_start)} au 1er janvier {year}, soit "
            f"une capacité de désendettement d'environ {ratio} années.",
            f"Le rapport, présenté par {presenter(finance, with_role=False)}, dresse d'abord un "
            f"état de la situation financière. À la clôture de l'exercice {year - 1}, l'épargne "
            f"brute est estimée à {euros(b.gross_savings)}. La dette communale s'établit à "
            f"{euros(b.debt_start)} au 1er janvier {year}, soit environ {per_head} € par habitant, "
            f"et la capacité de désendettement à {ratio} années, un niveau que "
            f"{short(finance)} juge maîtrisé.",
            f"{presenter(finance)} commente les principaux indicateurs financiers. L'épargne "
            f"brute dégagée en {year - 1} atteindrait {euros(b.gross_savings)}, ce qui permet de "
            f"couvrir le remboursement du capital de la dette et de financer une part des "
            f"investissements. Au 1er janvier {year}, l'encours de la dette est de "
            f"{euros(b.debt_start)}, et il faudrait {ratio} années d'épargne pour le rembourser "
            "en totalité.",
        ),
    )
    orientations = _DOB_ORIENTATIONS[year]
    projects = join_list([f"{label} ({euros(amount)})" for label, amount in b.projects[:3]])
    plan = (
        f"Pour {year}, les orientations proposées sont les suivantes : "
        + join_list(list(orientations))
        + f". Le programme d'investissement comprendrait notamment {projects}."
    )
    if b.loan:
        plan += f" Un emprunt d'environ {euros(b.loan)} serait nécessaire pour l'équilibrer."
    else:
        plan += " Il serait financé sans recours à un emprunt nouveau."
    staff = c.pick(
        "dob-staff",
        (
            f"Le rapport présente enfin la structure des effectifs : la commune emploie "
            f"{b.agents} agents, soit {b.fte} équivalents temps plein. Les dépenses de personnel "
            f"sont estimées à {euros(b.staff)} pour {year}.",
            f"En matière de ressources humaines, le rapport fait état de {b.agents} agents "
            f"rémunérés au 1er janvier {year}, représentant {b.fte} équivalents temps plein, et "
            f"d'une prévision de dépenses de personnel de {euros(b.staff)}.",
            f"Au 1er janvier {year}, les services municipaux comptent {b.agents} agents "
            f"({b.fte} équivalents temps plein) ; la masse salariale prévisionnelle atteint "
            f"{euros(b.staff)}.",
        ),
    )
    block = legal_block(
        c.writer,
        [
            f"{CGCT}, notamment son article L. 2312-1",
            f"Vu le rapport d'orientation budgétaire {year} adressé aux conseillers municipaux le "
            f"{fr_date(c.session.convened)}",
        ],
        c.unanimous(),
        debated=True,
    )
    decision = (
        f"PREND ACTE de la tenue du débat d'orientation budgétaire pour l'exercice {year}, sur la "
        "base du rapport annexé à la présente délibération."
    )
    body = "\n\n".join([intro, situation, _DOB_CONTEXT[year], plan, staff, block, decision])
    summary = (
        f"{presenter(finance, with_role=False)} présente le rapport d'orientation budgétaire "
        f"{year} : encours de dette de {euros(b.debt_start)} au 1er janvier, capacité de "
        f"désendettement de {ratio} années, {b.agents} agents. Les priorités de l'année sont de "
        + join_list(list(orientations[:3]))
        + "."
    )
    return Draft(
        f"Débat d'orientation budgétaire {year}",
        body,
        Vote("acte", c.session.voters),
        summary,
        _DOB_DEBATE[year],
    )


# ------------------------------------------------------------------ compte administratif


def _d(value: str) -> Decimal:
    return Decimal(value)


_CA_COMMENT = {
    2022: (
        "M. Lefèvre-Rigal souligne que l'exercice 2022 a été marqué par la forte hausse des "
        "prix de l'énergie au second semestre : la facture d'électricité de la commune a "
        "augmenté de 34 % par rapport à 2021. Les recettes ont bénéficié, en sens inverse, de "
        "droits de mutation élevés, liés au dynamisme des ventes immobilières au Clos des "
        "Vergers. L'épargne brute s'établit à 805 000 €."
    ),
    2024: (
        "M. Lefèvre-Rigal indique que l'exercice 2024 a été marqué par la première tranche de "
        "la rénovation du groupe scolaire Marie-Curie, réalisée dans les délais, et par les "
        "dépenses imprévues liées à la crue de novembre, qui ont été couvertes sans décision "
        "modificative supplémentaire. Les dépenses d'énergie ont diminué de 9 % grâce à "
        "l'extinction nocturne de l'éclairage public."
    ),
}


def compte_administratif(c: Context, year: int) -> Draft:
    a = ACCOUNTS[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    op_year = _d(a.op_income) - _d(a.op_spending)
    op_total = op_year + _d(a.op_carried)
    inv_year = _d(a.inv_income) - _d(a.inv_spending)
    inv_total = inv_year + _d(a.inv_carried)
    chair = c.pick(
        "ca-chair",
        (
            "Conformément à la loi, Mme la Maire se retire au moment du vote et la présidence de "
            f"la séance est confiée à {presenter(finance, with_role=False)}, premier adjoint.",
            "Mme la Maire ayant quitté la salle pour le vote, comme le prévoit le code général "
            f"des collectivités territoriales, {presenter(finance, with_role=False)} préside la "
            "séance pour ce point.",
        ),
    )
    presentation = c.pick(
        "ca-presentation",
        (
            f"{presenter(finance)} présente le compte administratif de l'exercice {year}. Ce "
            "document, établi par l'ordonnateur, retrace toutes les recettes encaissées et toutes "
            "les dépenses payées au cours de l'année, et permet de comparer les réalisations aux "
            "prévisions du budget.",
            f"Le compte administratif {year} est présenté par {presenter(finance, False)}. "
            f"{pronoun(finance).capitalize()} rappelle qu'il constitue l'arrêté des comptes de la "
            "commune : il mesure ce qui a été réellement réalisé, alors que le budget n'était "
            "qu'une autorisation.",
        ),
    )
    carried = "excédent" if _d(a.inv_carried) >= 0 else "déficit"
    inv_sign = "un excédent" if inv_total >= 0 else "un déficit"
    operating = (
        f"En section de fonctionnement, les recettes de l'exercice {year} atteignent "
        f"{euros(a.op_income)} et les dépenses {euros(a.op_spending)}, soit un résultat de "
        f"l'exercice de {euros(op_year)}. Avec le résultat reporté de l'exercice précédent, "
        f"qui s'élevait à {euros(a.op_carried)}, le résultat cumulé de fonctionnement s'établit "
        f"à {euros(op_total)}."
    )
    investment = (
        f"En section d'investissement, les recettes s'élèvent à {euros(a.inv_income)} et les "
        f"dépenses à {euros(a.inv_spending)}. Compte tenu de l'{carried} reporté de "
        f"{euros(abs(_d(a.inv_carried)))}, le solde d'exécution cumulé fait apparaître "
        f"{inv_sign} de {euros(abs(inv_total))}."
    )
    rar = (
        f"Les restes à réaliser, reportés sur l'exercice {year + 1}, s'élèvent à "
        f"{euros(a.rar_spending)} en dépenses et à {euros(a.rar_income)} en recettes."
    )
    vote = c.opposition(ABSTAIN) if year == 2022 else c.unanimous()
    vote = Vote(vote.kind, vote.voters, vote.others, not_voting=1)
    block = legal_block(
        c.writer,
        [
            f"{CGCT}, notamment ses articles L. 1612-12 et L. 2121-14",
            f"Vu le budget primitif {year} et les décisions modificatives de l'exercice",
            f"Vu le compte de gestion {year} dressé par le comptable public",
        ],
        vote,
    )
    block = block[:-1] + ", Mme la Maire ne prenant pas part au vote,"
    decision = (
        f"APPROUVE le compte administratif de l'exercice {year} ;\n"
        "CONSTATE sa concordance avec le compte de gestion du comptable public ;\n"
        "ARRÊTE les résultats définitifs tels qu'ils figurent ci-dessus."
    )
    body = "\n\n".join(
        [chair, presentation, operating, investment, rar, _CA_COMMENT[year], block, decision]
    )
    summary = (
        f"{presenter(finance, with_role=False)} présente les résultats de l'exercice {year} : "
        f"résultat cumulé de fonctionnement de {euros(op_total)}, "
        f"{'excédent' if inv_total >= 0 else 'déficit'} cumulé d'investissement de "
        f"{euros(abs(inv_total))} avant restes à réaliser. Mme la Maire quitte la salle pour le "
        "vote."
    )
    return Draft(f"Approbation du compte administratif {year}", body, vote, summary)


def compte_de_gestion(c: Context, year: int) -> Draft:
    a = ACCOUNTS[year]
    op_total = _d(a.op_income) - _d(a.op_spending) + _d(a.op_carried)
    inv_total = _d(a.inv_income) - _d(a.inv_spending) + _d(a.inv_carried)
    intro = c.pick(
        "cg-intro",
        (
            f"Mme la Maire rappelle que le compte de gestion de l'exercice {year} est établi par "
            "le comptable public, chargé du paiement des dépenses et de l'encaissement des "
            "recettes de la commune. Ses résultats doivent être identiques à ceux du compte "
            "administratif tenu par l'ordonnateur.",
            f"Le comptable public a transmis à la commune le compte de gestion de l'exercice "
            f"{year}. Ce document retrace, du point de vue du comptable, les mêmes opérations que "
            "le compte administratif ; le conseil municipal vérifie la concordance des deux.",
        ),
    )
    check = (
        f"Les résultats du compte de gestion sont conformes à ceux du compte administratif : "
        f"{euros(op_total)} pour le résultat cumulé de fonctionnement et {euros(inv_total)} pour "
        "le solde cumulé de la section d'investissement."
    )
    block = legal_block(
        c.writer,
        [
            CGCT,
            f"Considérant que les écritures du comptable pour l'exercice {year} sont régulières "
            "et concordent avec celles de l'ordonnateur",
        ],
        c.unanimous(),
    )
    decision = (
        f"DÉCLARE que le compte de gestion dressé pour l'exercice {year} par le comptable public "
        "n'appelle ni observation ni réserve de sa part."
    )
    return Draft(
        f"Approbation du compte de gestion {year}",
        "\n\n".join([intro, check, block, decision]),
        c.unanimous(),
        f"Le compte de gestion {year} du comptable public présente des résultats identiques à "
        "ceux du compte administratif.",
    )


def affectation(c: Context, year: int) -> Draft:
    a = ACCOUNTS[year]
    op_total = _d(a.op_income) - _d(a.op_spending) + _d(a.op_carried)
    inv_total = _d(a.inv_income) - _d(a.inv_spending) + _d(a.inv_carried)
    rar = _d(a.rar_income) - _d(a.rar_spending)
    need = -(inv_total + rar)
    capitalised = _d(a.capitalised)
    carried = op_total - capitalised
    explain = (
        f"Le besoin de financement de la section d'investissement s'élève à {euros(need)}, "
        f"compte tenu du solde d'exécution cumulé de {euros(inv_total)} et d'un solde des "
        f"restes à réaliser de {euros(rar)}."
    )
    if capitalised > need:
        explain += (
            f" Il est proposé d'affecter en réserves un montant supérieur à ce besoin, soit "
            f"{euros(capitalised)}, afin de renforcer l'autofinancement des travaux de "
            f"{year + 1} et de limiter le recours à l'emprunt."
        )
    intro = c.pick(
        "affectation-intro",
        (
            f"L'excédent de fonctionnement constaté au compte administratif {year}, soit "
            f"{euros(op_total)}, doit être affecté par le conseil municipal. Il sert en priorité "
            "à couvrir le besoin de financement de la section d'investissement.",
            f"Après l'adoption du compte administratif {year}, il appartient au conseil "
            f"municipal de décider de l'emploi de l'excédent de fonctionnement de "
            f"{euros(op_total)}.",
        ),
    )
    block = legal_block(
        c.writer,
        [CGCT, M57, f"Vu le compte administratif {year} adopté ce jour"],
        c.unanimous(),
    )
    decision = (
        f"DÉCIDE d'affecter le résultat de fonctionnement {year} comme suit :\n"
        f"- {euros(capitalised)} au compte 1068, excédents de fonctionnement capitalisés, en "
        f"recettes d'investissement du budget {year + 1} ;\n"
        f"- {euros(carried)} en résultat de fonctionnement reporté, ligne 002, en recettes de "
        f"fonctionnement du budget {year + 1}."
    )
    return Draft(
        f"Affectation du résultat de fonctionnement {year}",
        "\n\n".join([intro, explain, block, decision]),
        c.unanimous(),
        f"Le conseil affecte {euros(capitalised)} à la section d'investissement et reporte "
        f"{euros(carried)} en fonctionnement sur l'exercice {year + 1}.",
    )


# ------------------------------------------------------------------ taux

_TAX_PRODUCT = {2023: 1_621_100, 2025: 1_729_800, 2026: 1_768_400}


def taux(c: Context, year: int) -> Draft:
    finance = c.rapporteur("Lefèvre-Rigal")
    count = {2023: "troisième", 2025: "cinquième", 2026: "sixième"}[year]
    product = _TAX_PRODUCT[year]
    intro = c.pick(
        "taux-intro",
        (
            f"{presenter(finance)} propose de reconduire en {year} les taux des taxes foncières "
            f"sans changement, pour la {count} année consécutive, conformément aux engagements "
            "pris devant les habitants.",
            f"Mme la Maire rappelle que la majorité s'est engagée à ne pas augmenter la part "
            f"communale des impôts locaux. Pour {year}, il est donc proposé de maintenir les "
            "taux votés depuis 2021.",
            f"Le conseil municipal doit voter chaque année les taux des impositions directes "
            f"locales. Pour {year}, {presenter(finance, False)} propose de les maintenir à leur "
            "niveau actuel.",
        ),
    )
    product_text = (
        f"Sur la base des bases prévisionnelles notifiées par les services fiscaux, le produit "
        f"attendu des deux taxes foncières s'élève à {euros(product)} en {year}. "
    ) + c.pick(
        "taux-product",
        (
            "Sa progression provient de la revalorisation des bases décidée au niveau national "
            "et des constructions nouvelles, et non d'une hausse des taux.",
            "L'augmentation de ce produit résulte uniquement de l'évolution physique des bases, "
            "avec les logements achevés dans l'année, et de leur revalorisation forfaitaire.",
            "Ce produit progresse sans que les taux ne bougent : seules les bases, revalorisées "
            "chaque année selon l'inflation, augmentent.",
        ),
    )
    block = legal_block(
        c.writer,
        [CGCT, "Vu le code général des impôts", f"Vu l'état de notification des bases pour {year}"],
        c.unanimous(),
    )
    decision = (
        f"FIXE comme suit les taux des impositions directes locales pour {year} :\n"
        f"- taxe foncière sur les propriétés bâties : {TAX_BUILT} ;\n"
        f"- taxe foncière sur les propriétés non bâties : {TAX_UNBUILT}."
    )
    return Draft(
        f"Vote des taux d'imposition {year}",
        "\n\n".join([intro, product_text, block, decision]),
        c.unanimous(),
        f"Les taux sont maintenus pour la {count} année consécutive : {TAX_BUILT} pour le "
        f"foncier bâti et {TAX_UNBUILT} pour le foncier non bâti, pour un produit attendu de "
        f"{euros(product)}.",
    )


# ------------------------------------------------------------------ budget primitif

_BP_DEBATE = {
    2023: (
        "M. Patrick Leroux, pour le groupe « Clairval Autrement », reconnaît la difficulté de "
        "l'exercice mais juge trop timide l'effort en faveur de la transition énergétique, "
        "hors éclairage public. Il annonce que son groupe votera contre. M. Hervé Quillet "
        "demande le détail des crédits consacrés aux chemins ruraux ; M. Thierry Gombert "
        "s'engage à le communiquer à la commission des travaux."
    ),
    2025: (
        "M. Patrick Leroux, qui porte aussi la voix de Mme Fatima Ouazzani, salue l'inscription "
        "des crédits d'étude pour la maison de santé mais regrette l'ampleur des dépenses de "
        "vidéoprotection. Son groupe s'abstiendra. "
        "M. Hervé Quillet demande que la réparation des berges endommagées par la crue soit "
        "traitée en priorité avec la Communauté de communes ; Mme la Maire indique qu'une "
        "réunion technique est prévue en avril."
    ),
    2026: (
        "M. Patrick Leroux, dont le pouvoir a été confié à M. Hervé Quillet, avait fait savoir "
        "que son groupe voterait contre un budget adopté à la veille des élections. M. Quillet "
        "précise que ce vote ne remet pas en cause le projet de voie verte, que son groupe "
        "soutient. Mme la Maire remercie les services pour la préparation de ce dernier budget "
        "du mandat."
    ),
}
_BP_VOTE = {2023: AGAINST, 2025: ABSTAIN, 2026: AGAINST}


def budget_primitif(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    intro = c.pick(
        "bp-intro",
        (
            f"{presenter(finance)} présente le projet de budget primitif {year}, établi "
            f"conformément aux orientations débattues en séance du "
            f"{fr_date(c.extras['dob_day'])}.",
            f"Le projet de budget primitif {year} est présenté par {presenter(finance, False)}. "
            f"{pronoun(finance).capitalize()} rappelle qu'il traduit en chiffres les orientations "
            f"débattues le {fr_date(c.extras['dob_day'])}.",
            f"Mme la Maire donne la parole à {presenter(finance, False)} pour la présentation du "
            f"budget primitif {year}, élaboré à partir des orientations retenues lors du débat "
            f"du {fr_date(c.extras['dob_day'])}.",
        ),
    )
    operating = (
        f"La section de fonctionnement s'équilibre à {euros(b.operating)}. Les charges de "
        f"personnel y sont inscrites pour {euros(b.staff)} et les charges à caractère général "
        f"pour {euros(b.general)}, dont {euros(b.energy)} pour l'énergie. Les subventions aux "
        f"associations représentent {euros(b.grants_total)} et la subvention au centre "
        f"communal d'action sociale {euros(b.ccas)}. Le virement à la section d'investissement "
        f"est prévu à {euros(b.transfer)}."
    )
    projects = join_list([f"{label} pour {euros(amount)}" for label, amount in b.projects])
    investment = (
        f"La section d'investissement s'équilibre à {euros(b.investment)}. Les principales "
        f"opérations sont {projects}."
    )
    if b.loan:
        investment += (
            f" Leur financement repose sur l'autofinancement, les subventions attendues et un "
            f"emprunt prévisionnel de {euros(b.loan)}."
        )
    else:
        investment += (
            " Elles sont financées par l'autofinancement, le fonds de compensation de la TVA et "
            "les subventions notifiées, sans recours à un emprunt nouveau."
        )
    vote = c.opposition(_BP_VOTE[year])
    block = legal_block(
        c.writer,
        [
            f"{CGCT}, notamment ses articles L. 2311-1 et suivants",
            M57,
            f"Vu le débat d'orientation budgétaire du {fr_date(c.extras['dob_day'])}",
        ],
        vote,
    )
    decision = (
        f"ADOPTE le budget primitif de l'exercice {year}, voté par nature et au niveau du "
        "chapitre, qui s'équilibre comme suit :\n"
        f"- section de fonctionnement : {euros(b.operating)} ;\n"
        f"- section d'investissement : {euros(b.investment)}."
    )
    body = "\n\n".join([intro, operating, investment, block, decision])
    summary = (
        f"{presenter(finance, with_role=False)} présente le budget primitif {year} : "
        f"{euros(b.operating)} en fonctionnement et {euros(b.investment)} en investissement. "
        f"Les principales opérations sont {join_list([label for label, _ in b.projects[:3]])}."
    )
    return Draft(f"Budget primitif {year}", body, vote, summary, _BP_DEBATE[year])


# ------------------------------------------------------------------ subventions


def subventions(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    sport = c.rapporteur("Pradel")
    given = sum(a.grants[year] for a in ASSOCIATIONS)
    reserve = b.grants_total - given
    intro = c.pick(
        "subv-intro",
        (
            f"{presenter(sport)} présente les propositions de la commission de la vie "
            f"associative pour {year}. Les dossiers ont été examinés selon les critères habituels "
            ": nombre d'adhérents clairvaliens, place faite aux jeunes, participation aux "
            "manifestations communales et projets de l'année.",
            f"Les associations ont déposé leurs demandes de subvention pour {year} avant le 31 "
            f"janvier. {presenter(sport)} indique que la commission de la vie associative les a "
            "examinées une à une et a reçu les responsables qui le souhaitaient.",
            f"Dix-sept associations clairvaliennes ont sollicité une subvention pour {year}. "
            f"{presenter(sport)} remercie leurs bénévoles et présente les montants proposés par "
            "la commission.",
        ),
    )
    enveloppe = (
        f"Le montant total attribué s'élève à {euros(given)}. Une enveloppe de {euros(reserve)} "
        "est réservée aux subventions exceptionnelles de l'année, qui feront chacune l'objet "
        f"d'une délibération, pour un crédit total de {euros(b.grants_total)}."
    )
    block = legal_block(
        c.writer,
        [f"{CGCT}, notamment son article L. 2311-7", f"Vu le budget primitif {year}"],
        c.unanimous(),
    )
    block = block[:-1] + (
        ", M. Julien Pradel et Mme Chantal Brémond ne prenant pas part au vote des subventions "
        "des associations dont ils sont membres du bureau,"
    )
    lines = [f"- {a.name} : {euros(a.grants[year])} ;" for a in ASSOCIATIONS]
    lines[-1] = lines[-1][:-2] + "."
    decision = f"ATTRIBUE pour l'année {year} les subventions suivantes :\n" + "\n".join(lines)
    first = ASSOCIATIONS[0]
    return Draft(
        f"Attribution des subventions aux associations pour {year}",
        "\n\n".join([intro, enveloppe, block, decision]),
        c.unanimous(),
        f"{presenter(sport, with_role=False)} présente la répartition de {euros(given)} entre "
        f"dix-sept associations, la plus importante revenant au Comité des fêtes "
        f"({euros(first.grants[year])}). Une réserve de {euros(reserve)} est conservée pour "
        "les demandes exceptionnelles.",
    )


_EXCEPTIONAL = {
    "2023-020": (
        "Union sportive clairvalaise",
        1_500,
        "l'organisation du tournoi des cinquante ans du club, les 17 et 18 juin 2023, qui "
        "réunira seize équipes de jeunes au stade des Prés-Longs",
        "Le club a présenté un budget prévisionnel de 9 800 €, financé par les inscriptions, la "
        "buvette et le soutien de commerçants de la commune.",
    ),
    "2023-026": (
        "Harmonie municipale de Clairval",
        1_800,
        "le remplacement de deux instruments, un tuba et une caisse claire, devenus "
        "irréparables après plus de trente ans d'usage",
        "L'Harmonie participe à toutes les cérémonies commémoratives et à la fête de l'Ondine, "
        "et accueille cette année neuf jeunes musiciens formés à l'école de musique.",
    ),
    "2024-022": (
        "Comité des fêtes de Clairval",
        1_200,
        "le renforcement des moyens de sécurité de la fête de l'Ondine des 6 et 7 juillet 2024, "
        "à la demande de la préfecture, avec la location de barrières et la présence d'une "
        "équipe de secouristes",
        "Le coût de ces mesures est évalué à 2 600 € ; le Comité des fêtes en prendra en charge "
        "la moitié.",
    ),
    "2024-040": (
        "Épicerie solidaire Le Panier de l'Ondine",
        2_500,
        "la reconstitution de son stock alimentaire et le remplacement d'un congélateur, après "
        "l'afflux de familles touchées par la crue de novembre 2024",
        "L'épicerie a accueilli vingt-trois foyers supplémentaires entre le 25 novembre et le "
        "6 décembre, dont onze directement sinistrés.",
    ),
    "2025-022": (
        "Les Tréteaux de Clairval",
        1_000,
        "l'organisation de la première édition du festival de théâtre amateur « Scènes "
        "d'Ondine », du 10 au 12 octobre 2025, à la salle des Marronniers",
        "Cinq troupes de la région sont attendues et une représentation gratuite sera proposée "
        "aux élèves du groupe scolaire Marie-Curie.",
    ),
    "2025-033": (
        "Les Amis du Moulin",
        800,
        "la réalisation d'une exposition de photographies retraçant la restauration du "
        "clocher de l'église Saint-Martin, présentée à la médiathèque en décembre 2025",
        "L'association a suivi le chantier depuis son ouverture et réuni plus de quatre cents "
        "clichés, dont une sélection sera imprimée en grand format.",
    ),
}


def subvention_exceptionnelle(c: Context) -> Draft:
    name, amount, purpose, detail = _EXCEPTIONAL[c.number]
    sport = c.rapporteur("Pradel")
    intro = c.pick(
        "subvex-intro",
        (
            f"{presenter(sport)} indique que l'association {name} sollicite une subvention "
            f"exceptionnelle de {euros(amount)} pour {purpose}.",
            f"Par courrier, l'association {name} a demandé à la commune une aide exceptionnelle "
            f"de {euros(amount)}. Cette demande concerne {purpose}.",
            f"{presenter(sport)} présente la demande de subvention exceptionnelle de "
            f"l'association {name}, d'un montant de {euros(amount)}, destinée {a(purpose)}.",
        ),
    )
    reserve = c.pick(
        "subvex-reserve",
        (
            "Cette dépense sera imputée sur l'enveloppe réservée aux subventions "
            "exceptionnelles lors du vote du budget.",
            "Les crédits nécessaires sont disponibles sur la réserve constituée à cet effet au "
            "budget primitif.",
            "La commission de la vie associative a émis un avis favorable ; les crédits figurent "
            "dans l'enveloppe des subventions exceptionnelles.",
        ),
    )
    block = legal_block(
        c.writer,
        [CGCT, f"Vu la demande présentée par l'association {name}"],
        c.unanimous(),
    )
    decision = (
        f"ATTRIBUE à l'association {name} une subvention exceptionnelle de {euros(amount)} ;\n"
        "DIT que son versement interviendra sur présentation des justificatifs de dépense."
    )
    return Draft(
        f"Subvention exceptionnelle à l'association {name}",
        "\n\n".join([intro, detail, reserve, block, decision]),
        c.unanimous(),
        f"Une subvention exceptionnelle de {euros(amount)} est accordée à l'association {name} "
        f"pour {purpose}.",
    )


# ------------------------------------------------------------------ décisions modificatives

_DM = {
    "2023-023": (
        1,
        2023,
        [
            ("fonctionnement", "dépenses", "chapitre 60, achats : électricité", 42_000),
            ("fonctionnement", "dépenses", "chapitre 022, dépenses imprévues", -30_000),
            ("fonctionnement", "recettes", "chapitre 73, droits de mutation", 12_000),
            ("investissement", "dépenses", "opération columbarium", 6_500),
            ("investissement", "dépenses", "chapitre 020, dépenses imprévues", -6_500),
        ],
        "Elle tient compte de la facture d'électricité du premier semestre, plus élevée que "
        "prévu, et d'un complément de travaux au columbarium, lié à la nature du sol.",
    ),
    "2023-034": (
        2,
        2023,
        [
            ("fonctionnement", "dépenses", "chapitre 012, charges de personnel", 18_000),
            ("fonctionnement", "recettes", "chapitre 70, produits des services", 11_000),
            ("fonctionnement", "recettes", "chapitre 74, dotations et participations", 7_000),
            ("investissement", "dépenses", "opération rue des Tanneurs", 21_000),
            ("investissement", "recettes", "subvention du Département", 21_000),
        ],
        "Elle intègre le remplacement d'un agent en congé de maladie à l'école, la hausse de la "
        "fréquentation de la cantine et le solde d'une subvention départementale pour la rue "
        "des Tanneurs, notifiée en septembre.",
    ),
    "2024-024": (
        1,
        2024,
        [
            ("fonctionnement", "dépenses", "chapitre 011, entretien des bâtiments", 9_500),
            ("fonctionnement", "dépenses", "chapitre 022, dépenses imprévues", -9_500),
            ("investissement", "dépenses", "opération rénovation du groupe scolaire", 35_000),
            ("investissement", "recettes", "certificats d'économies d'énergie", 24_800),
            ("investissement", "dépenses", "chapitre 020, dépenses imprévues", -10_200),
        ],
        "Elle prend en compte un aléa de chantier découvert à l'école, la présence d'amiante "
        "dans les joints de deux fenêtres, et l'encaissement anticipé des certificats "
        "d'économies d'énergie.",
    ),
    "2024-034": (
        2,
        2024,
        [
            ("fonctionnement", "dépenses", "chapitre 011, fêtes et cérémonies", -4_000),
            ("fonctionnement", "dépenses", "chapitre 65, subvention au CCAS", 15_000),
            ("fonctionnement", "recettes", "chapitre 77, remboursements d'assurance", 11_000),
            ("investissement", "dépenses", "opération clocher de l'église Saint-Martin", 12_000),
            ("investissement", "recettes", "souscription publique", 12_000),
        ],
        "Elle ajuste les crédits de fin d'année, abonde la subvention du centre communal "
        "d'action sociale pour faire face à la hausse des demandes d'aide alimentaire, inscrit "
        "le remboursement par l'assureur des dégâts de la tempête de décembre 2023 et les "
        "premiers dons de la souscription pour le clocher.",
    ),
    "2025-020": (
        1,
        2025,
        [
            ("fonctionnement", "dépenses", "chapitre 011, études", 8_000),
            ("fonctionnement", "dépenses", "chapitre 022, dépenses imprévues", -8_000),
            ("investissement", "dépenses", "opération vidéoprotection", 5_400),
            ("investissement", "dépenses", "opération aire de jeux du Moulin-Bas", 3_100),
            ("investissement", "dépenses", "chapitre 020, dépenses imprévues", -8_500),
        ],
        "Elle complète les crédits de l'étude de faisabilité de la maison de santé et ajuste "
        "deux opérations dont les marchés ont été attribués à un prix légèrement supérieur à "
        "l'estimation.",
    ),
    "2025-030": (
        2,
        2025,
        [
            ("fonctionnement", "dépenses", "chapitre 012, charges de personnel", -12_000),
            ("fonctionnement", "dépenses", "chapitre 011, énergie", 6_000),
            ("fonctionnement", "dépenses", "chapitre 023, virement à l'investissement", 6_000),
            ("investissement", "recettes", "chapitre 021, virement du fonctionnement", 6_000),
            ("investissement", "dépenses", "opération clocher, avenant n° 1", 6_000),
        ],
        "Elle tient compte d'une vacance de poste aux services techniques, d'un hiver plus "
        "précoce que prévu et de l'avenant au marché de restauration du clocher approuvé en "
        "septembre.",
    ),
}


def decision_modificative(c: Context) -> Draft:
    rank, year, lines, reason = _DM[c.number]
    finance = c.rapporteur("Lefèvre-Rigal")
    ordinal = "première" if rank == 1 else "deuxième"
    intro = c.pick(
        "dm-intro",
        (
            f"{presenter(finance)} présente la {ordinal} décision modificative du budget "
            f"{year}. {reason}",
            f"Une décision modificative permet d'ajuster en cours d'année les crédits votés au "
            f"budget primitif. La décision modificative n° {rank} de l'exercice {year}, "
            f"présentée par {presenter(finance, False)}, a plusieurs objets. {reason}",
            f"Il est proposé au conseil municipal d'adopter la décision modificative n° {rank} "
            f"du budget {year}. {reason}",
        ),
    )
    listing = "\n".join(
        f"- section {de(section)}, {side}, {label} : "
        + ("+ " if amount > 0 else "– ")
        + euros(abs(amount))
        + " ;"
        for section, side, label, amount in lines
    )
    listing = listing[:-2] + "."
    balance = c.pick(
        "dm-balance",
        (
            "Ces mouvements maintiennent l'équilibre de chacune des deux sections.",
            "Chaque section reste équilibrée après ces ajustements.",
            "L'équilibre global du budget n'est pas modifié.",
        ),
    )
    vote = c.unanimous() if rank == 1 else c.opposition(ABSTAIN)
    block = legal_block(c.writer, [CGCT, M57, f"Vu le budget primitif {year}"], vote)
    decision = (
        f"ADOPTE la décision modificative n° {rank} du budget {year}, comportant les mouvements "
        f"suivants :\n{listing}"
    )
    return Draft(
        f"Décision modificative n° {rank} du budget {year}",
        "\n\n".join([intro, balance, block, decision]),
        vote,
        f"{presenter(finance, with_role=False)} présente la décision modificative n° {rank} du "
        f"budget {year}. " + reason,
    )


# ------------------------------------------------------------------ non-valeurs

_NON_VALUE = {
    2023: ("1284.60", 17, "2016 à 2020", "cantine et accueil périscolaire"),
    2024: ("2117.35", 23, "2017 à 2021", "cantine, location de salle et droits de place"),
    2025: ("968.20", 11, "2018 à 2022", "cantine et accueil de loisirs"),
}


def non_valeur(c: Context, year: int) -> Draft:
    amount, count, years, services = _NON_VALUE[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    intro = c.pick(
        "nv-intro",
        (
            f"Le comptable public a transmis à la commune une liste de {count} créances "
            f"irrécouvrables, d'un montant total de {euros(amount)}, correspondant à des "
            f"factures de {services} émises de {years}.",
            f"{presenter(finance)} indique que le comptable public demande l'admission en "
            f"non-valeur de {count} titres de recettes, émis de {years} pour des prestations de "
            f"{services}, pour un total de {euros(amount)}.",
            f"Malgré les relances et les poursuites engagées, {count} créances de la commune, "
            f"liées à des prestations de {services} des années {years}, n'ont pu être "
            f"recouvrées. Leur montant cumulé atteint {euros(amount)}.",
        ),
    )
    reasons = c.pick(
        "nv-reasons",
        (
            "Il s'agit de débiteurs insolvables, de personnes parties sans laisser d'adresse ou "
            "de montants inférieurs au seuil en dessous duquel les poursuites ne sont pas "
            "engagées.",
            "Les motifs invoqués sont l'insolvabilité des débiteurs, l'échec des recherches "
            "d'adresse ou la faiblesse des sommes en cause, qui rend toute poursuite plus "
            "coûteuse que la créance elle-même.",
            "Les débiteurs concernés sont pour la plupart insolvables ou introuvables ; "
            "plusieurs créances sont inférieures à trente euros.",
        ),
    )
    notice = c.pick(
        "nv-notice",
        (
            "L'admission en non-valeur n'efface pas la dette : si le débiteur revient à "
            "meilleure fortune, le recouvrement peut reprendre.",
            "Il est rappelé que cette décision est une mesure comptable ; elle n'éteint pas la "
            "dette du débiteur.",
            "Cette admission ne fait pas obstacle à un recouvrement ultérieur si la situation "
            "des débiteurs le permet.",
        ),
    )
    block = legal_block(
        c.writer,
        [CGCT, "Vu la demande d'admission en non-valeur présentée par le comptable public"],
        c.unanimous(),
    )
    decision = (
        f"ADMET en non-valeur les {count} créances figurant sur l'état présenté par le comptable "
        f"public, pour un montant total de {euros(amount)} ;\n"
        "DIT que la dépense sera imputée au compte 6541 du budget de l'exercice."
    )
    return Draft(
        f"Admission en non-valeur de créances irrécouvrables ({year})",
        "\n\n".join([intro, reasons, notice, block, decision]),
        c.unanimous(),
        f"Le conseil admet en non-valeur {count} créances irrécouvrables pour {euros(amount)}, "
        f"à la demande du comptable public.",
    )


# ------------------------------------------------------------------ CCAS, crédits anticipés

_CCAS = {2024: 85_000, 2025: 92_000, 2026: 94_000}


def ccas(c: Context, year: int) -> Draft:
    social = c.rapporteur("Moreau-Kerjean")
    total = _CCAS[year]
    advance = total * 40 // 100
    intro = c.pick(
        "ccas-intro",
        (
            f"{presenter(social)} rappelle que le centre communal d'action sociale dispose d'un "
            "budget propre, alimenté pour l'essentiel par une subvention de la commune. Pour lui "
            "permettre de faire face à ses dépenses du début d'année, avant le vote du budget "
            f"{year}, il est proposé de lui verser un acompte.",
            f"Le centre communal d'action sociale engage dès le mois de janvier des dépenses "
            "importantes, notamment le repas des aînés et les aides d'urgence de l'hiver. "
            f"{presenter(social)} propose donc de lui verser une avance sur la subvention "
            f"{year}.",
        ),
    )
    detail = (
        f"La subvention prévisionnelle pour {year} est estimée à {euros(total)}. L'acompte "
        f"proposé, soit {euros(advance)}, en représente 40 %."
    )
    block = legal_block(
        c.writer,
        [CGCT, "Vu le code de l'action sociale et des familles"],
        c.unanimous(),
    )
    decision = (
        f"DÉCIDE de verser au centre communal d'action sociale un acompte de {euros(advance)} "
        f"sur la subvention de l'exercice {year} ;\n"
        f"S'ENGAGE à inscrire les crédits correspondants au budget primitif {year}."
    )
    return Draft(
        f"Acompte sur la subvention {year} au centre communal d'action sociale",
        "\n\n".join([intro, detail, block, decision]),
        c.unanimous(),
        f"Un acompte de {euros(advance)} est versé au centre communal d'action sociale sur sa "
        f"subvention {year}.",
    )


_ANTICIPATED = {
    2023: (
        112_000,
        [
            ("le remplacement de la tondeuse autoportée des services techniques", 28_000),
            ("les premières dépenses d'études de la rue des Tanneurs", 46_000),
        ],
    ),
    2025: (
        148_000,
        [
            (
                "la réparation du mur de soutènement du quai de l'Ondine, fragilisé par la crue",
                52_000,
            ),
            ("l'acquisition de matériel d'alerte pour le plan communal de sauvegarde", 12_500),
        ],
    ),
    2026: (
        126_000,
        [
            ("le remplacement de la chaudière du gymnase du Moulin", 39_000),
            ("l'achat de mobilier pour la salle supplémentaire de la Maison de l'enfance", 14_000),
        ],
    ),
}


def credits_anticipes(c: Context, year: int) -> Draft:
    limit, items = _ANTICIPATED[year]
    finance = c.rapporteur("Lefèvre-Rigal")
    intro = c.pick(
        "anticip-intro",
        (
            "Tant que le budget de l'année n'est pas voté, la Maire ne peut engager de "
            "nouvelles dépenses d'investissement qu'avec l'autorisation du conseil municipal, "
            "dans la limite du quart des crédits ouverts au budget précédent.",
            f"{presenter(finance)} rappelle qu'avant l'adoption du budget primitif {year}, "
            "l'engagement de dépenses d'investissement nouvelles suppose une autorisation "
            "expresse du conseil municipal, plafonnée au quart des crédits de l'exercice "
            "précédent.",
        ),
    )
    needs = (
        f"Plusieurs dépenses ne peuvent attendre le vote du budget {year} : "
        + join_list([f"{label} ({euros(amount)})" for label, amount in items])
        + f". Il est proposé d'ouvrir une autorisation globale de {euros(limit)}."
    )
    block = legal_block(
        c.writer,
        [f"{CGCT}, notamment son article L. 1612-1", f"Vu le budget primitif {year - 1}"],
        c.unanimous(),
    )
    decision = (
        f"AUTORISE Mme la Maire à engager, liquider et mandater des dépenses d'investissement "
        f"dans la limite de {euros(limit)} avant le vote du budget primitif {year} ;\n"
        f"DIT que ces crédits seront repris au budget primitif {year}."
    )
    return Draft(
        f"Autorisation d'engager des dépenses d'investissement avant le vote du budget primitif "
        f"{year}",
        "\n\n".join([intro, needs, block, decision]),
        c.unanimous(),
        f"Le conseil autorise l'engagement de {euros(limit)} de dépenses d'investissement avant "
        f"le vote du budget {year}, notamment pour {items[0][0]}.",
    )
