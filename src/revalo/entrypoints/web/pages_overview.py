"""The flow manager's overview pages: the dashboard, sites and stock, the network map."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, need
from revalo.entrypoints.web import charts, geo
from revalo.entrypoints.web.client_filter import chosen_client
from revalo.entrypoints.web.formats import number, short_day
from revalo.entrypoints.web.forms import Errors, integer, one_of
from revalo.entrypoints.web.i18n import Translate, translator, value_label
from revalo.entrypoints.web.pages_cost_targets import targets_context
from revalo.entrypoints.web.pages_service import satisfaction_context
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.services import dashboard as board
from revalo.services import facilities
from revalo.services.dashboard import Dashboard, StockAgeing
from revalo.services.floor.safety import days_without_lost_time
from revalo.services.network_map import NetworkMap, network_map
from revalo.services.portal_staff import keep_it_savings
from revalo.services.queries import list_sites
from revalo.services.refunds import refund_figures

router = APIRouter(route_class=WebRoute, include_in_schema=False)

PERIOD_CHOICES = [str(n) for n in board.PERIODS] + ["all"]
#: Routes in the order of the model (the waste hierarchy, best first), for the colours.
ROUTE_ORDER = [r.value for r in DispositionRoute]


def _flow_chart(d: Dashboard, per: str, t: Translate, lang: str) -> Any:
    rows = d.weeks if per == "week" else d.days
    days = [short_day(r.day, lang=lang) for r in rows]
    cats = [t("dash.week_of", day=day) for day in days] if per == "week" else days
    series = [
        charts.Series(t("dash.series.received"), [r.received for r in rows], 0),
        charts.Series(t("dash.series.graded"), [r.graded for r in rows], 1),
        charts.Series(t("dash.series.left"), [r.left for r in rows], 2),
    ]
    chart = charts.bar_chart(cats, series, label=t("dash.flow"), lang=lang, width=1100, height=260)
    return chart, series


def _site_chart(d: Dashboard, t: Translate, lang: str) -> Any:
    rows = [(s.site_code, [s.by_state.get(k, 0) for k in d.states]) for s in d.stock_by_site]
    names = [value_label(k, lang=lang) for k in d.states]
    return charts.stacked_bars(rows, names, label=t("dash.by_site"), lang=lang)


def _grade_chart(d: Dashboard, t: Translate, lang: str) -> Any:
    order = sorted(k for k in d.stock_by_grade if k)
    values = [d.stock_by_grade[k] for k in order]
    return charts.bar_chart(
        order,
        [charts.Series(t("common.units"), values, 3)],
        label=t("dash.by_grade"),
        lang=lang,
        every=1,
        width=540,
    )


def _route_slices(d: Dashboard, lang: str) -> list[charts.Slice]:
    known = [r for r in ROUTE_ORDER if r in d.routes] + [
        r for r in d.routes if r not in ROUTE_ORDER
    ]
    return [
        charts.Slice(
            value_label(r, lang=lang), d.routes[r], ROUTE_ORDER.index(r) if r in ROUTE_ORDER else 9
        )
        for r in known
    ]


@router.get("/", dependencies=[need(Permission.VIEW_DASHBOARD)], response_class=HTMLResponse)
def dashboard_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The flow manager's dashboard, over a period chosen in the filter."""
    q, errors, lang = request.query_params, Errors(), language(request)
    t = translator(lang)
    period = one_of(q, "period", errors, PERIOD_CHOICES, "28")
    per = one_of(q, "per", errors, ["day", "week"], "day")
    stale = integer(q, "stale", errors, low=1, high=3650, default=board.STALE_DAYS)
    assert stale is not None
    client, clients = chosen_client(uow, q, errors, user)
    d = board.dashboard(
        uow,
        days=None if period == "all" else int(period),
        stale_days=stale,
        client_code=client,
        by=user,
    )
    flow_chart, flow_series = _flow_chart(d, per, t, lang)
    slices = _route_slices(d, lang)
    ctx = {
        **targets_context(uow, user, days=d.period.days, client=client),
        "d": d,
        "period": period,
        "periods": PERIOD_CHOICES,
        "per": per,
        "stale": stale,
        "errors": errors,
        "client": client,
        "clients": clients,
        "flow_chart": flow_chart,
        "flow_series": flow_series,
        "site_chart": _site_chart(d, t, lang),
        "grade_chart": _grade_chart(d, t, lang),
        "age_chart": charts.histogram(
            [(a.label, a.count, a.stale) for a in d.ages],
            label=t("dash.dwell"),
            lang=lang,
            unit=t("common.days"),
        ),
        "route_chart": charts.donut(slices, label=t("dash.routes"), lang=lang),
        "slices": slices,
        "route_total": sum(s.value for s in slices),
        "safety_days": (
            days_without_lost_time(uow, by=user) if user.can(Permission.VIEW_FLOOR) else []
        ),
        "refunds": refund_figures(
            uow,
            by=user,
            today=utcnow().date(),
            days=None if period == "all" else int(period),
            client_code=client,
        ),
        "kept": keep_it_savings(uow, by=user, client_code=client),
        **satisfaction_context(uow, user),
    }
    return page(request, "dashboard.html", ctx, nav="dashboard")


