"""The cost ledger: a unit's and a return's costs line by line; the analysis of all costs by
stage and any dimensions over a period, with the weeks, the largest costs and the changes;
the units behind a figure; kilometres and CO2e per unit by lane and mode; the exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from starlette.responses import Response

from revalo.adapters.table_files import csv_bytes, xlsx_bytes
from revalo.domain.errors import InvalidValue
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.api.schemas.costs import (
    CostAnalysisPublic,
    JourneysPublic,
    LedgerPublic,
    UnitCostsPublic,
    driver_public,
    journey_public,
    ledger_public,
    row_public,
    travelled_public,
    unit_cost_public,
)
from revalo.entrypoints.api.types import (
    ClientCodeQuery,
    Limit,
    LpnPath,
    Offset,
    ReturnNumberPath,
)
from revalo.services import cost_tables, costs

router = APIRouter(tags=["costs"])

By = Annotated[
    str | None,
    Query(
        max_length=100,
        description="dimensions to group by, comma separated: " + ", ".join(costs.DIMENSIONS),
        examples=["site,reason"],
    ),
]
Where = Annotated[
    list[str],
    Query(
        max_length=14,
        description="keep the lines whose dimension has this value: dimension:value "
        "(repeat for several), e.g. site:HUB-FR",
    ),
]
First = Annotated[date | None, Query(alias="from", description="the period's first day")]
Last = Annotated[date | None, Query(alias="to", description="the period's last day (included)")]
Days = Annotated[
    int | None, Query(ge=1, le=3650, description="without from/to: the days up to the latest")
]
_FILES: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/csv": {},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {},
        },
        "description": "the table as CSV, or every table of the analysis as an Excel workbook",
    }
}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def parse_where(items: list[str]) -> dict[str, str]:
    """``["site:HUB-FR", "stage:repair"]`` as a mapping; a malformed item is refused."""
    out: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition(":")
        if not sep or not name.strip() or not value.strip():
            raise InvalidValue(f"where: {item!r} is not dimension:value", field="where")
        out[name.strip().lower()] = value.strip()
    return out


def _client(code: str | None) -> str | None:
    return code.strip().upper() if code else None


@router.get("/units/{lpn}/costs", dependencies=[need(Permission.VIEW_COSTS)])
def unit_costs(
    lpn: LpnPath, uow: ReadUowDep, user: CurrentUser, limit: Limit = 200, offset: Offset = 0
) -> LedgerPublic:
    """The unit's cost ledger: what it cost by stage and what it brought back, each line with
    the record it comes from (leg, event, inspection, work order, stock move, refund)."""
    return ledger_public(costs.unit_costs(uow, lpn, by=user).ledger, limit, offset)


@router.get("/returns/{number}/costs", dependencies=[need(Permission.VIEW_COSTS)])
def return_costs(
    number: ReturnNumberPath,
    uow: ReadUowDep,
    user: CurrentUser,
    limit: Limit = 200,
    offset: Offset = 0,
) -> LedgerPublic:
    """The return's cost ledger: the lines of each of its units, and its refunds."""
    return ledger_public(costs.return_costs(uow, number, by=user).ledger, limit, offset)


@dataclass(frozen=True, slots=True)
class Asked:
    """What an analysis asks: its grouping, filters, period and client."""

    by: tuple[str, ...]
    where: dict[str, str]
    first: date | None
    last: date | None
    days: int | None
    client_code: str | None


def _asked(
    by: By = None,
    where: Where = [],  # noqa: B006 - FastAPI reads the default, never changes it
    first: First = None,
    last: Last = None,
    days: Days = None,
    client_code: ClientCodeQuery = None,
) -> Asked:
    return Asked(
        costs.parse_dimensions(by), parse_where(where), first, last, days, _client(client_code)
    )


AskedDep = Annotated[Asked, Depends(_asked)]


def _analysis(uow: ReadUowDep, user: CurrentUser, q: Asked) -> costs.CostAnalysis:
    return costs.cost_analysis(
        uow, by=user, group_by=q.by, where=q.where, first=q.first, last=q.last, days=q.days,
        client_code=q.client_code,
    )  # fmt: skip


