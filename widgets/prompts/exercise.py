"""An exercise kind: write a prompt for a case; it is read by the coach's own rules.

The prompt must give a role plausible at the town hall, an action verb that
asks for the case's kind of text, speak of the case's topics, give a format,
set a guard, and hold no personal data. The check and the grading apply
exactly these rules (`Exercise.grade` calls `evaluate`), and every rule
that fails is said in one French sentence that quotes the learner's words.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.prompts import patterns
from widgets.prompts.advice import join_items, quote, role_problem, say
from widgets.prompts.case import TaskVerdict, case, missing_topics, read_task
from widgets.prompts.guards import guards_found
from widgets.prompts.normalize import PromptText
from widgets.prompts.personal_data import personal_data_kinds
from widgets.prompts.roles import read_role
from widgets.selfcheck.answers import read_text
from widgets.selfcheck.exercises import Exercise
from widgets.selfcheck.feedback import Feedback, State

RULES = ("role", "task", "subject", "event", "channel", "format", "guard", "personal_data")
"""What exercise 1 checks, in the order its feedback speaks of them."""


@dataclass(frozen=True)
class PromptReview:
    """The rules a prompt fails (ids of RULES) and one French sentence per problem."""

    failed: tuple[str, ...]
    messages: tuple[str, ...]

    @property
    def accepted(self) -> bool:
        return not self.failed


def review_prompt(text: str, case_id: str) -> PromptReview:
    """Read a prompt for a case: every rule it fails, and what to change."""
    the_case = case(case_id)
    prompt = PromptText.of(text)
    failed: list[str] = []
    messages: list[str] = []

    def fail(rules: list[str], heading: str, message: str) -> None:
        failed.extend(rules)
        messages.append(f"{say('headings', heading)} : {message}")

    problem = role_problem(read_role(prompt), text, town_hall_only=True)
    if problem:
        fail(["role"], "role", problem)
    task = read_task(prompt, the_case)
    if task.verdict is not TaskVerdict.OK:
        fail(
            ["task"],
            "task",
            say(
                "task",
                task.verdict.value,
                words=quote(task.quoted, text),
                deliverable=the_case.deliverable,
            ),
        )
    topics = missing_topics(prompt, the_case)
    if topics:
        listed = ", ni ".join(topic.missing for topic in topics)
        key = "one" if len(topics) == 1 else "several"
        fail([topic.id for topic in topics], "topics", say("topics", key, topics=listed))
    if not any(patterns.found(name, prompt.flat) for name in ("format_length", "format_structure")):
        fail(["format"], "format", say("format", "missing"))
    if not guards_found(prompt.flat):
        fail(["guard"], "guard", say("guard", "missing"))
    kinds = personal_data_kinds(text)
    if kinds:
        names = join_items([kind.name for kind in kinds])
        placeholders = ", ".join(kind.placeholder for kind in kinds)
        fail(
            ["personal_data"],
            "personal_data",
            say("personal_data", "found", names=names, placeholders=placeholders),
        )
    return PromptReview(tuple(failed), tuple(messages))


@dataclass(frozen=True, kw_only=True)
class PromptExercise(Exercise):
    """Write a prompt for the case `case_id` of `cases.toml`."""

    case_id: str

    def __post_init__(self) -> None:
        super().__post_init__()
        case(self.case_id)

    def _judge(self, answer: object) -> Feedback:
        review = review_prompt(read_text(answer), self.case_id)
        if review.accepted:
            return Feedback(State.CORRECT, self.why)
        count = len(review.messages)
        summary = f"{count} point{'s' if count > 1 else ''} à revoir."
        return Feedback(State.INCORRECT, " ".join((summary, *review.messages)))
