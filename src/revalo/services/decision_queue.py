"""The flow manager's decision queue: graded units awaiting a route, each with the
engine's proposal, and one unit's explanation (every route ranked, the closed ones with
their rule)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from revalo.domain.catalog import Product
from revalo.domain.inspection import Inspection
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit, UnitState
from revalo.engines.disposition import UnitScore, load_params, score_unit
from revalo.engines.disposition.params import load_config
from revalo.services.clients import client_filter
from revalo.services.common import get_unit
from revalo.services.dashboard import as_of_records
from revalo.services.decision_inputs import (
    Placed,
    awaiting_decision,
    build_inputs,
    days_waited,
    graded_unit,
    problem_of,
)
from revalo.services.guard import reads
from revalo.services.ports import Page, UnitFilter, UnitOfWork
from revalo.services.scoping import client_for, ensure_sees_unit


@dataclass(frozen=True, slots=True)
class Proposal:
    """A unit awaiting a decision with the engine's ranked options (None when it cannot be
    decided now: ``why`` says why, e.g. it is in transit)."""

    unit: ReturnedUnit
    product: Product | None
    inspection: Inspection | None
    days_waited: float
    score: UnitScore | None
    why: str | None


@reads(Permission.VIEW_DECISIONS)
def decision_queue(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    limit: int = 25,
    offset: int = 0,
    config: Path | None = None,
    client_code: str | None = None,
    feedback_min_sales: int = 0,
) -> Page[Proposal]:
    """Graded units awaiting a decision (of one client with ``client_code``), one page,
    each with the engine's proposal scored as of the latest recorded event (with the
    observed prices after ``feedback_min_sales`` sales, as ``build_inputs`` says)."""
    client_code = client_for(by, client_code, Permission.VIEW_DECISIONS)
    params = load_params(config)
    with uow:
        as_of = as_of_records(uow)
        flt = UnitFilter(
            states=frozenset({UnitState.GRADED}),
            site_code=site_code,
            client_code=client_filter(uow, client_code),
        )
        page = uow.units.list(flt, limit=limit, offset=offset)
        ready = [graded_unit(uow, u) for u in page.items if awaiting_decision(u) is None]
        inputs = (
            build_inputs(uow, ready, at=as_of, config=config, feedback_min_sales=feedback_min_sales)
            if ready
            else None
        )
        products = {u.sku: uow.products.get(u.sku) for u in page.items if u.sku}
        latest = {u.id: uow.inspections.latest(u.id) for u in page.items}
    rows = {g.unit.lpn: i for i, g in enumerate(ready)}
    out = []
    for u in page.items:
        row = rows.get(u.lpn)
        score = (
            score_unit(inputs.problem, params, row)
            if inputs is not None and row is not None
            else None
        )
        out.append(
            Proposal(
                unit=u,
                product=products.get(u.sku) if u.sku else None,
                inspection=latest.get(u.id),
                days_waited=days_waited(u, as_of),
                score=score,
                why=awaiting_decision(u),
            )
        )
    return Page(out, page.total)


@reads(Permission.VIEW_DECISIONS)
def unit_explanation(
    uow: UnitOfWork, lpn: str, *, by: User, config: Path | None = None
) -> UnitScore | None:
    """How the engine scores the unit's options now, wherever it is in its life (None when
    it has no product or no inspection yet): the open routes best first with their
    breakdown, the closed ones with the rule that closes them."""
    with uow:
        unit = get_unit(uow, lpn)
        ensure_sees_unit(by, unit, Permission.VIEW_DECISIONS)
        if unit.sku is None:
            return None
        product = uow.products.get(unit.sku)
        inspection = uow.inspections.latest(unit.id)
        if product is None or inspection is None:
            return None
        as_of = as_of_records(uow)
        placed = Placed(product, inspection, unit.site_code, days_waited(unit, as_of))
        problem = problem_of(list(uow.sites.list()), [placed], load_config(config))
    return score_unit(problem, load_params(config), 0)


# -- the network map ---------------------------------------------------------------------------
