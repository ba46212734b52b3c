"""Module 03: how fast the prompt coach answers a keystroke.

Each update is what a learner's keystroke triggers in a real kernel: the
Textarea's value changes, the coach re-assembles the prompt, re-runs the
nine rules and rewrites its two HTML panels. The fields start filled with
the longest prompt of the gallery (the note with its table of figures), so
each measured update analyses a full-size prompt; then 100 characters are
typed, one at a time, at the end of the constraints, and the same for the
one-block checker. A 1 MB paste is timed once, for information.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "03-prompts"
UPDATES = 100
TYPED = "Ne citez aucun nom de personne, signalez ce qui manque et restez factuel. " * 2


def keystroke_times_ms(set_value: Callable[[str], None], start: str) -> list[float]:
    """Milliseconds for each of `UPDATES` keystrokes appended to `start`."""
    texts = [start + TYPED[:count] for count in range(1, UPDATES + 1)]
    return times_ms(lambda text=text: set_value(text) for text in texts)


def measure_prompts(context: BenchContext) -> list[Row]:
    """Coach and one-block checker latency per keystroke; one 1 MB paste for information."""
    if not context.selected(MODULE):
        return []
    from widgets.prompts.fields import assemble
    from widgets.prompts.gallery import task
    from widgets.prompts.views.coach import PromptCoach
    from widgets.prompts.views.free_prompt import FreePromptCheck

    longest = task("note-donnees")
    coach = PromptCoach(longest.fields)
    constraints = coach.inputs["constraints"]
    rows = latency_rows(
        "prompts:coach",
        "Coach de prompt (module 03), mise à jour à chaque frappe",
        keystroke_times_ms(lambda text: setattr(constraints, "value", text), constraints.value),
        "frappes",
    )

    checker = FreePromptCheck()
    block = assemble(longest.fields) + "\n"
    rows += latency_rows(
        "prompts:free-text",
        "Vérificateur d'un prompt d'un seul bloc (module 03), à chaque frappe",
        keystroke_times_ms(lambda text: setattr(checker.text, "value", text), block),
        "frappes",
    )

    begin = time.perf_counter()
    coach.inputs["context"].value = "é" * 1_000_000
    paste_ms = (time.perf_counter() - begin) * 1000
    rows.append(
        Row(
            "prompts:paste-1mb",
            "Coach de prompt (module 03), collage de 1 Mo dans un champ",
            paste_ms,
            "ms",
            None,
            "pour information : le champ est tronqué à 20 000 caractères, avec un message",
        )
    )
    return rows
