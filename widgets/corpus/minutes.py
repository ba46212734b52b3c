"""Minutes (comptes rendus) of the council sessions, built from the session's deliberations.

The words are in `sources/minutes.toml`, with the « questions diverses » of each session.
"""

from __future__ import annotations

from datetime import date, timedelta

from widgets.corpus.council import Deliberation, vote_in_minutes
from widgets.corpus.facts import MEMBERS, SESSIONS, Member, Session, member
from widgets.corpus.load import Document
from widgets.corpus.prose import day_in_words, join_list, number_in_words
from widgets.corpus.source_files import read_source
from widgets.corpus.writer import Wordings, Writer
from widgets.french import MONTH_NAMES, french_date

_WORDS = read_source("minutes.toml")
QUESTIONS: dict[date, list[str]] = {
    date.fromisoformat(day): items for day, items in _WORDS["questions"].items()
}
"""The « questions diverses » of each session whose minutes are generated."""


def _words(w: Writer, table: str, **values: object) -> Wordings:
    return Wordings(w, _WORDS[table], f"minutes.{table}", values)


def _hour_in_words(time: str) -> str:
    hour = int(time.split(" h ")[0])
    return _WORDS["opening"]["hour"].format(hour=number_in_words(hour))


def _opening(w: Writer, s: Session) -> str:
    d = s.day
    words = _words(w, "opening", convened=french_date(s.convened))
    when = words(
        "when",
        year=number_in_words(d.year),
        day=day_in_words(d),
        month=MONTH_NAMES[d.month - 1],
        hour=_hour_in_words(s.opened),
    )
    return words("text", when=when, place=words("place"))


def _label(kind: str, people: list[Member]) -> str:
    """« Absents excusés », « Absente excusée »… for the people of one line."""
    labels = _WORDS["attendance"][kind]
    if all(p.feminine for p in people):
        return labels["women" if len(people) > 1 else "woman"]
    return labels["many" if len(people) > 1 else "one"]


def _attendance(w: Writer, s: Session) -> str:
    words = _words(w, "attendance")
    lines = [words("present", present=join_list([m.formal for m in s.present]))]
    if s.proxies:
        given = [
            words("proxy", absent=member(absent).formal, holder=member(holder).formal)
            for absent, holder in s.proxies.items()
        ]
        absents = [member(absent) for absent in s.proxies]
        lines.append(words("line", label=_label("represented", absents), names=" ; ".join(given)))
    if s.absent:
        people = [member(x) for x in s.absent]
        names = join_list([p.formal for p in people])
        lines.append(words("line", label=_label("excused", people), names=names))
    return "\n\n".join(lines)


def _quorum(w: Writer, s: Session) -> str:
    secretary = member(s.secretary)
    words = _words(
        w,
        "quorum",
        opened=s.opened,
        secretary=secretary.formal,
        designated="désignée" if secretary.feminine else "désigné",
        public=s.public,
    )
    public = words("public") if s.public else ""
    return f"{words('opening')} {public}".strip()


def _previous_minutes(w: Writer, s: Session, previous: Session | None) -> str:
    if previous is None:
        return _WORDS["previous"]["first"]
    opponents = [m for m in MEMBERS if m.opposition and m.last not in s.missing]
    speaker = w.choice(opponents)
    words = _words(w, "previous", day=french_date(previous.day), speaker=speaker.formal)
    return words("adopted")


def _delegations(w: Writer) -> str:
    table = _WORDS["delegation"]
    decisions = table["decisions"]
    chosen = w.sample(range(len(decisions)), 3)
    randint = w.random.randint
    items = [
        decisions[i].format(
            n=randint(4, 14),
            k=randint(2, 6),
            m1=f"{randint(28, 46)} {randint(1, 9)}00",
            m2=f"{randint(1, 4)} {randint(100, 990)}",
            m3=f"{randint(2, 6)} {randint(100, 990)}",
            m4=f"{randint(6, 9)}{randint(1, 9)}0",
            m5=f"{randint(3, 6)}{randint(1, 9)}0",
            m6=f"{randint(1, 2)} {randint(100, 890)}",
            m7=f"{randint(6, 9)}0",
        )
        for i in sorted(chosen)
    ]
    words = _words(w, "delegation")
    intro = words("intro")
    end = words("end")
    return f"{intro}{join_list(items)}." + (f" {end}" if w.maybe(0.4) else "")


def _closing(w: Writer, s: Session, next_session: Session | None) -> str:
    secretary = member(s.secretary)
    words = _words(
        w,
        "closing",
        closed=s.closed,
        role="la secrétaire" if secretary.feminine else "le secrétaire",
        secretary=secretary.name,
    )
    end = words("end")
    if next_session is not None:
        end += " " + words(
            "next",
            next_day=french_date(next_session.day, weekday=True),
            next_hour=_hour_in_words(next_session.opened),
        )
    signed = french_date(s.day + timedelta(days=w.choice((1, 2, 5))))
    return f"{end}\n\n{words('signed', signed=signed)}"


def _session_minutes(
    w: Writer,
    s: Session,
    previous: Session | None,
    following: Session | None,
    deliberations: list[Deliberation],
) -> Document:
    parts = [_opening(w, s), _attendance(w, s), _quorum(w, s)]
    previous_day = french_date(previous.day) if previous else _WORDS["previous"]["first_day"]
    heading = _WORDS["previous"]["heading"].format(day=previous_day)
    parts.append(f"{heading}\n\n{_previous_minutes(w, s, previous)}")
    heading = _WORDS["delegation"]["heading"].format(day=previous_day)
    parts.append(f"{heading}\n\n{_delegations(w)}")
    items = _words(w, "items")
    for rank, d in enumerate(deliberations, start=3):
        vote = vote_in_minutes(w, d.vote, d.number)
        text = f"{d.summary}\n\n{d.debate}\n\n{vote}" if d.debate else f"{d.summary} {vote}"
        heading = items("deliberation", rank=rank, title=d.title, number=d.number)
        parts.append(f"{heading}\n\n{text}")
    heading = items("questions", rank=3 + len(deliberations))
    parts.append(f"{heading}\n\n" + "\n\n".join(QUESTIONS[s.day]))
    parts.append(_closing(w, s, following))
    title = _WORDS["closing"]["title"].format(day=french_date(s.day))
    return Document("comptes-rendus", title, "\n\n".join(parts))


def minutes(w: Writer, deliberations: list[Deliberation]) -> list[Document]:
    """One document per session, except those whose minutes are written by hand."""
    by_day: dict[date, list[Deliberation]] = {}
    for d in deliberations:
        by_day.setdefault(d.day, []).append(d)
    documents = []
    for index, s in enumerate(SESSIONS):
        if s.day not in QUESTIONS:
            continue
        previous = SESSIONS[index - 1] if index else None
        following = SESSIONS[index + 1] if index + 1 < len(SESSIONS) else None
        documents.append(_session_minutes(w, s, previous, following, by_day.get(s.day, [])))
    return documents
