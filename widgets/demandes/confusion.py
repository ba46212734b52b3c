"""Which services the model mixes up, and the words that make it hesitate between two."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.demandes.model import STOP_WORDS, WORD, Evaluation, TrainedModel, normalize


@dataclass(frozen=True)
class ConfusedPair:
    first: str
    second: str
    first_as_second: int
    """Test messages of `first` that the model sent to `second`."""
    second_as_first: int

    @property
    def total(self) -> int:
        return self.first_as_second + self.second_as_first

    @property
    def largest_cell(self) -> tuple[str, str, int]:
        """(real service, predicted service, count) of the bigger of the two cells."""
        if self.first_as_second >= self.second_as_first:
            return self.first, self.second, self.first_as_second
        return self.second, self.first, self.second_as_first


def confused_pairs(evaluation: Evaluation) -> list[ConfusedPair]:
    """Every pair of services, the most confused first (both directions added)."""
    m = evaluation.matrix
    names = evaluation.services
    pairs = [
        ConfusedPair(names[i], names[j], int(m[i, j]), int(m[j, i]))
        for i in range(len(names))
        for j in range(i + 1, len(names))
    ]
    return sorted(pairs, key=lambda pair: -pair.total)


def most_confused_pair(evaluation: Evaluation) -> ConfusedPair:
    return confused_pairs(evaluation)[0]


def shared_words(model: TrainedModel, first: str, second: str, count: int = 5) -> list[str]:
    """Words frequent in the training messages of both services and rare in the others.

    Shown as residents wrote them most often (with accents when they used them).
    """
    per_service = {service: {} for service in model.services}
    spellings: dict[str, dict[str, int]] = {}
    for request in model.train_requests:
        seen = set()
        for token in WORD.findall(request.message):
            key = normalize(token)
            if key in STOP_WORDS or key in seen:
                continue
            seen.add(key)
            counts = per_service[request.service]
            counts[key] = counts.get(key, 0) + 1
            forms = spellings.setdefault(key, {})
            forms[token.lower()] = forms.get(token.lower(), 0) + 1
    sizes = {s: sum(r.service == s for r in model.train_requests) for s in model.services}

    def share(service: str, key: str) -> float:
        return per_service[service].get(key, 0) / sizes[service]

    def specificity(key: str) -> float:
        others = max(share(s, key) for s in model.services if s not in (first, second))
        return min(share(first, key), share(second, key)) - others

    keys = sorted(per_service[first], key=lambda key: (-specificity(key), key))
    keys = [key for key in keys if specificity(key) > 0][:count]
    return [max(sorted(spellings[key]), key=lambda form: spellings[key][form]) for key in keys]
