"""A confident invention: ask the model a fact, then look the fact up in its own corpus.

The model answers with a date or a name because such words are likely
after such a sentence, whether or not the corpus says anything about the
subject. Drawing several answers and comparing their years with the corpus
sentences on the subject shows it plainly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from widgets.errors import AtelierError
from widgets.llm.classroom import ClassroomModel
from widgets.llm.evidence import Evidence, find_evidence, first_sentence, search_terms, years_in

DEFAULT_PROMPT = "La salle polyvalente de Clairval-sur-Ondine a été inaugurée le 12 septembre"
DEFAULT_TERMS = "salle polyvalente, inaugur"
ANSWER_TOKENS = 16
MAX_SAMPLES = 20
_STARTS_A_NUMBER = re.compile(r"^\s?\d")


@dataclass(frozen=True)
class Answer:
    """One continuation, the years it states, and whether the corpus gives them on the subject.

    `supported` is None when the answer states no year.
    """

    label: str
    text: str
    years: tuple[str, ...]
    supported: bool | None


@dataclass(frozen=True)
class Inquiry:
    answers: tuple[Answer, ...]
    evidence: Evidence
    number_share: float
    """Probability that the next token starts a number (a date, a year)."""


def ask(
    model: ClassroomModel,
    prompt: str,
    terms: str = DEFAULT_TERMS,
    samples: int = 5,
    temperature: float = 0.8,
    first_seed: int = 1,
) -> Inquiry:
    """The likeliest answer, `samples` drawn answers, and the corpus on the subject."""
    if not isinstance(terms, str):
        raise AtelierError(
            "Les mots cherchés s'écrivent comme du texte, séparés par des virgules, "
            'par exemple "salle polyvalente, inaugur".'
        )
    if isinstance(samples, bool) or not isinstance(samples, int) or not 0 <= samples <= MAX_SAMPLES:
        raise AtelierError(f"Le nombre de tirages doit être un nombre entier de 0 à {MAX_SAMPLES}.")
    if isinstance(first_seed, bool) or not isinstance(first_seed, int):
        raise AtelierError(
            "La première graine (first_seed) doit être un nombre entier, par exemple 1."
        )
    evidence = find_evidence(model.documents, search_terms(terms))
    known_years = evidence.years
    runs = [("Le plus probable (température 0)", 0.0, None)] + [
        (f"Tirage n° {seed}", temperature, seed) for seed in range(first_seed, first_seed + samples)
    ]
    answers = []
    for label, run_temperature, seed in runs:
        text = first_sentence(model.generate(prompt, ANSWER_TOKENS, run_temperature, 40, seed))
        years = tuple(years_in(text))
        supported = any(year in known_years for year in years) if years else None
        answers.append(Answer(label, text, years, supported))
    prediction = model.predict(prompt)
    texts = prediction.token_texts
    share = sum(
        float(p)
        for text, p in zip(texts, prediction.probabilities, strict=True)
        if _STARTS_A_NUMBER.match(text)
    )
    return Inquiry(tuple(answers), evidence, share)
