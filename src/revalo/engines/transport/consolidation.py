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

import enum
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.choice import ChoiceParams, ServiceChoice, choose_service
from revalo.engines.transport.distances import DistanceMatrix, DistanceProvider
from revalo.engines.transport.emissions import allocate_by_mass
from revalo.engines.transport.places import Place
from revalo.engines.transport.quote_table import QuoteTable
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.engines.transport.vectorised import ShipmentBatch, quote_pairs

Content = tuple[bool, bool, bool]  # (lithium, bulky, damaged lithium)


def _finite(value: float, name: str, *, positive: bool = False) -> None:
    ok = math.isfinite(value) and (value > 0 if positive else value >= 0)
    if not ok:
        rule = "be positive" if positive else "not be negative"
        raise InvalidValue(f"{name} {value} must {rule}", field=name)


@dataclass(frozen=True, slots=True)
class WaitingUnit:
    """A unit waiting at the hub for its destination.

    Parameters
    ----------
    id
        The unit's licence plate (LPN).
    daily_value_loss_eur
        Value the unit loses for each day it waits (a returned computer loses about 1 % of
        its value a week: Blackburn et al., California Management Review 2004).
    waiting_since
        The day the unit became ready to leave for this destination.
    due
        The last day the unit may leave (a legal or customer deadline); none: no deadline.
    """

    id: str
    weight_kg: float
    volume_m3: float
    daily_value_loss_eur: float
    waiting_since: date
    lithium: bool = False
    bulky: bool = False
    due: date | None = None
    #: A damaged or defective lithium battery (ADR special provision 376).
    damaged_lithium: bool = False

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise InvalidValue("a waiting unit needs its LPN", field="id")
        _finite(self.weight_kg, "weight_kg", positive=True)
        _finite(self.volume_m3, "volume_m3", positive=True)
        _finite(self.daily_value_loss_eur, "daily_value_loss_eur")

    @property
    def content(self) -> Content:
        return (self.lithium or self.damaged_lithium, self.bulky, self.damaged_lithium)


@dataclass(frozen=True, slots=True)
class Lane:
    """From the hub to one destination (not ``carriers.Lane``, which is a pair of countries)."""

    origin: Place
    destination: Place

    def __post_init__(self) -> None:
        if self.origin.code == self.destination.code:
            raise InvalidValue(
                f"lane {self.label} leads nowhere: origin and destination are the same place",
                field="lane",
            )

    @property
    def label(self) -> str:
        return f"{self.origin.code}>{self.destination.code}"


@dataclass(frozen=True, slots=True)
class Inflow:
    """Units expected on the lane in the coming days, as the caller estimates from history.

    Only whole units count: after ``k`` days, ``floor(units_per_day x k)`` more units of the
    mean weight and volume join the load (a plan does not rely on a fraction of a unit).
    Their own value loss is not counted: they wait for some shipment whatever is decided
    today, so only the units here now bear the cost of waiting.
    """

    units_per_day: float = 0.0
    mean_weight_kg: float = 0.0
    mean_volume_m3: float = 0.0
    lithium: bool = False
    bulky: bool = False

    def __post_init__(self) -> None:
        _finite(self.units_per_day, "units_per_day")
        expected = self.units_per_day > 0
        _finite(self.mean_weight_kg, "mean_weight_kg", positive=expected)
        _finite(self.mean_volume_m3, "mean_volume_m3", positive=expected)

    def expected_units(self, days: int) -> int:
        # The small epsilon keeps 0.1 x 30 (2.9999...) from rounding down to 2.
        return math.floor(self.units_per_day * days + 1e-9)


