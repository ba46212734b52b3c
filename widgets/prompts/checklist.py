"""The checklist: nine explicit rules that score a prompt, each with French advice.

The rules read either the coach's fields (`check_fields`) or a prompt
written in one block (`assess_prompt`). In the fields, a filled role, tone
or example counts as given; in a free text, the coach looks for the words
that announce them (« Vous êtes… », « sur un ton… », « Exemple : »). The
other rules look for the same words in both cases. Everything is
deterministic: the same prompt always gets the same score, and each
verdict says which words were found or what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from widgets.prompts import patterns as p
from widgets.prompts.fields import MAX_FIELD_CHARS, PromptFields, assemble
from widgets.prompts.personal_data import personal_data_kinds
from widgets.prompts.rules import (
    MAX_TEXT_CHARS,
    MAX_WORDS,
    MIN_CONTEXT_WORDS,
    MIN_EXAMPLE_WORDS,
    MIN_WORDS,
    RULES,
    Rule,
)
from widgets.selfcheck.answers import normalize_text

_PUNCTUATION = ".,;:!?()«»\"'’"

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
        if self.score == self.total:
            return "prompt complet : toutes les règles sont respectées."
        if self.score >= self.total - 2:
            return "presque complet : regardez les règles à améliorer."
        if self.score >= self.total // 2:
            return "bon début : plusieurs éléments manquent encore."
        return "prompt trop vague : le modèle devra deviner presque tout."


_RULES = {rule.id: rule for rule in RULES}
_PATTERNS = {
    name: re.compile(getattr(p, name))
    for name in (
        "TASK_VERB",
        "VAGUE_VERB",
        "ROLE_CUE",
        "CONTEXT_WHO",
        "CONTEXT_WHERE",
        "CONTEXT_WHAT",
        "FORMAT_LENGTH",
        "FORMAT_STRUCTURE",
        "TONE_WORD",
        "GUARD_NO_INVENTION",
        "GUARD_SOURCES",
        "GUARD_PRIVACY",
        "GUARD_DECISION",
        "EXAMPLE_CUE",
    )
}


@dataclass(frozen=True)
class _Source:
    """What the rules read: one normalised text per field, or the whole text everywhere."""

    parts: dict[str, str]
    raw_parts: dict[str, str]
    whole: str
    whole_normalized: str
    from_fields: bool

    def part(self, name: str) -> str:
        return self.parts[name] if self.from_fields else self.whole_normalized


def check_fields(prompt: PromptFields) -> Checklist:
    """Score the prompt the coach assembles from its fields."""
    text = assemble(prompt)
    raw_parts = prompt.as_dict()
    parts = {name: normalize_text(value) for name, value in raw_parts.items()}
    source = _Source(parts, raw_parts, text, normalize_text(text), from_fields=True)
    return _run(source, truncated=False)


def assess_prompt(text: object) -> Checklist:
    """Score a prompt written in one block (heuristics on the raw text). Never raises.

    Anything that is not text counts as an empty prompt; a text longer than
    `MAX_TEXT_CHARS` is analysed on its beginning only (`truncated` says so).
    """
    raw = text if isinstance(text, str) else ""
    truncated = len(raw) > MAX_TEXT_CHARS
    raw = raw[:MAX_TEXT_CHARS]
    return _run(_Source({}, {}, raw, normalize_text(raw), from_fields=False), truncated=truncated)


def _run(source: _Source, truncated: bool) -> Checklist:
    results = tuple(check(source) for check in _CHECKS)
    return Checklist(results, word_count=len(source.whole.split()), truncated=truncated)


def _result(rule_id: str, met: bool, advice: str) -> RuleResult:
    return RuleResult(_RULES[rule_id], met, advice)


def _search(name: str, text: str) -> str | None:
    return p.found(_PATTERNS[name], text)


def _as_written(normalized_match: str, raw: str) -> str:
    """The words of `raw` that gave `normalized_match`, accents and capitals included."""
    wanted = normalized_match.split()
    words = re.findall(r"\S+", raw[:MAX_FIELD_CHARS])
    cleaned = [normalize_text(word).strip(_PUNCTUATION) for word in words]
    for start in range(len(words) - len(wanted) + 1):
        window = cleaned[start : start + len(wanted)]
        if all(
            have == want or have.endswith(("'" + want, "’" + want))
            for have, want in zip(window, wanted, strict=True)
        ):
            return " ".join(word.strip(_PUNCTUATION) for word in words[start : start + len(wanted)])
    return normalized_match


def _check_role(source: _Source) -> RuleResult:
    if source.from_fields:
        met = bool(re.search(r"\w{3}", source.parts["role"]))
    else:
        met = _search("ROLE_CUE", source.whole_normalized) is not None
    if met:
        return _result("role", True, "Le modèle sait quel point de vue adopter.")
    return _result(
        "role",
        False,
        "Dites au modèle qui il doit être, par exemple « Vous êtes agent d'accueil de la mairie "
        "de Clairval-sur-Ondine ». Un rôle fixe le vocabulaire et le point de vue.",
    )


def _check_context(source: _Source) -> RuleResult:
    text = source.part("context")
    missing = [
        question
        for question, name in (
            ("qui est concerné", "CONTEXT_WHO"),
            ("où cela se passe", "CONTEXT_WHERE"),
            ("de quoi il s'agit", "CONTEXT_WHAT"),
        )
        if _search(name, text) is None
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
        gaps.append("précisez " + _join(missing))
    if words < minimum:
        gaps.append(f"développez un peu (au moins {minimum} mots, vous en avez {words})")
    return _result("context", False, f"Contexte incomplet : {_join(gaps)}.")


def _check_task(source: _Source) -> RuleResult:
    text = source.part("task")
    verb = _search("TASK_VERB", text)
    if verb:
        raw = source.raw_parts.get("task", source.whole)
        return _result("task", True, f"Verbe d'action trouvé : « {_as_written(verb, raw)} ».")
    if not text:
        return _result(
            "task", False, "Écrivez la tâche, en commençant par un verbe : « Rédigez… »."
        )
    if _search("VAGUE_VERB", text):
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
    length = _search("FORMAT_LENGTH", text)
    structure = _search("FORMAT_STRUCTURE", text)
    if length and structure:
        raw = source.raw_parts.get("format", source.whole)
        shown = _as_written(length, raw)
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
        met = _search("TONE_WORD", source.whole_normalized) is not None
    if met:
        return _result("tone", True, "Le modèle sait comment s'adresser au lecteur.")
    return _result(
        "tone",
        False,
        "Indiquez le ton : courtois, neutre, chaleureux, solennel, sans jargon… Une lettre à "
        "un habitant mécontent ne s'écrit pas comme un discours.",
    )


_GUARDS = (
    ("GUARD_NO_INVENTION", "ne rien inventer"),
    ("GUARD_SOURCES", "citer ses sources"),
    ("GUARD_PRIVACY", "aucune donnée personnelle"),
    ("GUARD_DECISION", "aucune décision laissée à l'outil"),
)


def _check_guards(source: _Source) -> RuleResult:
    text = source.part("constraints")
    present = [label for name, label in _GUARDS if _search(name, text)]
    if present:
        return _result("guards", True, f"Garde-fou trouvé : {_join(present)}.")
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
        met = _search("EXAMPLE_CUE", source.whole_normalized) is not None
    if met:
        return _result("examples", True, "Le modèle voit ce qui est attendu.")
    return _result(
        "examples",
        False,
        "Montrez un exemple : une première phrase, une formule, un plan. Le modèle imite "
        "très bien ce qu'on lui montre.",
    )


def _check_length(source: _Source) -> RuleResult:
    words = len(source.whole.split())
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
    kinds = personal_data_kinds(source.whole)
    if not kinds:
        return _result("personal_data", True, "Rien de repéré (les noms ne sont pas cherchés ici).")
    names = _join([kind.name for kind in kinds])
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


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]
