"""Keep it: a refund without return when bringing the item back destroys value.

Before a label is issued, the value model prices the item's best route at the hub; the trip
back (the carrier's quote from the customer to the hub) and the processing at the hub
(receiving, inspecting, grading) come off it. When what is left is below the threshold of
the item's category and the customer's country, the customer is offered to keep the item
(or give it away) and is refunded all the same; the figures are recorded on the line.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from revalo.domain.errors import InvalidValue

CENT = Decimal("0.01")


class KeepChoice(enum.StrEnum):
    KEEP = "keep"
    GIVE_AWAY = "give_away"


@dataclass(frozen=True, slots=True)
class KeepItTerms:
    #: Below this expected net recovery after the trip back (EUR), keep-it is offered.
    threshold_eur: Decimal = Decimal("5")
    #: Receiving, inspecting and grading one unit at the hub (EUR).
    processing_eur: Decimal = Decimal("6")
    #: Whether keep-it is offered at all for the category and country.
    enabled: bool = True


def _amount(raw: Any, where: str, name: str) -> Decimal:
    try:
        value = Decimal(str(raw))
    except ArithmeticError:
        value = Decimal("NaN")
    if isinstance(raw, bool) or not value.is_finite():
        raise InvalidValue(f"{where}: {name} must be an amount in EUR, not {raw!r}", field=name)
    return value


@dataclass(frozen=True)
class KeepItRules:
    """The terms by category and country; the most specific rule wins ("*": any)."""

    default: KeepItTerms = KeepItTerms()
    rules: tuple[tuple[str, str, KeepItTerms], ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> KeepItRules:
        def terms(base: KeepItTerms, raw: Mapping[str, Any], where: str) -> KeepItTerms:
            unknown = set(raw) - {"threshold_eur", "processing_eur", "enabled"}
            unknown -= {"category", "country"}
            if unknown:
                raise InvalidValue(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
            out = base
            if "threshold_eur" in raw:
                out = replace(
                    out, threshold_eur=_amount(raw["threshold_eur"], where, "threshold_eur")
                )
            if "processing_eur" in raw:
                amount = _amount(raw["processing_eur"], where, "processing_eur")
                out = replace(out, processing_eur=amount)
            if out.processing_eur < 0:
                raise InvalidValue(f"{where}: processing_eur must be >= 0", field="processing_eur")
            if "enabled" in raw:
                if not isinstance(raw["enabled"], bool):
                    raise InvalidValue(f"{where}: enabled must be true or false", field="enabled")
                out = replace(out, enabled=raw["enabled"])
            return out

        default = terms(KeepItTerms(), data.get("default", {}), "[default]")
        rules = []
        for i, raw in enumerate(data.get("rule", []), start=1):
            where = f"[[rule]] number {i}"
            if "category" not in raw or "country" not in raw:
                raise InvalidValue(f"{where}: needs both category and country")
            rules.append(
                (
                    str(raw["category"]).lower(),
                    str(raw["country"]).upper(),
                    terms(default, raw, where),
                )
            )
        return cls(default, tuple(rules))

    def terms_for(self, category: str, country: str) -> KeepItTerms:
        best: tuple[int, KeepItTerms] | None = None
        for cat, ctry, t in self.rules:
            if cat in ("*", category) and ctry in ("*", country):
                rank = (cat != "*") * 2 + (ctry != "*")
                if best is None or rank > best[0]:
                    best = (rank, t)
        return self.default if best is None else best[1]


@dataclass(frozen=True, slots=True)
class KeepItFigures:
    """Why keep-it was offered or not, for one unit of a return line (EUR, km, kg CO2e)."""

    route: str
    route_net_eur: Decimal
    trip_back_eur: Decimal
    processing_eur: Decimal
    threshold_eur: Decimal
    trip_back_km: Decimal
    trip_back_co2_kg: Decimal

    @property
    def net_after_eur(self) -> Decimal:
        """What bringing the unit back is expected to recover, all costs counted."""
        return self.route_net_eur - self.trip_back_eur - self.processing_eur

    @property
    def offered(self) -> bool:
        return self.net_after_eur < self.threshold_eur

    @property
    def saved_eur(self) -> Decimal:
        """What keeping the unit saves against bringing it back (negative: the recovery
        given up for the sake of the customer and the trip)."""
        return -self.net_after_eur

    def explain(self) -> str:
        verdict = "below" if self.offered else "not below"
        return (
            f"{self.route}: {self.route_net_eur} EUR - trip back {self.trip_back_eur} EUR - "
            f"processing {self.processing_eur} EUR = {self.net_after_eur} EUR, {verdict} the "
            f"threshold of {self.threshold_eur} EUR"
        )


def figures(
    *,
    route: str,
    route_net: float | Decimal,
    trip_back: float | Decimal,
    km: float | Decimal,
    co2_kg: float | Decimal,
    terms: KeepItTerms,
) -> KeepItFigures:
    """The figures of one unit, in cents (kilometres and kilograms to two decimals)."""

    def q(x: float | Decimal) -> Decimal:
        return Decimal(str(x)).quantize(CENT)

    return KeepItFigures(
        route=route,
        route_net_eur=q(route_net),
        trip_back_eur=q(trip_back),
        processing_eur=terms.processing_eur.quantize(CENT),
        threshold_eur=terms.threshold_eur.quantize(CENT),
        trip_back_km=q(km),
        trip_back_co2_kg=q(co2_kg),
    )
