"""Best service for one shipment: every allowed service priced, the choice explained."""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.distances import DistanceProvider, road_km
from revalo.engines.transport.emissions import DESNZ_2025, Intensity
from revalo.engines.transport.pricing import Quote, quote
from revalo.engines.transport.shipment import Shipment


@dataclass(frozen=True, slots=True)
class ChoiceParams:
    """How services are compared.

    Parameters
    ----------
    co2_eur_per_kg
        Price put on each kg CO2e when ranking (0: cost only). A carbon price such as the EU
        ETS allowance price (tens of EUR per tonne, i.e. a few cents per kg) is a fair start.
    intensities
        Emission intensity per vehicle type.
    """

    co2_eur_per_kg: float = 0.0
    intensities: Mapping[str, Intensity] = field(default_factory=lambda: dict(DESNZ_2025))

    def __post_init__(self) -> None:
        if not self.co2_eur_per_kg >= 0:
            raise InvalidValue(
                f"CO2 weight {self.co2_eur_per_kg} EUR/kg must not be negative",
                field="co2_eur_per_kg",
            )

    def score(self, q: Quote) -> float:
        return q.cost_eur + self.co2_eur_per_kg * q.co2e_kg


class ChoiceStatus(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    NO_SERVICE = "no_service"


@dataclass(frozen=True, slots=True)
class ServiceChoice:
    """All quotes, best first, with the one chosen and why.

    Order: services arriving in time by score; then late ones by arrival day and score; then
    services that cannot carry the shipment, with their reasons.
    """

    status: ChoiceStatus
    chosen: Quote | None
    quotes: tuple[Quote, ...]
    reason: str

    def __post_init__(self) -> None:
        if (self.chosen is None) != (self.status is ChoiceStatus.NO_SERVICE):
            raise ValueError("a choice has a chosen quote unless no service can carry it")
        if self.chosen is not None and self.quotes[0] != self.chosen:
            raise ValueError("the chosen quote must rank first")


def choose_service(
    shipment: Shipment,
    cards: RateCards,
    distances: DistanceProvider,
    params: ChoiceParams | None = None,
) -> ServiceChoice:
    """Price every service for ``shipment`` and choose the best one.

    The cheapest service (cost + CO2 weight x emissions) that arrives by the needed-by date
    wins. When none arrives in time, the earliest arrival wins, cheapest among equals.

    Parameters
    ----------
    shipment
        The parcels, their places, content flags and dates.
    cards
        Services and rate cards (``load_transport_config().rate_cards``).
    distances
        Road distance provider for the leg.
    params
        Weight on CO2 and emission intensities.

    Returns
    -------
    ServiceChoice
        Status, chosen quote, every quote ranked, and the reason in words.
    """
    p = params or ChoiceParams()
    km = road_km(distances, shipment.origin, shipment.destination)
    quotes = [quote(s, shipment, km, p.intensities) for s in cards.services]
    needed = shipment.needed_by
    on_time = sorted(
        (q for q in quotes if q.on_time(needed)), key=lambda q: (p.score(q), q.service_id)
    )
    late = sorted(
        (q for q in quotes if q.allowed and not q.on_time(needed)),
        key=lambda q: (q.lead_time_days, p.score(q), q.service_id),
    )
    refused = [q for q in quotes if not q.allowed]
    ranked = tuple(on_time + late + refused)
    if on_time:
        best = on_time[0]
        by = f" arriving by {needed.isoformat()}" if needed else ""
        reason = f"{_lowest(p)} of {len(on_time)} services{by}: {_describe(best, p)}"
        if len(on_time) > 1:
            reason += f"; next {_describe(on_time[1], p)}"
        if late:
            cheaper = sum(p.score(q) < p.score(best) for q in late)
            reason += f"; {len(late)} would arrive late" + (
                f" ({cheaper} cheaper)" if cheaper else ""
            )
        if refused:
            reason += f"; {len(refused)} cannot carry it"
        return ServiceChoice(ChoiceStatus.ON_TIME, best, ranked, reason)
    if late:
        best = late[0]
        reason = (
            f"no service arrives by {needed}; earliest arrival {best.arrives_on}: "
            f"{_describe(best, p)}"
        )
        return ServiceChoice(ChoiceStatus.LATE, best, ranked, reason)
    reasons = "; ".join(f"{q.service_id} {q.refused}" for q in refused)
    return ServiceChoice(
        ChoiceStatus.NO_SERVICE, None, ranked, f"no service can carry it: {reasons}"
    )


def _lowest(p: ChoiceParams) -> str:
    return "cheapest" if p.co2_eur_per_kg == 0 else "lowest cost + CO2"


def _describe(q: Quote, p: ChoiceParams) -> str:
    text = (
        f"{q.service_id} ({q.carrier}) {q.cost_eur:.2f} EUR, {q.lead_time_days} d, "
        f"{q.co2e_kg:.2f} kg CO2e"
    )
    if p.co2_eur_per_kg and not math.isnan(q.co2e_kg):
        text += f", score {p.score(q):.2f}"
    return text
