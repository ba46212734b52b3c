"""Letters of the town hall to residents, composed from hand-written variants.

Each situation (`sources/letter-topics.toml`) is a record: its subject, the service that
answers, and the paragraphs specific to the case, in several wordings. `topic_paragraphs`
renders one record for one resident; the frame (header, acknowledgement, contact,
closing, in `sources/letters.toml`) is shared by every letter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from widgets.corpus.facts import FEES
from widgets.corpus.load import Document
from widgets.corpus.prose import a, de
from widgets.corpus.residents import Resident, Residents
from widgets.corpus.source_files import read_source
from widgets.corpus.writer import Wordings, Writer
from widgets.french import french_date

_WORDS = read_source("letters.toml")
TOPICS: list[dict[str, Any]] = read_source("letter-topics.toml")["topics"]


@dataclass
class Case:
    """One letter being written: the resident, the dates and how the resident wrote."""

    w: Writer
    resident: Resident
    day: date
    asked: date
    channel: str

    def values(self) -> dict[str, Any]:
        """What every paragraph of a situation may quote."""
        r = self.resident
        return {
            "street": r.street,
            "of_street": de(r.street_the),
            "number": r.number,
            "address": r.address,
            "phone": r.phone,
            "e": "e" if r.feminine else "",
            "year": self.day.year,
            "next_september": self.day.year if self.day.month < 9 else self.day.year + 1,
            "civility": r.civility,
        }


def _saturday_event(c: Case) -> dict[str, Any]:
    event = c.day + timedelta(days=c.w.random.randint(30, 120))
    while event.weekday() != 5:
        event += timedelta(days=1)
    return {"event": french_date(event)}


def _works_start(c: Case) -> dict[str, Any]:
    return {"start": french_date(c.day + timedelta(days=c.w.random.randint(10, 40)))}


def _grave_term(c: Case) -> dict[str, Any]:
    end = c.day.year - c.w.choice((0, 1))
    length = c.w.choice((15, 30))
    fee_15, fee_30 = FEES[c.day.year]["graves"][:2]
    return {
        "acquired": end - length,
        "length": length,
        "end": end,
        "fee_15": fee_15,
        "fee_30": fee_30,
    }


DRAWS: dict[str, Callable[[Case], dict[str, Any]]] = {
    "saturday_event": _saturday_event,
    "works_start": _works_start,
    "grave_term": _grave_term,
}
"""The values a situation draws at random before its paragraphs (its `draw` field)."""


def topic_paragraphs(c: Case, topic: dict[str, Any]) -> list[str]:
    """The paragraphs of one situation, each drawn among its wordings and filled in."""
    values = c.values()
    if "draw" in topic:
        values |= DRAWS[topic["draw"]](c)
    paragraphs = {str(rank): p for rank, p in enumerate(topic["paragraphs"], start=1)}
    words = Wordings(c.w, paragraphs, topic["key"], values)
    return [words(rank) for rank in paragraphs]


def _acknowledge(c: Case, topic: dict[str, Any]) -> str:
    subject = topic["subject"]
    words = Wordings(
        c.w,
        _WORDS["acknowledge"],
        "acknowledge",
        {
            **c.values(),
            "when": french_date(c.asked),
            "channel": _WORDS["channels"][c.channel],
            "subject": subject,
            "of_subject": de(subject),
            "to_subject": a(subject),
        },
    )
    return words(c.channel if c.channel in ("appel", "visite") else "written")


def _contact(c: Case, service: dict[str, Any], topic: dict[str, Any]) -> str:
    about = topic["subject"] or "ce dossier"
    label = service["label"]
    words = Wordings(
        c.w,
        _WORDS["contact"],
        "contact",
        {
            **service,
            "Label": label[0].upper() + label[1:],
            "stands": "se tiennent" if label.startswith("les ") else "se tient",
            "about": about,
            "of_about": de(about),
        },
    )
    return words("text")


def _closing(c: Case, topic: dict[str, Any]) -> str:
    words = Wordings(c.w, _WORDS["closing"], "closing", c.values())
    formula = words("formula")
    if topic["leads"] and c.w.maybe(0.8):
        lead = c.w.pick(f"lead-{topic['key']}", topic["leads"])
        return words("with_lead", lead=lead, formula=formula)
    return formula[0].upper() + formula[1:]


def _letter_day(w: Writer) -> date:
    start = date(2023, 1, 9)
    day = start + timedelta(days=w.random.randint(0, 1130))
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def letters(w: Writer, per_topic: int = 2) -> list[Document]:
    people = Residents(w)
    frame = _WORDS["frame"]
    channels = list(_WORDS["channels"])
    documents = []
    for topic in TOPICS:
        for _ in range(per_topic):
            resident = people.draw()
            day = _letter_day(w)
            asked = day - timedelta(days=w.random.randint(5, 25))
            channel = w.choice(channels)
            case = Case(w, resident, day, asked, channel)
            service = _WORDS["services"][topic["service"]]
            reply = topic.get("reply", True)
            title = topic["title"].lower()
            header = [
                frame["town_hall"],
                service["name"],
                frame["contact"].format_map(service),
                frame["reply_object" if reply else "object"].format(
                    title=title, channel=channel, when=french_date(asked)
                ),
            ]
            recipient = resident.block
            if w.maybe(0.5):
                recipient += "\n" + frame["phone"].format(phone=resident.phone)
            if channel in ("courriel", "formulaire") or w.maybe(0.3):
                recipient += "\n" + frame["email"].format(email=resident.email)
            paragraphs = [f"{resident.civility},"]
            if reply:
                paragraphs.append(_acknowledge(case, topic))
            paragraphs += topic_paragraphs(case, topic)
            if _WORDS["contact"]["already"] not in paragraphs[-1]:
                paragraphs.append(_contact(case, service, topic))
            paragraphs += [_closing(case, topic), w.choice(service["signatures"])]
            text = "\n".join(header) + "\n\n" + recipient + "\n\n" + "\n\n".join(paragraphs)
            heading = frame["title"].format(day=french_date(day), title=topic["title"])
            documents.append(Document("courriers", heading, text))
    return documents
