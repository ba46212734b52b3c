"""Reversible pseudonymisation: findings become « [PERSONNE_1] »; answers get originals back.

The same original always gets the same placeholder within one text, so a
model can still tell that two sentences speak of the same person. The
mapping (placeholder -> original) lives only in memory: it is never written
anywhere. A placeholder already present in the text is never reused, so
`restore(pseudonymise(text))` gives back the text exactly.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from widgets.donnees_personnelles.cues import placeholder_word
from widgets.donnees_personnelles.guard import Finding, check_text, find_personal_data

PLACEHOLDER = re.compile(r"\[[A-Z_]{2,20}_\d{1,6}\]")


def pseudonymise_findings(
    text: str, findings: list[Finding], mapping: dict[str, str] | None = None
) -> tuple[str, dict[str, str]]:
    """Replace `findings` (offsets in `text`) with placeholders; add them to `mapping`."""
    mapping = {} if mapping is None else mapping
    by_original = {(original, _word(key)): key for key, original in mapping.items()}
    counts: dict[str, int] = {}
    for key in mapping:
        word = _word(key)
        counts[word] = max(counts.get(word, 0), _number(key))
    pieces = []
    position = 0
    for finding in sorted(findings, key=lambda f: f.start):
        word = placeholder_word(finding.kind)
        key = by_original.get((finding.text, word))
        if key is None:
            key = _fresh(word, counts, text)
            mapping[key] = finding.text
            by_original[(finding.text, word)] = key
        pieces += [text[position : finding.start], key]
        position = finding.end
    pieces.append(text[position:])
    return "".join(pieces), mapping


def _word(key: str) -> str:
    return key[1:].rsplit("_", 1)[0]


def _number(key: str) -> int:
    return int(key[:-1].rsplit("_", 1)[1])


def _fresh(word: str, counts: dict[str, int], text: str) -> str:
    number = counts.get(word, 0)
    while True:
        number += 1
        key = f"[{word}_{number}]"
        if key not in text:
            counts[word] = number
            return key


def pseudonymise(text: str, mapping: dict[str, str] | None = None) -> tuple[str, dict[str, str]]:
    """The text with every finding replaced, and the mapping to put the originals back."""
    findings = [
        replace(finding, text=text[finding.start : finding.end])
        for finding in find_personal_data(check_text(text))
    ]
    return pseudonymise_findings(text, findings, mapping)


def restore(answer: str, mapping: Mapping[str, str]) -> str:
    """Put the originals back in place of the placeholders the answer quotes."""
    if not isinstance(answer, str):
        return ""
    return PLACEHOLDER.sub(lambda match: mapping.get(match.group(), match.group()), answer)