@dataclass(frozen=True, slots=True)
class ConsolidationParams:
    """How the waiting decision is taken.

    Parameters
    ----------
    max_wait_days
        Longest a unit may wait at the hub, counted from ``waiting_since``. Example default
        (a week); set it to the company's policy.
    choice
        Weight on CO2 and emission intensities, as for ``choose_service``. With a CO2
        weight, every comparison is on cost + weight x kg CO2e.
    box_shape
        Proportions (length, width, height) of the box a unit travels in, scaled to the
        unit's volume: each unit is one parcel. The default cube has the shortest longest
        side and the smallest girth for a volume, the kindest shape for parcel size limits;
        (2, 1, 1) is stricter.
    min_saving_eur
        Waiting must save at least this much against shipping now: a margin for the risk
        that the expected units do not come (0: any saving).
    """

    max_wait_days: int = 7
    choice: ChoiceParams = field(default_factory=ChoiceParams)
    box_shape: tuple[float, float, float] = (1.0, 1.0, 1.0)
    min_saving_eur: float = 0.0

    def __post_init__(self) -> None:
        if isinstance(self.max_wait_days, bool) or not isinstance(self.max_wait_days, int):
            raise InvalidValue(
                "max_wait_days must be a whole number of days", field="max_wait_days"
            )
        if self.max_wait_days < 0:
            raise InvalidValue(
                f"max_wait_days {self.max_wait_days} must not be negative", field="max_wait_days"
            )
        if len(self.box_shape) != 3 or not all(math.isfinite(s) and s > 0 for s in self.box_shape):
            raise InvalidValue("box_shape needs three positive proportions", field="box_shape")
        _finite(self.min_saving_eur, "min_saving_eur")

    def parcel(self, weight_kg: float, volume_m3: float) -> Parcel:
        """The box of a unit: ``box_shape`` scaled to ``volume_m3``."""
        a, b, c = self.box_shape
        scale = (volume_m3 * 1_000_000.0 / (a * b * c)) ** (1.0 / 3.0)
        return Parcel(weight_kg, a * scale, b * scale, c * scale)


class ConsolidationAction(enum.StrEnum):
    SHIP_NOW = "ship_now"
    WAIT = "wait"
    #: No service can carry any of the units: nothing to ship, nothing to gain by waiting.
    NO_SERVICE = "no_service"


class PlannedShipment(NamedTuple):
    """Units travelling together and the service chosen for them."""

    unit_ids: tuple[str, ...]
    choice: ServiceChoice


@dataclass(frozen=True, slots=True)
class UnitShare:
    """What one unit bears of its shipment now, by mass: whole cents and grams."""

    unit_id: str
    cost_cents: int
    co2e_g: int

    @property
    def cost_eur(self) -> float:
        return self.cost_cents / 100.0

    @property
    def co2e_kg(self) -> float:
        return self.co2e_g / 1000.0


@dataclass(frozen=True, slots=True)
class ConsolidationDecision:
    """Ship now or wait, for one lane, with the figures behind it.

    ``shipments``, ``cost_now_eur``, ``co2e_now_kg`` and ``shares`` describe shipping now,
    also when the action is to wait (what shipping today would cost). ``best_wait_days`` and
    ``best_wait_cost_eur`` are the cheapest waiting option looked at (none: waiting was not
    possible or brings no unit), its cost being the expected share of transport of the units
    here plus their value loss. ``unshippable`` lists units no service can carry, with why.
    """

    lane: Lane
    action: ConsolidationAction
    wait_days: int
    shipments: tuple[PlannedShipment, ...]
    cost_now_eur: float
    co2e_now_kg: float
    shares: tuple[UnitShare, ...]
    best_wait_days: int | None
    best_wait_cost_eur: float | None
    unshippable: tuple[tuple[str, str], ...]
    reason: str

    def __post_init__(self) -> None:
        if (self.action is ConsolidationAction.WAIT) != (self.wait_days > 0):
            raise ValueError("only a decision to wait has wait days")
        if self.action is ConsolidationAction.WAIT and self.wait_days != self.best_wait_days:
            raise ValueError("a decision to wait waits the best number of days")
        if (self.action is ConsolidationAction.NO_SERVICE) != (not self.shipments):
            raise ValueError("there are shipments unless no service can carry the units")
        if sum(s.cost_cents for s in self.shares) != round(self.cost_now_eur * 100):
            raise ValueError("unit shares must add up to the cost of shipping now")
        if sum(s.co2e_g for s in self.shares) != round(self.co2e_now_kg * 1000):
            raise ValueError("unit shares must add up to the emissions of shipping now")


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
    leg = _Leg(lane, float(matrix.km[0, 0]), float(matrix.hours[0, 0]))
    return _LanePlanner(units, lane, inflow, today, cards, p, leg, table).decide()


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
        leg = _Leg(lane, float(matrix.km[0, j]), float(matrix.hours[0, j]))
        inflow = inflows.get(destination, Inflow())
        planner = _LanePlanner(
            units_by_destination[destination], lane, inflow, today, cards, p, leg, table
        )
        decisions[destination] = planner.decide()
    return decisions


