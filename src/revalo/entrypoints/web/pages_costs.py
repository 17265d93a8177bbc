"""The costs pages: the analysis of the period by stage and by the dimensions chosen (charts
and tables, the largest costs and the changes, km and CO2e per unit by lane and mode), the
units behind a figure, and a unit's or a return's ledger line by line. The same use cases
and the same tables as the API's and the exports'."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from revalo.domain.costs import COST_STAGES, Flow, eur
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.web import charts
from revalo.entrypoints.web.client_filter import chosen_client
from revalo.entrypoints.web.formats import short_day
from revalo.entrypoints.web.forms import Errors, day, integer, one_of, page_count, page_number
from revalo.entrypoints.web.i18n import Translate, translator, value_label
from revalo.entrypoints.web.pages_cost_targets import targets_context
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.services import cost_tables, costs
from revalo.services.cost_ports import DIMENSIONS

router = APIRouter(route_class=WebRoute, include_in_schema=False)
#: The dimensions offered to group by (stage is always a column).
GROUPS = [d for d in DIMENSIONS if d != "stage"]
PERIODS = ["28", "56", "91", "182", "365"]
PER_PAGE = 25


def _period(q: Mapping[str, str], errors: Errors) -> tuple[date | None, date | None, int]:
    first, last = day(q, "from", errors), day(q, "to", errors)
    days = int(one_of(q, "days", errors, PERIODS, str(costs.DEFAULT_DAYS)))
    if (first is None) != (last is None) and "from" not in errors and "to" not in errors:
        errors.say("to" if first else "from", "costs.both_days")
        first = last = None
    if first and last and last < first:
        errors.say("to", "costs.ends_before")
        first = last = None
    return (first.date() if first else None), (last.date() if last else None), days


def _filters(q: Mapping[str, str]) -> dict[str, str]:
    return {d: str(q[d]).strip()[:80] for d in DIMENSIONS if str(q.get(d, "") or "").strip()}


def _link(path: str, params: Mapping[str, Any]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "")}
    return f"{path}?{urlencode(kept)}" if kept else path


def _weeks_chart(a: costs.CostAnalysis, t: Translate, lang: str) -> Any:
    cats = [
        t("costs.week_of", day=short_day(date.fromisoformat(w.key[0]), lang=lang)) for w in a.weeks
    ]
    series = [
        charts.Series(t("costs.cost"), [float(w.cost) for w in a.weeks], 0),
        charts.Series(t("costs.recovered"), [float(w.recovered) for w in a.weeks], 2),
    ]
    return charts.bar_chart(cats, series, label=t("costs.by_week"), lang=lang, width=1100), series


def _groups_chart(a: costs.CostAnalysis, t: Translate, lang: str) -> Any:
    stages = [s for s in COST_STAGES if s in a.stages]
    rows = [
        (" · ".join(r.key) or t("costs.all"), [float(r.stage(s)) for s in stages])
        for r in a.rows[:12]
        if r.cents(Flow.COST)
    ]
    names = [value_label(s.value, lang=lang) for s in stages]
    return charts.stacked_bars(rows, names, label=t("costs.by_stage"), lang=lang, width=720)


@router.get("/costs", dependencies=[need(Permission.VIEW_COSTS)], response_class=HTMLResponse)
def costs_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The analysis of the period: totals, weeks, groups by stage, drivers, journeys."""
    q, errors = request.query_params, Errors()
    lang = language(request)
    t = translator(lang)
    first, last, days = _period(q, errors)
    by = [one_of(q, name, errors, GROUPS, "") for name in ("by", "then")]
    group_by = tuple(dict.fromkeys(b for b in by if b))
    where = _filters(q)
    client, clients = chosen_client(uow, q, errors, user)
    km_over = integer(q, "km_over", errors, low=0, high=100_000, default=1_000)
    legs_over = integer(q, "legs_over", errors, low=0, high=100, default=3)
    assert km_over is not None and legs_over is not None
    common = {"from": first, "to": last, "days": None if first else days, "client": client}
    a = costs.cost_analysis(
        uow, by=user, group_by=group_by, where=where, first=first, last=last, days=days,
        client_code=client,
    )  # fmt: skip
    j = costs.journeys(
        uow, by=user, first=first, last=last, days=days, client_code=client,
        km_over=km_over, legs_over=legs_over,
    )  # fmt: skip
    weeks_chart, weeks_series = _weeks_chart(a, t, lang)
    api = {
        "from": first, "to": last, "days": None if first else days, "client_code": client,
        "by": ",".join(group_by),
    }  # fmt: skip
    api_where = [("where", f"{k}:{v}") for k, v in where.items()]

    def export(fmt: str, table: str = "groups") -> str:
        kept = [(k, v) for k, v in api.items() if v not in (None, "")]
        return "/api/v1/costs/export?" + urlencode(
            [*kept, *api_where, ("format", fmt), ("table", table)]
        )

    def drill(key: tuple[str, ...], **more: str) -> str:
        chosen = dict(zip(group_by, key, strict=False))
        return _link("/costs/units", {**common, **where, **chosen, **more})

    def narrow(key: tuple[str, ...]) -> str:
        """The analysis of one group, by the next dimension."""
        chosen = dict(zip(group_by, key, strict=False))
        rest = [d for d in group_by if d not in chosen] or [g for g in GROUPS if g not in chosen]
        return _link("/costs", {**common, **where, **chosen, "by": rest[0] if rest else ""})

    def unfilter(name: str) -> str:
        kept = {k: v for k, v in where.items() if k != name}
        return _link("/costs", {**common, **kept, "by": by[0], "then": by[1]})

    groups = cost_tables.groups_table(a)
    headers = [t("costs.dim." + d) for d in group_by] or [t("costs.all")]
    headers += [t("costs.units"), t("costs.cost"), t("costs.per_unit")]
    headers += [value_label(s.value, lang=lang) for s in a.stages]
    headers += [t("costs.recovered"), t("costs.refunded"), t("costs.net")]
    ctx = {
        "a": a,
        "j": j,
        "groups": groups,
        "group_rows": list(zip(groups.rows[:-1], a.rows, strict=True)),
        "headers": headers,
        "journeys_table": cost_tables.journeys_table(j),
        "errors": errors,
        "client": client,
        "clients": clients,
        "dimensions": GROUPS,
        "by": group_by,
        "where": where,
        "first": first,
        "last": last,
        "days": days,
        "periods": PERIODS,
        "km_over": km_over,
        "legs_over": legs_over,
        "weeks_chart": weeks_chart,
        "weeks_series": weeks_series,
        "groups_chart": _groups_chart(a, t, lang),
        "export": export,
        "drill": drill,
        "narrow": narrow,
        "unfilter": unfilter,
        "money": eur,
        **targets_context(uow, user, first=first, last=last, days=days, client=client),
    }
    return page(request, "costs.html", ctx, nav="costs")


