"""Is the role a role? The words after « Vous êtes », read against the lists of `roles.toml`.

A role is a person or a function: « Vous êtes agent d'accueil de la mairie ».
« Vous êtes. » gives none, « Fais une lettre » is an instruction, « un
pirate » is a role but an absurd one for a town hall, « une IA » is not a
person. The reading is explainable: it names the words it found and the
list they belong to, so that feedback can say what was not recognised.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from widgets.prompts import patterns
from widgets.prompts.normalize import PromptText, normalize, words

MAX_ROLE_WORDS = 15
"""A role is read on at most this many words after its cue."""
MAX_CUES = 20
"""At most this many « Vous êtes » are read in one prompt (a paste may hold thousands)."""

_PHRASE_END = re.compile(r"[.;:!?,()\n\[\]]")
_LEADING = re.compile(r"^[\s:«»\"'-]+")
_NOT_A_ROLE_BEFORE = re.compile(r"\b(?:si|s'|quand|lorsque|lorsqu'|comme|puisque|puisqu')\s?$")
_FUNCTION_WORDS = frozenset(("de", "d", "du", "des", "la", "le", "l", "les", "au", "aux", "a"))
_FUNCTION_WORDS |= frozenset(("en", "un", "une", "et", "ou"))


class RoleKind(Enum):
    """What the words after a role cue turned out to be, from worst to best."""

    MISSING = 0
    EMPTY = 1
    INSTRUCTION = 2
    UNKNOWN = 3
    NOT_A_PERSON = 4
    ABSURD = 5
    ELSEWHERE = 6
    NEEDS_ANCHOR = 7
    TOWN_HALL = 8


_LISTS = {
    "town_hall": RoleKind.TOWN_HALL,
    "needs_anchor": RoleKind.NEEDS_ANCHOR,
    "elsewhere": RoleKind.ELSEWHERE,
    "absurd": RoleKind.ABSURD,
    "not_a_person": RoleKind.NOT_A_PERSON,
}


@dataclass(frozen=True)
class RoleReading:
    """A role as read: its kind, the cue that announced it, the words read (normalised)."""

    kind: RoleKind
    cue: str = ""
    phrase: str = ""
    role: str = ""

    @property
    def given(self) -> bool:
        """A person or a function is named (the coach's rule)."""
        return self.kind in (RoleKind.TOWN_HALL, RoleKind.NEEDS_ANCHOR, RoleKind.ELSEWHERE)

    @property
    def plausible_at_town_hall(self) -> bool:
        """The role could write for a town hall (exercise 1's rule)."""
        return self.kind is RoleKind.TOWN_HALL


@dataclass(frozen=True)
class _Lexicon:
    roles: dict[tuple[str, ...], RoleKind]
    longest: int
    anchors: frozenset[tuple[str, ...]]
    skipped: frozenset[str]
    examples: str


def _variants(word: str) -> set[str]:
    """The usual feminine and plural forms of a word as the coach reads it."""
    if word in _FUNCTION_WORDS or len(word) < 3:
        return {word}
    forms = {word, word + "e", word + "s", word + "es"}
    endings = (("eur", ("euse", "rice")), ("er", ("ere",)), ("ien", ("ienne",)), ("if", ("ive",)))
    for ending, feminines in endings:
        if word.endswith(ending):
            forms |= {word[: -len(ending)] + f for f in feminines}
    if word.endswith("f"):
        forms.add(word + "fe")
    if word.endswith("al"):
        forms.add(word[:-2] + "aux")
    return forms | {form + "s" for form in forms if not form.endswith("s")}


def _expand(entry: str) -> set[tuple[str, ...]]:
    combos: set[tuple[str, ...]] = {()}
    for word in words(entry):
        combos = {(*combo, form) for combo in combos for form in _variants(word)}
    return combos


@cache
def lexicon() -> _Lexicon:
    """The lists of `roles.toml`, with their feminine and plural forms."""
    text = resources.files("widgets.prompts").joinpath("roles.toml").read_text("utf-8")
    data = tomllib.loads(text)
    roles: dict[tuple[str, ...], RoleKind] = {}
    for name, kind in _LISTS.items():
        for entry in data[name]:
            for form in _expand(entry):
                roles.setdefault(form, kind)
    anchors = frozenset(form for entry in data["anchors"] for form in _expand(entry))
    return _Lexicon(
        roles=roles,
        longest=max(len(form) for form in roles),
        anchors=anchors,
        skipped=frozenset(data["skipped"]),
        examples=data["examples"],
    )


def role_examples() -> str:
    """A few town-hall functions, quoted in the advice."""
    return lexicon().examples


def read_role_field(text: str) -> RoleReading:
    """The coach's Rôle field: « agent d'accueil… », with or without « Vous êtes »."""
    normalized = normalize(text)
    if not normalized:
        return RoleReading(RoleKind.MISSING)
    cue = patterns.pattern("role_cue").match(normalized)
    after = normalized[cue.end() :] if cue else normalized
    return _read_phrase(after, cue.group(0) if cue else "")


def read_role(prompt: PromptText) -> RoleReading:
    """The best role announced in a prompt written in one block (MISSING when no cue)."""
    best = RoleReading(RoleKind.MISSING)
    cues = patterns.pattern("role_cue").finditer(prompt.lines)
    for _, cue in zip(range(MAX_CUES), cues, strict=False):
        if _NOT_A_ROLE_BEFORE.search(prompt.lines[max(0, cue.start() - 10) : cue.start()]):
            continue
        reading = _read_phrase(prompt.lines[cue.end() : cue.end() + 400], cue.group(0))
        if reading.kind.value > best.kind.value:
            best = reading
        if best.kind is RoleKind.TOWN_HALL:
            break
    return best


def _read_phrase(after: str, cue: str) -> RoleReading:
    text = _LEADING.sub("", after)
    end = _PHRASE_END.search(text)
    phrase = (text[: end.start()] if end else text).strip()
    tokens = words(phrase)[:MAX_ROLE_WORDS]
    phrase = _first_words(phrase, len(tokens))
    lex = lexicon()
    meaningful = [token for token in tokens if token not in lex.skipped]
    if not meaningful:
        return RoleReading(RoleKind.EMPTY, cue, phrase)
    if _is_verb(meaningful[0]) and tuple(meaningful[:1]) not in lex.roles:
        return RoleReading(RoleKind.INSTRUCTION, cue, phrase)
    for start in range(len(tokens)):
        for size in range(min(lex.longest, len(tokens) - start), 0, -1):
            found = tuple(tokens[start : start + size])
            kind = lex.roles.get(found)
            if kind is None:
                continue
            role = " ".join(found)
            rest = tokens[start + size :]
            if rest[:1] in (["de"], ["d"]) and len(rest) > 1 and _is_verb(rest[1]):
                return RoleReading(RoleKind.INSTRUCTION, cue, phrase, role)
            if kind is RoleKind.NEEDS_ANCHOR and _anchored(tokens, lex.anchors):
                kind = RoleKind.TOWN_HALL
            return RoleReading(kind, cue, phrase, role)
    return RoleReading(RoleKind.UNKNOWN, cue, phrase, " ".join(meaningful[:4]))


def _anchored(tokens: list[str], anchors: frozenset[tuple[str, ...]]) -> bool:
    return any(
        tuple(tokens[start : start + size]) in anchors
        for start in range(len(tokens))
        for size in (1, 2)
    )


def _is_verb(token: str) -> bool:
    """An action verb, or any imperative in « -ez » (« soyez », « aidez »)."""
    if len(token) > 4 and token.endswith("ez"):
        return True
    return any(patterns.pattern(name).fullmatch(token) for name in ("task_verb", "vague_verb"))


def _first_words(phrase: str, count: int) -> str:
    """The start of `phrase` holding its first `count` words."""
    pieces = phrase.split()
    kept, seen = [], 0
    for piece in pieces:
        if seen >= count:
            break
        kept.append(piece)
        seen += len(words(piece))
    return " ".join(kept)
