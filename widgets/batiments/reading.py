"""Reading an error in kWh: what it means for one building of the data set.

An average error of N kWh per year says little on its own. Compared with the
yearly use of the average building of a type, and turned into euros at the
data set's average price, it becomes something a council can weigh. All the
reference figures come from the fictional data set itself. Plain Python: no
Jupyter.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

from widgets.batiments.table import BuildingTable
from widgets.errors import AtelierError
from widgets.french import format_euros, format_number, format_percent

MAX_ERROR_KWH = 1e9  # far beyond the yearly use of any building of the data set

PLURALS = {
    "école": "écoles",
    "crèche": "crèches",
    "gymnase": "gymnases",
    "mairie": "mairies",
    "salle polyvalente": "salles polyvalentes",
    "bibliothèque": "bibliothèques",
    "ateliers municipaux": "ateliers municipaux",
}
"""The French plural of each type of building."""


@dataclass(frozen=True)
class ErrorReading:
    """An error set against the yearly use of the average building of a type."""

    error_kwh: float
    building_type: str
    type_mean_kwh: float
    price_per_kwh: float

    @property
    def share(self) -> float:
        """The error as a share of the average use of that type (0.10 = 10 %)."""
        return self.error_kwh / self.type_mean_kwh

    @property
    def euros(self) -> float:
        return self.error_kwh * self.price_per_kwh

    def sentence(self) -> str:
        """The reading in plain French."""
        buildings = PLURALS.get(self.building_type, self.building_type)
        return (
            f"Une erreur moyenne de {format_number(self.error_kwh)} kWh par an, c'est environ "
            f"{format_percent(self.share, 0)} de la consommation moyenne des {buildings} "
            f"du jeu de données ({format_number(self.type_mean_kwh)} kWh par an). "
            f"Au prix moyen du jeu de données ({format_euros(self.price_per_kwh)} le kWh), "
            f"cela fait environ {format_euros(self.euros, 0)} par an sur la facture estimée."
        )


def read_error_kwh(value: object) -> float:
    """A finite error in kWh, from 0 to MAX_ERROR_KWH, or a French AtelierError."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AtelierError("L'erreur doit être un nombre de kWh, par exemple 15000.")
    # Compared as given, converted to float last: float() of a huge int overflows.
    if value != value or value in (math.inf, -math.inf):
        raise AtelierError("L'erreur doit être un nombre de kWh fini (ni « nan » ni l'infini).")
    if value < 0:
        raise AtelierError(
            "Une erreur moyenne se compte sans signe : donnez un nombre de kWh positif."
        )
    if value > MAX_ERROR_KWH:
        raise AtelierError(
            "Ce nombre dépasse de loin la consommation de tous les bâtiments du jeu de "
            "données : vérifiez le nombre de zéros."
        )
    return float(value)


def read_error(error_kwh: object, building_type: object, table: BuildingTable) -> ErrorReading:
    """Set an error against the average building of a type; French AtelierError on bad input."""
    error = read_error_kwh(error_kwh)
    known = table.building_types()
    if not isinstance(building_type, str) or building_type not in known:
        raise AtelierError(f"Choisissez un type de bâtiment parmi : {', '.join(known)}.")
    return ErrorReading(
        error_kwh=error,
        building_type=str(building_type),
        type_mean_kwh=table.mean_kwh(str(building_type)),
        price_per_kwh=table.mean_price(),
    )


def reading_for_every_type(error_kwh: object, table: BuildingTable) -> list[ErrorReading]:
    """The same error against each type of building, from the largest share to the smallest."""
    readings = [read_error(error_kwh, kind, table) for kind in table.building_types()]
    return sorted(readings, key=lambda reading: -reading.share)
