"""The network page: scenarios (TOML) against today's network, side by side, and what each
changes. The form is read-only work: it computes and stores nothing (a scenario's routing is
adopted by ``pages_routing``'s form)."""

from __future__ import annotations

import tomllib
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError
from revalo.domain.network_scenario import Scenario, parse_scenario
from revalo.domain.people import Permission, User
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, TransportDep, need
from revalo.entrypoints.web import forms, geo
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.pages_routing import routing_context
from revalo.entrypoints.web.render import WebRoute, language, page
from revalo.services.network_plan import NetworkComparison, ScenarioPlan, compare_scenarios
from revalo.services.ports import UnitOfWork

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: Scenario boxes on the form; each solve's time limit (the page waits for them).
BOXES = 3
SECONDS = 20.0
#: The first box's example, in the page's language (its name and description are text).
EXAMPLE = {
    "en": 'name = "Close HUB-BE"\ndescription = "Belgium\'s returns go to the neighbouring '
    'hubs"\n\n[sites]\nclose = ["HUB-BE"]\n',
    "fr": 'name = "Fermer HUB-BE"\ndescription = "Les retours de Belgique vont aux hubs '
    'voisins"\n\n[sites]\nclose = ["HUB-BE"]\n',
}


def _page(
    request: Request,
    values: dict[str, str],
    uow: UnitOfWork,
    user: User,
    *,
    errors: Errors | None = None,
    found: NetworkComparison | None = None,
    status: int = 200,
) -> HTMLResponse:
    pairs = list(zip(found.plans, found.changes, strict=True)) if found else []
    maps = [flow_map(p) for p in found.plans] if found else []
    ctx = {
        "values": values,
        "errors": errors or Errors(),
        "found": found,
        "pairs": pairs,
        "maps": maps,
        "boxes": BOXES,
        **routing_context(uow, user),
    }
    return page(request, "network.html", ctx, status=status, nav="network")


@router.get("/network", dependencies=[need(Permission.PLAN_NETWORK)], response_class=HTMLResponse)
def network_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """The form: up to three scenarios and the period of history; the routing in force."""
    example = EXAMPLE.get(language(request), EXAMPLE["en"])
    return _page(request, {"scenario1": example, "weeks": "12"}, uow, user)


@router.post("/network", dependencies=[need(Permission.PLAN_NETWORK)], response_class=HTMLResponse)
def network_form(
    request: Request,
    form: forms.PostedForm,
    uow: ReadUowDep,
    transport: TransportDep,
    user: CurrentUser,
) -> HTMLResponse:
    """Solve today's network and the scenarios given; the page waits for the solves."""
    data = forms.fields(form)
    errors = Errors()
    scenarios: list[Scenario] = []
    for n in range(1, BOXES + 1):
        name = f"scenario{n}"
        text = forms.text(data, name, errors, max_length=20_000)
        if not text:
            continue
        try:
            scenarios.append(parse_scenario(tomllib.loads(text)))
        except tomllib.TOMLDecodeError as exc:
            errors.add(name, f"TOML: {exc}")
        except DomainError as exc:
            errors.add(name, exc.message)
    weeks = forms.integer(data, "weeks", errors, low=1, high=520)
    until = forms.day(data, "until", errors)
    if errors:
        return _page(request, data, uow, user, errors=errors, status=422)
    try:
        found = compare_scenarios(
            uow,
            scenarios,
            by=user,
            weeks=float(weeks or 12),
            until=until.date() if until else None,
            transport=transport,
            seconds=SECONDS,
        )
    except DomainError as exc:
        errors.add("scenario1", exc.message)
        return _page(request, data, uow, user, errors=errors, status=422)
    return _page(request, data, uow, user, found=found)


def flow_map(plan: ScenarioPlan) -> dict[str, Any]:
    """A plan's flows on the map: a line from each region to its hub, as wide as the
    square root of its units; each hub a circle by the units it receives."""
    if not plan.flows:
        return {}
    points = [(f.lon, f.lat) for f in plan.flows] + [(f.hub_lon, f.hub_lat) for f in plan.flows]
    proj = geo.Projection(geo.fit_bbox(points, margin=1.0), 480, 400)
    largest = max(f.units for f in plan.flows)
    received: dict[str, tuple[float, float, float]] = {}
    lines = []
    for f in plan.flows:
        a, b = proj.xy(f.lon, f.lat), proj.xy(f.hub_lon, f.hub_lat)
        width = geo.stroke_width(round(f.units), round(largest), thickest=6.0)
        lines.append({"d": f"M{a[0]:.1f},{a[1]:.1f}L{b[0]:.1f},{b[1]:.1f}", "w": round(width, 2)})
        lat, lon, n = received.get(f.hub, (f.hub_lat, f.hub_lon, 0.0))
        received[f.hub] = (lat, lon, n + f.units)
    most = max(n for _, _, n in received.values())
    hubs = []
    for code, (lat, lon, n) in sorted(received.items()):
        x, y = proj.xy(lon, lat)
        r = geo.radius(round(n), round(most), largest_r=12.0)
        hubs.append({"code": code, "x": round(x, 1), "y": round(y, 1), "r": round(r, 1)})
    return {"countries": geo.country_paths(proj), "lines": lines, "hubs": hubs}