class _Leg:
    """The lane's one distance, measured once, answered to every ``choose_service`` call."""

    def __init__(self, lane: Lane, km: float, hours: float) -> None:
        self.km = km
        self._matrix = DistanceMatrix(
            (lane.origin,), (lane.destination,), np.array([[km]]), np.array([[hours]])
        )

    def matrix(self, origins: Sequence[Place], destinations: Sequence[Place]) -> DistanceMatrix:
        if (
            tuple(origins) != self._matrix.origins
            or tuple(destinations) != self._matrix.destinations
        ):
            raise ValueError("this provider knows the distance of one lane only")
        return self._matrix


@dataclass(frozen=True, slots=True)
class _Group:
    """Units (indices into the shippable units) and expected units in one plan."""

    members: tuple[int, ...]
    expected: int
    together: bool
    score: float  # cost + CO2 weight x CO2 of the whole group
    share: float  # what the units here bear of it
    services: tuple[tuple[str, int], ...]  # (service id, shipments), most used first


@dataclass(frozen=True, slots=True)
class _Plan:
    groups: tuple[_Group, ...]

    @property
    def total(self) -> float:
        return sum(g.score for g in self.groups)

    @property
    def share(self) -> float:
        return sum(g.share for g in self.groups)


@dataclass(frozen=True, slots=True)
class _Wait:
    days: int
    expected: int
    plan: _Plan
    value_loss: float

    @property
    def cost(self) -> float:
        return self.plan.share + self.value_loss


