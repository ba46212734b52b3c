"""Fuzzing module 02's and module 03's engines: the classroom model, its tokenizer, the connector.

Entry points a learner reaches, with what reaches them:
- `tokenize(text, vocab_size)` (and the lesson's `count_tokens`), the token
  explorer's `course_tokenizer(size).tokenize(text)`: any text, any size;
- the classroom model's `predict`, `next_token_distribution`, `generate` and
  `stream` (prompt, max_new_tokens, temperature, top_k, seed): the widgets'
  text boxes and sliders, or a notebook's own call;
- `invention.ask(model, prompt, terms, samples, temperature, first_seed)`;
- the connector's `generate(messages, max_tokens, temperature, seed, stream)`
  and its settings (`choose`, `set_key`), module 03's panel and cells;
- `atelier serve`'s Chat Completions route, which the connector speaks to.

See `fuzz_values.py` for the values and for what counts as a calm answer.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator

import numpy as np
import pytest
from fuzz_values import (
    FUZZ,
    HUGE_INTEGERS,
    ODD_NUMBERS,
    ODD_TEXT,
    ODD_VALUES,
    assert_french,
    outcome,
    showable,
)
from hypothesis import given
from hypothesis import strategies as st

from widgets.llm import connector
from widgets.llm.chat_api import SERVED_MODEL
from widgets.llm.classroom import get_model
from widgets.llm.config import CLASSROOM, load_config
from widgets.llm.invention import ask
from widgets.llm.server import RoomServer, make_server
from widgets.llm.tokenizer import course_tokenizer, tokenize

SIZES = st.one_of(st.sampled_from([500, 2_000]), ODD_VALUES)
SEEDS = st.one_of(st.none(), st.integers(), st.sampled_from(HUGE_INTEGERS), ODD_VALUES)
TEMPERATURES = st.one_of(st.floats(0, 2), ODD_NUMBERS, ODD_VALUES)
SMALL_COUNTS = st.one_of(st.integers(0, 60), ODD_NUMBERS, ODD_VALUES)
WITHOUT_SURROGATES = st.text(max_size=60)


@pytest.fixture(scope="module", autouse=True)
def classroom_connector() -> Iterator[None]:
    """The connector on the classroom model, without hooks, for this file only."""
    get_model()
    connector.clear_hooks()
    connector.reset_settings(load_config())
    yield
    connector.reset_settings(load_config())


def written(text: str) -> str:
    """What the tokenizer reads for a text: each lone surrogate as « � »."""
    return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in text)


# ---------------------------------------------------------------- tokenizer


@FUZZ
@given(text=ODD_TEXT, vocab_size=SIZES)
def test_tokenize_counts_or_refuses_in_french(text: object, vocab_size: object) -> None:
    tokenization, refusal = outcome(lambda: tokenize(text, vocab_size))
    if refusal is None:
        assert tokenization.text == written(text)
        assert course_tokenizer(vocab_size).decode(tokenization.ids) == written(text)
        assert tokenization.count == len(tokenization.ids)


@FUZZ
@given(text=ODD_VALUES)
def test_tokenize_refuses_what_is_not_text(text: object) -> None:
    _tokens, refusal = outcome(lambda: tokenize(text, 500))
    assert (refusal is None) == (isinstance(text, str) and len(text) <= 100_000)


def test_a_lone_surrogate_is_cut_as_a_replacement_character() -> None:
    tokens = tokenize("B\ud800", 500)
    assert tokens.text == "B\ufffd"
    assert course_tokenizer(500).decode(tokens.ids) == "B\ufffd"
    assert course_tokenizer(500).tokenize("B\ud800") == tokens


# ---------------------------------------------------------------- classroom model


@FUZZ
@given(prompt=st.one_of(ODD_TEXT, ODD_VALUES), top=SMALL_COUNTS)
def test_the_model_predicts_or_refuses_in_french(prompt: object, top: object) -> None:
    model = get_model()
    best, refusal = outcome(lambda: model.next_token_distribution(prompt, top))
    if refusal is None:
        assert 1 <= len(best) <= model.vocab_size
        assert all(showable(text) and 0 < share <= 1 for text, share in best)


@FUZZ
@given(
    prompt=st.one_of(ODD_TEXT, ODD_VALUES),
    max_new_tokens=SMALL_COUNTS,
    temperature=TEMPERATURES,
    top_k=st.one_of(st.none(), st.integers(1, 100), ODD_VALUES),
    seed=SEEDS,
    streamed=st.booleans(),
)
def test_the_model_writes_or_refuses_in_french(
    prompt: object,
    max_new_tokens: object,
    temperature: object,
    top_k: object,
    seed: object,
    streamed: bool,
) -> None:
    model = get_model()
    settings = (prompt, max_new_tokens, temperature, top_k, seed)
    if streamed:
        text, refusal = outcome(lambda: "".join(model.stream(*settings)))
    else:
        text, refusal = outcome(lambda: model.generate(*settings))
    if refusal is None:
        assert isinstance(text, str) and showable(text)
        if seed is not None:
            assert model.generate(*settings) == text


@pytest.mark.parametrize(
    "seed", [-1, -(2**63), 2**64 - 1, 10**4000], ids=["-1", "-2^63", "2^64-1", "10^4000"]
)
def test_any_integer_seed_draws_the_same_text_again(seed: int) -> None:
    model = get_model()
    text = model.generate("Le conseil municipal", 12, 1.0, 40, seed)
    assert text and model.generate("Le conseil municipal", 12, 1.0, 40, seed) == text
    assert text == model.generate("Le conseil municipal", 12, 1.0, 40, seed % 2**64)


@pytest.mark.parametrize("seed", [0, 12_345, 2**64 - 1])
def test_seeds_already_in_range_draw_what_numpy_draws(seed: int) -> None:
    """The first token is the one numpy's own generator picks for that seed, at temperature 1."""
    model = get_model()
    probabilities = model.predict("Le conseil municipal").probabilities
    cumulative = np.cumsum(probabilities / probabilities.sum())
    drawn = np.random.default_rng(seed).random() * cumulative[-1]
    expected = int(np.searchsorted(cumulative, drawn, side="right"))
    text = model.generate("Le conseil municipal", 1, 1.0, None, seed)
    assert text == model.tokenizer.decode([expected])


