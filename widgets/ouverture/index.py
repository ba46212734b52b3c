"""The European Open Source AI Index as shipped: dimensions, groups and real ratings.

The ratings are copied from the index's public data (see the header of
`index.toml`); this module only reads and checks them, so a trainer's typo
is reported in French instead of silently drawing a wrong grid.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from widgets.errors import AtelierError

RATINGS = ("open", "partial", "closed")
DIMENSION_COUNT = 14


class OpennessDataError(AtelierError):
    """The data file is wrong, or a learner names a model the table does not hold."""


@dataclass(frozen=True)
class Dimension:
    id: str
    group: str
    label: str
    meaning: str


@dataclass(frozen=True)
class Model:
    id: str
    name: str
    end_model: str
    organisation: str
    country: str
    end_model_licence: str
    source: str
    ratings: dict[str, str]


@dataclass(frozen=True)
class OpennessIndex:
    url: str
    repository: str
    commit: str
    data_date: datetime.date
    licence: str
    doi: str
    rating_labels: dict[str, str]
    groups: dict[str, str]
    dimensions: tuple[Dimension, ...]
    models: tuple[Model, ...]

    def model(self, model_id: object) -> Model:
        """One model by its id; the French error lists the known ids."""
        if isinstance(model_id, str):
            for model in self.models:
                if model.id == model_id:
                    return model
        known = ", ".join(f"« {model.id} »" for model in self.models)
        raise OpennessDataError(f"Le tableau ne contient pas ce modèle. Modèles connus : {known}.")


def parse(text: str) -> OpennessIndex:
    """Read and check the TOML text of the index (14 dimensions, valid ratings)."""
    try:
        data = tomllib.loads(text)
        head = data["index"]
        groups = {group["id"]: group["label"] for group in data["groups"]}
        dimensions = tuple(Dimension(**entry) for entry in data["dimensions"])
        models = tuple(
            Model(**{**entry, "ratings": dict(entry["ratings"])}) for entry in data["models"]
        )
        index = OpennessIndex(
            url=head["url"],
            repository=head["repository"],
            commit=head["commit"],
            data_date=head["data_date"],
            licence=head["licence"],
            doi=head["doi"],
            rating_labels=dict(data["ratings"]),
            groups=groups,
            dimensions=dimensions,
            models=models,
        )
    except tomllib.TOMLDecodeError:
        raise OpennessDataError("Le fichier de l'indice n'est pas du TOML valide.") from None
    except KeyError as error:
        raise OpennessDataError(
            f"Le fichier de l'indice est mal écrit : il manque « {error.args[0]} »."
        ) from None
    except (TypeError, AttributeError, ValueError):
        raise OpennessDataError(
            "Le fichier de l'indice est mal écrit : une entrée a des champs manquants, en trop "
            "ou d'un mauvais type."
        ) from None
    if not isinstance(index.data_date, datetime.date):
        raise OpennessDataError("Le fichier de l'indice est mal écrit : la date est invalide.")
    _check(index)
    return index


def _check(index: OpennessIndex) -> None:
    ids = [dimension.id for dimension in index.dimensions]
    if len(set(ids)) != DIMENSION_COUNT:
        raise OpennessDataError(
            f"L'indice compte {DIMENSION_COUNT} critères distincts ; le fichier en a "
            f"{len(set(ids))}."
        )
    if set(index.rating_labels) != set(RATINGS):
        raise OpennessDataError("Les notes possibles sont « open », « partial » et « closed ».")
    for dimension in index.dimensions:
        if dimension.group not in index.groups:
            raise OpennessDataError(f"Le critère « {dimension.id} » a un groupe inconnu.")
    for model in index.models:
        if set(model.ratings) != set(ids):
            raise OpennessDataError(f"Le modèle « {model.id} » n'est pas noté sur les 14 critères.")
        wrong = sorted(key for key, value in model.ratings.items() if value not in RATINGS)
        if wrong:
            raise OpennessDataError(
                f"Le modèle « {model.id} » a une note inconnue pour : {', '.join(wrong)}."
            )
    if len({model.id for model in index.models}) != len(index.models):
        raise OpennessDataError("Deux modèles ont le même identifiant.")


@cache
def openness_index() -> OpennessIndex:
    """The shipped table, read once from the package."""
    return parse(resources.files("widgets.ouverture").joinpath("index.toml").read_text("utf-8"))
