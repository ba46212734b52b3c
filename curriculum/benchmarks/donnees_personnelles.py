"""Module 04: the personal-data guard's throughput, spaCy's load time, the widget's latency.

Throughput is measured on the shipped evaluation set, rules alone and with
the name model. The model's load time is measured in a fresh process, on its
own. The widget is timed as a learner types: 100 keystrokes appended to the
text, rules only (the model not yet loaded) and then with the model, the
NER pass reported apart.
"""

from __future__ import annotations

import subprocess
import sys
import time

from curriculum.benchmarks.core import BenchContext, Row, timing_row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "04-donnees-personnelles"
KEYSTROKES = 100
LOAD_SCRIPT = (
    "import time; t = time.perf_counter(); import spacy; "
    "spacy.load('fr_core_news_sm', exclude=['lemmatizer']); print(time.perf_counter() - t)"
)


def throughput_row(key: str, name: str, names_pass: str, repeats: int) -> Row:
    from widgets.donnees_personnelles.evaluation import documents
    from widgets.donnees_personnelles.guard import find_personal_data

    texts = [document["text"] for document in documents()]
    characters = sum(len(text) for text in texts)
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        for text in texts:
            find_personal_data(text, names_pass=names_pass)
        rates.append(characters / (time.perf_counter() - start))
    rates.sort()
    median = rates[len(rates) // 2]
    return Row(
        key=key,
        name=name,
        value=median,
        unit="caractères/s",
        budget=None,
        note=f"pour information ; {len(texts)} documents, {characters} caractères",
    )


def load_row(context: BenchContext) -> Row:
    seconds = []
    for _ in range(max(1, min(context.repeats, 3))):
        output = subprocess.run(
            [sys.executable, "-c", LOAD_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env=context.env,
        ).stdout
        seconds.append(float(output.strip().splitlines()[-1]))
    return timing_row(
        "donnees_personnelles:spacy-load",
        "Garde-fou (module 04) : chargement du modèle spaCy fr_core_news_sm seul",
        seconds,
        None,
        "pour information : en arrière-plan, les règles répondent pendant ce temps",
    )


def keystroke_rows(key: str, label: str) -> list[Row]:
    from widgets.donnees_personnelles.views.guard import EXAMPLE, GuardView

    view = GuardView(EXAMPLE)

    def type_one(index: int) -> None:
        view.text.value = view.text.value + "abc "[index % 4]

    samples = times_ms([lambda index=index: type_one(index) for index in range(KEYSTROKES)])
    return latency_rows(
        f"donnees_personnelles:widget-{key}",
        f"Garde-fou (module 04), à chaque frappe, {label}",
        samples,
        "frappes",
    )


def widget_rows() -> list[Row]:
    """Rules only while the model is not loaded (skipped if it already is), then with names."""
    from widgets.donnees_personnelles import names

    rows = [] if names.ready() else keystroke_rows("rules", "règles seules")
    names.wait()
    return rows + keystroke_rows("ner", "avec le modèle des noms (passe NER)")


def measure_donnees_personnelles(context: BenchContext) -> list[Row]:
    if not context.selected(MODULE):
        return []
    rows = [load_row(context)]
    rows += widget_rows()
    rows.append(
        throughput_row(
            "donnees_personnelles:throughput-rules",
            "Garde-fou (module 04) : débit des règles sur le jeu d'évaluation",
            "no",
            context.repeats,
        )
    )
    rows.append(
        throughput_row(
            "donnees_personnelles:throughput-all",
            "Garde-fou (module 04) : débit avec le modèle des noms sur le jeu d'évaluation",
            "wait",
            context.repeats,
        )
    )
    return rows
