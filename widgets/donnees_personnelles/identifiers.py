"""Identifiers that carry their own check: NIR, SIREN, SIRET, IBAN, and telephone numbers.

A candidate is kept only when its key is right (python-stdnum), so that a
reference number, an amount or a typo does not pass for a social-security
number. Telephone numbers go through phonenumbers with `Leniency.POSSIBLE`:
the default leniency drops numbers that are not allocated, and the
fictional numbers of a course (or of a tired agent) are not.
Every quantifier is bounded: a 1 MB text is read in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fr import nir as stdnum_nir

Span = tuple[str, int, int]

_SEP = r"[ \u00a0\u202f.-]?"
_THREE = r"\d{3}"
_NINE = _SEP.join([_THREE] * 3)
NIR = re.compile(
    rf"(?<![\w])[12]{_SEP}\d{{2}}{_SEP}\d{{2}}{_SEP}(?:\d{{2}}|2[ABab]){_SEP}"
    rf"\d{{3}}{_SEP}\d{{3}}{_SEP}\d{{2}}(?![\w])"
)
SIRET = re.compile(rf"(?<![\w]){_NINE}{_SEP}\d{{5}}(?![\w])")
SIREN = re.compile(rf"(?<![\w.,-])(?<!\d )(?<!\d\u00a0){_NINE}(?![\w]|[ \u00a0.,-]\d)")
IBAN = re.compile(
    r"(?<![\w])[A-Z]{2}\d{2}(?:[ \u00a0]?[A-Z0-9]{4}){2,7}(?:[ \u00a0]?[A-Z0-9]{1,3})?"
)
PHONE = re.compile(r"(?<![\w+])(?:\+|0)(?:[ \u00a0.-]?(?:\(0\)[ ]?)?\d){8,14}(?![\w])")
_ONLY_DIGITS = re.compile(r"\D")


def _digits(text: str) -> str:
    return _ONLY_DIGITS.sub("", text)


def _compact(text: str) -> str:
    return re.sub(r"[ \u00a0\u202f.-]", "", text).upper()


def nirs(text: str) -> Iterator[Span]:
    for match in NIR.finditer(text):
        if stdnum_nir.is_valid(_compact(match.group())):
            yield "nir", match.start(), match.end()


def sirets(text: str) -> Iterator[Span]:
    for match in SIRET.finditer(text):
        if luhn.is_valid(_digits(match.group())) and luhn.is_valid(_digits(match.group())[:9]):
            yield "siret", match.start(), match.end()


def sirens(text: str) -> Iterator[Span]:
    for match in SIREN.finditer(text):
        if luhn.is_valid(_digits(match.group())):
            yield "siren", match.start(), match.end()


def ibans(text: str) -> Iterator[Span]:
    """The longest valid IBAN at each candidate: trailing groups are dropped until it checks."""
    for match in IBAN.finditer(text):
        candidate = match.group()
        while len(_compact(candidate)) >= 15:
            if stdnum_iban.is_valid(candidate):
                yield "iban", match.start(), match.start() + len(candidate)
                break
            candidate = re.sub(r"[ \u00a0]?[A-Z0-9]{1,4}$", "", candidate)


def phones(text: str) -> Iterator[Span]:
    """French numbers as written (0…, +33…, 0033…); bare digit runs are not telephones.

    phonenumbers reads each candidate alone: in running text, its matcher
    gives up on a number that follows a digit or a bracket (« [1] 06 … »).
    """
    for match in PHONE.finditer(text):
        found = phonenumbers.PhoneNumberMatcher(
            match.group(), "FR", leniency=phonenumbers.Leniency.POSSIBLE
        )
        for number in found:
            yield "phone", match.start() + number.start, match.start() + number.end


def identifiers(text: str) -> Iterator[Span]:
    yield from nirs(text)
    yield from ibans(text)
    yield from sirets(text)
    yield from sirens(text)
    yield from phones(text)
