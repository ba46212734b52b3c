"""`atelier guard`: precision and recall of module 04's personal-data guard, kind by kind.

Runs the guard on the shipped evaluation set (widgets/donnees_personnelles/data)
and prints a French table, then the targets and whether they are met.
"""

from __future__ import annotations

from widgets.donnees_personnelles.cues import kind_label
from widgets.donnees_personnelles.evaluation import TARGETS, Count, meets_targets, score
from widgets.donnees_personnelles.guard import KINDS, STRUCTURED
from widgets.french import format_percent


def _share(value: float | None) -> str:
    return "—" if value is None else format_percent(value, 1)


def _row(name: str, count: Count) -> str:
    return (
        f"| {name} | {count.labelled} | {count.found} | {_share(count.recall)} | "
        f"{_share(count.precision)} |"
    )


def table() -> str:
    scores = score()
    lines = [
        "| type | étiquetées | trouvées | rappel | précision |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [_row(kind_label(kind), scores.by_kind[kind]) for kind in KINDS]
    lines.append(_row("identifiants structurés (ensemble)", scores.total(STRUCTURED)))
    lines.append(_row("tout", scores.total()))
    met = meets_targets(scores)
    wording = {
        "structured_recall": "rappel des identifiants structurés",
        "person_recall": "rappel des noms de personnes",
        "precision": "précision sur l'ensemble",
    }
    lines.append("")
    for key, target in TARGETS.items():
        verdict = "atteint" if met[key] else "NON ATTEINT"
        lines.append(f"- Objectif {wording[key]} ≥ {format_percent(target, 0)} : {verdict}.")
    return "\n".join(lines)


def main() -> int:
    print("Garde-fou des données personnelles (module 04), sur le jeu d'évaluation :\n")
    text = table()
    print(text)
    return 0 if "NON ATTEINT" not in text else 1


if __name__ == "__main__":
    raise SystemExit(main())