@FUZZ
@given(
    prompt=st.one_of(ODD_TEXT, ODD_VALUES),
    terms=st.one_of(ODD_TEXT, ODD_VALUES),
    samples=st.one_of(st.integers(0, 3), ODD_NUMBERS, ODD_VALUES),
    first_seed=SEEDS,
)
def test_the_invention_demo_answers_or_refuses_in_french(
    prompt: object, terms: object, samples: object, first_seed: object
) -> None:
    inquiry, refusal = outcome(lambda: ask(get_model(), prompt, terms, samples, 0.8, first_seed))
    if refusal is None:
        assert len(inquiry.answers) == samples + 1
        assert all(showable(answer.text) for answer in inquiry.answers)
        assert all(showable(term) for term in inquiry.evidence.terms)


# ---------------------------------------------------------------- connector


MESSAGES = st.one_of(
    ODD_TEXT,
    ODD_VALUES,
    st.lists(
        st.fixed_dictionaries(
            {
                "role": st.one_of(st.sampled_from(["system", "user", "assistant"]), ODD_VALUES),
                "content": st.one_of(ODD_TEXT, ODD_VALUES),
            }
        ),
        max_size=3,
    ),
)


@FUZZ
@given(
    messages=MESSAGES,
    max_tokens=st.one_of(st.integers(1, 40), ODD_NUMBERS, ODD_VALUES),
    temperature=TEMPERATURES,
    seed=SEEDS,
    stream=ODD_VALUES,
)
def test_the_connector_answers_or_refuses_in_french(
    messages: object, max_tokens: object, temperature: object, seed: object, stream: object
) -> None:
    pieces: list[str] = []
    reply, refusal = outcome(
        lambda: connector.generate(
            messages,
            max_tokens=max_tokens,
            temperature=temperature,
            seed=seed,
            stream=stream,
            on_text=pieces.append,
        )
    )
    if refusal is None:
        assert showable(reply.text) and "".join(pieces) == reply.text


