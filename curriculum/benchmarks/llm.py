"""Module 02: the classroom language model and its widgets.

- Training, cold: in a fresh interpreter each time, the time `get_model()`
  takes (reading the corpus, training the tokenizer, encoding the corpus,
  counting the n-grams); imports are left out, as the notebook's first cell
  pays for them.
- Generation: the time per token of `generate`, as a learner's widget or
  `atelier serve` calls it (temperature 0.8, top-k 40).
- Widget updates: 100 moves of the temperature slider (bars redrawn and a
  continuation of 30 tokens drawn), and 100 keystrokes in the prompt of the
  next-token bars (prediction and bars redrawn).
- Quality, for information: the perplexity of the model on documents it
  did not see, next to that of a model that knows only token frequencies.
"""

from __future__ import annotations

import math
import statistics
import time

from curriculum.benchmarks.core import BenchContext, Row, seconds_in_fresh_interpreter, timing_row
from curriculum.benchmarks.latency import latency_rows, times_ms

MODULE = "02-ia-generative"
TRAINING_SECONDS = 1.0
MIN_TOKENS_PER_SECOND = 2000
GENERATED_TOKENS = 3000
UPDATES = 100
PROMPT = "Après en avoir délibéré, le conseil municipal"
COLD_TRAINING = (
    "import time\n"
    "from widgets.llm.classroom import get_model\n"
    "t = time.perf_counter(); get_model(); print(time.perf_counter() - t)"
)


def cold_training_seconds(context: BenchContext) -> float:
    return seconds_in_fresh_interpreter(COLD_TRAINING, context)


def training_row(context: BenchContext) -> Row:
    key, name = "llm:training", "Modèle de classe (module 02), entraînement à froid"
    try:
        samples = [cold_training_seconds(context) for _ in range(max(3, context.repeats))]
    except RuntimeError as error:
        return Row(key, name, None, "s", TRAINING_SECONDS, f"l'entraînement a échoué ({error})")
    return timing_row(
        key, name, samples, TRAINING_SECONDS, "chaque fois dans un nouvel interpréteur"
    )


def generation_row() -> Row:
    from widgets.llm.classroom import get_model

    model = get_model()
    samples = []
    for seed in range(3):
        begin = time.perf_counter()
        model.generate(PROMPT, GENERATED_TOKENS, temperature=0.8, top_k=40, seed=seed)
        samples.append((time.perf_counter() - begin) * 1000 / GENERATED_TOKENS)
    per_token = statistics.median(samples)
    return Row(
        "llm:generation",
        "Modèle de classe (module 02), génération, temps par token",
        per_token,
        "ms",
        1000 / MIN_TOKENS_PER_SECOND,
        f"soit {1000 / per_token:,.0f} tokens par seconde ; {GENERATED_TOKENS} tokens, "
        f"médiane de 3 tirages".replace(",", "\u202f"),
        tuple(samples),
    )


def slider_times_ms() -> list[float]:
    from widgets.llm.views.temperature import temperature_explorer

    view = temperature_explorer(PROMPT)
    slider = view.children[1].children[0]
    values = [round(0.05 * (1 + (7 * i) % 40), 2) for i in range(UPDATES)]
    return times_ms(lambda value=value: setattr(slider, "value", value) for value in values)


def keystroke_times_ms() -> list[float]:
    from widgets.llm.views.next_token import next_token_bars

    view = next_token_bars("")
    box = view.children[0]
    typed = (PROMPT + ", Vu le code général des collectivités territoriales, " * 3)[:UPDATES]
    return times_ms(
        lambda count=count: setattr(box, "value", typed[:count]) for count in range(1, UPDATES + 1)
    )


def perplexity_row() -> Row:
    """Perplexity on every tenth document, for a model trained on the other nine tenths."""
    from widgets.llm.classroom import ClassroomModel
    from widgets.llm.corpus import course_documents

    documents = course_documents()
    held_out = documents[::10]
    model = ClassroomModel([d for i, d in enumerate(documents) if i % 10])
    log_sum, unigram_sum, count = 0.0, 0.0, 0
    unigram, _none = model.ngram.distribution([])
    for sequence in model.tokenizer.encode_batch(held_out):
        context = [model.ngram.start_id] * (model.order - 1)
        for token in sequence:
            probabilities, _used = model.ngram.distribution(context)
            log_sum += math.log(probabilities[token])
            unigram_sum += math.log(unigram[token])
            count += 1
            context = [*context[1:], token]
    value = math.exp(-log_sum / count)
    baseline = math.exp(-unigram_sum / count)
    return Row(
        "llm:perplexity",
        "Modèle de classe (module 02), perplexité sur des documents non vus",
        value,
        "tokens",
        None,
        f"pour information : {count} tokens de {len(held_out)} documents mis de côté ; "
        f"un modèle qui ne connaît que la fréquence des tokens obtient {baseline:.0f}"
        " (plus bas = meilleur)",
    )


def measure_llm(context: BenchContext) -> list[Row]:
    """Classroom model: training, generation speed, widget latency, quality."""
    if not context.selected(MODULE):
        return []
    rows = [training_row(context), generation_row()]
    rows += latency_rows(
        "llm:temperature",
        "Curseur de température (module 02), à chaque mouvement",
        slider_times_ms(),
        "mouvements",
    )
    rows += latency_rows(
        "llm:next-token",
        "Barres du token suivant (module 02), à chaque frappe",
        keystroke_times_ms(),
        "frappes",
    )
    rows.append(perplexity_row())
    return rows
