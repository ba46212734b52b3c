"""An exercise's question as Markdown: the one text the notebook shows (no Jupyter).

`atelier release` writes it into the question cell of the notebook, between
`<!-- exercice:<id> -->` and `<!-- /exercice -->`, so the question and the
options of a multiple choice exist once, in the lesson file.
"""

from __future__ import annotations

from widgets.selfcheck.exercises import Exercise, MultipleChoice, ReflectiveQuestion


def question_markdown(exercise: Exercise | ReflectiveQuestion) -> str:
    """The question, then for a multiple choice one line per option: « - **A.** … »."""
    if not isinstance(exercise, MultipleChoice):
        return exercise.question
    options = "\n".join(f"- **{letter}.** {text}" for letter, text in exercise.options.items())
    return f"{exercise.question}\n\n{options}"