def test_seed_minus_one_gets_an_answer_through_the_connector() -> None:
    first = connector.generate("Le conseil municipal", max_tokens=10, seed=-1)
    assert first.text == connector.generate("Le conseil municipal", max_tokens=10, seed=-1).text


@pytest.mark.parametrize(
    "options", [{"temperature": 10**400}, {"seed": 10**400}, {"seed": -(2**63) - 1}]
)
def test_huge_numbers_get_a_french_refusal_from_the_connector(options: dict) -> None:
    with pytest.raises(connector.ConnectorError) as refused:
        connector.generate("Bonjour", **options)
    assert_french(refused.value.message)


@FUZZ
@given(
    preset=st.one_of(st.sampled_from([CLASSROOM, "atelier", "personnalise"]), ODD_VALUES),
    model=st.one_of(st.none(), ODD_TEXT, ODD_VALUES),
    base_url=st.one_of(
        st.none(),
        st.sampled_from(["http://127.0.0.1:8765/v1", "http://[::1", "http://a:99999", ""]),
        st.builds("http://{}/v1".format, ODD_TEXT),
        ODD_VALUES,
    ),
    key=st.one_of(ODD_TEXT, ODD_VALUES),
)
def test_the_settings_take_or_refuse_in_french(
    preset: object, model: object, base_url: object, key: object
) -> None:
    settings = connector.Settings(load_config())
    _done, refusal = outcome(lambda: settings.choose(preset, model=model, base_url=base_url))
    if refusal is None:
        outcome(lambda: settings.set_key(key))
        for note in (settings.destination_note(), settings.key_note(), repr(settings)):
            assert showable(note)


# ---------------------------------------------------------------- atelier serve


@pytest.fixture(scope="module")
def served() -> Iterator[RoomServer]:
    """`atelier serve` with the real classroom model, on a free loopback port."""
    server = make_server(get_model(), port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def post(server: RoomServer, body: object) -> tuple[int, dict]:
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(host, port, timeout=10)
    try:
        payload = json.dumps(body, ensure_ascii=True).encode("ascii")
        connection.request("POST", "/v1/chat/completions", payload, {"Content-Type": "json"})
        response = connection.getresponse()
        return response.status, json.loads(response.read().decode("utf-8"))
    finally:
        connection.close()


JSON_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(HUGE_INTEGERS[:2]),
    st.floats(allow_nan=False, allow_infinity=False),
    WITHOUT_SURROGATES,
    st.sampled_from(["\ud800", "B\ud800"]),
    st.lists(st.integers(), max_size=2),
)


@FUZZ
@given(
    model=st.one_of(st.just(SERVED_MODEL), JSON_VALUES),
    content=st.one_of(WITHOUT_SURROGATES, st.sampled_from(["B\ud800", "\x00", "😀" * 300])),
    extra=st.dictionaries(
        st.sampled_from(["max_tokens", "temperature", "seed", "top_k", "stream"]),
        JSON_VALUES,
        max_size=3,
    ),
)
def test_the_server_answers_or_refuses_in_french(
    served: RoomServer, model: object, content: str, extra: dict
) -> None:
    body = {"model": model, "messages": [{"role": "user", "content": content}], **extra}
    if extra.get("stream") is True:
        body["stream"] = False  # a stream is not one JSON body; the same code draws it
    status, reply = post(served, body)
    assert status in (200, 400, 404), reply
    if status == 200:
        assert isinstance(reply["choices"][0]["message"]["content"], str)
    else:
        assert_french(reply["error"]["message"])


@pytest.mark.parametrize(("model", "seed"), [(SERVED_MODEL, -1), ("B\ud800", None)])
def test_a_negative_seed_is_served_and_an_odd_model_name_refused(
    served: RoomServer, model: str, seed: int | None
) -> None:
    body = {"model": model, "messages": [{"role": "user", "content": "Le conseil"}], "seed": seed}
    status, reply = post(served, body)
    assert status == (200 if model == SERVED_MODEL else 404), reply
