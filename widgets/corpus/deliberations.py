"""All the deliberations of 2023 to 2026: hand-written ones and generated recurring ones."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from widgets.corpus import delib_finance as fin
from widgets.corpus import delib_services as srv
from widgets.corpus.council import Context, Deliberation, Draft, layout, parse_vote
from widgets.corpus.facts import SESSION_BY_DATE
from widgets.corpus.load import Document
from widgets.corpus.prose import MONTH_NAMES, Writer

Generator = Callable[..., Draft]

_DOB_DAYS = {2023: date(2023, 1, 26), 2025: date(2025, 1, 30), 2026: date(2026, 1, 22)}

# Generated deliberations, by session: (number, generator, arguments).
PLAN: dict[date, list[tuple[str, Generator, tuple]]] = {
    date(2023, 1, 26): [
        ("2023-001", fin.dob, (2023,)),
        ("2023-002", fin.credits_anticipes, (2023,)),
        ("2023-006", srv.scolarite, ("2022-2023",)),
        ("2023-007", srv.poste, ()),
    ],
    date(2023, 3, 23): [
        ("2023-010", fin.compte_administratif, (2022,)),
        ("2023-011", fin.compte_de_gestion, (2022,)),
        ("2023-012", fin.affectation, (2022,)),
        ("2023-013", fin.taux, (2023,)),
        ("2023-014", fin.budget_primitif, (2023,)),
        ("2023-015", fin.subventions, (2023,)),
        ("2023-016", srv.cantine, ("2023-2024",)),
    ],
    date(2023, 5, 25): [
        ("2023-018", srv.periscolaire, ("2023-2024",)),
        ("2023-019", srv.saisonniers, (2023,)),
        ("2023-020", fin.subvention_exceptionnelle, ()),
    ],
    date(2023, 7, 6): [
        ("2023-023", fin.decision_modificative, ()),
        ("2023-026", fin.subvention_exceptionnelle, ()),
    ],
    date(2023, 9, 28): [
        ("2023-028", srv.rpqs, (2022,)),
        ("2023-029", fin.non_valeur, (2023,)),
        ("2023-031", srv.rapport_cc, (2022,)),
    ],
    date(2023, 11, 16): [
        ("2023-033", srv.tarifs_communaux, (2024,)),
        ("2023-034", fin.decision_modificative, ()),
        ("2023-036", srv.dimanches, (2024,)),
    ],
    date(2023, 12, 14): [("2023-037", fin.ccas, (2024,))],
    date(2024, 1, 25): [
        ("2024-005", srv.scolarite, ("2023-2024",)),
        ("2024-006", srv.poste, ()),
    ],
    date(2024, 5, 16): [
        ("2024-019", srv.periscolaire, ("2024-2025",)),
        ("2024-020", srv.saisonniers, (2024,)),
        ("2024-022", fin.subvention_exceptionnelle, ()),
    ],
    date(2024, 7, 4): [("2024-024", fin.decision_modificative, ())],
    date(2024, 9, 26): [
        ("2024-028", srv.rpqs, (2023,)),
        ("2024-029", srv.rapport_cc, (2023,)),
        ("2024-030", fin.non_valeur, (2024,)),
    ],
    date(2024, 11, 21): [
        ("2024-033", srv.tarifs_communaux, (2025,)),
        ("2024-034", fin.decision_modificative, ()),
        ("2024-036", srv.dimanches, (2025,)),
    ],
    date(2024, 12, 12): [
        ("2024-039", fin.ccas, (2025,)),
        ("2024-040", fin.subvention_exceptionnelle, ()),
    ],
    date(2025, 1, 30): [
        ("2025-001", fin.dob, (2025,)),
        ("2025-002", fin.credits_anticipes, (2025,)),
        ("2025-005", srv.scolarite, ("2024-2025",)),
    ],
    date(2025, 3, 27): [
        ("2025-006", fin.compte_administratif, (2024,)),
        ("2025-007", fin.compte_de_gestion, (2024,)),
        ("2025-008", fin.affectation, (2024,)),
        ("2025-009", fin.taux, (2025,)),
        ("2025-010", fin.budget_primitif, (2025,)),
        ("2025-011", fin.subventions, (2025,)),
        ("2025-012", srv.cantine, ("2025-2026",)),
    ],
    date(2025, 5, 22): [
        ("2025-015", srv.periscolaire, ("2025-2026",)),
        ("2025-016", srv.saisonniers, (2025,)),
    ],
    date(2025, 7, 3): [
        ("2025-020", fin.decision_modificative, ()),
        ("2025-022", fin.subvention_exceptionnelle, ()),
        ("2025-023", srv.poste, ()),
    ],
    date(2025, 9, 25): [
        ("2025-024", srv.rpqs, (2024,)),
        ("2025-025", srv.rapport_cc, (2024,)),
        ("2025-026", fin.non_valeur, (2025,)),
    ],
    date(2025, 11, 20): [
        ("2025-029", srv.tarifs_communaux, (2026,)),
        ("2025-030", fin.decision_modificative, ()),
        ("2025-032", srv.dimanches, (2026,)),
        ("2025-033", fin.subvention_exceptionnelle, ()),
    ],
    date(2025, 12, 11): [
        ("2025-034", fin.credits_anticipes, (2026,)),
        ("2025-035", fin.ccas, (2026,)),
    ],
    date(2026, 1, 22): [
        ("2026-001", fin.dob, (2026,)),
        ("2026-003", srv.scolarite, ("2025-2026",)),
        ("2026-004", srv.poste, ()),
    ],
    date(2026, 2, 19): [
        ("2026-005", fin.taux, (2026,)),
        ("2026-006", fin.budget_primitif, (2026,)),
        ("2026-007", fin.subventions, (2026,)),
        ("2026-008", srv.cantine, ("2026-2027",)),
    ],
}

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


def generated(writer: Writer) -> list[Deliberation]:
    result = []
    for day, items in PLAN.items():
        session = SESSION_BY_DATE[day]
        for number, generator, args in items:
            context = Context(writer, session, number, {"dob_day": _DOB_DAYS.get(day.year)})
            draft = generator(context, *args)
            result.append(
                Deliberation(
                    number, day, draft.title, draft.body, draft.vote, draft.summary, draft.debate
                )
            )
    return result


def all_deliberations(writer: Writer, handwritten: list[Document]) -> list[Deliberation]:
    """Every deliberation, in order of number."""
    items = [from_handwritten(d) for d in handwritten] + generated(writer)
    return sorted(items, key=lambda d: d.number)


def as_document(writer: Writer, deliberation: Deliberation) -> Document:
    return Document("deliberations", deliberation.header, layout(writer, deliberation))
