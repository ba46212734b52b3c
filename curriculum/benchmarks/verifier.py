"""Module 05: index build time, passage search latency, and how fast the two widgets answer.

The index is built from the corpus already read (`cut` then `PassageIndex`),
`context.repeats` times. Search latency is timed on 100 questions taken from
the summary's sentences and the documents' titles. Each widget is built once,
then its text is changed 100 times as a learner's edits do in a kernel: the
observer searches or checks again and rewrites the HTML. The answer widget is
also timed on 30 answers of 40 sentences (the most it accepts), each sentence new.
"""

from __future__ import annotations

import statistics
import time

from curriculum.benchmarks.core import BenchContext, Row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "05-verifier"
UPDATES = 100


def _questions() -> list[str]:
    from widgets.corpus import load_documents
    from widgets.verifier.exercises import exercise_texts

    sentences = [sentence.text for sentence in exercise_texts().summary]
    titles = [document.title for document in load_documents()]
    return [(sentences + titles)[i % (len(sentences) + len(titles))] for i in range(UPDATES)]


def measure_verifier(context: BenchContext) -> list[Row]:
    from widgets.corpus import load_documents
    from widgets.verifier.exercises import exercise_texts
    from widgets.verifier.passages import cut
    from widgets.verifier.search import PassageIndex, default_index
    from widgets.verifier.views.answer import AnswerWithSources
    from widgets.verifier.views.search import PassageSearch

    documents = load_documents()
    builds = []
    for _ in range(max(1, context.repeats)):
        start = time.perf_counter()
        index = PassageIndex(cut(documents))
        builds.append(time.perf_counter() - start)
    rows = [
        Row(
            "05-verifier:index",
            "index des passages, construction",
            statistics.median(builds),
            "s",
            None,
            f"{len(index.passages)} passages, {index.matrix.shape[1]} mots ; médiane "
            f"de {len(builds)} constructions".replace(".", ","),
        )
    ]
    questions = _questions()
    default_index()
    rows += latency_rows(
        "05-verifier:search",
        "recherche de passages",
        times_ms(lambda q=q: default_index().search(q, k=5) for q in questions),
        "recherches",
    )
    search = PassageSearch()
    rows += latency_rows(
        "05-verifier:search-widget",
        "boîte de recherche",
        times_ms(lambda q=q: setattr(search.box, "value", q) for q in questions),
        "questions",
    )
    summary = exercise_texts().summary_text
    answer = AnswerWithSources()
    edits = [summary[: 120 + (i * 37) % (len(summary) - 120)] for i in range(UPDATES)]
    rows += latency_rows(
        "05-verifier:answer-widget",
        "réponse avec ses sources",
        times_ms(lambda text=text: setattr(answer.box, "value", text) for text in edits),
        "modifications",
        "une réponse de 1 à 7 phrases",
    )
    rows += latency_rows(
        "05-verifier:answer-widget-long",
        "réponse avec ses sources, 40 phrases",
        times_ms(lambda text=text: setattr(answer.box, "value", text) for text in _long_answers()),
        "réponses",
        "40 phrases du corpus chaque fois, jamais vues auparavant (le maximum accepté)",
    )
    return rows


def _long_answers(count: int = 30) -> list[str]:
    """`count` answers of MAX_SENTENCES sentences each, no sentence used twice."""
    from widgets.corpus import load_documents
    from widgets.verifier.passages import split_sentences
    from widgets.verifier.support import MAX_SENTENCES

    sentences = [
        sentence
        for document in load_documents()
        for paragraph in document.text.split("\n\n")
        for sentence in split_sentences(" ".join(paragraph.split()))
        if 40 < len(sentence) < 140
    ]
    step = MAX_SENTENCES
    return [" ".join(sentences[i * step : (i + 1) * step]) for i in range(count)]
