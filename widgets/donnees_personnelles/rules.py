"""Rules for personal data with a shape: e-mail, address, birth date, plate, civility + name.

Word lists come from `cues.toml`. Every quantifier is bounded, so that a
1 MB text is read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from widgets.donnees_personnelles.cues import cues

Span = tuple[str, int, int]

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
PLATE_LETTERS = "A-HJ-NP-TV-Z"
PLATE = re.compile(
    rf"(?<![\w-])[{PLATE_LETTERS}]{{2}}[- ]\d{{3}}[- ][{PLATE_LETTERS}]{{2}}(?![\w-])"
)
UPPER = "A-ZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ"
LOWER = "a-zàâäçéèêëîïôöùûüÿœæ"
CAPITALISED = rf"[{UPPER}][{LOWER}]{{1,30}}(?:-[{UPPER}][{LOWER}]{{1,30}})?"
ALL_CAPS = rf"[{UPPER}]{{2,30}}(?:-[{UPPER}]{{2,30}})?"
NAME_WORD = rf"(?:{CAPITALISED}|{ALL_CAPS})"


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lists = cues()
    street = _alternatives(lists["address"]["street_types"])
    repetition = _alternatives(lists["address"]["repetitions"])
    particles = _alternatives(lists["person"]["particles"])
    civility = _alternatives(lists["person"]["civilities"])
    months = _alternatives(lists["birth_date"]["months"])
    birth_cues = _alternatives(lists["birth_date"]["cues"])
    street_name = rf"(?:(?:{particles}|l['’]|d['’]|aux?)[ ]?){{0,2}}{NAME_WORD}"
    date = (
        rf"(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{4}}|(?:1er|\d{{1,2}})[ \u00a0](?:{months})"
        rf"[ \u00a0]\d{{4}}|(?:{months})[ \u00a0]\d{{4}}|\d{{4}})"
    )
    return {
        "address": re.compile(
            rf"(?<![\w])\d{{1,4}}(?:[ ]?(?:{repetition}))?,?[ ](?i:{street})[ ]"
            rf"{street_name}(?:[ ]{street_name}){{0,5}}"
            rf"(?:,?[ \n]{{1,3}}\d{{5}}[ ]{NAME_WORD}(?:[ -]{NAME_WORD}){{0,3}})?"
        ),
        "birth_date": re.compile(
            rf"(?i:{birth_cues})[ \u00a0]{{0,3}}(?:le[ ]|en[ ]|:[ ]?)?(?P<date>{date})(?![\w])"
        ),
        "person": re.compile(
            rf"(?<![\w])(?:{civility})[ \u00a0](?P<name>{NAME_WORD}"
            rf"(?:[ \u00a0](?:(?:{particles})[ ])?{NAME_WORD}){{0,2}})"
        ),
        "signature": re.compile(
            rf"(?m)^[ \t]{{0,8}}(?:{_alternatives(lists['person']['sign_offs'])})[ \t]{{0,8}}\n"
            rf"[ \t]{{0,8}}(?P<name>{CAPITALISED}(?:[ ]{NAME_WORD}){{1,2}})[ \t]{{0,8}}$"
        ),
        "caps_name": re.compile(
            rf"(?<![\w])(?:{ALL_CAPS}[ ]{CAPITALISED}|{CAPITALISED}[ ]{ALL_CAPS})(?![\w])"
        ),
    }


def _title_words() -> set[str]:
    return set(cues()["person"]["titles"]) | set(cues()["person"]["not_names"])


def emails(text: str) -> Iterator[Span]:
    for match in EMAIL.finditer(text):
        yield "email", match.start(), match.end()


def plates(text: str) -> Iterator[Span]:
    for match in PLATE.finditer(text):
        yield "vehicle_plate", match.start(), match.end()


def addresses(text: str) -> Iterator[Span]:
    for match in _patterns()["address"].finditer(text):
        yield "address", match.start(), match.end()


def birth_dates(text: str) -> Iterator[Span]:
    for match in _patterns()["birth_date"].finditer(text):
        yield "birth_date", match.start("date"), match.end("date")


def persons(text: str) -> Iterator[Span]:
    """A name after a civility (« Mme Jeanne Martin »), under a sign-off (« Cordialement, »),
    or written « DUPONT Marie » / « Marie DUPONT »."""
    titles = _title_words()
    for match in _patterns()["person"].finditer(text):
        words = match.group("name").split()
        if words[0] in titles:
            continue
        kept = []
        for word in words:
            if word in titles:
                break
            kept.append(word)
        start = match.start("name")
        yield "person", start, start + len(" ".join(kept))
    for match in _patterns()["signature"].finditer(text):
        if not any(word in titles for word in match.group("name").split()):
            yield "person", match.start("name"), match.end("name")
    acronyms = set(cues()["person"]["not_names"])
    for match in _patterns()["caps_name"].finditer(text):
        if not any(word in acronyms or word in titles for word in match.group().split()):
            yield "person", match.start(), match.end()


def rule_findings(text: str) -> Iterator[Span]:
    yield from emails(text)
    yield from plates(text)
    yield from birth_dates(text)
    yield from addresses(text)
    yield from persons(text)
