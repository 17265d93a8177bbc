"""Draw a collection plan as an SVG picture: one colour per route, hubs as squares,
deferred pickups in grey, and a legend with each route's km and cost."""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from revalo.engines.collection.problem import CollectionProblem
from revalo.engines.collection.result import CollectionPlan, StopKind
from revalo.engines.transport.places import Place

#: Colour-blind-safe qualitative palette (Okabe & Ito 2008), repeated when routes outnumber it.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000")
GREY = "#B0B0B0"
WIDTH, MAP_HEIGHT, PAD, LINE = 800, 600, 30, 18


def _projector(places: list[Place]) -> tuple[float, float, float, float, float]:
    """Equirectangular projection at the mean latitude, fitted into the map area."""
    mean_lat = math.radians(sum(p.lat for p in places) / len(places))
    xs = [p.lon * math.cos(mean_lat) for p in places]
    ys = [p.lat for p in places]
    span = max(max(xs) - min(xs), max(ys) - min(ys), 1e-9)
    scale = min(WIDTH - 2 * PAD, MAP_HEIGHT - 2 * PAD) / span
    return min(xs), max(ys), scale, math.cos(mean_lat), float(PAD)


def plan_svg(plan: CollectionPlan, problem: CollectionProblem) -> str:
    """The plan drawn on the places' coordinates, as an SVG document.

    Parameters
    ----------
    plan
        The plan to draw (its routes and deferred pickups).
    problem
        The problem it answers (for the hubs' and pickups' coordinates).

    Returns
    -------
    str
        A standalone SVG document (no outside resource).
    """
    places = [h.place for h in problem.hubs] + [p.place for p in problem.pickups]
    x0, y0, scale, cos_lat, pad = _projector(places)

    def xy(p: Place) -> tuple[float, float]:
        return pad + (p.lon * cos_lat - x0) * scale, pad + (y0 - p.lat) * scale

    hubs = {h.code: h.place for h in problem.hubs}
    pickups = {p.id: p.place for p in problem.pickups}
    height = MAP_HEIGHT + LINE * (len(plan.routes) + 3)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{height}" fill="white"/>',
    ]
    for d in plan.deferred:
        x, y = xy(pickups[d.pickup_id])
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{GREY}" class="deferred">'
            f"<title>{escape(d.pickup_id)}: {escape(d.reason)}</title></circle>"
        )
    for n, route in enumerate(plan.routes):
        colour = PALETTE[n % len(PALETTE)]
        path = [hubs[route.start_hub]]
        path += [pickups[s.pickup_id] if s.pickup_id else hubs[s.hub or ""] for s in route.stops]
        path.append(hubs[route.end_hub])
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in map(xy, path))
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2" '
            f'class="route"/>'
        )
        for s in route.stops:
            if s.kind is StopKind.PICKUP and s.pickup_id:
                x, y = xy(pickups[s.pickup_id])
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" class="pickup">'
                    f"<title>{escape(s.pickup_id)}</title></circle>"
                )
    for code, place in hubs.items():
        x, y = xy(place)
        parts.append(
            f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="#333" '
            f'class="hub"><title>{escape(code)}</title></rect>'
        )
    parts.extend(_legend(plan))
    parts.append("</svg>")
    return "\n".join(parts)


def _legend(plan: CollectionPlan) -> list[str]:
    y = MAP_HEIGHT + LINE
    out = [
        f'<text x="{PAD}" y="{y}" font-weight="bold">{len(plan.routes)} routes, '
        f"{plan.km:,.0f} km, {plan.cost_eur:,.2f} EUR, {plan.co2e_kg:,.1f} kg CO2e; "
        f"{len(plan.to_carrier)} to a carrier ({plan.carrier_cost_eur:,.2f} EUR), "
        f"{len(plan.waiting)} waiting ({plan.waiting_cost_eur:,.2f} EUR a day)</text>"
    ]
    for n, route in enumerate(plan.routes):
        y += LINE
        colour = PALETTE[n % len(PALETTE)]
        out.append(f'<rect x="{PAD}" y="{y - 10}" width="14" height="10" fill="{colour}"/>')
        out.append(
            f'<text x="{PAD + 20}" y="{y}">{escape(route.fleet)}: {len(route.pickup_ids)} '
            f"pickups, {route.trips} trip(s), {route.km:,.1f} km, {route.cost_eur:,.2f} EUR</text>"
        )
    y += LINE
    out.append(f'<circle cx="{PAD + 7}" cy="{y - 4}" r="4" fill="{GREY}"/>')
    out.append(f'<text x="{PAD + 20}" y="{y}">pickup not collected today</text>')
    return out
