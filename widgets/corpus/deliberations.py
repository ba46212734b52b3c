"""All the deliberations of 2023 to 2026: hand-written ones and generated recurring ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from widgets.corpus import finance, services
from widgets.corpus.council import Context, Deliberation, Draft, layout, parse_vote
from widgets.corpus.facts import SESSION_BY_DATE, SESSIONS
from widgets.corpus.load import Document
from widgets.corpus.writer import Writer
from widgets.french import MONTH_NAMES

GENERATORS: dict[str, Callable[..., Draft]] = {
    generator.__name__: generator
    for generator in (
        finance.orientation_debate,
        finance.administrative_account,
        finance.management_account,
        finance.result_allocation,
        finance.tax_rates,
        finance.budget,
        finance.grants,
        finance.extra_grant,
        finance.budget_amendment,
        finance.write_off,
        finance.social_centre_advance,
        finance.early_spending,
        services.school_costs,
        services.new_post,
        services.canteen,
        services.after_school,
        services.seasonal_staff,
        services.water_report,
        services.community_report,
        services.fees,
        services.sunday_trading,
    )
}
"""The generators a session of `sources/commune.toml` names in its `generated` list."""

_HEADER = re.compile(
    r"^Délibération n° (\d{4}-\d{3}) du (1er|\d{1,2}) ("
    + "|".join(MONTH_NAMES)
    + r") (\d{4}) : (.+)$"
)


def parse_header(title: str) -> tuple[str, date, str]:
    found = _HEADER.match(title)
    if not found:
        raise ValueError(f"bad deliberation header: {title!r}")
    number, day, month, year, subject = found.groups()
    day_number = 1 if day == "1er" else int(day)
    return number, date(int(year), MONTH_NAMES.index(month) + 1, day_number), subject


def from_handwritten(document: Document) -> Deliberation:
    """A hand-written deliberation; lines starting with > or >> are notes for the minutes."""
    number, day, subject = parse_header(document.title)
    body, summary, debate = [], [], []
    for line in document.text.split("\n"):
        if line.startswith(">> "):
            debate.append(line[3:])
        elif line.startswith("> "):
            summary.append(line[2:])
        else:
            body.append(line)
    text = "\n".join(body).strip("\n")
    session = SESSION_BY_DATE[day]
    return Deliberation(
        number,
        day,
        subject,
        text,
        parse_vote(text, session),
        " ".join(summary),
        " ".join(debate),
        handwritten=True,
    )


def _budget_debate_days() -> dict[int, date]:
    """The day of each year's budget orientation debate, which the budget quotes."""
    return {
        planned.argument: session.day
        for session in SESSIONS
        for planned in session.generated
        if planned.text == finance.orientation_debate.__name__
    }


def generated(writer: Writer) -> list[Deliberation]:
    debate_days = _budget_debate_days()
    result = []
    for session in SESSIONS:
        for planned in session.generated:
            context = Context(writer, session, planned.number, debate_days.get(session.day.year))
            generator = GENERATORS[planned.text]
            arguments = () if planned.argument is None else (planned.argument,)
            draft = generator(context, *arguments)
            result.append(
                Deliberation(
                    planned.number,
                    session.day,
                    draft.title,
                    draft.body,
                    draft.vote,
                    draft.summary,
                    draft.debate,
                )
            )
    return result


def all_deliberations(writer: Writer, handwritten: list[Document]) -> list[Deliberation]:
    """Every deliberation, in order of number."""
    items = [from_handwritten(d) for d in handwritten] + generated(writer)
    return sorted(items, key=lambda d: d.number)


def as_document(writer: Writer, deliberation: Deliberation) -> Document:
    return Document("deliberations", deliberation.header, layout(writer, deliberation))
