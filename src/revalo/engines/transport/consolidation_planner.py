"""How one lane's decision is found: every grouping of the units here now, and of the load
one to ``max_wait_days`` days later, priced and compared (see ``consolidation``)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from revalo.domain.errors import InvalidValue
from revalo.engines.transport.carriers import RateCards
from revalo.engines.transport.choice import ServiceChoice, choose_service
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
from revalo.engines.transport.distances import DistanceMatrix
from revalo.engines.transport.emissions import allocate_by_mass
from revalo.engines.transport.places import Place
from revalo.engines.transport.quote_table import QuoteTable
from revalo.engines.transport.shipment import Parcel, Shipment
from revalo.engines.transport.vectorised import ShipmentBatch, quote_pairs


class Leg:
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


class LanePlanner:
    """Prices groupings of one lane's units, remembering what it has priced."""

    def __init__(
        self,
        units: Sequence[WaitingUnit],
        lane: Lane,
        inflow: Inflow,
        today: date,
        cards: RateCards,
        params: ConsolidationParams,
        leg: Leg,
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
