"""The checklist: nine explicit rules that score a prompt, each with French advice.

The rules read either the coach's fields (`check_fields`) or a prompt
written in one block (`assess_prompt`). The role is read for what it says
(`roles`): a person or a function, not an instruction nor « une IA »,
whether it fills the Rôle field or follows « Vous êtes » in a free text.
Guards are recognised in their usual phrasings (`guards`). In the fields,
a filled tone or example counts as given; in a free text, the coach looks
for the words that announce them (« sur un ton… », « Exemple : »). An
empty prompt scores 0. Everything is deterministic: the same prompt always
gets the same score, and each verdict says which words were found or what
is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from widgets.prompts import patterns
from widgets.prompts.advice import join_items, quote, role_praise, role_problem
from widgets.prompts.fields import PromptFields, assemble
from widgets.prompts.guards import guards_found
from widgets.prompts.normalize import PromptText, normalize
from widgets.prompts.personal_data import personal_data_kinds
from widgets.prompts.roles import RoleKind, read_role, read_role_field
from widgets.prompts.rules import (
    MAX_TEXT_CHARS,
    MAX_WORDS,
    MIN_CONTEXT_WORDS,
    MIN_EXAMPLE_WORDS,
    MIN_WORDS,
    RULES,
    Rule,
)

DONE = "fait"
TO_IMPROVE = "à améliorer"


@dataclass(frozen=True)
class RuleResult:
    """The verdict of one rule on one prompt."""

    rule: Rule
    met: bool
    advice: str

    @property
    def status(self) -> str:
        return DONE if self.met else TO_IMPROVE

    @property
    def symbol(self) -> str:
        return "✔" if self.met else "✘"


@dataclass(frozen=True)
class Checklist:
    """All the verdicts on one prompt, and the score: one point per rule met."""

    results: tuple[RuleResult, ...]
    word_count: int
    truncated: bool = False

    @property
    def score(self) -> int:
        return sum(result.met for result in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(result.rule.id for result in self.results if not result.met)

    def result(self, rule_id: str) -> RuleResult:
        return next(result for result in self.results if result.rule.id == rule_id)

    @property
    def verdict(self) -> str:
        if self.word_count == 0:
            return "prompt vide : remplissez les rubriques ou écrivez votre prompt."
        if self.score == self.total:
            return "prompt complet : toutes les règles sont respectées."
        if self.score >= self.total - 2:
            return "presque complet : regardez les règles à améliorer."
        if self.score >= self.total // 2:
            return "bon début : plusieurs éléments manquent encore."
        return "prompt trop vague : le modèle devra deviner presque tout."


_RULES = {rule.id: rule for rule in RULES}


@dataclass(frozen=True)
class _Source:
    """What the rules read: one normalised text per field, or the whole text everywhere."""

    parts: dict[str, str]
    raw_parts: dict[str, str]
    prompt: PromptText
    from_fields: bool

    def part(self, name: str) -> str:
        return self.parts[name] if self.from_fields else self.prompt.flat

    def raw(self, name: str) -> str:
        return self.raw_parts[name] if self.from_fields else self.prompt.raw


def check_fields(prompt: PromptFields) -> Checklist:
    """Score the prompt the coach assembles from its fields."""
    raw_parts = prompt.as_dict()
    parts = {name: normalize(value).replace("\n", " ") for name, value in raw_parts.items()}
    source = _Source(parts, raw_parts, PromptText.of(assemble(prompt)), from_fields=True)
    return _run(source, truncated=False)


def assess_prompt(text: object) -> Checklist:
    """Score a prompt written in one block. Never raises.

    Anything that is not text counts as an empty prompt; a text longer than
    `MAX_TEXT_CHARS` is analysed on its beginning only (`truncated` says so).
    """
    raw = text if isinstance(text, str) else ""
    truncated = len(raw) > MAX_TEXT_CHARS
    raw = raw[:MAX_TEXT_CHARS]
    return _run(_Source({}, {}, PromptText.of(raw), from_fields=False), truncated=truncated)


def _run(source: _Source, truncated: bool) -> Checklist:
    results = tuple(check(source) for check in _CHECKS)
    return Checklist(results, word_count=len(source.prompt.raw.split()), truncated=truncated)


def _result(rule_id: str, met: bool, advice: str) -> RuleResult:
    return RuleResult(_RULES[rule_id], met, advice)


def _check_role(source: _Source) -> RuleResult:
    raw = source.raw("role")
    reading = read_role_field(raw) if source.from_fields else read_role(source.prompt)
    if reading.given:
        return _result("role", True, role_praise(reading, raw))
    if reading.kind is RoleKind.MISSING:
        return _result(
            "role",
            False,
            "Dites au modèle qui il doit être, par exemple « Vous êtes agent d'accueil de la "
            "mairie de Clairval-sur-Ondine ». Un rôle fixe le vocabulaire et le point de vue.",
        )
    return _result("role", False, role_problem(reading, raw, town_hall_only=False) or "")


def _check_context(source: _Source) -> RuleResult:
    text = source.part("context")
    missing = [
        question
        for question, name in (
            ("qui est concerné", "context_who"),
            ("où cela se passe", "context_where"),
            ("de quoi il s'agit", "context_what"),
        )
        if patterns.found(name, text) is None
    ]
    words = len(text.split())
    minimum = MIN_CONTEXT_WORDS if source.from_fields else MIN_WORDS
    if not missing and words >= minimum:
        return _result("context", True, "Le modèle connaît la situation : qui, où et quoi.")
    if not text:
        return _result(
            "context",
            False,
            "Décrivez la situation : qui est concerné, où, de quoi il s'agit. Sans contexte, "
            "le modèle écrit un texte passe-partout.",
        )
    gaps = []
    if missing:
        gaps.append("précisez " + join_items(missing))
    if words < minimum:
        gaps.append(f"développez un peu (au moins {minimum} mots, vous en avez {words})")
    return _result("context", False, f"Contexte incomplet : {join_items(gaps)}.")


def _check_task(source: _Source) -> RuleResult:
    text = source.part("task")
    verb = patterns.found("task_verb", text)
    if verb:
        shown = quote(verb.split()[0], source.raw("task"))
        return _result("task", True, f"Verbe d'action trouvé : « {shown} ».")
    if not text:
        return _result(
            "task", False, "Écrivez la tâche, en commençant par un verbe : « Rédigez… »."
        )
    if patterns.found("vague_verb", text):
        return _result(
            "task",
            False,
            "« Faire » ne dit pas quoi faire : choisissez un verbe précis, comme rédigez, "
            "résumez, listez ou reformulez.",
        )
    return _result(
        "task",
        False,
        "Aucun verbe d'action repéré : commencez la tâche par « Rédigez », « Résumez », "
        "« Listez », « Reformulez »…",
    )


def _check_format(source: _Source) -> RuleResult:
    text = source.part("format")
    length = patterns.found("format_length", text)
    structure = patterns.found("format_structure", text)
    if length and structure:
        shown = quote(length, source.raw("format"))
        return _result("format", True, f"Longueur (« {shown} ») et structure précisées.")
    if length or structure:
        other = "la structure (paragraphes, liste…)" if length else "la longueur (mots, pages…)"
        return _result("format", True, f"Format donné ; vous pouvez aussi préciser {other}.")
    return _result(
        "format",
        False,
        "Précisez la longueur (« 200 mots », « une page ») ou la structure (« trois "
        "paragraphes », « une liste à puces », « un tableau »).",
    )


def _check_tone(source: _Source) -> RuleResult:
    if source.from_fields:
        met = bool(re.search(r"\w{3}", source.parts["tone"]))
    else:
        met = patterns.found("tone_word", source.prompt.flat) is not None
    if met:
        return _result("tone", True, "Le modèle sait comment s'adresser au lecteur.")
    return _result(
        "tone",
        False,
        "Indiquez le ton : courtois, neutre, chaleureux, solennel, sans jargon… Une lettre à "
        "un habitant mécontent ne s'écrit pas comme un discours.",
    )


def _check_guards(source: _Source) -> RuleResult:
    present = guards_found(source.part("constraints"))
    if present:
        return _result("guards", True, f"Garde-fou trouvé : {join_items(present)}.")
    return _result(
        "guards",
        False,
        "Ajoutez un garde-fou, par exemple « N'inventez aucun fait ; signalez entre crochets ce "
        "qui est à vérifier » ou « Ne mettez aucune donnée personnelle ».",
    )


def _check_examples(source: _Source) -> RuleResult:
    if source.from_fields:
        met = len(source.parts["examples"].split()) >= MIN_EXAMPLE_WORDS
    else:
        met = patterns.found("example_cue", source.prompt.flat) is not None
    if met:
        return _result("examples", True, "Le modèle voit ce qui est attendu.")
    return _result(
        "examples",
        False,
        "Montrez un exemple : une première phrase, une formule, un plan. Le modèle imite "
        "très bien ce qu'on lui montre.",
    )


def _check_length(source: _Source) -> RuleResult:
    words = len(source.prompt.raw.split())
    if words == 0:
        return _result("length", False, "Le prompt est vide.")
    if MIN_WORDS <= words <= MAX_WORDS:
        return _result("length", True, f"{words} mots : une longueur raisonnable.")
    if words < MIN_WORDS:
        return _result(
            "length",
            False,
            f"{words} mot{'s' if words > 1 else ''} seulement : en dessous de {MIN_WORDS}, "
            "le modèle doit deviner l'essentiel.",
        )
    return _result(
        "length",
        False,
        f"{words} mots : au-delà de {MAX_WORDS}, raccourcissez les consignes et gardez le "
        "document à traiter à la fin, bien séparé.",
    )


def _check_personal_data(source: _Source) -> RuleResult:
    if not source.prompt.raw.strip():
        return _result("personal_data", False, "Rien à vérifier : le prompt est vide.")
    kinds = personal_data_kinds(source.prompt.raw)
    if not kinds:
        return _result("personal_data", True, "Rien de repéré (les noms ne sont pas cherchés ici).")
    names = join_items([kind.name for kind in kinds])
    placeholders = ", ".join(kind.placeholder for kind in kinds)
    return _result(
        "personal_data",
        False,
        f"Le prompt contient {names} : retirez ces informations ou remplacez-les par "
        f"{placeholders}. Une donnée personnelle ne doit pas partir vers un service en ligne.",
    )


_CHECKS: tuple[Callable[[_Source], RuleResult], ...] = (
    _check_role,
    _check_context,
    _check_task,
    _check_format,
    _check_tone,
    _check_guards,
    _check_examples,
    _check_length,
    _check_personal_data,
)