@router.get("/costs/analysis", dependencies=[need(Permission.VIEW_COSTS)])
def cost_analysis(
    uow: ReadUowDep, user: CurrentUser, asked: AskedDep, limit: Limit = 50, offset: Offset = 0
) -> CostAnalysisPublic:
    """Cost per unit and per stage of the period's ledger lines, grouped by up to three
    dimensions (site, carrier, service, lane, mode, category, reason, client, country,
    route, channel, week, stage, part), with the weeks, the largest costs and what changed
    most from the previous period of the same length."""
    a = _analysis(uow, user, asked)
    return CostAnalysisPublic(
        first_day=a.period.first_day,
        last_day=a.period.last_day,
        previous_first_day=a.previous.first_day,
        by=list(a.by),
        where=a.where,
        total=row_public(a.by, a.total),
        previous_total=row_public(a.by, a.previous_total),
        data=[row_public(a.by, r) for r in a.rows[offset : offset + limit]],
        count=len(a.rows),
        weeks=[row_public(("week",), w) for w in a.weeks],
        drivers=[driver_public(d) for d in a.drivers],
        changes=[driver_public(d) for d in a.movers],
    )


@router.get("/costs/units", dependencies=[need(Permission.VIEW_COSTS)])
def units_behind(
    uow: ReadUowDep, user: CurrentUser, asked: AskedDep, limit: Limit = 50, offset: Offset = 0
) -> UnitCostsPublic:
    """The units behind a figure: those with lines of the period that have the values of
    ``where``, the costliest first (``by`` is not read)."""
    q = asked
    page = costs.units_behind(
        uow, by=user, where=q.where, first=q.first, last=q.last, days=q.days,
        client_code=q.client_code, limit=limit, offset=offset,
    )  # fmt: skip
    return UnitCostsPublic(data=[unit_cost_public(u) for u in page.items], count=page.total)


@router.get("/costs/journeys", dependencies=[need(Permission.VIEW_COSTS)])
def journeys(
    uow: ReadUowDep,
    user: CurrentUser,
    by: Annotated[
        str, Query(max_length=60, description="lane, mode, carrier, service (comma separated)")
    ] = "lane,mode",
    first: First = None,
    last: Last = None,
    days: Days = None,
    client_code: ClientCodeQuery = None,
    km_over: Annotated[float, Query(ge=0, le=100_000)] = 1_000.0,
    legs_over: Annotated[int, Query(ge=0, le=100)] = 3,
    limit: Limit = 50,
    offset: Offset = 0,
) -> JourneysPublic:
    """Km and kg CO2e per unit by lane and mode (or carrier, service) and by week, and the
    units that travelled more than ``km_over`` km or were shipped more than ``legs_over``
    times."""
    j = costs.journeys(
        uow, by=user, group_by=costs.parse_dimensions(by), first=first, last=last, days=days,
        client_code=_client(client_code), km_over=km_over, legs_over=legs_over,
    )  # fmt: skip
    return JourneysPublic(
        first_day=j.period.first_day,
        last_day=j.period.last_day,
        by=list(j.by),
        data=[journey_public(j.by, r) for r in j.rows[offset : offset + limit]],
        count=len(j.rows),
        weeks=[journey_public(("week",), w) for w in j.weeks],
        travelled=travelled_public(j.travelled),
    )


@router.get(
    "/costs/export",
    dependencies=[need(Permission.VIEW_COSTS)],
    response_class=Response,
    responses=_FILES,
)
def export_costs(
    uow: ReadUowDep,
    user: CurrentUser,
    asked: AskedDep,
    table: Annotated[
        str, Query(pattern="^(groups|weeks|drivers|changes)$", description="the CSV's table")
    ] = "groups",
    file: Annotated[str, Query(alias="format", pattern="^(csv|xlsx)$")] = "csv",
) -> Response:
    """The analysis' tables as files: one table as CSV, or all of them (groups, weeks,
    drivers, changes) as an Excel workbook, a sheet each; the same figures as the page's."""
    a = _analysis(uow, user, asked)
    tables = cost_tables.analysis_tables(a)
    name = f"costs-{a.period.first_day.isoformat()}-{a.period.last_day.isoformat()}"
    if file == "xlsx":
        return Response(
            xlsx_bytes(tables),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    chosen = next(t for t in tables if t.name == table)
    return Response(
        csv_bytes(chosen),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}-{table}.csv"'},
    )
