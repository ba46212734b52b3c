"""Does the task of a prompt match the exercise's case? Read against `cases.toml`.

For exercise 1 of module 03, the prompt must ask for the message that
announces the gymnasium's closing on the commune's website: its action
verb is followed by a text of the right kind (a message, an announcement,
an article, not a poem), and the prompt says what the message is about
(the gymnasium, its closing for works, the website). Every verdict names
the words it read, so that the feedback can quote them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import Enum
from functools import cache
from importlib import resources

from widgets.errors import AtelierError
from widgets.prompts import patterns
from widgets.prompts.normalize import PromptText, words

OBJECT_WORDS = 12
"""The text asked for is looked for among this many words after the action verb."""
_OBJECT_CHARS = 20 * OBJECT_WORDS
MIN_SENTENCE_WORDS = 3
"""A topic counts only in a sentence of at least this many words."""
_CLITIC = re.compile(r"^-(?:le|la|les|lui|leur)\b")


class CaseError(AtelierError):
    """A case of `cases.toml` is unknown."""


@dataclass(frozen=True)
class Topic:
    """Something the prompt must speak of, and how the feedback names it."""

    id: str
    missing: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Case:
    """An exercise's case: the text to ask for, the topics to speak of."""

    id: str
    deliverable: str
    wanted: re.Pattern[str]
    other: re.Pattern[str]
    announcing: re.Pattern[str]
    topics: tuple[Topic, ...]


class TaskVerdict(Enum):
    OK = "ok"
    NO_VERB = "no_verb"
    VAGUE_VERB = "vague_verb"
    NO_TEXT = "no_text"
    OTHER_TEXT = "other_text"


@dataclass(frozen=True)
class TaskReading:
    """What the task asks for; `quoted` holds the normalised words to quote back."""

    verdict: TaskVerdict
    quoted: str = ""


def _word_list(entries: list[str]) -> re.Pattern[str]:
    pieces = [
        " ".join(re.escape(part).replace(r"\*", r"\w{0,12}") for part in re.split(r"[\s']+", entry))
        for entry in entries
    ]
    pieces.sort(key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(pieces) + r")(?![\w-])")


@cache
def _cases() -> dict[str, Case]:
    text = resources.files("widgets.prompts").joinpath("cases.toml").read_text("utf-8")
    return {
        entry["id"]: Case(
            id=entry["id"],
            deliverable=entry["deliverable"],
            wanted=_word_list(entry["wanted"]),
            other=_word_list(entry["other"]),
            announcing=_word_list(entry["announcing_verbs"]),
            topics=tuple(
                Topic(topic["id"], topic["missing"], _word_list(topic["words"]))
                for topic in entry["topics"]
            ),
        )
        for entry in tomllib.loads(text)["cases"]
    }


def case(case_id: str) -> Case:
    """One case by its id; the error names the known ones."""
    cases = _cases()
    if case_id not in cases:
        known = ", ".join(cases)
        raise CaseError(
            f"Le cas « {case_id} » n'existe pas dans cases.toml (cas connus : {known})."
        )
    return cases[case_id]


def read_task(prompt: PromptText, the_case: Case) -> TaskReading:
    """Does an action verb ask for a text of the wanted kind? The first problem found if not.

    A verb that announces by itself (« Annoncez la fermeture ») asks for the right
    text, unless the sentence already named another one (« une lettre pour annoncer »).
    """
    other: str | None = None
    first_verb: str | None = None
    for sentence in prompt.sentences():
        named = False
        for verb in patterns.pattern("task_verb").finditer(sentence):
            verb_word = words(verb.group(0))[0]
            if not named and the_case.announcing.fullmatch(verb_word):
                return TaskReading(TaskVerdict.OK, verb_word)
            after = sentence[verb.end() : verb.end() + _OBJECT_CHARS]
            following = words(after)
            if _CLITIC.match(after):
                before = sentence[max(0, verb.start() - _OBJECT_CHARS) : verb.start()]
                following = words(before)[-OBJECT_WORDS:] + following[1:]
            kind, quoted = _text_asked(" ".join(following[:OBJECT_WORDS]), the_case)
            if kind is TaskVerdict.OK:
                return TaskReading(TaskVerdict.OK, quoted)
            if kind is TaskVerdict.OTHER_TEXT:
                named = True
                other = other or quoted
            if first_verb is None:
                first_verb = " ".join([verb_word, *following[:3]])
    if other is not None:
        return TaskReading(TaskVerdict.OTHER_TEXT, other)
    if first_verb is not None:
        return TaskReading(TaskVerdict.NO_TEXT, first_verb)
    vague = patterns.found("vague_verb", prompt.flat)
    if vague:
        return TaskReading(TaskVerdict.VAGUE_VERB, vague)
    return TaskReading(TaskVerdict.NO_VERB)


def _text_asked(following: str, the_case: Case) -> tuple[TaskVerdict, str]:
    """The first text named after the verb: of the wanted kind, of another kind, or none."""
    wanted = the_case.wanted.search(following)
    other = the_case.other.search(following)
    if wanted and (
        not other
        or wanted.start() < other.start()
        or (wanted.start() == other.start() and wanted.end() >= other.end())
    ):
        return TaskVerdict.OK, wanted.group(0)
    if other:
        before = following[: other.start()].split()[-1:]
        article = before if before and before[0] in ("un", "une", "des", "le", "la", "les") else []
        return TaskVerdict.OTHER_TEXT, " ".join([*article, other.group(0)])
    return TaskVerdict.NO_TEXT, ""


def missing_topics(prompt: PromptText, the_case: Case) -> list[Topic]:
    """The topics of the case that no real sentence of the prompt speaks of."""
    sentences = [s for s in prompt.sentences() if len(words(s)) >= MIN_SENTENCE_WORDS]
    text = " ".join(" ".join(words(sentence)) for sentence in sentences)
    return [topic for topic in the_case.topics if not topic.pattern.search(text)]
