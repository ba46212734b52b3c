"""The personal-data guard: `find_personal_data(text)` lists what a prompt should not carry.

Public entry point, used outside the notebooks too. Each `Finding` has a
`kind` (one of `KINDS`), character offsets `start` and `end` in the text, and
the `text` found. Structured identifiers are validated (keys, checksums);
names and places come from civility rules and, once loaded, spaCy's French
model (see `names.py`). One finding per span: where two overlap, the kind
earlier in `KINDS` wins (an identifier before a name, a name before a place).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Literal

from widgets.donnees_personnelles import names
from widgets.donnees_personnelles.cues import cues
from widgets.donnees_personnelles.identifiers import identifiers
from widgets.donnees_personnelles.rules import rule_findings
from widgets.errors import AtelierError

KINDS = (
    "nir",
    "iban",
    "siret",
    "siren",
    "email",
    "phone",
    "vehicle_plate",
    "birth_date",
    "address",
    "person",
    "place",
)
STRUCTURED = KINDS[:9]
MAX_TEXT_CHARS = 1_000_000
PLACEHOLDER = re.compile(r"\[[A-Z_]{2,20}_\d{1,6}\]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Names = Literal["wait", "if_ready", "no"]


class GuardError(AtelierError):
    """A text the guard cannot read; the message is in French."""


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    by_model: bool = False
    """True when spaCy's model found it (a bare name or place), False for a rule."""


def check_text(text: object) -> str:
    """The text as the guard reads it: lone surrogates become U+FFFD (same offsets)."""
    if not isinstance(text, str):
        raise GuardError("Le garde-fou lit un texte : mettez-le entre guillemets.")
    if len(text) > MAX_TEXT_CHARS:
        raise GuardError(
            "Ce texte dépasse un million de caractères : découpez-le avant de le vérifier."
        )
    return _SURROGATE.sub("\ufffd", text)


def _civility_prefix(text: str) -> int:
    """Length of a civility at the start of a model's name (« Mme Martin » -> 4)."""
    for civility in sorted(cues()["person"]["civilities"], key=len, reverse=True):
        if text.startswith(civility + " "):
            return len(civility) + 1
    return 0


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """True when the words before it, or its first word, make the name a street, a building
    or a business (« rue Jean Jaurès », « l'école Jules Ferry », « Menuiserie Roux »)."""
    before = text[max(0, start - 40) : start].lower().rstrip()
    first = text[start:end].split(" ", 1)[0].lower()
    things = cues()["person"]["name_of_things"]
    return first in things or any(
        re.search(rf"(?<!\w){re.escape(word)}$", before) for word in things
    )


def _candidates(text: str, with_names: bool) -> list[Finding]:
    found = [Finding(kind, start, end, text[start:end]) for kind, start, end in identifiers(text)]
    found += [
        Finding(kind, start, end, text[start:end]) for kind, start, end in rule_findings(text)
    ]
    if with_names and len(text) <= names.MAX_CHARS:
        for kind, start, end in names.name_findings(text):
            if kind == "person":
                start += _civility_prefix(text[start:end])
            found.append(Finding(kind, start, end, text[start:end], by_model=True))
    return [
        finding
        for finding in found
        if finding.end > finding.start
        and not (
            finding.kind in ("person", "place") and _names_a_thing(text, finding.start, finding.end)
        )
    ]


class _Taken:
    """Spans already given to a finding; they never overlap, so a sorted list answers in log n."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        before_ok = index == 0 or self.ends[index - 1] <= start
        after_ok = index == len(self.starts) or self.starts[index] >= end
        return before_ok and after_ok

    def take(self, start: int, end: int) -> None:
        index = bisect.bisect_right(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def _resolve(found: list[Finding], text: str) -> list[Finding]:
    """One finding per span: structured kinds first, rules before the model, longer first."""
    taken = _Taken()
    for match in PLACEHOLDER.finditer(text):
        taken.take(match.start(), match.end())
    kept = []
    order = sorted(
        found,
        key=lambda f: (KINDS.index(f.kind), f.by_model, f.start - f.end, f.start),
    )
    for finding in order:
        if taken.free(finding.start, finding.end):
            kept.append(finding)
            taken.take(finding.start, finding.end)
    return sorted(kept, key=lambda f: (f.start, f.end))


def find_personal_data(text: str, *, names_pass: Names = "wait") -> list[Finding]:
    """The personal data in `text`, in reading order.

    `names_pass` says what to do about spaCy's model: "wait" loads it if
    needed (a few seconds, once), "if_ready" uses it only when already loaded
    (the rules answer at once and the loading starts), "no" uses rules only.
    """
    clean = check_text(text)
    if names_pass == "wait":
        names.wait()
    elif names_pass == "if_ready":
        names.start_loading()
    return _resolve(_candidates(clean, names_pass != "no"), clean)
