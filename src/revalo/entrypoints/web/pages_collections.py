"""Transport pages: the day's collections (plan a region, look at the routes on the map,
commit the plan) and what leaves a site (consolidated by destination, then booked)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.entrypoints.api.deps import AppDep, CurrentUser, ReadUowDep, TransportDep, UowDep, need
from revalo.entrypoints.api.types import RowId
from revalo.entrypoints.web import forms, geo
from revalo.entrypoints.web.formats import money, number
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import say
from revalo.entrypoints.web.render import WebRoute, language, page, redirect
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import collection_commit
from revalo.services import collections as service
from revalo.services.collection_pickups import next_collection_day
from revalo.services.collections import StoredPlan
from revalo.services.consolidation import consolidate_site, ship_planned

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: Longest search the page asks for: the request waits for it.
MAX_WEB_SECONDS = 60
DEFAULT_SECONDS = 5
#: Route colours (the palette of the charts).
COLOURS = 8


def _plans_page(
    request: Request,
    uow: UowDep,
    *,
    errors: Errors | None = None,
    values: dict[str, str] | None = None,
    status: int = 200,
) -> HTMLResponse:
    day = next_collection_day(utcnow().date())
    vals = values or {"day": day.isoformat(), "seconds": str(DEFAULT_SECONDS)}
    ctx = {
        "plans": service.recent_plans(uow),
        "errors": errors or Errors(),
        "values": vals,
        "max_seconds": MAX_WEB_SECONDS,
    }
    return page(request, "collections.html", ctx, status=status, nav="collections")


@router.get(
    "/collections", dependencies=[need(Permission.VIEW_COLLECTIONS)], response_class=HTMLResponse
)
def plans_page(request: Request, uow: ReadUowDep) -> HTMLResponse:
    """The last plans, and the form to plan a region's day."""
    return _plans_page(request, uow)


@router.post("/collections", dependencies=[need(Permission.PLAN_COLLECTIONS)], response_model=None)
def plan_form(
    request: Request,
    form: forms.PostedForm,
    uow: UowDep,
    transport: TransportDep,
    app: AppDep,
    user: CurrentUser,
) -> Response:
    """Plan the day's collections of a region; the page waits for the search."""
    data = forms.fields(form)
    errors = Errors()
    when = forms.day(data, "day", errors)
    if when is None and "day" not in errors:
        errors.say("day", "form.plan_day")
    day = when.date() if when else None
    region = forms.text(data, "region", errors, max_length=60, required=True)
    seconds = forms.integer(data, "seconds", errors, low=1, high=MAX_WEB_SECONDS)
    if not errors and day is not None and region:
        try:
            stored = service.plan_collections(
                uow,
                transport,
                day=day,
                region=region,
                seconds=float(seconds or DEFAULT_SECONDS),
                max_seconds=app.settings.max_plan_seconds,
                by=user,
            )
        except DomainError as exc:
            errors.add(
                exc.field if exc.field in ("day", "region", "seconds") else "region", exc.message
            )
        else:
            return redirect(f"/collections/{stored.record.id}")
    return _plans_page(request, uow, errors=errors, values=data, status=422)


@router.get(
    "/collections/{plan_id}",
    dependencies=[need(Permission.VIEW_COLLECTIONS)],
    response_class=HTMLResponse,
)
def plan_page(request: Request, plan_id: RowId, uow: ReadUowDep) -> HTMLResponse:
    """One plan: its routes on the map, the stops, what waits and why, collect or ship."""
    stored = service.get_plan(uow, plan_id)
    svg = plan_map(stored, language(request))
    ctx = {"s": stored, "rec": stored.record, "plan": stored.plan, "svg": svg}
    return page(request, "collection.html", ctx, nav="collections")