def _ageing_chart(a: StockAgeing, lang: str) -> Any:
    rows = [(r.key if a.site is None else value_label(r.name, lang=lang), r.counts) for r in a.rows]
    label = translator(lang)("sites.ageing")
    return charts.stacked_bars(rows, a.labels, label=label, lang=lang, label_width=170)


@router.get("/sites", dependencies=[need(Permission.VIEW_STOCK)], response_class=HTMLResponse)
def sites_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Parallel stock per site with ageing buckets, and the sites of the network."""
    errors = Errors()
    client, clients = chosen_client(uow, request.query_params, errors, user)
    ageing = board.stock_ageing(uow, client_code=client, by=user)
    sites = sorted(list_sites(uow), key=lambda s: (not s.holds_stock, s.kind.value, s.code))
    stock = {r.key: r.total for r in ageing.rows}
    ctx = {
        "a": ageing,
        "chart": _ageing_chart(ageing, language(request)),
        "sites": sites,
        "stock": stock,
        "errors": errors,
        "client": client,
        "clients": clients,
    }
    return page(request, "sites.html", ctx, nav="sites")


@router.get(
    "/sites/{code}", dependencies=[need(Permission.VIEW_STOCK)], response_class=HTMLResponse
)
def site_page(request: Request, code: str, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """One site's parallel stock per location, with ageing buckets."""
    errors = Errors()
    client, clients = chosen_client(uow, request.query_params, errors, user)
    ageing = board.stock_ageing(uow, site_code=code[:40], client_code=client, by=user)
    ctx = {
        "a": ageing,
        "chart": _ageing_chart(ageing, language(request)),
        "site": ageing.site,
        "facility": (
            facilities.site_certificates(uow, ageing.site.code, by=user)
            if ageing.site is not None
            and ageing.site.kind is SiteKind.RECYCLER
            and user.can(Permission.VIEW_CATALOGUE)
            else []
        ),
        "errors": errors,
        "client": client,
        "clients": clients,
    }
    return page(request, "site.html", ctx, nav="sites")


def _map_svg(m: NetworkMap, lang: str) -> dict[str, Any]:
    """The map's drawing: coordinates in tenths of a pixel, tooltips in ``lang``."""
    units = translator(lang)("common.units")
    by_code: dict[str, Site] = {s.code: s for s in m.sites}
    points = [(s.lon, s.lat) for s in m.sites] + [(f.lon, f.lat) for f in m.inflows]
    proj = geo.Projection(geo.fit_bbox(points, margin=1.0), 960, 720)
    largest = max([f.units for f in m.flows] + [f.units for f in m.inflows] + [1])
    lines = []
    for f in m.flows:
        a, b = by_code.get(f.origin), by_code.get(f.destination)
        if a is None or b is None:
            continue
        lines.append(
            {
                "d": geo.arc(proj.xy(a.lon, a.lat), proj.xy(b.lon, b.lat)),
                "w": round(geo.stroke_width(f.units, largest), 1),
                "kind": f.kind,
                "title": f"{f.origin} → {f.destination}: {number(f.units, lang=lang)} {units}",
            }
        )
    inflows = []
    for g in m.inflows:
        site = by_code.get(g.site_code)
        if site is None:
            continue
        inflows.append(
            {
                "d": geo.arc(proj.xy(g.lon, g.lat), proj.xy(site.lon, site.lat), bend=-0.12),
                "w": round(geo.stroke_width(g.units, largest), 1),
                "title": f"{g.country} → {g.site_code}: {number(g.units, lang=lang)} {units}",
                "xy": _tenths(proj.xy(g.lon, g.lat)),
                "country": g.country,
            }
        )
    stock_max = max([*m.in_stock.values(), 1])
    dots = []
    for s in m.sites:
        x, y = _tenths(proj.xy(s.lon, s.lat))
        n = m.in_stock.get(s.code, 0)
        dots.append(
            {
                "x": x,
                "y": y,
                "r": round(geo.radius(n, stock_max), 1) if s.holds_stock else 4.0,
                "label_dx": round(geo.radius(n, stock_max) + 3, 1),
                "site": s,
                "n": n,
            }
        )
    return {
        "countries": geo.country_paths(proj),
        "graticule": geo.graticule(proj),
        "lines": lines,
        "inflows": inflows,
        "dots": dots,
        "outlines": geo.outlines_available(),
    }


def _tenths(xy: tuple[float, float]) -> tuple[float, float]:
    return round(xy[0], 1), round(xy[1], 1)


@router.get("/map", dependencies=[need(Permission.VIEW_CATALOGUE)], response_class=HTMLResponse)
def map_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Sites of the network and the flows between them, drawn offline."""
    errors = Errors()
    client, clients = chosen_client(uow, request.query_params, errors, user)
    m = network_map(uow, client_code=client, by=user)
    ctx = {
        "m": m,
        "svg": _map_svg(m, language(request)),
        "top": m.flows[:12],
        "errors": errors,
        "client": client,
        "clients": clients,
    }
    return page(request, "map.html", ctx, nav="map")
