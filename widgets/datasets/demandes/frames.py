"""What surrounds the heart of a request: places of the commune, greetings, moods, closings.

Slots in phrase templates (`{lieu}`, `{de_rue}`, `{parc_a}`...) are filled by
`fill`, always in the order they appear, from the generator's seeded random
source. Every place is fictional: Clairval-sur-Ondine does not exist.
"""

from __future__ import annotations

import random
import string

# (name, article) for each street: the article gives « dans la rue », « du chemin ».
STREETS: tuple[tuple[str, str], ...] = (
    ("rue des Tilleuls", "la"),
    ("avenue de la Gare", "l'"),
    ("rue Victor-Hugo", "la"),
    ("impasse des Lilas", "l'"),
    ("allée des Peupliers", "l'"),
    ("quai de l'Ondine", "le"),
    ("rue du Lavoir", "la"),
    ("boulevard Jean-Jaurès", "le"),
    ("route de Saint-Aubin", "la"),
    ("rue de l'Église", "la"),
    ("rue Pasteur", "la"),
    ("chemin des Vignes", "le"),
    ("rue des Écoles", "la"),
    ("avenue du Général-Leclerc", "l'"),
    ("rue Jules-Ferry", "la"),
    ("chemin du Moulin", "le"),
    ("rue de la République", "la"),
    ("rue des Cerisiers", "la"),
    ("rue du Stade", "la"),
    ("rue Émile-Zola", "la"),
    ("impasse du Four", "l'"),
    ("rue des Saules", "la"),
    ("chemin de la Fontaine", "le"),
    ("Grande Rue", "la"),
    ("rue Basse", "la"),
    ("allée des Acacias", "l'"),
)

# (« au parc », « du parc ») for the green places of the commune.
PARKS: tuple[tuple[str, str], ...] = (
    ("au parc de l'Ondine", "du parc de l'Ondine"),
    ("au square Pasteur", "du square Pasteur"),
    ("au jardin public", "du jardin public"),
    ("à l'aire de jeux des Saules", "de l'aire de jeux des Saules"),
    ("au square du Souvenir", "du square du Souvenir"),
    ("sur la coulée verte", "de la coulée verte"),
    ("au parc municipal", "du parc municipal"),
    ("au bord de l'Ondine", "des bords de l'Ondine"),
    ("au jardin de la médiathèque", "du jardin de la médiathèque"),
    ("à l'espace vert de la résidence du Parc", "de l'espace vert de la résidence du Parc"),
)

SCHOOLS: tuple[tuple[str, str], ...] = (
    ("à l'école Jules-Ferry", "de l'école Jules-Ferry"),
    ("à la maternelle des Saules", "de la maternelle des Saules"),
    ("au groupe scolaire Marie-Curie", "du groupe scolaire Marie-Curie"),
    ("à l'école du Moulin", "de l'école du Moulin"),
)

CROSSROADS = (
    "au carrefour de la Gare",
    "au carrefour de l'Église",
    "au croisement de la rue Pasteur et de la Grande Rue",
    "au rond-point du Stade",
    "à l'entrée de la route de Saint-Aubin",
    "près du pont de l'Ondine",
)

# Where something is: a street with a number, a landmark, or nothing precise.
PLACE_TEMPLATES = (
    "{rue}",
    "{rue}",
    "au {n} {rue}",
    "devant le {n} {rue}",
    "en face du {n} {rue}",
    "{dans_rue}",
    "{dans_rue}",
    "au bout {de_rue}",
    "{angle}",
    "près de la boulangerie {de_rue}",
    "à côté de l'arrêt de bus Mairie",
    "derrière le gymnase",
    "sur le parking de la salle des fêtes",
    "près du city stade",
    "place du Marché",
    "place de la Mairie",
    "dans le lotissement Les Saules",
    "à la résidence du Parc",
    "au hameau de Brissac",
    "devant la pharmacie",
    "près de la médiathèque",
    "sur le pont de l'Ondine",
    "vers la maison de retraite",
    "devant chez moi",
    "dans ma rue",
    "dans le quartier de la Gare",
    "à la cité des Cerisiers",
)

DURATIONS = (
    "depuis 3 jours",
    "depuis une semaine",
    "depuis plus de quinze jours",
    "depuis hier soir",
    "depuis lundi",
    "depuis des semaines",
    "depuis un mois",
    "depuis la tempête",
    "depuis le week-end",
    "depuis 2 semaines",
    "depuis ce matin",
    "depuis au moins 10 jours",
    "depuis la fin des travaux",
)

GREETINGS = (
    "Bonjour,",
    "Bonjour,",
    "Bonjour Madame, Monsieur,",
    "Madame, Monsieur,",
    "Bonsoir,",
    "Bonjour à toute l'équipe,",
    "Monsieur le Maire,",
    "Madame la Maire,",
    "Bonjour la mairie,",
    "Bonjour à vous,",
)

INTRODUCTIONS = (
    "Je me permets de vous écrire au sujet d'un problème.",
    "J'habite {dans_rue} depuis vingt ans.",
    "Je suis riveraine {de_rue}.",
    "Habitant du quartier, je vous contacte car",
    "Je vous écris pour vous signaler ceci :",
    "Je vous contacte de la part de ma mère, qui n'a pas internet.",
    "Je suis nouveau dans la commune et j'ai une question.",
    "Pardon de vous déranger,",
    "Je reviens vers vous car je n'ai pas eu de réponse.",
    "Suite à mon appel de ce matin,",
)