@router.get("/costs/units", dependencies=[need(Permission.VIEW_COSTS)], response_class=HTMLResponse)
def units_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The units behind a figure of the analysis, the costliest first."""
    q, errors = request.query_params, Errors()
    first, last, days = _period(q, errors)
    where = _filters(q)
    client, _ = chosen_client(uow, q, errors, user)
    number = page_number(q, errors)
    found = costs.units_behind(
        uow, by=user, where=where, first=first, last=last, days=days, client_code=client,
        limit=PER_PAGE, offset=(number - 1) * PER_PAGE,
    )  # fmt: skip
    common = {"from": first, "to": last, "days": None if first else days, "client": client}
    ctx = {
        "found": found,
        "where": where,
        "errors": errors,
        "page": number,
        "pages": page_count(found.total, PER_PAGE),
        "back": _link("/costs", {**common, **where}),
        "money": eur,
    }
    return page(request, "costs_units.html", ctx, nav="costs")


@router.get(
    "/units/{lpn}/costs", dependencies=[need(Permission.VIEW_COSTS)], response_class=HTMLResponse
)
def unit_costs_page(request: Request, lpn: str, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """A unit's ledger line by line, each with the record it comes from."""
    found = costs.unit_costs(uow, lpn, by=user)
    ctx = {
        "title": found.lpn,
        "back": f"/units/{found.lpn}",
        "units": [found],
        "ledger": found.ledger,
    }
    return page(request, "costs_ledger.html", ctx, nav="costs")


@router.get(
    "/returns/{number}/costs",
    dependencies=[need(Permission.VIEW_COSTS)],
    response_class=HTMLResponse,
)
def return_costs_page(
    request: Request, number: str, uow: ReadUowDep, user: CurrentUser
) -> HTMLResponse:
    """A return's ledger: the lines of each of its units, and its refunds."""
    found = costs.return_costs(uow, number, by=user)
    ctx = {
        "title": found.number,
        "back": f"/returns/{found.number}",
        "units": found.units,
        "ledger": found.ledger,
    }
    return page(request, "costs_ledger.html", ctx, nav="costs")
