"""An answer with its sources: each sentence checked against the passages the search finds.

The rule is meant to be explained to a learner in two lines:

- a passage **supports** a sentence when it holds at least half of the
  sentence's content words (« éclairage », « extinction »…, compared without
  accents, plural or feminine ending) AND every number and date of the
  sentence, in the same spelling once spaces are ignored;
- a number or a date that appears in none of the passages found that share
  enough of its words makes the sentence « non étayée »: an invented amount or
  date is caught even when the words around it are right.

A sentence with enough words but no passage holding them all is « à vérifier ».
The rule says nothing of meaning: « adopté » and « rejeté » are different
words, but « n'a pas été adopté » shares its words with « a été adopté ».
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from widgets.errors import AtelierError
from widgets.text import printable
from widgets.verifier.passages import split_sentences
from widgets.verifier.search import MAX_QUERY_CHARS, Hit, PassageIndex, default_index
from widgets.verifier.words import Date, Figures, bounded_text, content_words, figures, stem

MIN_WORD_SHARE = 0.5
MIN_SHARED_WORDS = 2
SEARCHED = 20
"""Passages the search brings back for each sentence: all of them are compared with it."""
SHOWN = 5
MAX_ANSWER_CHARS = 6_000
MAX_SENTENCES = 40


class AnswerError(AtelierError):
    """An answer the check cannot read: not a text, or too long."""


class Verdict(enum.Enum):
    SUPPORTED = "étayée"
    WEAK = "à vérifier"
    UNSUPPORTED = "non étayée"


@dataclass(frozen=True)
class PassageSupport:
    """How one passage found by the search stands against one sentence."""

    hit: Hit
    shared_words: tuple[str, ...]
    sentence_words: int
    """How many content words the sentence has."""
    found: tuple[str, ...]
    """Numbers and dates of the sentence that the passage holds, as a learner reads them."""
    missing: tuple[str, ...]

    @property
    def word_share(self) -> float:
        return len(self.shared_words) / self.sentence_words if self.sentence_words else 0.0

    @property
    def enough_words(self) -> bool:
        """Half of the sentence's content words, and at least two of them when it has two."""
        needed = min(MIN_SHARED_WORDS, self.sentence_words)
        return self.word_share >= MIN_WORD_SHARE and len(self.shared_words) >= needed

    @property
    def supports(self) -> bool:
        return self.enough_words and not self.missing


@dataclass(frozen=True)
class SentenceCheck:
    sentence: str
    verdict: Verdict
    reason: str
    passages: tuple[PassageSupport, ...]
    """The closest passages found, those that support the sentence first, then those holding
    the most of its numbers and dates."""


def _date_found(date: Date, held: Figures) -> bool:
    for other in held.dates:
        if (other.day, other.month) != (date.day, date.month):
            continue
        if date.year is None or other.year == date.year:
            return True
        if other.year is None and str(date.year) in held.numbers:
            return True
    return False


def compare(sentence: str, hit: Hit, wanted: Figures | None = None) -> PassageSupport:
    """Shared content words, and the sentence's numbers and dates found or not in the passage.

    `wanted` is `figures(sentence)` when the caller has it already.
    """
    words = content_words(sentence)
    passage_stems, held = hit.profile.stems, hit.profile.figures
    shared = tuple(sorted(word for word in words if stem(word) in passage_stems))
    wanted = wanted or figures(sentence)
    found, missing = [], []
    for number in sorted(wanted.numbers):
        (found if number in held.numbers else missing).append(wanted.spelling(number))
    for date in sorted(wanted.dates, key=lambda d: (d.year or 0, d.month, d.day)):
        (found if _date_found(date, held) else missing).append(date.label())
    return PassageSupport(hit, shared, len(words), tuple(found), tuple(missing))


def _reason(sentence: str, supports: list[PassageSupport]) -> tuple[Verdict, str]:
    if any(support.supports for support in supports):
        count = sum(support.supports for support in supports)
        return Verdict.SUPPORTED, (
            "un passage l'étaye." if count == 1 else f"{count} passages l'étayent."
        )
    on_subject = [support for support in supports if support.enough_words]
    nowhere = [
        label
        for label in figures(sentence).labels()
        if all(label in support.missing for support in on_subject or supports)
    ]
    if nowhere:
        named = ", ".join(f"« {label} »" for label in nowhere)
        return Verdict.UNSUPPORTED, (
            f"aucun passage ne l'étaye : {named} ne figure dans aucun des passages trouvés "
            "qui en partagent les mots."
        )
    if not any(support.enough_words for support in supports):
        return Verdict.UNSUPPORTED, (
            "aucun passage ne l'étaye : aucun passage trouvé ne contient la moitié de ses mots."
        )
    return Verdict.WEAK, (
        "à vérifier : ses mots et ses chiffres sont dans les passages trouvés, "
        "mais aucun passage ne les réunit tous."
    )


def check_sentence(sentence: str, index: PassageIndex | None = None) -> SentenceCheck:
    """One sentence against the passages the search finds for it."""
    index = index or default_index()
    return _checked(sentence, index.search(sentence[:MAX_QUERY_CHARS], k=SEARCHED))


def _checked(sentence: str, hits: list[Hit]) -> SentenceCheck:
    wanted = figures(sentence)
    supports = [compare(sentence, hit, wanted) for hit in hits]
    supports.sort(key=lambda s: (not s.supports, -len(s.found), -s.word_share, -s.hit.score))
    verdict, reason = _reason(sentence, supports)
    return SentenceCheck(sentence, verdict, reason, tuple(supports[:SHOWN]))


def answer_sentences(answer: object) -> list[str]:
    """The sentences of an answer: one per sentence, and one per line of a list."""
    answer = bounded_text(
        answer,
        MAX_ANSWER_CHARS,
        "la réponse à vérifier",
        "la vérification",
        "Vérifiez-la en plusieurs morceaux.",
        AnswerError,
    )
    sentences = []
    for line in printable(answer).splitlines():
        line = " ".join(line.strip(" \t-•*").split())
        sentences.extend(s for s in split_sentences(line) if content_words(s) or figures(s).numbers)
    if len(sentences) > MAX_SENTENCES:
        raise AnswerError(
            f"La réponse compte {len(sentences)} phrases : la vérification en lit "
            f"{MAX_SENTENCES} au plus. Vérifiez-la en plusieurs morceaux."
        )
    return sentences


def check_answer(answer: object, index: PassageIndex | None = None) -> list[SentenceCheck]:
    """Every sentence of `answer`, checked; an empty list for an empty answer."""
    sentences = answer_sentences(answer)
    found = (index or default_index()).search_many(
        [s[:MAX_QUERY_CHARS] for s in sentences], SEARCHED
    )
    return [_checked(sentence, hits) for sentence, hits in zip(sentences, found, strict=True)]
