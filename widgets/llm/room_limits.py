"""How many requests the room's server accepts: per learner and for the whole room.

One learner's loop must not use up the trainer's quota for everyone, and a
room must not exceed what the upstream (or the laptop) can answer. Each
limit counts the requests of the last minute (a sliding window); beyond
it, the server answers 429 with a French message and a `Retry-After`.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from widgets.llm.chat_api import RequestError

WINDOW_S = 60.0


@dataclass(frozen=True)
class RateLimits:
    per_learner: int = 20
    """Requests per minute for one learner."""
    per_room: int = 300
    """Requests per minute for the whole room."""


class RateLimiter:
    """Sliding one-minute windows; `admit` counts a request or raises a 429 `RequestError`."""

    def __init__(self, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._clock = clock
        self._lock = threading.Lock()
        self._room: deque[float] = deque()
        self._learners: dict[str, deque[float]] = {}

    def admit(self, learner: str) -> None:
        now = self._clock()
        with self._lock:
            self._forget_before(now - WINDOW_S)
            mine = self._learners.setdefault(learner, deque())
            if len(mine) >= self.limits.per_learner:
                wait = _seconds_until_free(mine, now)
                raise RequestError(
                    429,
                    f"Vous avez envoyé {self.limits.per_learner} demandes en une minute, la "
                    f"limite de chaque participant : réessayez dans {_in_seconds(wait)}.",
                    "rate_limit_exceeded",
                    retry_after=wait,
                )
            if len(self._room) >= self.limits.per_room:
                wait = _seconds_until_free(self._room, now)
                raise RequestError(
                    429,
                    f"La salle a envoyé {self.limits.per_room} demandes en une minute, la "
                    f"limite fixée par le formateur : réessayez dans {_in_seconds(wait)}.",
                    "rate_limit_exceeded",
                    retry_after=wait,
                )
            mine.append(now)
            self._room.append(now)

    def _forget_before(self, oldest: float) -> None:
        while self._room and self._room[0] <= oldest:
            self._room.popleft()
        for learner in [name for name, times in self._learners.items() if _trim(times, oldest)]:
            del self._learners[learner]


def _trim(times: deque[float], oldest: float) -> bool:
    """Drop the times before `oldest`; True when none is left."""
    while times and times[0] <= oldest:
        times.popleft()
    return not times


def _seconds_until_free(times: deque[float], now: float) -> int:
    return max(1, math.ceil(times[0] + WINDOW_S - now))


def _in_seconds(seconds: int) -> str:
    return f"{seconds} seconde{'s' if seconds > 1 else ''}"
