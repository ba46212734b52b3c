"""The classroom model without Jupyter: corpus, tokenizer, Kneser-Ney counts, generation."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from widgets.llm import classroom
from widgets.llm.classroom import ClassroomModel, PromptError, get_model
from widgets.llm.corpus import course_documents, split_documents
from widgets.llm.evidence import find_evidence, search_terms, years_in
from widgets.llm.ngram import KneserNeyModel
from widgets.llm.sampling import SamplingError
from widgets.llm.tokenizer import (
    TokenizerError,
    course_tokenizer,
    tokenize,
    train_tokenizer,
)

FIXTURE = """# Séance du conseil municipal du 12 mars 2024
Le conseil municipal s'est réuni à la mairie, sous la présidence du maire.
Après en avoir délibéré, le conseil municipal adopte le budget à l'unanimité.
Le conseil municipal approuve le compte rendu de la séance précédente.
%%%
# Lettre à une habitante
Madame, j'ai bien reçu votre courrier du 3 avril relatif à l'éclairage de la rue des Écoles.
Les services techniques de la commune interviendront la semaine prochaine.
Je vous prie d'agréer, Madame, l'expression de mes salutations distinguées.
%%%
# La médiathèque change d'horaires
À partir du 2 septembre, la médiathèque ouvre le mercredi et le samedi de 10 h à 18 h.
Les élus et les agents remercient les bénévoles qui ont préparé cette rentrée.
"""

FRENCH_SAMPLES = [
    "Le conseil municipal s'est réuni le 12 mars 2024 à 18 h 30.",
    "Où est l'église ? À côté de la mairie, dit l'élue… « Ça coûte 4 800 € ! »",
    "Œuvre naïve, dû, aïeul, Noël, ÉTÉ, garçon ; l’apostrophe typographique.",
    "Emoji 😀🏛️ et contrôle \x00\x07\t\n\r fin  ",
    "   espaces au début et à la fin   ",
    "",
]


@pytest.fixture(scope="module")
def fixture_documents() -> list[str]:
    return split_documents(FIXTURE)


@pytest.fixture(scope="module")
def small_model(fixture_documents) -> ClassroomModel:
    return ClassroomModel(fixture_documents, vocab_size=400)


# ------------------------------------------------------------------ corpus


def test_documents_are_split_on_separator_lines_without_title_marks(fixture_documents) -> None:
    assert len(fixture_documents) == 3
    assert fixture_documents[0].startswith("Séance du conseil municipal")
    assert not any(document.startswith("#") or "%%%" in document for document in fixture_documents)


def test_the_course_corpus_ships_inside_the_package() -> None:
    documents = course_documents()
    assert documents, "no corpus file found in the package"
    assert sum(len(document.split()) for document in documents) > 1000


# ------------------------------------------------------------------ tokenizer


@pytest.mark.parametrize("text", FRENCH_SAMPLES)
@pytest.mark.parametrize("vocab_size", [500, 4000])
def test_decoding_gives_back_exactly_the_encoded_text(text, vocab_size) -> None:
    tokenizer = course_tokenizer(vocab_size)
    assert tokenizer.decode(tokenizer.encode(text)) == text


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_round_trip_for_any_text(text) -> None:
    tokenizer = course_tokenizer(500)
    assert tokenizer.decode(tokenizer.encode(text)) == text


def test_every_byte_has_a_token_so_nothing_is_unknown() -> None:
    tokenizer = course_tokenizer(500)
    singles = {piece for piece in tokenizer.token_bytes if len(piece) == 1}
    assert singles == {bytes([byte]) for byte in range(256)}


def test_tokens_carry_their_id_and_text_and_french_accents_stay_whole() -> None:
    tokenization = tokenize("La mairie a été rénovée.")
    assert "".join(token.text for token in tokenization.tokens) == "La mairie a été rénovée."
    assert tokenization.count == len(tokenization.ids) > 0
    assert all(token.complete for token in tokenization.tokens)
    assert all(0 <= token.id < tokenization.vocab_size for token in tokenization.tokens)


def test_an_emoji_is_cut_into_byte_tokens_that_decode_only_together() -> None:
    tokens = tokenize("🏛").tokens
    assert len(tokens) >= 2
    assert not all(token.complete for token in tokens)


def test_a_larger_vocabulary_needs_fewer_tokens() -> None:
    sentence = "Le conseil municipal approuve le compte rendu de la séance précédente."
    assert tokenize(sentence, 4000).count < tokenize(sentence, 500).count


def test_words_keep_their_leading_space_and_elisions_their_apostrophe() -> None:
    texts = [token.text for token in tokenize("la cour de l'école", 4000).tokens]
    assert " l'" in texts
    assert all(not text.endswith(" ") for text in texts)


def test_training_is_deterministic(fixture_documents) -> None:
    first = train_tokenizer(fixture_documents, 400)
    second = train_tokenizer(fixture_documents, 400)
    assert first.token_bytes == second.token_bytes


def test_tokenizers_are_cached_per_size() -> None:
    assert course_tokenizer(500) is course_tokenizer(500)
    assert course_tokenizer(500) is not course_tokenizer(4000)
    assert course_tokenizer(4000).vocab_size > course_tokenizer(500).vocab_size


@pytest.mark.parametrize("size", [0, 10, 10**6, 2.5, "500", True, None])
def test_bad_vocabulary_sizes_are_refused_in_french(size) -> None:
    with pytest.raises(TokenizerError, match="vocabulaire"):
        tokenize("bonjour", size)


def test_an_empty_corpus_is_refused_in_french() -> None:
    with pytest.raises(TokenizerError, match="corpus est vide"):
        train_tokenizer(["", "  "], 500)


# ------------------------------------------------------------------ Kneser-Ney


def reference_distribution(sequences, vocab_size, order, context) -> list[float]:
    """Interpolated Kneser-Ney written the slow, obvious way, to check the numpy one."""
    start = vocab_size
    grams = Counter()
    for sequence in sequences:
        padded = [start] * (order - 1) + list(sequence)
        for i in range(order - 1, len(padded)):
            grams[tuple(padded[i - order + 1 : i + 1])] += 1
    counts = {order: grams}
    for k in range(order - 1, 0, -1):
        counts[k] = Counter(gram[1:] for gram in counts[k + 1])

    def discount(table: Counter) -> float:
        ones = sum(1 for value in table.values() if value == 1)
        twos = sum(1 for value in table.values() if value == 2)
        return min(max(ones / (ones + 2 * twos), 0.05), 0.95) if ones and twos else 0.75

    context = list(context)[-(order - 1) :]
    probabilities = [1 / vocab_size] * vocab_size
    for k in range(1, order + 1):
        wanted = context[len(context) - (k - 1) :] if k > 1 else []
        row = {gram[-1]: value for gram, value in counts[k].items() if list(gram[:-1]) == wanted}
        if not row:
            break
        d, total = discount(counts[k]), sum(row.values())
        probabilities = [
            d * len(row) / total * p + max(row.get(w, 0) - d, 0) / total
            for w, p in enumerate(probabilities)
        ]
    return probabilities


token_lists = st.lists(st.lists(st.integers(0, 5), min_size=1, max_size=30), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(token_lists, st.lists(st.integers(0, 6), max_size=4), st.integers(1, 4))
def test_numpy_kneser_ney_equals_the_textbook_formula(sequences, context, order) -> None:
    model = KneserNeyModel(sequences, vocab_size=6, order=order)
    padded = [6] * (order - 1) + context  # 6 is the start marker
    got, _used = model.distribution(padded)
    expected = reference_distribution(sequences, 6, order, padded)
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def test_probabilities_sum_to_one_and_none_is_zero(small_model) -> None:
    for prompt in ["", "Le conseil", "Le conseil municipal", "zzz qqq", "😀"]:
        probabilities = small_model.predict(prompt).probabilities
        assert probabilities.size == small_model.vocab_size
        assert abs(probabilities.sum() - 1.0) < 1e-9
        assert probabilities.min() > 0


def test_a_seen_context_is_used_and_reported(small_model) -> None:
    prediction = small_model.predict("Après en avoir délibéré, le conseil")
    assert len(prediction.context) == small_model.order - 1
    best_text, best_probability = prediction.top(1)[0]
    assert best_text == " municipal"
    assert best_probability > 0.5


def test_an_unseen_context_backs_off_to_shorter_ones(small_model) -> None:
    prediction = small_model.predict("xylophone quantique")
    assert len(prediction.context) < small_model.order - 1


def test_a_short_prompt_is_read_as_the_start_of_a_text(small_model) -> None:
    prediction = small_model.predict("")
    assert prediction.prompt_tokens == ()
    assert all(token.text == classroom.START_OF_TEXT for token in prediction.context)


# ------------------------------------------------------------------ generation


def test_greedy_generation_follows_the_argmax(small_model) -> None:
    prompt = "Le conseil municipal"
    ids = list(small_model.generate_ids(prompt, 15, temperature=0.0, top_k=None, seed=3))
    context = small_model._prompt(prompt).context
    for token in ids:
        probabilities, _ = small_model.ngram.distribution(context)
        assert token == int(np.argmax(probabilities))
        context = [*context[1:], token]
    other_seed = list(small_model.generate_ids(prompt, 15, temperature=0.0, seed=99))
    assert other_seed == ids


def test_seeded_generation_is_reproducible_and_seeds_differ() -> None:
    model = get_model()
    first = model.generate("Le conseil municipal", 60, temperature=1.0, seed=7)
    assert first == model.generate("Le conseil municipal", 60, temperature=1.0, seed=7)
    others = {model.generate("Le conseil municipal", 60, temperature=1.0, seed=s) for s in range(5)}
    assert len(others) > 1
    assert first.strip()


def test_stream_gives_the_same_continuation_piece_by_piece(small_model) -> None:
    pieces = list(small_model.stream("Madame, j'ai", 40, temperature=1.2, seed=5))
    assert len(pieces) > 1
    assert "".join(pieces) == small_model.generate("Madame, j'ai", 40, temperature=1.2, seed=5)


def test_generation_returns_only_the_continuation(small_model) -> None:
    text = small_model.generate("Après en avoir délibéré, le conseil", 1, temperature=0.0)
    assert text == " municipal"


def test_a_trailing_space_in_the_prompt_is_not_doubled(small_model) -> None:
    text = small_model.generate("Après en avoir délibéré, le conseil ", 1, temperature=0.0)
    assert text == "municipal"


def test_zero_new_tokens_gives_an_empty_text(small_model) -> None:
    assert small_model.generate("Le conseil", 0) == ""
    assert list(small_model.stream("Le conseil", 0)) == []


@pytest.mark.parametrize(
    ("options", "word"),
    [
        ({"temperature": -1}, "température"),
        ({"temperature": float("nan")}, "température"),
        ({"temperature": "chaud"}, "température"),
        ({"top_k": 0}, "top_k"),
        ({"max_new_tokens": -3}, "max_new_tokens"),
        ({"max_new_tokens": 10**9}, "max_new_tokens"),
    ],
)
def test_bad_settings_are_refused_in_french(small_model, options, word) -> None:
    with pytest.raises(SamplingError, match=word):
        small_model.generate("Le conseil", **options)


def test_a_prompt_that_is_not_text_is_refused_in_french(small_model) -> None:
    with pytest.raises(PromptError, match="texte"):
        small_model.generate(42)


def test_the_course_model_is_trained_once_and_kept() -> None:
    model = get_model()
    assert get_model() is model
    assert model.training_tokens > 1000


WEIRD_PROMPTS = st.one_of(
    st.text(),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zs"])),
    st.text(alphabet="😀🏛️👩‍👩‍👧🇫🇷\u200d\ufe0f", max_size=30),
    st.sampled_from(["", " ", "\n\n", "\x00" * 50, "a" * 1_000_000, "é " * 500_000]),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WEIRD_PROMPTS)
def test_any_prompt_gives_a_distribution_and_a_continuation(prompt) -> None:
    model = get_model()
    distribution = model.next_token_distribution(prompt, top=5)
    assert len(distribution) == 5
    assert all(isinstance(text, str) and 0 < p <= 1 for text, p in distribution)
    assert [p for _, p in distribution] == sorted((p for _, p in distribution), reverse=True)
    assert isinstance(model.generate(prompt, 8, seed=0), str)


# ------------------------------------------------------------------ corpus evidence


def test_evidence_finds_sentences_with_every_term(fixture_documents) -> None:
    evidence = find_evidence(fixture_documents, search_terms("médiathèque, SAMEDI"))
    assert len(evidence.sentences) == 1
    assert "mercredi" in evidence.sentences[0]
    assert find_evidence(fixture_documents, search_terms("médiathèque, piscine")).sentences == ()
    assert find_evidence(fixture_documents, search_terms(" , ")).sentences == ()


def test_years_are_read_from_texts() -> None:
    assert years_in("inaugurée en 1987, rénovée en 2024 ; 12 000 € et 180 repas") == [
        "1987",
        "2024",
    ]
