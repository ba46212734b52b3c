"""Module 02's lesson: pinned exercise answers still true of the engine, the notebook, the kernel.

The references of the exercises are literals, the numbers a learner reads on
screen today; these tests check that the engine still gives them, so that a
change of tokenizer or model shows up here instead of silently changing the
answers.
"""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

from conftest import learner_path, solution_path
from widgets.lessons import ia_generative
from widgets.llm.classroom import get_model
from widgets.llm.tokenizer import course_tokenizer, tokenize
from widgets.llm.views.samples import DEFAULT_PROMPT as SAMPLES_PROMPT
from widgets.llm.views.samples import NEW_TOKENS as SAMPLES_TOKENS

MODULE = "02-ia-generative"


def test_the_exercise_sentence_is_the_one_the_notebook_shows() -> None:
    notebook = nbformat.read(solution_path(MODULE), as_version=4)
    text = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    assert ia_generative.EXERCISE_SENTENCE in text


def test_the_tokenizer_still_cuts_the_exercise_sentence_into_27_tokens() -> None:
    # No second tokenizer exists to count them independently (the `tokenizers` library on
    # the same vocabulary is the same engine): the count is pinned, and this test says
    # when the tokenizer stops giving what the notebook's learners read today.
    assert ia_generative.EXERCISE_TOKENS == 27
    tokens = tokenize(ia_generative.EXERCISE_SENTENCE, 500)
    assert tokens.count == ia_generative.EXERCISE_TOKENS
    assert "".join(token.text for token in tokens.tokens) == ia_generative.EXERCISE_SENTENCE
    assert ia_generative.TOKEN_COUNT.expected() == 27


def test_the_known_mistake_of_the_first_exercise_is_the_number_of_words() -> None:
    mistakes = [value for value, _advice in ia_generative.TOKEN_COUNT.known_mistakes]
    assert mistakes == [8], "« Les élus de Clairval-sur-Ondine votent le budget participatif. »"


def test_the_model_reads_at_most_three_tokens_before_predicting() -> None:
    model = get_model()
    assert ia_generative.CONTEXT_TOKENS == 3 == ia_generative.CONTEXT_LENGTH.expected
    common = model.predict("Après en avoir délibéré, le conseil municipal")
    assert len(common.context) == 3
    prompts = ["", "Le", "Vu le code général des collectivités territoriales", "xylophone zz"]
    assert max(len(model.predict(prompt).context) for prompt in prompts) <= 3


def test_three_draws_at_temperature_zero_give_one_continuation() -> None:
    model = get_model()
    drawn = {
        model.generate(SAMPLES_PROMPT, SAMPLES_TOKENS, 0.0, top_k=40, seed=seed)
        for seed in (1, 2, 3)
    }
    assert len(drawn) == ia_generative.DISTINCT_AT_ZERO.expected == 1


def test_the_vocabulary_sizes_the_notebook_names_are_real() -> None:
    assert course_tokenizer(500).vocab_size == 500
    assert course_tokenizer(4000).vocab_size == 4000


@pytest.mark.parametrize("factory", ["token_explorer", "next_token_bars", "temperature_explorer"])
def test_every_control_has_a_french_label(factory) -> None:
    view = getattr(ia_generative, factory)()
    stack = [view]
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        if type(widget).__name__ in ("Textarea", "Text", "FloatSlider", "Dropdown", "Button"):
            assert widget.description and widget.tooltip


def test_the_words_the_first_exercise_names_are_really_cut() -> None:
    assert (
        "Clairval" in ia_generative.TOKEN_COUNT.why
        and "participatif" in ia_generative.TOKEN_COUNT.why
    )
    assert tokenize(" Clairval", 500).count > 1
    assert tokenize(" participatif", 500).count > 1


def test_a_wrong_vocabulary_size_in_a_kernel_gives_one_french_sentence() -> None:
    learner = nbformat.read(learner_path(MODULE), as_version=4)
    setup = next(cell for cell in learner.cells if cell.cell_type == "code")
    notebook = new_notebook(
        cells=[new_code_cell(setup.source), new_code_cell('atelier.count_tokens("Bonjour", 42)')],
        metadata=learner.metadata,
    )
    NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(learner_path(MODULE).parent)}},
    ).execute()
    assert all(output.output_type != "error" for output in notebook.cells[0].outputs)
    (error,) = [output for output in notebook.cells[1].outputs if output.output_type == "error"]
    assert error.ename == "TokenizerError"
    assert error.traceback == [
        "La taille du vocabulaire doit être comprise entre 300 et 8\u202f000 tokens."
    ]
