"""What every deliberation shares: its session, its rapporteur, its vote, its layout."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from widgets.corpus.facts import MAYOR, MEMBERS, SESSION_BY_DATE, Member, Session, member
from widgets.corpus.prose import join_list
from widgets.corpus.source_files import read_source
from widgets.corpus.writer import Wordings, Writer
from widgets.french import french_date

UNANIMOUS, AGAINST, ABSTAIN, NOTED = "unanimous", "against", "abstain", "noted"

_WORDS = read_source("deliberation.toml")


@dataclass(frozen=True)
class Vote:
    """How the council voted. ``others`` voted against or abstained, by last name."""

    kind: str
    voters: int
    others: tuple[str, ...] = ()
    not_voting: int = 0  # present but not taking part (the mayor for her own accounts...)

    @property
    def yes(self) -> int:
        return self.voters - self.not_voting - len(self.others)

    def counts(self) -> dict[str, Any]:
        """The numbers the wordings of a vote quote."""
        return {
            "voters": self.voters - self.not_voting,
            "yes": self.yes,
            "others": len(self.others),
        }


@dataclass
class Deliberation:
    number: str
    day: date
    title: str
    body: str
    vote: Vote
    summary: str = ""  # what the minutes say about it
    debate: str = ""  # interventions reported in the minutes
    handwritten: bool = False

    @property
    def session(self) -> Session:
        return SESSION_BY_DATE[self.day]

    @property
    def header(self) -> str:
        return f"Délibération n° {self.number} du {french_date(self.day)} : {self.title}"


@dataclass
class Draft:
    """What a deliberation generator returns, before numbering and layout."""

    title: str
    body: str
    vote: Vote
    summary: str
    debate: str = ""


@dataclass
class Context:
    """What the generator of one deliberation works with."""

    writer: Writer
    session: Session
    number: str
    budget_debate_day: date | None = None

    def wordings(
        self,
        source: Mapping[str, Any],
        kind: str,
        facts: Mapping[str, Any] | None = None,
        /,
        **values: Any,
    ) -> Wordings:
        """The wordings of one kind of deliberation (a table of a TOML source), filled with
        the facts of this deliberation, then with the values (which win over facts)."""
        filled = {"number": self.number, **(facts or {}), **values}
        return Wordings(self.writer, source[kind], kind, filled)

    def present(self, last: str) -> bool:
        return last not in self.session.missing

    def rapporteur(self, last: str) -> Member:
        """The elected member who presents the item, or the mayor if that member is away."""
        return member(last) if self.present(last) else MAYOR

    def unanimous(self) -> Vote:
        return Vote(UNANIMOUS, self.session.voters)

    def noted(self) -> Vote:
        return Vote(NOTED, self.session.voters)

    def opposition(self, kind: str) -> Vote:
        return Vote(kind, self.session.voters, self.session.opposition_voters())

    def finish(
        self,
        words: Wordings,
        opening: Sequence[str],
        vote: Vote,
        *,
        debated: bool = False,
        note: str = "",
        decision: str = "",
        debate: str = "",
    ) -> Draft:
        """The deliberation: its opening paragraphs, the block of visas and vote, then the
        decision (the ``decision`` wording unless given), with the ``title`` and the
        ``summary`` of its wordings. ``debate`` is what the minutes report of the debate."""
        block = self.decision(words.lines("visas"), vote, debated=debated, note=note)
        body = [*opening, block, decision or words("decision")]
        return Draft(words("title"), "\n\n".join(body), vote, words("summary"), debate)

    def decision(
        self, visas: Sequence[str], vote: Vote, *, debated: bool = False, note: str = ""
    ) -> str:
        """« Le conseil municipal, Vu …, Après en avoir délibéré, … » with one visa per line.

        ``note`` follows the vote: « Mme la Maire ne prenant pas part au vote ».
        """
        words = Wordings(self.writer, _WORDS["decision"], "decision", vote.counts())
        lines = [words("heading"), *(f"{visa}," for visa in visas)]
        if debated:
            lines.append(words("debated"))
        else:
            said = vote_in_deliberation(self.writer, vote)
            lines.append(words("deliberated", vote=f"{said}, {note}" if note else said))
        return "\n".join(lines)


def vote_in_deliberation(w: Writer, vote: Vote) -> str:
    """The words after « Après en avoir délibéré, »."""
    names = join_list([member(last).formal for last in vote.others])
    return Wordings(w, _WORDS["decision"], "decision", vote.counts())(vote.kind, names=names)


def vote_in_minutes(w: Writer, vote: Vote, number: str) -> str:
    """A sentence of the minutes giving the result of the vote."""
    values = {"number": number, **vote.counts()}
    return Wordings(w, _WORDS["minutes_vote"], "minutes_vote", values)(vote.kind)


_VOTE_PATTERNS = (
    (re.compile(r"par (\d+) voix pour et (\d+) voix contre"), AGAINST),
    (re.compile(r"par (\d+) voix pour et (\d+) abstentions"), ABSTAIN),
)


def parse_vote(body: str, session: Session) -> Vote:
    """Read the vote of a hand-written deliberation from its text."""
    for pattern, kind in _VOTE_PATTERNS:
        found = pattern.search(body)
        if found:
            yes, others = int(found.group(1)), int(found.group(2))
            voting = session.opposition_voters()
            not_voting = session.voters - yes - others
            return Vote(kind, session.voters, voting[:others], not_voting)
    if "Après en avoir débattu" in body:
        return Vote(NOTED, session.voters)
    return Vote(UNANIMOUS, session.voters)


def attendance(session: Session) -> str:
    words = _WORDS["layout"]
    absent = len(session.absent)
    values = {
        "members": len(MEMBERS),
        "present": len(session.present),
        "proxies": len(session.proxies),
        "absent": absent,
    }
    parts = ["members", "present"]
    if session.proxies:
        parts.append("proxies")
    if absent:
        parts.append("absents" if absent > 1 else "absent")
    return " ".join(words[part].format_map(values) for part in parts)


def layout(w: Writer, d: Deliberation) -> str:
    """The full text of a deliberation extract, around its body."""
    session = d.session
    published = session.day + timedelta(days=w.choice((1, 4, 5)))
    words = Wordings(
        w,
        _WORDS["layout"],
        "layout",
        {
            "number": d.number,
            "session_day": french_date(session.day, weekday=True),
            "day": french_date(session.day),
            "published": french_date(published),
            "mayor": MAYOR.name,
        },
    )
    return (
        f"{words('first')}\n{attendance(session)}\n\n{d.body}\n\n"
        f"{words('closing')}\n{words('signature')}"
    )