class _LanePlanner:
    """Prices groupings of one lane's units, remembering what it has priced."""

    def __init__(
        self,
        units: Sequence[WaitingUnit],
        lane: Lane,
        inflow: Inflow,
        today: date,
        cards: RateCards,
        params: ConsolidationParams,
        leg: _Leg,
        table: QuoteTable,
    ) -> None:
        _check_units(units, lane, today)
        self.lane, self.inflow, self.today, self.cards = lane, inflow, today, cards
        self.params, self.leg, self.table = params, leg, table
        parcels = [params.parcel(u.weight_kg, u.volume_m3) for u in units]
        mean = (
            params.parcel(inflow.mean_weight_kg, inflow.mean_volume_m3)
            if inflow.units_per_day > 0
            else None
        )
        arriving = (inflow.lithium, inflow.bulky, False)
        contents = [u.content for u in units] + ([arriving] if mean else [])
        scores, best = self._one_by_one([*parcels, *([mean] if mean else [])], contents)
        keep = [i for i in range(len(units)) if math.isfinite(scores[i])]
        self.refused = [u for i, u in enumerate(units) if not math.isfinite(scores[i])]
        self.units = [units[i] for i in keep]
        self.parcels = [parcels[i] for i in keep]
        self.alone = [float(scores[i]) for i in keep]
        self.alone_service = [table.service_ids[best[i]] for i in keep]
        self.mean = mean if mean is not None and math.isfinite(scores[-1]) else None
        self.mean_alone = float(scores[-1]) if self.mean else math.inf
        self.mean_service = table.service_ids[best[-1]] if self.mean else ""
        self._together: dict[tuple[tuple[int, ...], int], ServiceChoice] = {}

    # -- pricing -----------------------------------------------------------------------
    def _one_by_one(
        self, parcels: Sequence[Parcel], contents: Sequence[Content]
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]:
        """Best score of each parcel sent on its own (inf: no service carries it)."""
        t, n, s = self.table, len(parcels), len(self.table.service_ids)
        batch = ShipmentBatch(
            origin=np.full(n, t.country_index(self.lane.origin.country), np.int64),
            destination=np.full(n, t.country_index(self.lane.destination.country), np.int64),
            n_parcels=np.ones(n, np.int64),
            parcel_kg=np.array([x.weight_kg for x in parcels]),
            parcel_m3=np.array([x.volume_m3 for x in parcels]),
            longest_cm=np.array([x.longest_cm for x in parcels]),
            girth_cm=np.array([x.girth_cm for x in parcels]),
            km=np.full(n, self.leg.km),
            lithium=np.array([c[0] for c in contents], bool),
            bulky=np.array([c[1] for c in contents], bool),
            damaged_lithium=np.array([c[2] for c in contents], bool),
        )
        q = quote_pairs(t, batch.take(np.repeat(np.arange(n), s)), np.tile(np.arange(s), n))
        w = self.params.choice.co2_eur_per_kg
        score = np.where(q.allowed, q.cost_eur + w * np.nan_to_num(q.co2e_kg), np.inf)
        score = score.reshape(n, s)
        best = score.argmin(axis=1)
        return score[np.arange(n), best], best

    def shipment(self, members: Sequence[int], expected: int) -> Shipment:
        parcels = [self.parcels[i] for i in members]
        if expected:
            assert self.mean is not None
            parcels += [self.mean] * expected
        units = [self.units[i] for i in members]
        return Shipment(
            self.lane.origin,
            self.lane.destination,
            tuple(parcels),
            self.today,
            lithium=any(u.content[0] for u in units) or (expected > 0 and self.inflow.lithium),
            bulky=any(u.bulky for u in units) or (expected > 0 and self.inflow.bulky),
            damaged_lithium=any(u.damaged_lithium for u in units),
        )

    def together(self, members: tuple[int, ...], expected: int) -> ServiceChoice:
        key = (members, expected)
        if key not in self._together:
            shipment = self.shipment(members, expected)
            self._together[key] = choose_service(shipment, self.cards, self.leg, self.params.choice)
        return self._together[key]

    def score(self, choice: ServiceChoice) -> float:
        return math.inf if choice.chosen is None else self.params.choice.score(choice.chosen)

    # -- groupings ---------------------------------------------------------------------
    def groups(self, members: tuple[int, ...], expected: int) -> list[_Group]:
        """The group sent one by one, and (two or more units) the group sent together."""
        here = sum(self.alone[i] for i in members)
        score = here + (expected * self.mean_alone if expected else 0.0)
        ids = [self.alone_service[i] for i in members] + [self.mean_service] * expected
        options = [_Group(members, expected, False, score, here, _count(ids))]
        if len(members) + expected >= 2:
            choice = self.together(members, expected)
            total = self.score(choice)
            mass = sum(self.units[i].weight_kg for i in members)
            share = total * mass / (mass + expected * self.inflow.mean_weight_kg) if mass else 0.0
            sid = choice.chosen.service_id if choice.chosen else "no service"
            options.append(_Group(members, expected, True, total, share, ((sid, 1),)))
        return options

    def plan(self, expected: int) -> _Plan:
        """Cheapest grouping of the units here plus ``expected`` more units."""
        classes: dict[Content, list[int]] = {}
        for i, u in enumerate(self.units):
            classes.setdefault(u.content, []).append(i)
        arriving = (self.inflow.lithium, self.inflow.bulky, False)
        if expected:
            classes.setdefault(arriving, [])
        by_content = _Plan(
            tuple(
                min(self.groups(tuple(m), expected if c == arriving else 0), key=_by_score)
                for c, m in classes.items()
            )
        )
        if len(classes) == 1:
            return by_content
        everything = tuple(range(len(self.units)))
        mixed = [g for g in self.groups(everything, expected) if g.together]
        return min([by_content, _Plan((mixed[0],))], key=lambda p: p.total)

    # -- decision ----------------------------------------------------------------------
    def decide(self) -> ConsolidationDecision:
        refused = tuple((u.id, self._refusal(u)) for u in self.refused)
        if not self.units:
            why = f"no service can carry any of the {len(refused)} units: {refused[0][1]}"
            return ConsolidationDecision(
                lane=self.lane,
                action=ConsolidationAction.NO_SERVICE,
                wait_days=0,
                shipments=(),
                cost_now_eur=0.0,
                co2e_now_kg=0.0,
                shares=(),
                best_wait_days=None,
                best_wait_cost_eur=None,
                unshippable=refused,
                reason=why,
            )
        now = self.plan(0)
        shipments, now = self._shipments(now)
        shares = _shares(shipments, {u.id: u.weight_kg for u in self.units})
        cost = sum(s.cost_cents for s in shares) / 100.0
        co2 = sum(s.co2e_g for s in shares) / 1000.0
        # The cost as billed to the units (whole cents), plus the CO2 price if there is one.
        now_score = cost + self.params.choice.co2_eur_per_kg * co2
        horizon, forced = self._horizon()
        best = self._best_wait(horizon) if forced is None else None
        waits = best is not None and best.cost < now_score - self.params.min_saving_eur
        now_text = f"{_describe(now)}, {cost:.2f} EUR"
        if forced is not None:
            reason = f"ship now ({now_text}): {forced}"
        elif best is not None and waits:
            reason = self._wait_reason(best, now_score) + f"; shipping now: {now_text}"
        else:
            reason = f"ship now ({now_text}): {self._stay_reason(best, horizon, now_score)}"
        return ConsolidationDecision(
            lane=self.lane,
            action=ConsolidationAction.WAIT if waits else ConsolidationAction.SHIP_NOW,
            wait_days=best.days if best is not None and waits else 0,
            shipments=shipments,
            cost_now_eur=cost,
            co2e_now_kg=co2,
            shares=shares,
            best_wait_days=None if best is None else best.days,
            best_wait_cost_eur=None if best is None else best.cost,
            unshippable=refused,
            reason=reason + (f"; {len(refused)} unit(s) no service can carry" if refused else ""),
        )

    def _refusal(self, unit: WaitingUnit) -> str:
        alone = Shipment(
            self.lane.origin,
            self.lane.destination,
            (self.params.parcel(unit.weight_kg, unit.volume_m3),),
            self.today,
            lithium=unit.content[0],
            bulky=unit.bulky,
            damaged_lithium=unit.damaged_lithium,
        )
        return choose_service(alone, self.cards, self.leg, self.params.choice).reason

    def _shipments(self, plan: _Plan) -> tuple[tuple[PlannedShipment, ...], _Plan]:
        """Today's shipments with their chosen services, and the plan named after them."""
        out: list[PlannedShipment] = []
        groups: list[_Group] = []
        alone: dict[tuple[Parcel, Content], ServiceChoice] = {}
        for g in plan.groups:
            if g.together:
                ids = tuple(self.units[i].id for i in g.members)
                out.append(PlannedShipment(ids, self.together(g.members, 0)))
                groups.append(g)
                continue
            first = len(out)
            for i in g.members:
                key = (self.parcels[i], self.units[i].content)
                if key not in alone:  # identical units, identical choice
                    shipment = self.shipment((i,), 0)
                    alone[key] = choose_service(shipment, self.cards, self.leg, self.params.choice)
                out.append(PlannedShipment((self.units[i].id,), alone[key]))
            chosen = [s.choice.chosen.service_id for s in out[first:] if s.choice.chosen]
            groups.append(_Group(g.members, 0, False, g.score, g.share, _count(chosen)))
        return tuple(out), _Plan(tuple(groups))

    def _horizon(self) -> tuple[int, str | None]:
        """Days the lane may wait, or why it must ship today."""
        limit = timedelta(days=self.params.max_wait_days)

        def last_day(u: WaitingUnit) -> date:
            latest = u.waiting_since + limit
            return latest if u.due is None else min(latest, u.due)

        first = min(self.units, key=last_day)
        days = (last_day(first) - self.today).days
        if days > 0:
            return days, None
        others = sum(last_day(u) <= self.today for u in self.units) - 1
        more = f" (and {others} more unit(s))" if others else ""
        if first.due is not None and first.due <= first.waiting_since + limit:
            return 0, f"{first.id} must leave by {first.due.isoformat()}, its due date{more}"
        waited = (self.today - first.waiting_since).days
        return 0, (
            f"{first.id} has waited {waited} days, the longest allowed is "
            f"{self.params.max_wait_days}{more}"
        )

    def _best_wait(self, horizon: int) -> _Wait | None:
        if self.mean is None:
            return None
        loss = sum(u.daily_value_loss_eur for u in self.units)
        best: _Wait | None = None
        previous = 0
        for k in range(1, horizon + 1):
            expected = self.inflow.expected_units(k)
            if expected == previous:
                continue  # no new unit: the same load, one more day of value lost
            previous = expected
            if best is not None and loss * k >= best.cost:
                break  # the loss alone already exceeds the best wait, and only grows
            wait = _Wait(k, expected, self.plan(expected), loss * k)
            if math.isfinite(wait.cost) and (best is None or wait.cost < best.cost):
                best = wait
        return best

    def _wait_reason(self, best: _Wait, now_score: float) -> str:
        saving = now_score - best.plan.share
        return (
            f"wait {_days(best.days)}: about {best.expected} more unit(s) expected, then "
            f"{_describe(best.plan)}; the {len(self.units)} unit(s) here would pay "
            f"{best.plan.share:.2f} EUR{self._co2_note()} instead of {now_score:.2f} EUR now, "
            f"saving {saving:.2f} EUR against {best.value_loss:.2f} EUR of value loss"
        )

    def _stay_reason(self, best: _Wait | None, horizon: int, now_score: float) -> str:
        if best is None:
            if self.inflow.units_per_day > 0 and self.mean is None:
                return "no service could carry the expected units, so waiting fills no load"
            rate = f"{self.inflow.units_per_day:g}"
            return f"no further unit is expected within {_days(horizon)} (inflow {rate} a day)"
        saving = now_score - best.plan.share
        waiting = f"waiting {_days(best.days)} (about {best.expected} more unit(s))"
        if saving <= 0:
            return (
                f"{waiting} would not lower their transport cost ({best.plan.share:.2f} EUR "
                f"against {now_score:.2f} EUR now{self._co2_note()})"
            )
        net = saving - best.value_loss
        if net > 0:
            return (
                f"{waiting} would save only {net:.2f} EUR net, less than the "
                f"{self.params.min_saving_eur:.2f} EUR margin"
            )
        return (
            f"{waiting} would save {saving:.2f} EUR of transport{self._co2_note()} against "
            f"{best.value_loss:.2f} EUR of value loss"
        )

    def _co2_note(self) -> str:
        w = self.params.choice.co2_eur_per_kg
        return f" (cost + CO2 at {w:g} EUR/kg)" if w else ""