@router.post(
    "/collections/{plan_id}/commit",
    dependencies=[need(Permission.COMMIT_COLLECTION_PLAN)],
    response_model=None,
)
def commit_form(
    plan_id: RowId, uow: UowDep, transport: TransportDep, user: CurrentUser
) -> Response:
    """Book the plan's collections (each collected return is on its way) and its carriers."""
    try:
        done = collection_commit.commit_plan(uow, transport, plan_id, by=user)
    except DomainError as exc:
        return redirect(f"/collections/{plan_id}", flash=exc.message)
    n = len(done.consignments)
    return redirect(
        f"/collections/{plan_id}",
        flash=say(
            "msg.collections_booked",
            reference=done.plan.record.reference,
            n=n,
            handed=len(done.handed),
        ),
    )


def plan_map(stored: StoredPlan, lang: str) -> dict[str, Any]:
    """The plan drawn on the map: hubs, each route in its colour with its stops numbered,
    the pickups that wait in grey; coordinates in tenths of a pixel, tooltips in ``lang``."""
    problem, plan = stored.problem, stored.plan
    hubs = {h.code: h.place for h in problem.hubs}
    pickups = {p.id: p.place for p in problem.pickups}
    points = [(p.lon, p.lat) for p in [*hubs.values(), *pickups.values()]]
    proj = geo.Projection(geo.fit_bbox(points, margin=0.6), 960, 640)
    routes = []
    for i, r in enumerate(plan.routes):
        path = [hubs[r.start_hub]]
        stops = []
        for n, stop in enumerate(r.stops, start=1):
            place = pickups[stop.pickup_id] if stop.pickup_id else hubs[stop.hub or r.end_hub]
            path.append(place)
            if stop.pickup_id:
                x, y = _tenths(proj.xy(place.lon, place.lat))
                stops.append({"x": x, "y": y, "n": n, "id": stop.pickup_id})
        path.append(hubs[r.end_hub])
        xy = [proj.xy(p.lon, p.lat) for p in path]
        routes.append(
            {
                "d": "M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy),
                "colour": i % COLOURS,
                "stops": stops,
                "title": f"{r.vehicle_id} · {number(r.km, lang=lang)} km · "
                f"{money(r.cost_eur, lang=lang)}",
            }
        )
    waiting = []
    for d in plan.deferred:
        place = pickups[d.pickup_id]
        x, y = _tenths(proj.xy(place.lon, place.lat))
        reason = in_language(d.reason, lang)
        english = lang != "en" and reason == d.reason
        waiting.append({"x": x, "y": y, "id": d.pickup_id, "reason": reason, "english": english})
    return {
        "countries": geo.country_paths(proj),
        "graticule": geo.graticule(proj, step=2),
        "routes": routes,
        "waiting": waiting,
        "hubs": [
            {"code": code, "xy": _tenths(proj.xy(place.lon, place.lat))}
            for code, place in hubs.items()
        ],
    }


def _tenths(xy: tuple[float, float]) -> tuple[float, float]:
    return round(xy[0], 1), round(xy[1], 1)


@router.get(
    "/sites/{code}/outbound",
    dependencies=[need(Permission.VIEW_STOCK)],
    response_class=HTMLResponse,
)
def outbound_page(
    request: Request, code: str, uow: ReadUowDep, transport: TransportDep
) -> HTMLResponse:
    """The units waiting at a site to leave, by destination: today, grouped, or later."""
    plan = consolidate_site(uow, code[:40], transport=transport)
    return page(request, "outbound.html", {"p": plan}, nav="sites")


@router.post(
    "/sites/{code}/outbound", dependencies=[need(Permission.BOOK_OUTBOUND)], response_model=None
)
def book_outbound_form(
    code: str, uow: UowDep, transport: TransportDep, user: CurrentUser
) -> Response:
    """Book what leaves today, grouped as planned."""
    site = code[:40].strip().upper()
    try:
        plan = consolidate_site(uow, site, transport=transport)
        booked = ship_planned(uow, plan, by=user, transport=transport)
    except DomainError as exc:
        return redirect(f"/sites/{site}/outbound", flash=exc.message)
    units = sum(s.consignment.units for s in booked)
    refs = ", ".join(s.consignment.reference for s in booked)
    message = (
        say("msg.consignments_booked", n=len(booked), units=units, refs=refs)
        if booked
        else say("msg.nothing_leaves")
    )
    return redirect(f"/sites/{site}/outbound", flash=message)
