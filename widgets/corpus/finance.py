"""Generators of the recurring financial deliberations (budget, accounts, taxes, grants).

Each generator computes the figures of one deliberation; the words are in
`sources/finance.toml`, one table per kind of deliberation.
"""

from __future__ import annotations

from decimal import Decimal

from widgets.corpus.council import ABSTAIN, Context, Draft, Vote
from widgets.corpus.facts import (
    ACCOUNTS,
    ASSOCIATIONS,
    BUDGETS,
    INHABITANTS,
    TAX_PRODUCT,
    TAXES,
)
from widgets.corpus.prose import a, bullet_list, de, euros, join_list
from widgets.corpus.source_files import read_source
from widgets.french import format_number, french_date

_WORDS = read_source("finance.toml")


def orientation_debate(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    facts = _WORDS["orientation_debate"]["years"][str(year)]
    orientations = facts["orientations"]
    words = c.wordings(
        _WORDS,
        "orientation_debate",
        year=year,
        previous=year - 1,
        finance=c.rapporteur("Lefèvre-Rigal"),
        convened=french_date(c.session.convened),
        gross_savings=euros(b.gross_savings),
        debt_start=euros(b.debt_start),
        ratio=format_number(b.debt_start / b.gross_savings, 1),
        per_head=round(b.debt_start / INHABITANTS),
        agents=b.agents,
        fte=b.fte,
        staff=euros(b.staff),
        loan=euros(b.loan),
        priorities=join_list(orientations[:3]),
    )
    projects = [words("project", label=p.label, amount=euros(p.amount)) for p in b.projects[:3]]
    plan = words("plan", orientations=join_list(orientations), projects=join_list(projects))
    plan += " " + words("loan" if b.loan else "no_loan")
    opening = [words("intro"), words("situation"), facts["context"], plan, words("staff")]
    return c.finish(words, opening, c.noted(), debated=True, debate=facts["debate"])


def _results(year: int) -> dict[str, Decimal]:
    """The cumulated results of a financial year, from its accounts."""
    acc = ACCOUNTS[year]
    op_year = Decimal(acc.op_income) - Decimal(acc.op_spending)
    inv_year = Decimal(acc.inv_income) - Decimal(acc.inv_spending)
    return {
        "op_year": op_year,
        "op_total": op_year + Decimal(acc.op_carried),
        "inv_total": inv_year + Decimal(acc.inv_carried),
        "remaining": Decimal(acc.rar_income) - Decimal(acc.rar_spending),
    }


def administrative_account(c: Context, year: int) -> Draft:
    acc = ACCOUNTS[year]
    table = _WORDS["administrative_account"]
    facts = table["years"][str(year)]
    results = _results(year)
    inv_total = results["inv_total"]
    words = c.wordings(
        _WORDS,
        "administrative_account",
        year=year,
        next=year + 1,
        finance=c.rapporteur("Lefèvre-Rigal"),
        op_income=euros(acc.op_income),
        op_spending=euros(acc.op_spending),
        op_year=euros(results["op_year"]),
        op_carried=euros(acc.op_carried),
        op_total=euros(results["op_total"]),
        inv_income=euros(acc.inv_income),
        inv_spending=euros(acc.inv_spending),
        carried="excédent" if Decimal(acc.inv_carried) >= 0 else "déficit",
        inv_carried=euros(abs(Decimal(acc.inv_carried))),
        balance="un excédent" if inv_total >= 0 else "un déficit",
        result="excédent" if inv_total >= 0 else "déficit",
        inv_total=euros(abs(inv_total)),
        rar_spending=euros(acc.rar_spending),
        rar_income=euros(acc.rar_income),
    )
    opening = [
        words("chair"),
        words("presentation"),
        words("operating"),
        words("investment"),
        words("remaining"),
        facts["comment"],
    ]
    vote = c.opposition(ABSTAIN) if facts["vote"] == ABSTAIN else c.unanimous()
    vote = Vote(vote.kind, vote.voters, vote.others, not_voting=1)
    return c.finish(words, opening, vote, note=words("not_voting"))


def management_account(c: Context, year: int) -> Draft:
    results = _results(year)
    words = c.wordings(
        _WORDS,
        "management_account",
        year=year,
        op_total=euros(results["op_total"]),
        inv_total=euros(results["inv_total"]),
    )
    return c.finish(words, [words("intro"), words("check")], c.unanimous())


def result_allocation(c: Context, year: int) -> Draft:
    results = _results(year)
    need = -(results["inv_total"] + results["remaining"])
    capitalised = Decimal(ACCOUNTS[year].capitalised)
    words = c.wordings(
        _WORDS,
        "result_allocation",
        year=year,
        next=year + 1,
        need=euros(need),
        op_total=euros(results["op_total"]),
        inv_total=euros(results["inv_total"]),
        remaining=euros(results["remaining"]),
        capitalised=euros(capitalised),
        carried=euros(results["op_total"] - capitalised),
    )
    explain = words("need")
    if capitalised > need:
        explain += " " + words("more_than_need")
    return c.finish(words, [words("intro"), explain], c.unanimous())


def tax_rates(c: Context, year: int) -> Draft:
    table = _WORDS["tax_rates"]
    words = c.wordings(
        _WORDS,
        "tax_rates",
        year=year,
        finance=c.rapporteur("Lefèvre-Rigal"),
        times=table["years"][str(year)],
        product=euros(TAX_PRODUCT[year]),
        built=TAXES["built"],
        unbuilt=TAXES["unbuilt"],
    )
    opening = [words("intro"), f"{words('product')} {words('growth')}"]
    return c.finish(words, opening, c.unanimous())


def budget(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    table = _WORDS["budget"]
    facts = table["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "budget",
        year=year,
        finance=c.rapporteur("Lefèvre-Rigal"),
        debate_day=french_date(c.budget_debate_day),
        operating=euros(b.operating),
        investment=euros(b.investment),
        staff=euros(b.staff),
        general=euros(b.general),
        energy=euros(b.energy),
        grants_total=euros(b.grants_total),
        ccas=euros(b.ccas),
        transfer=euros(b.transfer),
        loan=euros(b.loan),
        main_projects=join_list([p.label for p in b.projects[:3]]),
    )
    intro = words("intro")
    projects = [words("project", label=p.label, amount=euros(p.amount)) for p in b.projects]
    investment = words("investment", projects=join_list(projects))
    investment += " " + words("loan" if b.loan else "no_loan")
    opening = [intro, words("operating"), investment]
    return c.finish(words, opening, c.opposition(facts["vote"]), debate=facts["debate"])


def grants(c: Context, year: int) -> Draft:
    b = BUDGETS[year]
    given = sum(association.grants[year] for association in ASSOCIATIONS)
    words = c.wordings(
        _WORDS,
        "grants",
        year=year,
        sport=c.rapporteur("Pradel"),
        given=euros(given),
        reserve=euros(b.grants_total - given),
        grants_total=euros(b.grants_total),
        first=euros(ASSOCIATIONS[0].grants[year]),
    )
    lines = [
        words("grant", name=association.name, amount=euros(association.grants[year]))
        for association in ASSOCIATIONS
    ]
    decision = f"{words('decision')}\n{bullet_list(lines)}"
    opening = [words("intro"), words("envelope")]
    note = words("not_voting")
    return c.finish(words, opening, c.unanimous(), note=note, decision=decision)


def extra_grant(c: Context) -> Draft:
    table = _WORDS["extra_grant"]
    facts = table["numbers"][c.number]
    words = c.wordings(
        _WORDS,
        "extra_grant",
        sport=c.rapporteur("Pradel"),
        name=facts["name"],
        amount=euros(facts["amount"]),
        purpose=facts["purpose"],
        to_purpose=a(facts["purpose"]),
    )
    opening = [words("intro"), facts["detail"], words("reserve")]
    return c.finish(words, opening, c.unanimous())


def budget_amendment(c: Context) -> Draft:
    table = _WORDS["budget_amendment"]
    facts = table["numbers"][c.number]
    rank = facts["rank"]
    words = c.wordings(
        _WORDS,
        "budget_amendment",
        year=facts["year"],
        rank=rank,
        ordinal="première" if rank == 1 else "deuxième",
        reason=facts["reason"],
        finance=c.rapporteur("Lefèvre-Rigal"),
    )
    opening = [words("intro")]
    movements = [
        words(
            "movement",
            of_section=de(section),
            side=side,
            label=label,
            sign="+" if amount > 0 else "–",
            amount=euros(abs(amount)),
        )
        for section, side, label, amount in facts["movements"]
    ]
    opening.append(words("balance"))
    vote = c.unanimous() if rank == 1 else c.opposition(ABSTAIN)
    decision = f"{words('decision')}\n{bullet_list(movements)}"
    return c.finish(words, opening, vote, decision=decision)


def write_off(c: Context, year: int) -> Draft:
    table = _WORDS["write_off"]
    facts = table["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "write_off",
        facts,
        amount=euros(facts["amount"]),
        year=year,
        finance=c.rapporteur("Lefèvre-Rigal"),
    )
    opening = [words("intro"), words("reasons"), words("notice")]
    return c.finish(words, opening, c.unanimous())


def social_centre_advance(c: Context, year: int) -> Draft:
    table = _WORDS["social_centre_advance"]
    total = table["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "social_centre_advance",
        year=year,
        social=c.rapporteur("Moreau-Kerjean"),
        total=euros(total),
        share=table["share"],
        advance=euros(total * table["share"] // 100),
    )
    return c.finish(words, [words("intro"), words("detail")], c.unanimous())


def early_spending(c: Context, year: int) -> Draft:
    table = _WORDS["early_spending"]
    facts = table["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "early_spending",
        year=year,
        previous=year - 1,
        finance=c.rapporteur("Lefèvre-Rigal"),
        limit=euros(facts["limit"]),
        first=facts["needs"][0]["label"],
    )
    needs = [words("need", label=n["label"], amount=euros(n["amount"])) for n in facts["needs"]]
    opening = [words("intro"), words("needs", needs=join_list(needs))]
    return c.finish(words, opening, c.unanimous())