GENERIC_DETAILS = (
    "Je joins une photo.",
    "J'ai déjà signalé le problème il y a un mois.",
    "Personne ne m'a répondu la dernière fois.",
    "C'est dangereux pour les enfants.",
    "Les personnes âgées du quartier sont inquiètes.",
    "Je suis disponible pour en parler.",
    "Plusieurs voisins se plaignent aussi.",
    "Je passe tous les jours par là.",
    "Ce n'est pas la première fois.",
    "Merci de me tenir au courant.",
)

DURATION_SENTENCES = (
    "Le problème dure {duree}.",
    "C'est comme ça {duree}.",
    "Ça dure {duree}.",
    "Rien n'a bougé {duree}.",
)

ANGER = (
    "C'est inadmissible !",
    "On paie assez d'impôts pour ça !",
    "Personne ne fait rien !!",
    "Troisième message sans réponse.",
    "Ça devient insupportable.",
    "Je vais en parler au conseil municipal.",
    "Franchement c'est honteux.",
    "Vous attendez un accident ?",
    "Ras-le-bol !",
    "Il serait temps de se réveiller à la mairie.",
    "J'en ai marre d'attendre.",
    "C'est toujours pareil dans ce quartier.",
)

CLOSINGS = (
    "Merci d'avance.",
    "Cordialement.",
    "Bien cordialement,",
    "Dans l'attente de votre réponse, veuillez agréer mes salutations distinguées.",
    "Merci pour votre travail.",
    "Bonne journée.",
    "Merci de faire le nécessaire.",
    "Bien à vous.",
    "Merci beaucoup.",
    "Avec mes remerciements.",
    "Salutations.",
)

# Templates shared by every service: only the object (« {obj} ») tells them apart.
FIELD_OBJECT_TEMPLATES = (
    "{obj} en mauvais état {lieu}",
    "Problème avec {obj} {lieu}",
    "{obj} à réparer {lieu}",
    "Souci avec {obj} {lieu}, pouvez-vous passer ?",
    "Il y a un problème avec {obj} {lieu}.",
    "{obj} : rien n'est fait {duree}",
    "Quelqu'un peut-il regarder {obj} {lieu} ?",
    "{obj} {lieu} : état lamentable.",
    "Je signale {obj} {lieu}, c'est dangereux.",
    "Encore {obj} {lieu} !",
    "{obj} {lieu}, toujours pas réglé {duree}",
    "Pouvez-vous vérifier {obj} {lieu} ?",
)

DESK_OBJECT_TEMPLATES = (
    "Question sur {obj}",
    "Renseignement concernant {obj}",
    "Où en est {obj} ?",
    "Je n'ai pas de nouvelles pour {obj}.",
    "Demande de rendez-vous pour {obj}",
    "J'ai besoin d'aide pour {obj}.",
    "Qui s'occupe de {obj} ?",
    "Relance au sujet de {obj}",
    "Je voudrais des informations sur {obj}.",
    "Un problème avec {obj}, à qui m'adresser ?",
)

GENERIC_ASKS = (
    "Pouvez-vous faire le nécessaire ?",
    "Qui doit s'en occuper ?",
    "Merci d'intervenir.",
    "Merci de transmettre au bon service.",
    "Pouvez-vous me répondre ?",
    "Merci de regarder ça rapidement.",
)

SIGNATURES = (
    "M. Lefèvre",
    "Mme Besson",
    "Famille Morel",
    "Un habitant en colère",
    "Jeanne, rue des Lilas",
    "Karim B.",
    "Mme Da Silva",
    "Sophie",
    "Un riverain",
    "M. et Mme Perrin",
    "Lucas",
    "Mme Nguyen",
)

SMS_OPENINGS = ("bjr", "bonjour", "slt", "bsr", "hello", "Bjr la mairie", "")
SMS_CLOSINGS = ("merci", "mci", "svp", "stp", "merci bcp", "!!", "", "dsl du derangement")

CONNECTORS = (
    "Et pendant que j'y suis,",
    "Autre chose :",
    "Au passage,",
    "Par ailleurs,",
    "PS :",
    "Et aussi,",
    "Dernière chose :",
)


def _street(rng: random.Random) -> tuple[str, str]:
    return STREETS[rng.randrange(len(STREETS))]


def _de(name: str, article: str) -> str:
    return {"la": f"de la {name}", "l'": f"de l'{name}", "le": f"du {name}"}[article]


def _dans(name: str, article: str) -> str:
    return {"la": f"dans la {name}", "l'": f"dans l'{name}", "le": f"dans le {name}"}[article]


def slot_value(slot: str, rng: random.Random) -> str:
    """A random value for one slot of a template."""
    if slot == "rue":
        return _street(rng)[0]
    if slot == "de_rue":
        return _de(*_street(rng))
    if slot == "dans_rue":
        return _dans(*_street(rng))
    if slot == "angle":
        first, second = rng.sample(STREETS, 2)
        return f"à l'angle {_de(*first)} et {_de(*second)}"
    if slot == "n":
        return str(rng.randint(1, 140))
    if slot == "lieu":
        return fill(rng.choice(PLACE_TEMPLATES), rng)
    if slot == "parc_a":
        return rng.choice(PARKS)[0]
    if slot == "parc_de":
        return rng.choice(PARKS)[1]
    if slot == "ecole_a":
        return rng.choice(SCHOOLS)[0]
    if slot == "ecole_de":
        return rng.choice(SCHOOLS)[1]
    if slot == "carrefour":
        return rng.choice(CROSSROADS)
    if slot == "duree":
        return rng.choice(DURATIONS)
    raise KeyError(f"unknown slot {slot!r}")


def fill(template: str, rng: random.Random) -> str:
    """Replace every `{slot}` of `template`, left to right."""
    parts = []
    for literal, slot, _spec, _conversion in string.Formatter().parse(template):
        parts.append(literal)
        if slot is not None:
            parts.append(slot_value(slot, rng))
    return "".join(parts)
