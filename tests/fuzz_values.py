"""Odd values a learner can pass, and the check that an engine took them calmly.

Shared by the `test_fuzz_*.py` files (issue 9, item 12). `outcome(call)` runs
one engine call under a time limit and returns what it gave, or the message of
the `AtelierError` it raised after checking that the message is a French
sentence a browser can show. Any other exception propagates: Hypothesis then
reports the smallest input that raises it.

Each fuzz test tries 40 examples (the whole of `test_fuzz_*.py` runs in seconds);
for a longer search, set ATELIER_FUZZ_EXAMPLES, for example to 1000.
"""

from __future__ import annotations

import math
import os
import re
import signal
import time
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from widgets.errors import AtelierError

CALL_LIMIT_S = 5.0
"""Far above what any engine call needs (milliseconds): beyond it, the call hangs."""

FUZZ = settings(
    max_examples=int(os.environ.get("ATELIER_FUZZ_EXAMPLES", "40")),
    deadline=None,  # `outcome` bounds every call itself, even one that never returns
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)

SURROGATES = ("\ud800", "\udfff", "\udc80", "\ud83d")
HUGE_INTEGERS = (10**400, -(10**400), 10**5000, 2**64, 2**64 - 1, 2**63, -(2**63) - 1)
HUGE_NAMES = ("10^400", "-10^400", "10^5000", "2^64", "2^64-1", "2^63", "-2^63-1")

WITH_SURROGATE = st.builds(
    lambda before, lone, after: before + lone + after,
    st.text(max_size=20),
    st.sampled_from(SURROGATES),
    st.text(max_size=20),
)
ODD_TEXT = st.one_of(
    st.text(max_size=80),
    WITH_SURROGATE,
    st.text(alphabet=st.characters(categories=["Cc", "Cf", "Mn", "So", "Zs"]), max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "B\ud800",
            "😀🏛️👩‍👩‍👧🇫🇷",
            "\u202eà l'envers",
            "1e400",
            "nan",
            "-0",
            "0,5",
            "35 %",
            "é" * 1_000_000,
            "😀" * 250_000,
        ]
    ),
)
ODD_NUMBERS = st.one_of(
    st.integers(),
    st.sampled_from(HUGE_INTEGERS),
    st.sampled_from([0, -1, -0.0, math.nan, -math.inf, math.inf, 1e308, 5e-324, -1e-300]),
    st.floats(),
    st.fractions(max_denominator=7),
    st.just(Fraction(10**400, 3)),
    st.sampled_from([np.int64(3), np.int64(-1), np.float64("nan"), np.float32(0.25)]),
    st.complex_numbers(allow_nan=True, allow_infinity=True),
)
ODD_VALUES = st.one_of(
    ODD_NUMBERS,
    ODD_TEXT,
    st.none(),
    st.booleans(),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    st.sampled_from([object(), (1, 2), {1, 2}, np.array([0.5, 0.6]), np.array(["école"])]),
)

_ENGLISH = re.compile(
    r"\b(must|invalid|expected|should|cannot|got|the|is|not|of|and|argument|value|"
    r"object|instance|integer|string|unsupported|unexpected)\b",
    re.IGNORECASE,
)
_PYTHON = re.compile(
    r"\b(int|float|str|bool|list|dict|tuple|bytes|complex|NoneType|Fraction|ndarray|"
    r"Traceback|\w+Error|\w+Exception)\b"
)
_FRENCH = re.compile(
    r"[àâçéèêëîïôûùœ]|\b(le|la|les|un|une|de|du|des|doit|est|pas|entre|ou|et)\b", re.IGNORECASE
)
_QUOTED = re.compile("«.*»", re.DOTALL)
"""What a message quotes (the learner's own text, which may be anything)."""


class TooSlow(Exception):
    pass


def assert_french(message: object) -> None:
    """A non-empty French sentence, showable in a browser, without English or Python names."""
    assert isinstance(message, str) and message.strip(), message
    message.encode("utf-8")  # a lone surrogate would break the message that carries it
    assert len(message) < 1_000, message[:200]
    assert _FRENCH.search(message), message
    own_words = _QUOTED.sub("", message)
    assert not _ENGLISH.search(own_words), message
    assert not _PYTHON.search(own_words), message


def outcome(call: Callable[[], Any]) -> tuple[Any, str | None]:
    """(result, None) when the call returns, (None, French message) when it refuses.

    Fails the test when the call takes longer than CALL_LIMIT_S (interrupted
    at the next Python instruction) or raises anything but an AtelierError.
    """

    def interrupt(_signal: int, _frame: object) -> None:
        raise TooSlow(f"no answer after {CALL_LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, CALL_LIMIT_S)
    started = time.perf_counter()
    try:
        result = call()
    except AtelierError as error:
        assert_french(error.message)
        return None, error.message
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.perf_counter() - started < CALL_LIMIT_S
    return result, None


def showable(text: str) -> bool:
    """True when a text can travel to the browser (UTF-8, no lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
