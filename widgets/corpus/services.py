"""Generators of the recurring deliberations about services, staff and yearly reports.

Each generator computes the figures of one deliberation; the words are in
`sources/services.toml`, one table per kind of deliberation.
"""

from __future__ import annotations

from widgets.corpus.council import Context, Draft
from widgets.corpus.facts import CANTEEN, FEES
from widgets.corpus.prose import (
    bullet_list,
    day_and_month,
    euros,
    group_thousands,
    join_list,
    number_in_words,
)
from widgets.corpus.source_files import read_source
from widgets.french import french_date

_WORDS = read_source("services.toml")


def school_costs(c: Context, school_year: str) -> Draft:
    facts = _WORDS["school_costs"]["years"][school_year]
    words = c.wordings(
        _WORDS,
        "school_costs",
        facts,
        school_year=school_year,
        school=c.rapporteur("Benali"),
        nursery=euros(facts["nursery"]),
        primary=euros(facts["primary"]),
    )
    opening = [words("intro"), words("basis"), words("note")]
    return c.finish(words, opening, c.unanimous())


def new_post(c: Context) -> Draft:
    facts = _WORDS["new_post"]["numbers"][c.number]
    words = c.wordings(
        _WORDS,
        "new_post",
        chief=c.rapporteur("Delorme"),
        grade=facts["grade"],
        service=facts["service"],
        short_grade=facts["grade"].split(" à ")[0],
        short_service=facts["service"].split(",")[0],
        start=french_date(facts["start"]),
        day=french_date(c.session.day),
    )
    return c.finish(words, [words("intro"), facts["reason"]], c.unanimous())


def canteen(c: Context, school_year: str) -> Draft:
    tariffs = next(t for t in CANTEEN if t.school_year == school_year)
    table = _WORDS["canteen"]
    words = c.wordings(
        _WORDS,
        "canteen",
        vars(tariffs),
        school=c.rapporteur("Benali"),
        first=tariffs.bands[0][1],
        last=tariffs.bands[-1][1],
        bands=number_in_words(len(tariffs.bands)),
    )
    opening = [words("intro"), words("cost"), table["years"][school_year]["rationale"]]
    rows = [
        words("band", rank=rank, band=band, price=price)
        for rank, (band, price) in enumerate(tariffs.bands, start=1)
    ]
    rows += words("others").split("\n")
    decision = f"{words('decision')}\n{bullet_list(rows)}"
    return c.finish(words, opening, c.unanimous(), decision=decision)


def after_school(c: Context, school_year: str) -> Draft:
    facts = _WORDS["after_school"]["years"][school_year]
    evening = facts["services"][1]["prices"]
    words = c.wordings(
        _WORDS,
        "after_school",
        school_year=school_year,
        school=c.rapporteur("Benali"),
        start=facts["start"],
        low=evening[0],
        high=evening[-1],
    )
    opening = [words("intro"), facts["note"]]
    rows = []
    for service in facts["services"]:
        prices = [
            words("price", band=band, price=price)
            for band, price in zip(facts["bands"], service["prices"], strict=True)
        ]
        rows.append(words("service", label=service["label"], prices=" ; ".join(prices)))
    decision = f"{words('decision')}\n{bullet_list(rows)}"
    return c.finish(words, opening, c.unanimous(), decision=decision)


def seasonal_staff(c: Context, year: int) -> Draft:
    facts = _WORDS["seasonal_staff"]["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "seasonal_staff",
        facts,
        year=year,
        total=facts["green"] + facts["animators"],
        chief=c.rapporteur("Delorme"),
    )
    opening = [words("intro"), words("detail"), words("youth")]
    return c.finish(words, opening, c.unanimous())


def water_report(c: Context, year: int) -> Draft:
    facts = _WORDS["water_report"]["years"][str(year)]
    env = c.rapporteur("Tissier")
    words = c.wordings(
        _WORDS,
        "water_report",
        facts,
        year=year,
        env=env,
        subscribers=group_thousands(str(facts["subscribers"])),
        volume=group_thousands(str(facts["volume"])),
    )
    opening = [words("intro"), words("figures"), words("comment")]
    return c.finish(words, opening, c.unanimous(), debated=True)


def community_report(c: Context, year: int) -> Draft:
    facts = _WORDS["community_report"]["years"][str(year)]
    words = c.wordings(
        _WORDS,
        "community_report",
        facts,
        year=year,
        chief=c.rapporteur("Delorme"),
        first_highlight=facts["highlights"].split(" et ")[0],
    )
    opening = [words("intro"), words("facts")]
    return c.finish(words, opening, c.unanimous(), debated=True, debate=facts["debate"])


def fees(c: Context, year: int) -> Draft:
    fee = FEES[year]
    words = c.wordings(
        _WORDS,
        "fees",
        year=year,
        finance=c.rapporteur("Lefèvre-Rigal"),
        grave_15=fee["graves"][0],
        grave_30=fee["graves"][1],
        grave_50=fee["graves"][2],
        urn_15=fee["urns"][0],
        urn_30=fee["urns"][1],
        market=fee["market"],
        terrace=fee["terrace"],
    )
    # The market note is drawn after the vote but printed before it.
    intro = words("intro")
    block = c.decision(words.lines("visas"), c.unanimous())
    body = [intro, words("market"), block, words("decision")]
    return Draft(words("title"), "\n\n".join(body), c.unanimous(), words("summary"))


def sunday_trading(c: Context, year: int) -> Draft:
    days = _WORDS["sunday_trading"]["years"][str(year)]
    if any(day.weekday() != 6 for day in days):
        raise ValueError(f"a date of {year} is not a Sunday")
    words = c.wordings(
        _WORDS,
        "sunday_trading",
        year=year,
        chief=c.rapporteur("Pradel"),
        sundays=join_list([day_and_month(day) for day in days]),
    )
    opening = [words("intro"), f"{words('proposal')} {words('detail')}"]
    return c.finish(words, opening, c.unanimous())
