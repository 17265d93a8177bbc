"""Consolidation at a hub: ship the units waiting for one destination now, or wait for more.

Units waiting at a hub for the same destination (a repair centre, a recycler, an outlet) can
go one by one, all together in one shipment (where pallet, truck and own-fleet services
compete with parcels), or split by content: lithium batteries and bulky items only travel
with services that accept them, so a mixed load may cost less as two shipments. Waiting
``k`` days adds the expected inflow to the load, which can make a pallet or a truck cheaper
per unit; the units here then carry their mass share of that load plus ``k`` days of their
value loss. Whichever costs the units here less wins.

Every shipment is priced by ``choice.choose_service`` (the restrictions and prices of
``pricing``); units shipped one by one are screened in bulk by ``vectorised.quote_pairs``,
which gives the same figures, and only the shipments decided on are chosen one by one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.consolidation_model import (
    ConsolidationAction,
    ConsolidationDecision,
    ConsolidationParams,
    Content,
    Inflow,
    Lane,
    PlannedShipment,
    UnitShare,
    WaitingUnit,
)
from revalo.engines.transport.consolidation_planner import LanePlanner, Leg
from revalo.engines.transport.distances import DistanceProvider
from revalo.engines.transport.places import Place
from revalo.engines.transport.quote_table import QuoteTable


def plan_lane(
    units: Sequence[WaitingUnit],
    lane: Lane,
    inflow: Inflow,
    today: date,
    cards: RateCards,
    distances: DistanceProvider,
    params: ConsolidationParams | None = None,
) -> ConsolidationDecision:
    """Decide whether the units waiting on ``lane`` leave today, and how they are grouped.

    Shipping now: the cheapest of every unit on its own, all units in one shipment, or one
    group per content (lithium, bulky) each either together or one by one. Waiting ``k``
    days (up to ``max_wait_days``, and no later than any unit's due date or longest wait):
    the load grows by the expected inflow and is grouped the cheapest way again; the units
    here bear their mass share of each shipment they travel in plus ``k`` days of value loss.
    The lane waits when the best of these costs less than shipping now (by at least
    ``min_saving_eur``).

    Parameters
    ----------
    units
        The units waiting at ``lane.origin`` for ``lane.destination`` (at least one).
    lane
        The hub and the destination.
    inflow
        Units expected on the lane in the coming days.
    today
        The day of the decision; shipments are ready today.
    cards
        Services and rate cards (``load_transport_config().rate_cards``).
    distances
        Road distance provider, asked once for the lane.
    params
        Longest wait, CO2 weight, box shape, saving margin.

    Returns
    -------
    ConsolidationDecision
        The action, the shipments of today's grouping with their chosen services, per-unit
        cost and CO2, the best waiting option and the reason in words.
    """
    p = params or ConsolidationParams()
    matrix = distances.matrix([lane.origin], [lane.destination])
    table = QuoteTable.compile(
        cards, sorted({lane.origin.country, lane.destination.country}), p.choice.intensities
    )
    leg = Leg(lane, float(matrix.km[0, 0]), float(matrix.hours[0, 0]))
    return LanePlanner(units, lane, inflow, today, cards, p, leg, table).decide()


def plan_hub(
    hub: Place,
    units_by_destination: Mapping[Place, Sequence[WaitingUnit]],
    inflows: Mapping[Place, Inflow],
    today: date,
    cards: RateCards,
    distances: DistanceProvider,
    params: ConsolidationParams | None = None,
) -> dict[Place, ConsolidationDecision]:
    """``plan_lane`` for every destination served from ``hub``.

    Distances are asked in one matrix and the rate cards compiled once for all lanes.

    Parameters
    ----------
    hub
        Where the units wait.
    units_by_destination
        The waiting units of each destination (each list at least one unit).
    inflows
        Expected inflow per destination; a destination not listed expects none.
    today, cards, distances, params
        As for ``plan_lane``.

    Returns
    -------
    dict[Place, ConsolidationDecision]
        One decision per destination, in the order given.
    """
    p = params or ConsolidationParams()
    destinations = list(units_by_destination)
    if not destinations:
        return {}
    matrix = distances.matrix([hub], destinations)
    countries = sorted({hub.country, *(d.country for d in destinations)})
    table = QuoteTable.compile(cards, countries, p.choice.intensities)
    decisions: dict[Place, ConsolidationDecision] = {}
    for j, destination in enumerate(destinations):
        lane = Lane(hub, destination)
        leg = Leg(lane, float(matrix.km[0, j]), float(matrix.hours[0, j]))
        inflow = inflows.get(destination, Inflow())
        planner = LanePlanner(
            units_by_destination[destination], lane, inflow, today, cards, p, leg, table
        )
        decisions[destination] = planner.decide()
    return decisions


__all__ = [
    "ConsolidationAction",
    "ConsolidationDecision",
    "ConsolidationParams",
    "Content",
    "Inflow",
    "Lane",
    "PlannedShipment",
    "UnitShare",
    "WaitingUnit",
    "plan_hub",
    "plan_lane",
]
