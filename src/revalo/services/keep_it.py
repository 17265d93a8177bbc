"""Keep it: the value model prices each line's best route INCLUDING the trip back, before a
label is issued, and the portal offers a refund without return when bringing it back is
worth less than the threshold (``config/keep_it.toml``).

The unit does not exist yet: it is priced as the value model would price it on arrival at
the return's hub, graded as its reason suggests (a withdrawal comes back as new, a defect
with a major fault, a transit damage with visible wear), having waited no day.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path

from revalo.domain.catalog import Customer, Product, Site
from revalo.domain.errors import InvalidValue
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade, Inspection
from revalo.domain.keep_it import KeepItFigures, KeepItRules, figures
from revalo.domain.returns import ReturnReason, ReturnRequest
from revalo.engines.disposition.explain import score_unit
from revalo.engines.disposition.params import DispositionParams, load_config, load_params
from revalo.engines.transport.carriers import ServiceKind
from revalo.engines.transport.places import Place
from revalo.services.common import found
from revalo.services.decision_inputs import Placed, problem_of
from revalo.services.ports import UnitOfWork
from revalo.services.resale_profit import observed_in
from revalo.services.transport import Item, Transport, choose, shipment_of

_F, _C = FunctionalGrade, CosmeticGrade
#: The grades a unit is expected to come back with, by the reason it is returned.
EXPECTED_GRADES: dict[ReturnReason, tuple[FunctionalGrade, CosmeticGrade]] = {
    ReturnReason.WITHDRAWAL: (_F.A, _C.A),
    ReturnReason.WRONG_ITEM: (_F.A, _C.A),
    ReturnReason.NOT_AS_DESCRIBED: (_F.B, _C.A),
    ReturnReason.DAMAGED_IN_TRANSIT: (_F.B, _C.C),
    ReturnReason.DEFECTIVE: (_F.C, _C.B),
    ReturnReason.WARRANTY_REPAIR: (_F.C, _C.B),
    ReturnReason.END_OF_LEASE: (_F.B, _C.B),
    ReturnReason.OTHER: (_F.B, _C.B),
}


def load_keep_it_rules(path: Path | None = None) -> KeepItRules:
    """The keep-it thresholds from a TOML file; the shipped ones when none is named."""
    if path is None:
        text = resources.files("revalo.config").joinpath("keep_it.toml").read_text("utf-8")
        where = "keep_it.toml (shipped)"
    else:
        text, where = path.read_text(encoding="utf-8"), str(path)
    try:
        return KeepItRules.from_mapping(tomllib.loads(text))
    except tomllib.TOMLDecodeError as exc:
        raise InvalidValue(f"{where}: {exc}") from exc
    except InvalidValue as exc:
        raise InvalidValue(f"{where}: {exc.message}") from exc


@dataclass(frozen=True, slots=True)
class TripBack:
    """The carrier's quote for one unit from the customer to the hub."""

    service: str
    eur: float
    km: float
    co2_kg: float


def trip_back(
    transport: Transport, product: Product, customer: Customer, hub: Site, day: date
) -> TripBack | None:
    """The best carrier service for one unit shipped alone to the hub (None: none can)."""
    shipment = shipment_of([Item.of(product)], Place.of(customer), Place.of(hub), day)
    allowed = [q for q in choose(transport, shipment).quotes if q.allowed]
    carriers = [q for q in allowed if q.kind != ServiceKind.FLEET.value] or allowed
    if not carriers:
        return None
    q = carriers[0]
    return TripBack(q.service_id, q.cost_eur, q.km, q.co2e_kg)


def best_route(
    sites: list[Site],
    product: Product,
    hub: Site,
    reason: ReturnReason,
    transport: Transport,
    params: DispositionParams,
    at: datetime,
    observed: Mapping[tuple[str, str, str], Decimal] | None = None,
) -> tuple[str, float] | None:
    """The value model's best route for a unit of ``product`` arriving at ``hub`` graded as
    ``reason`` suggests: its label and expected net recovery (EUR), or None if none is open.
    ``observed``: the recovery rates learned from the sales, as the engine uses them."""
    functional, cosmetic = EXPECTED_GRADES[reason]
    expected = Inspection(
        unit_id=0,
        operator="keep-it estimate",
        inspected_at=at,
        functional_grade=functional,
        cosmetic_grade=cosmetic,
        duration_s=0,
    )
    problem = problem_of(
        sites,
        [Placed(product, expected, hub.code, 0.0)],
        load_config(),
        transport.legs,
        observed=observed,
    )
    best = score_unit(problem, params, 0).best
    if best is None:
        return None
    return best.label, best.breakdown.net


def price_line(
    uow: UnitOfWork,
    transport: Transport,
    rules: KeepItRules,
    rma: ReturnRequest,
    line_no: int,
    *,
    at: datetime,
    params: DispositionParams | None = None,
    observed: Mapping[tuple[str, str, str], Decimal] | None = None,
) -> KeepItFigures | None:
    """The keep-it figures of one unit of a line of an authorised return (None: keep-it is
    off for its category and country, or no route or no carrier prices it). Call inside an
    open unit of work. ``observed``: the recovery rates learned from the sales, as
    ``price_lines`` reads them."""
    line = rma.line(line_no)
    product = found(uow.products.get(line.sku), f"no product with SKU {line.sku!r}", "sku")
    customer = found(
        uow.customers.get(rma.customer_code), f"no customer with code {rma.customer_code!r}"
    )
    terms = rules.terms_for(product.category, customer.country)
    if not terms.enabled or rma.destination_site is None:
        return None
    hub = found(uow.sites.get(rma.destination_site), f"no site {rma.destination_site!r}", "site")
    trip = trip_back(transport, product, customer, hub, at.date())
    route = best_route(
        list(uow.sites.list()),
        product,
        hub,
        line.reason,
        transport,
        params or load_params(),
        at,
        observed,
    )
    if trip is None or route is None:
        return None
    return figures(
        route=route[0],
        route_net=route[1],
        trip_back=trip.eur,
        km=trip.km,
        co2_kg=trip.co2_kg,
        terms=terms,
    )


def price_lines(
    uow: UnitOfWork,
    transport: Transport,
    rules: KeepItRules,
    rma: ReturnRequest,
    *,
    at: datetime,
    feedback_min_sales: int = 0,
) -> list[KeepItFigures | None]:
    """The keep-it figures of each line of ``rma``, in its order, as ``price_line`` says;
    with the value model's rates learned from ``feedback_min_sales`` sales of a channel,
    category and grade, as the engine's decisions use them (0: off), read once."""
    params = load_params()
    observed = observed_in(uow, feedback_min_sales, params)
    return [
        price_line(uow, transport, rules, rma, ln.line_no, at=at, params=params, observed=observed)
        for ln in rma.lines
    ]