def _by_score(g: _Group) -> float:
    return g.score


def _check_units(units: Sequence[WaitingUnit], lane: Lane, today: date) -> None:
    if not units:
        raise InvalidValue(f"lane {lane.label} has no waiting unit", field="units")
    seen: set[str] = set()
    for u in units:
        if u.id in seen:
            raise InvalidValue(f"unit {u.id} is listed twice on lane {lane.label}", field="id")
        seen.add(u.id)
        if u.waiting_since > today:
            raise InvalidValue(
                f"unit {u.id} waits since {u.waiting_since.isoformat()}, after today "
                f"({today.isoformat()})",
                field="waiting_since",
            )


def _shares(
    shipments: Sequence[PlannedShipment], mass: Mapping[str, float]
) -> tuple[UnitShare, ...]:
    """Each shipment's cost (cents) and CO2 (grams) shared among its units by mass."""
    out: list[UnitShare] = []
    for ids, choice in shipments:
        assert choice.chosen is not None
        masses = [mass[i] for i in ids]
        cents = allocate_by_mass(round(choice.chosen.cost_eur * 100), masses)
        grams = allocate_by_mass(round(choice.chosen.co2e_kg * 1000), masses)
        out += [UnitShare(i, c, g) for i, c, g in zip(ids, cents, grams, strict=True)]
    return tuple(out)


def _count(service_ids: Sequence[str]) -> tuple[tuple[str, int], ...]:
    return tuple(Counter(service_ids).most_common())


def _describe(plan: _Plan) -> str:
    parts = []
    for g in plan.groups:
        n = len(g.members) + g.expected
        units = f"{n} unit{'s' if n != 1 else ''}"
        if g.together:
            parts.append(f"{units} together by {g.services[0][0]}")
        elif len(g.services) == 1:
            alone = "on its own" if n == 1 else "one by one"
            parts.append(f"{units} {alone} by {g.services[0][0]}")
        else:
            by = ", ".join(f"{c} by {sid}" for sid, c in g.services)
            parts.append(f"{units} one by one ({by})")
    return " + ".join(parts)


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"
