"""What every deliberation shares: its session, its rapporteur, its vote, its layout."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from widgets.corpus.facts import MAYOR, MEMBERS, SESSION_BY_DATE, Member, Session, member
from widgets.corpus.prose import Writer, fr_date, join_list

UNANIMOUS, AGAINST, ABSTAIN = "unanimité", "contre", "abstention"


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
        return f"Délibération n° {self.number} du {fr_date(self.day)} : {self.title}"


@dataclass
class Context:
    """Helpers for the generator of one deliberation."""

    writer: Writer
    session: Session
    number: str
    extras: dict = field(default_factory=dict)

    def pick(self, key: str, variants) -> str:
        return self.writer.pick(key, variants)

    def present(self, last: str) -> bool:
        return last not in self.session.missing

    def rapporteur(self, last: str) -> Member:
        """The elected member who presents the item, or the mayor if that member is away."""
        return member(last) if self.present(last) else member("Delorme")

    def opponent(self) -> Member:
        """An opposition member present at the session."""
        present = [m for m in MEMBERS if m.opposition and self.present(m.last)]
        return self.writer.choice(present)

    def colleague(self, *exclude: str) -> Member:
        """A majority member present at the session, other than the mayor and ``exclude``."""
        present = [
            m
            for m in MEMBERS
            if not m.opposition and self.present(m.last) and m.last not in ("Delorme", *exclude)
        ]
        return self.writer.choice(present)

    def unanimous(self) -> Vote:
        return Vote(UNANIMOUS, self.session.voters)

    def opposition(self, kind: str) -> Vote:
        voting = tuple(
            m.last for m in MEMBERS if m.opposition and m.last not in self.session.absent
        )
        return Vote(kind, self.session.voters, voting)


def presenter(m: Member, with_role: bool = True) -> str:
    """« M. Bernard Lefèvre-Rigal, premier adjoint chargé des finances, » or « Mme la Maire »."""
    if m.last == "Delorme":
        return "Mme la Maire"
    if with_role and m.role:
        return f"{m.formal}, {m.role},"
    return m.formal


def short(m: Member) -> str:
    """« M. Lefèvre-Rigal », « Mme la Maire »."""
    return "Mme la Maire" if m.last == "Delorme" else f"{m.title} {m.last}"


def pronoun(m: Member) -> str:
    return "elle" if m.feminine else "il"


def agree(m: Member, word: str) -> str:
    """Add the feminine e to a past participle or adjective when the member is a woman."""
    return word + "e" if m.feminine else word


def names(lasts: tuple[str, ...]) -> str:
    return join_list([member(last).formal for last in lasts])


def vote_in_deliberation(w: Writer, vote: Vote) -> str:
    """The words after « Après en avoir délibéré, »."""
    if vote.kind == UNANIMOUS:
        return w.pick(
            "vote-unanime",
            (
                "à l'unanimité des membres présents et représentés",
                "à l'unanimité",
                f"à l'unanimité des {vote.voters - vote.not_voting} votants",
                "à l'unanimité des suffrages exprimés",
            ),
        )
    n = len(vote.others)
    who = names(vote.others)
    if vote.kind == AGAINST:
        return f"par {vote.yes} voix pour et {n} voix contre ({who})"
    return f"par {vote.yes} voix pour et {n} abstentions ({who})"


def vote_in_minutes(w: Writer, vote: Vote, number: str) -> str:
    """A sentence of the minutes giving the result of the vote."""
    total = vote.voters - vote.not_voting
    if vote.kind == "acte":
        return w.pick(
            "cr-acte",
            (
                "Le conseil prend acte de la tenue du débat.",
                "Le débat ne donne pas lieu à un vote ; le conseil en prend acte.",
                "Le conseil municipal prend acte de la tenue du débat d'orientation budgétaire.",
            ),
        )
    if vote.kind == UNANIMOUS:
        return w.pick(
            "cr-unanime",
            (
                f"La délibération n° {number} est adoptée à l'unanimité.",
                f"Vote de la délibération n° {number} : unanimité, soit {total} voix pour.",
                f"Mise aux voix, la délibération n° {number} recueille l'unanimité des "
                f"{total} suffrages.",
                f"Le conseil adopte la délibération n° {number} à l'unanimité des membres "
                "présents et représentés.",
                f"La délibération n° {number} est adoptée à l'unanimité des {total} votants.",
                f"Adoptée à l'unanimité, la délibération n° {number} sera transmise au "
                "représentant de l'État.",
                "Adopté à l'unanimité.",
            ),
        )
    n = len(vote.others)
    if vote.kind == AGAINST:
        return w.pick(
            "cr-contre",
            (
                f"La délibération n° {number} est adoptée par {vote.yes} voix pour et {n} voix "
                "contre.",
                f"La délibération est adoptée par {vote.yes} voix pour ; les {n} élus du groupe "
                "« Clairval Autrement » votent contre.",
                f"Vote : {vote.yes} pour, {n} contre.",
                f"Le conseil adopte la proposition par {vote.yes} voix contre {n}.",
            ),
        )
    return w.pick(
        "cr-abstention",
        (
            f"La délibération n° {number} est adoptée par {vote.yes} voix pour et {n} abstentions.",
            f"La délibération est adoptée par {vote.yes} voix pour, le groupe "
            f"« Clairval Autrement » s'abstenant ({n} voix).",
            f"Vote : {vote.yes} pour, {n} abstentions.",
            f"Le conseil se prononce favorablement sur la délibération n° {number} par "
            f"{vote.yes} voix, avec {n} abstentions.",
        ),
    )


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
            voting = tuple(m.last for m in MEMBERS if m.opposition and m.last not in session.absent)
            not_voting = session.voters - yes - others
            return Vote(kind, session.voters, voting[:others], not_voting)
    if "Après en avoir débattu" in body:
        return Vote("acte", session.voters)
    return Vote(UNANIMOUS, session.voters)


def attendance(session: Session) -> str:
    present = len(session.present)
    proxies = len(session.proxies)
    absent = len(session.absent)
    parts = [f"Membres en exercice : {len(MEMBERS)}.", f"Présents : {present}."]
    if proxies:
        parts.append(f"Représentés : {proxies}.")
    if absent:
        parts.append(f"Absent{'s' if absent > 1 else ''} : {absent}.")
    return " ".join(parts)


def layout(w: Writer, d: Deliberation) -> str:
    """The full text of a deliberation extract, around its body."""
    session = d.session
    first = (
        f"Extrait du registre des délibérations du conseil municipal, séance du "
        f"{fr_date(session.day, weekday=True)}, délibération n° {d.number}."
    )
    published = session.day + timedelta(days=w.choice((1, 4, 5)))
    closing = w.pick(
        "cloture",
        (
            f"Pour extrait conforme au registre, délibération n° {d.number}, "
            f"à Clairval-sur-Ondine, le {fr_date(published)}.",
            f"Délibération n° {d.number} certifiée exécutoire, publiée le {fr_date(published)} "
            "et transmise au représentant de l'État.",
            f"Ainsi fait et délibéré le {fr_date(session.day)} ; pour extrait conforme de la "
            f"délibération n° {d.number}.",
        ),
    )
    return f"{first}\n{attendance(session)}\n\n{d.body}\n\n{closing}\nLa Maire, {MAYOR}."


@dataclass
class Draft:
    """What a deliberation generator returns, before numbering and layout."""

    title: str
    body: str
    vote: Vote
    summary: str
    debate: str = ""


def legal_block(w: Writer, visas: list[str], vote: Vote, debated: bool = False) -> str:
    """« Le conseil municipal, Vu …, Après en avoir délibéré, … » with one visa per line."""
    lines = ["Le conseil municipal,", *(f"{visa}," for visa in visas)]
    if debated:
        lines.append("Après en avoir débattu,")
    else:
        lines.append(f"Après en avoir délibéré, {vote_in_deliberation(w, vote)},")
    return "\n".join(lines)
