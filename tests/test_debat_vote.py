"""Module 12: the room vote counts hands, stays within bounds and says the result in French.

Expected counts and sentences are written by hand; the fuzz tests replay random
clicks against a plain list kept by the test itself.
"""

from __future__ import annotations

import pytest
from fuzz_values import FUZZ, ODD_VALUES, assert_french, outcome
from hypothesis import given
from hypothesis import strategies as st

from widgets.debat.vote import MAX_PEOPLE, RoomVote, Tally
from widgets.errors import AtelierError

NNBSP = "\u202f"
LABELS = ("Un outil comme un autre", "Oui, mais en le disant", "Pas pour ces textes-là")


def test_clicks_are_counted_per_position() -> None:
    vote = RoomVote(LABELS)
    for letter in "ABBBCCa":
        vote.add(letter)
    vote.remove("C")
    assert vote.counts == (2, 3, 1)
    assert vote.tally.total == 6
    assert vote.tally.shares() == (2 / 6, 3 / 6, 1 / 6)
    assert vote.summary() == (
        f"6 voix comptées : « Oui, mais en le disant » arrive en tête avec 3 voix (50{NNBSP}%)."
    )


def test_the_people_present_give_those_without_an_opinion() -> None:
    vote = RoomVote(LABELS, present=12)
    vote.set_count("A", 4)
    vote.set_count("b", 4)
    vote.set_count("C", 1)
    assert vote.summary() == (
        "Sur 12 personnes présentes, 9 ont voté : égalité entre « Un outil comme un autre » et "
        f"« Oui, mais en le disant », avec 4 voix chacune (44{NNBSP}%) ; 3 sans avis."
    )


@pytest.mark.parametrize(
    ("present", "counts", "expected"),
    [
        (None, (0, 0, 0), "Aucune voix comptée pour l'instant."),
        (1, (0, 0, 0), "Sur 1 personne présente, personne n'a encore voté."),
        (
            1,
            (0, 0, 1),
            f"Sur 1 personne présente, 1 a voté : « Pas pour ces textes-là » arrive en tête avec "
            f"1 voix (100{NNBSP}%).",
        ),
        (
            None,
            (1, 0, 0),
            "1 voix comptée : « Un outil comme un autre » arrive en tête avec "
            f"1 voix (100{NNBSP}%).",
        ),
        (
            3,
            (1, 1, 1),
            "Sur 3 personnes présentes, 3 ont voté : égalité entre « Un outil comme un autre », "
            f"« Oui, mais en le disant » et « Pas pour ces textes-là », avec 1 voix chacune "
            f"(33{NNBSP}%).",
        ),
    ],
)
def test_summaries_read_aloud(present: int | None, counts: tuple[int, ...], expected: str) -> None:
    vote = RoomVote(LABELS, present=present)
    for letter, count in zip("ABC", counts, strict=True):
        vote.set_count(letter, count)
    assert vote.summary() == expected


def test_undo_goes_back_one_change_and_a_reset_can_be_undone() -> None:
    vote = RoomVote(LABELS[:2])
    assert not vote.can_undo and vote.undo() is False
    vote.add("A")
    vote.add("A")
    vote.set_present(10)
    vote.reset()
    assert vote.tally == Tally((0, 0), 10)
    assert vote.undo() is True
    assert vote.tally == Tally((2, 0), 10)
    assert vote.undo() and vote.tally == Tally((2, 0), None)
    assert vote.undo() and vote.undo() and vote.tally == Tally((0, 0), None)
    assert not vote.can_undo


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (lambda vote: vote.remove("A"), "aucune voix"),
        (lambda vote: vote.add("D"), "A, B, C"),
        (lambda vote: vote.set_count("A", -1), "de 0 à 1000"),
        (lambda vote: vote.set_count("A", 2.5), "nombre entier"),
        (lambda vote: vote.set_count("A", True), "nombre entier"),
        (lambda vote: vote.set_count("A", MAX_PEOPLE + 1), "de 0 à 1000"),
        (lambda vote: vote.set_present("douze"), "personnes présentes"),
    ],
)
def test_odd_clicks_and_values_are_refused_in_french(action, expected: str) -> None:
    vote = RoomVote(LABELS)
    with pytest.raises(AtelierError) as error:
        action(vote)
    assert expected in error.value.message
    assert_french(error.value.message)
    assert vote.counts == (0, 0, 0) and not vote.can_undo


def test_more_hands_than_people_is_refused_both_ways() -> None:
    vote = RoomVote(LABELS, present=3)
    vote.set_count("A", 2)
    with pytest.raises(AtelierError, match="Cela ferait 4 voix pour 3 personnes présentes"):
        vote.set_count("B", 2)
    with pytest.raises(AtelierError, match="déjà 2 mains levées"):
        vote.set_present(1)
    vote.set_present(None)
    assert vote.set_count("B", 2) == Tally((2, 2, 0), None)
    with pytest.raises(AtelierError, match="au plus 1000 voix"):
        vote.set_count("C", MAX_PEOPLE)


def test_a_vote_needs_positions() -> None:
    with pytest.raises(AtelierError):
        RoomVote(())


CLICKS = st.lists(
    st.tuples(st.sampled_from(["add", "remove", "undo", "reset"]), st.sampled_from("ABC")),
    max_size=60,
)


def click(vote: RoomVote, action: str, letter: str) -> Tally:
    return vote.reset() if action == "reset" else getattr(vote, action)(letter)


@FUZZ
@given(CLICKS, st.one_of(st.none(), st.integers(0, 30)))
def test_random_clicks_match_a_count_kept_by_hand(clicks, present) -> None:
    vote = RoomVote(LABELS, present=present)
    counts, history = [0, 0, 0], []
    for action, letter in clicks:
        index = "ABC".index(letter)
        before = list(counts)
        if action == "add" and (present is None or sum(counts) < present):
            counts[index] += 1
        elif action == "remove" and counts[index] > 0:
            counts[index] -= 1
        elif action == "reset":
            counts = [0, 0, 0]
        elif action == "undo":
            if history:
                counts = history.pop()
            vote.undo()
            assert vote.counts == tuple(counts)
            continue
        if counts != before:
            history.append(before)
        _, message = outcome(lambda a=action, key=letter: click(vote, a, key))
        assert (message is None) == (counts != before or action == "reset"), (action, message)
        assert vote.counts == tuple(counts)
        assert all(0 <= count <= MAX_PEOPLE for count in vote.counts)
        summary = vote.summary()
        assert_french(summary)
        assert summary.endswith(".")


@FUZZ
@given(ODD_VALUES, ODD_VALUES)
def test_odd_values_are_taken_calmly(letter, value) -> None:
    vote = RoomVote(LABELS, present=None)
    for call in (
        lambda: vote.set_count(letter, value),
        lambda: vote.add(letter),
        lambda: vote.set_present(value),
        lambda: RoomVote(LABELS, present=value).summary(),
    ):
        outcome(call)
    assert all(isinstance(count, int) and 0 <= count <= MAX_PEOPLE for count in vote.counts)
    assert_french(vote.summary())
