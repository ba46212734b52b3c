"""The questions an élu asks a vendor before signing, read from `checklist.toml`."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.ouverture.index import OpennessDataError


@dataclass(frozen=True)
class VendorQuestion:
    id: str
    theme: str
    question: str
    why: str


@cache
def vendor_questions() -> tuple[VendorQuestion, ...]:
    """The questions, in the order of the file."""
    text = resources.files("widgets.ouverture").joinpath("checklist.toml").read_text("utf-8")
    try:
        return tuple(VendorQuestion(**entry) for entry in tomllib.loads(text)["questions"])
    except (tomllib.TOMLDecodeError, KeyError, TypeError):
        raise OpennessDataError("Le fichier checklist.toml est mal écrit.") from None
