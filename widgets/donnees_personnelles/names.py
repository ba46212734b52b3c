"""Bare names and places: a second pass with spaCy's small French model.

The model takes a few seconds to load, so it is loaded once, in a background
thread, the first time it is asked for; the rules answer at once and names
follow. `status()` says in French where the loading stands.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from typing import Any

from widgets.donnees_personnelles.cues import cues

MODEL_NAME = "fr_core_news_sm"
MAX_CHARS = 100_000
"""Longer texts are read by the rules only: the connector sends no message longer than this,
and the model would need tens of seconds for a megabyte."""

Span = tuple[str, int, int]
LABELS = {"PER": "person", "LOC": "place"}

_lock = threading.Lock()
_ready = threading.Event()
_thread: threading.Thread | None = None
_model: Any = None
_failure: str = ""
load_seconds: float | None = None


def _load() -> None:
    global _model, _failure, load_seconds
    started = time.perf_counter()
    try:
        import spacy

        _model = spacy.load(MODEL_NAME, exclude=["lemmatizer"])
        load_seconds = time.perf_counter() - started
    except Exception:  # any failure means « names are not searched »
        _failure = (
            "Le modèle des noms (spaCy fr_core_news_sm) n'a pas pu être chargé : seules les "
            "règles cherchent les données personnelles. Prévenez la personne qui anime."
        )
    finally:
        _ready.set()


def start_loading() -> None:
    """Start loading the model in the background (once)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_load, name="atelier-spacy", daemon=True)
            _thread.start()


def ready() -> bool:
    return _ready.is_set()


def wait(timeout: float | None = None) -> bool:
    start_loading()
    return _ready.wait(timeout)


def status() -> str:
    """Where the model stands, in French, for the widget."""
    if not ready():
        return (
            "Chargement du modèle qui repère les noms et les lieux (quelques secondes)… "
            "Les règles répondent déjà ; les noms suivront."
        )
    return _failure or "Le modèle des noms et des lieux est prêt."


def _ignored(text: str) -> bool:
    words = set(cues()["person"]["not_names"])
    return (
        text in words
        or any(word.strip(".,:;") in words for word in text.split())
        or not text[:1].isupper()
    )


_LONG_WORD = re.compile(r"\S{40,}")


def _blank(match: re.Match[str]) -> str:
    """Spaces in place of a 40-character « word »: spaCy's tokenizer is quadratic in a word's
    length, and no name is that long. The offsets do not move."""
    return " " * len(match.group())


_SENTENCE_START = re.compile(r"(?:^|[\n.:;!?•*#>|-])[ \t\"«(]*$")


def _starts_a_sentence(text: str, start: int) -> bool:
    """True at the start of a line or a sentence: there the model takes a capitalised verb or
    heading (« Rédigez », « Contexte ») for a name."""
    return bool(_SENTENCE_START.search(text[max(0, start - 8) : start]))


def name_findings(text: str) -> Iterator[Span]:
    """PER and LOC entities of the model; nothing if it is not loaded (or failed)."""
    if not ready() or _model is None:
        return
    for entity in _model(_LONG_WORD.sub(_blank, text[:MAX_CHARS])).ents:
        kind = LABELS.get(entity.label_)
        proper = any(token.pos_ == "PROPN" for token in entity)
        lone_word_first = len(entity) == 1 and _starts_a_sentence(text, entity.start_char)
        if kind and proper and not lone_word_first and not _ignored(entity.text.strip()):
            yield kind, entity.start_char, entity.end_char
