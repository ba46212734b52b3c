"""The room vote: the host counts raised hands for each position of a card.

Plain Python, so the counts, bounds and French summary are tested without a
kernel. Every change can be undone, a reset too: a wrong click never loses a
count the room took time to give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from widgets.arguments import read_count
from widgets.errors import AtelierError
from widgets.french import format_percent

MAX_PEOPLE = 1_000
"""More people than any room the course is run in: beyond, a count is a typing slip."""


@dataclass(frozen=True)
class Tally:
    """One state of the vote: the hands raised for each position, and who is in the room."""

    counts: tuple[int, ...]
    present: int | None = None

    @property
    def total(self) -> int:
        return sum(self.counts)

    def shares(self) -> tuple[float | None, ...]:
        """Each position's share of the votes cast (None for each when nobody voted)."""
        total = self.total
        return tuple(count / total if total else None for count in self.counts)


def _plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count <= 1 else plural}"


class RoomVote:
    """The counts of one card's vote, with their history for « Annuler »."""

    def __init__(self, labels: Sequence[str], present: int | None = None) -> None:
        if not 1 <= len(labels) <= 26:
            raise AtelierError("Un vote porte sur une à vingt-six positions.")
        self.labels = tuple(labels)
        self.letters = tuple(chr(ord("A") + index) for index in range(len(labels)))
        self._tally = Tally((0,) * len(labels), self._read_present(present, 0))
        self._history: list[Tally] = []

    @property
    def tally(self) -> Tally:
        return self._tally

    @property
    def counts(self) -> tuple[int, ...]:
        return self._tally.counts

    @property
    def present(self) -> int | None:
        return self._tally.present

    @property
    def can_undo(self) -> bool:
        return bool(self._history)

    def _index(self, letter: object) -> int:
        if isinstance(letter, str) and letter.strip().upper() in self.letters:
            return self.letters.index(letter.strip().upper())
        names = ", ".join(self.letters)
        raise AtelierError(f"Une position se désigne par sa lettre : {names}.")

    @staticmethod
    def _read_present(value: object, total: int) -> int | None:
        if value is None:
            return None
        present = read_count(value, 0, MAX_PEOPLE, "le nombre de personnes présentes")
        if present < total:
            raise AtelierError(
                f"Il y a déjà {_plural(total, 'main levée', 'mains levées')} : le nombre de "
                f"personnes présentes ne peut pas être plus petit ({present})."
            )
        return present

    def _change(self, tally: Tally) -> Tally:
        if tally != self._tally:
            self._history.append(self._tally)
            self._tally = tally
        return tally

    def set_count(self, letter: object, value: object) -> Tally:
        """Write the number of hands raised for one position."""
        index = self._index(letter)
        count = read_count(value, 0, MAX_PEOPLE, "le nombre de mains levées")
        counts = (*self.counts[:index], count, *self.counts[index + 1 :])
        total = sum(counts)
        if self.present is not None and total > self.present:
            people = _plural(self.present, "personne présente", "personnes présentes")
            raise AtelierError(
                f"Cela ferait {total} voix pour {people} : chaque personne vote une fois au "
                "plus. Recomptez, ou corrigez le nombre de personnes présentes."
            )
        if total > MAX_PEOPLE:
            raise AtelierError(f"Un vote compte au plus {MAX_PEOPLE} voix en tout.")
        return self._change(Tally(counts, self.present))

    def add(self, letter: object) -> Tally:
        """One more hand for a position (the « + » button)."""
        return self.set_count(letter, self.counts[self._index(letter)] + 1)

    def remove(self, letter: object) -> Tally:
        """One hand less for a position (the « − » button); refused at zero."""
        index = self._index(letter)
        if self.counts[index] == 0:
            raise AtelierError(
                f"La position {self.letters[index]} n'a aucune voix : rien à retirer."
            )
        return self.set_count(letter, self.counts[index] - 1)

    def set_present(self, value: object) -> Tally:
        """How many people are in the room (None: not counted)."""
        return self._change(Tally(self.counts, self._read_present(value, self._tally.total)))

    def reset(self) -> Tally:
        """Every count back to zero; the people present are kept, and « Annuler » brings back."""
        return self._change(Tally((0,) * len(self.labels), self.present))

    def undo(self) -> bool:
        """Go back one change; False when there is nothing to undo."""
        if not self._history:
            return False
        self._tally = self._history.pop()
        return True

    def summary(self) -> str:
        """One French sentence a host can read aloud."""
        tally = self._tally
        total = tally.total
        if total == 0:
            if tally.present is None:
                return "Aucune voix comptée pour l'instant."
            people = _plural(tally.present, "personne présente", "personnes présentes")
            return f"Sur {people}, personne n'a encore voté."
        if tally.present is None:
            head = _plural(total, "voix comptée", "voix comptées")
        else:
            voted = "a voté" if total <= 1 else "ont voté"
            people = _plural(tally.present, "personne présente", "personnes présentes")
            head = f"Sur {people}, {total} {voted}"
        best = max(tally.counts)
        leaders = [self.labels[i] for i, count in enumerate(tally.counts) if count == best]
        share = format_percent(best / total, 0)
        votes = f"{best} voix"
        if len(leaders) == 1:
            result = f"« {leaders[0]} » arrive en tête avec {votes} ({share})"
        else:
            names = ", ".join(f"« {name} »" for name in leaders[:-1]) + f" et « {leaders[-1]} »"
            result = f"égalité entre {names}, avec {votes} chacune ({share})"
        abstaining = ""
        if tally.present is not None and tally.present > total:
            abstaining = f" ; {tally.present - total} sans avis"
        return f"{head} : {result}{abstaining}."
