"""The plan as a picture: routes, hubs, deferred pickups and a legend."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from revalo.engines.collection.problem import CollectionProblem
from revalo.engines.collection.solve import solve_collection
from revalo.engines.collection.svg import GREY, plan_svg
from tests.unit.collection.world import DAY, FLAT, QUICK, fleet, hub, pickup, vehicle

NS = "{http://www.w3.org/2000/svg}"


def test_plan_svg_draws_routes_hubs_and_deferred_pickups() -> None:
    problem = CollectionProblem(
        DAY,
        (hub("W", 0.0), hub("E", 1.0)),
        (
            pickup("W1", 0.1),
            pickup("E1", 0.9),
            pickup("FAR<&>", 0.5, due_in=4, loss=0.5),
        ),
        (fleet(vehicle(), start="W"), fleet(vehicle(), start="E")),
    )
    plan = solve_collection(problem, QUICK, seed=0, distances=FLAT)
    svg = ET.fromstring(plan_svg(plan, problem))
    assert len(svg.findall(f"{NS}polyline")) == len(plan.routes) == 2
    assert len(svg.findall(f"{NS}rect[@class='hub']")) == 2
    (deferred,) = svg.findall(f"{NS}circle[@class='deferred']")
    assert deferred.get("fill") == GREY
    assert "FAR<&>" in "".join(deferred.itertext())
    legend = " ".join("".join(t.itertext()) for t in svg.findall(f"{NS}text"))
    assert f"{plan.routes[0].km:,.1f} km" in legend
    assert "0 to a carrier (0.00 EUR), 1 waiting (0.50 EUR a day)" in legend
    colours = {p.get("stroke") for p in svg.findall(f"{NS}polyline")}
    assert len(colours) == 2
