"""The seven parts of a prompt, and how they are assembled into one text.

A prompt, the instruction given to a language model, reads better, for the
model and for a colleague, when each part is clearly separated: who the
model should be, the situation, the job, the shape of the answer, the
tone, the limits, an example to follow.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

MAX_FIELD_CHARS = 20_000
"""Beyond this, a field is cut before it is analysed (a learner may paste a whole report)."""


@dataclass(frozen=True)
class FieldSpec:
    """How a field is shown to the learner: label, help text, placeholder."""

    name: str
    label: str
    help: str
    placeholder: str
    heading: str


FIELD_SPECS: tuple[FieldSpec, ...] = (
    FieldSpec(
        name="role",
        label="Rôle",
        help="Qui le modèle doit-il être pour faire ce travail ?",
        placeholder="Ex. : agent du service accueil de la mairie de Clairval-sur-Ondine",
        heading="Rôle",
    ),
    FieldSpec(
        name="context",
        label="Contexte",
        help="La situation : qui est concerné, où, de quoi il s'agit.",
        placeholder="Ex. : un habitant du quartier des Tanneurs se plaint du bruit des travaux…",
        heading="Contexte",
    ),
    FieldSpec(
        name="task",
        label="Tâche",
        help="Ce que le modèle doit faire, avec un verbe d'action : rédigez, résumez, listez…",
        placeholder="Ex. : rédigez une lettre de réponse qui explique le calendrier des travaux",
        heading="Votre tâche",
    ),
    FieldSpec(
        name="format",
        label="Format",
        help="La forme de la réponse : longueur, structure (paragraphes, liste, tableau…).",
        placeholder="Ex. : une page au plus, trois paragraphes courts, une formule de politesse",
        heading="Format attendu",
    ),
    FieldSpec(
        name="tone",
        label="Ton",
        help="La manière de s'adresser au lecteur : courtois, neutre, chaleureux, solennel…",
        placeholder="Ex. : courtois et empathique, avec le vouvoiement",
        heading="Ton",
    ),
    FieldSpec(
        name="constraints",
        label="Contraintes",
        help="Les limites à respecter, une par ligne : ne rien inventer, citer ses sources…",
        placeholder="Ex. : n'inventez aucune date ; signalez entre crochets ce qui est à vérifier",
        heading="Contraintes",
    ),
    FieldSpec(
        name="examples",
        label="Exemples",
        help="Un modèle de ce que vous attendez : une phrase, un début de texte, un plan.",
        placeholder="Ex. : Objet : travaux de la place du Marché, votre courrier du [date]",
        heading="Exemple à suivre",
    ),
)

FIELD_NAMES: tuple[str, ...] = tuple(spec.name for spec in FIELD_SPECS)


@dataclass(frozen=True)
class PromptFields:
    """What the learner typed in each field of the coach (empty text when nothing)."""

    role: str = ""
    context: str = ""
    task: str = ""
    format: str = ""
    tone: str = ""
    constraints: str = ""
    examples: str = ""

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> PromptFields:
        """Build from any mapping; unknown keys are ignored, non-text values become text."""
        return cls(**{name: _as_text(values.get(name, "")) for name in FIELD_NAMES})

    def get(self, name: str) -> str:
        return getattr(self, name)

    def with_value(self, name: str, value: object) -> PromptFields:
        return replace(self, **{name: _as_text(value)})

    def as_dict(self) -> dict[str, str]:
        return {field.name: getattr(self, field.name) for field in fields(self)}


def _as_text(value: object) -> str:
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return text[:MAX_FIELD_CHARS]


_ROLE_OPENINGS = ("vous etes", "vous êtes", "tu es", "en tant que", "agissez", "jouez")


def assemble(prompt: PromptFields) -> str:
    """One prompt text: a short paragraph per filled field, under a clear heading.

    The role becomes a sentence (« Vous êtes … »), constraints become a list,
    empty fields are left out. The result is what would be sent to a model.
    """
    blocks = []
    for spec in FIELD_SPECS:
        value = _clean(prompt.get(spec.name))
        if not value:
            continue
        if spec.name == "role":
            blocks.append(_role_sentence(value))
        elif spec.name == "constraints":
            items = [line.strip(" -•;*") for line in value.splitlines()]
            bullets = "\n".join(f"- {item}" for item in items if item)
            blocks.append(f"{spec.heading} :\n{bullets}")
        elif "\n" in value:
            blocks.append(f"{spec.heading} :\n{value}")
        else:
            blocks.append(f"{spec.heading} : {value}")
    return "\n\n".join(blocks)


def _role_sentence(role: str) -> str:
    if role.lower().startswith(_ROLE_OPENINGS):
        sentence = role[0].upper() + role[1:]
    else:
        sentence = f"Vous êtes {role[0].lower() + role[1:] if role[1:2].islower() else role}"
    return sentence if sentence.endswith((".", "!", "?", "…")) else f"{sentence}."


def _clean(value: str) -> str:
    """Trim spaces and blank lines; drop invisible control characters (tab and newline stay)."""
    kept = "".join(ch for ch in value if ch in "\n\t" or ch.isprintable() or ch == " ")
    lines = [line.rstrip() for line in kept.strip().splitlines()]
    return "\n".join(line for line in lines if line.strip()) if len(lines) > 1 else kept.strip()
