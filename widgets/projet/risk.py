"""Where a commune's AI project stands in the EU AI Act, and what French law adds.

`classify(answers)` reads the questionnaire's answers (`questionnaire.QUESTIONS`)
and returns a `RiskAssessment`: the level (prohibited, high-risk with its
Annex III point, transparency duties of Art. 50, minimal), the reason behind
each answer, the duties, the dates and the registry facts it rests on.

The levels are not exclusive in the law: a high-risk chatbot also has the
transparency duties of Art. 50, and the French duties on public algorithms
(CRPA) apply whatever the AI Act level. `level` is the most constrained one;
`obligations` lists every duty, `transparency_duties` those of Art. 50.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from widgets.projet.questionnaire import (
    ALWAYS,
    DEADLINES,
    DUTIES,
    LEVEL_LABELS,
    LEVELS,
    MESSAGES,
    QUESTIONS_BY_ID,
    Deadline,
    Duty,
    Option,
    read_answers,
)


@dataclass(frozen=True)
class Reason:
    """Why one answer matters: the question, the answer chosen, and what follows from it."""

    question: str
    answer: str
    text: str


@dataclass(frozen=True)
class RiskAssessment:
    level: str
    level_label: str
    annex_point: str | None
    reasons: tuple[Reason, ...]
    obligations: tuple[Duty, ...]
    dates: tuple[Deadline, ...]
    doubts: tuple[str, ...]
    """Where the law is uncertain for these answers, in French: then ask a lawyer."""
    fact_ids: tuple[str, ...]

    @property
    def transparency_duties(self) -> tuple[Duty, ...]:
        return tuple(duty for duty in self.obligations if duty.transparency)

    @property
    def uncertain(self) -> bool:
        return bool(self.doubts)

    @property
    def french_duties(self) -> tuple[Duty, ...]:
        """Duties of French law (CRPA, loi Informatique et Libertés), independent of the level."""
        return tuple(duty for duty in self.obligations if duty.law == "france")


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _chosen(answers: Mapping[str, str]) -> list[Option]:
    options = [QUESTIONS_BY_ID[key].option(value) for key, value in answers.items()]
    narrow = any(option.narrow_task for option in options)
    if not narrow:
        return options
    # Art. 6(3): a preparatory task lifts the Annex III point of the decision it prepares.
    decision = QUESTIONS_BY_ID["decision"].option(answers["decision"])
    lifted = Option(decision.value, decision.label, decision.reason, facts=decision.facts)
    return [lifted if option is decision else option for option in options]


def classify(answers: object) -> RiskAssessment:
    """The AI Act level of a project from its answers; a French AtelierError if any is odd."""
    checked = read_answers(answers)
    ordered = {key: checked[key] for key in QUESTIONS_BY_ID if key in checked}
    options = _chosen(ordered)
    level = min((option.level for option in options), key=LEVELS.index)
    points = [option.annex_point for option in options if option.annex_point]
    duty_ids = _unique(list(ALWAYS) + [duty for option in options for duty in option.duties])
    doubts = [option.doubt for option in options if option.doubt]
    if level == "interdit":  # what else the project would need no longer matters
        duty_ids = tuple(duty for duty in duty_ids if duty in ("ne-pas-deployer", *ALWAYS))
        doubts = []
    duties = tuple(DUTIES[duty] for duty in duty_ids)
    deadlines = sorted(
        {DEADLINES[duty.deadline] for duty in duties if duty.deadline}, key=lambda d: d.date
    )
    if ordered.get("personnes") == "aucune" and ordered.get("decision", "non") != "non":
        doubts.insert(0, MESSAGES["contradiction"])
    reasons = tuple(
        Reason(QUESTIONS_BY_ID[key].text, option.label, option.reason)
        for key, option in zip(ordered, options, strict=True)
    )
    facts = [fact for option in options for fact in option.facts]
    facts += [fact for duty in duties for fact in duty.facts]
    facts += [fact for deadline in deadlines for fact in deadline.facts]
    return RiskAssessment(
        level=level,
        level_label=LEVEL_LABELS[level],
        annex_point=" et ".join(_unique(points)) if level == "haut-risque" else None,
        reasons=reasons,
        obligations=duties,
        dates=tuple(deadlines),
        doubts=_unique(doubts),
        fact_ids=_unique(facts),
    )
