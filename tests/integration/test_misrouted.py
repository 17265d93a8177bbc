"""Receiving matches by where the parcel arrived: a return bound for the scanning hub
first; a return bound for another hub only when the item is that return's for certain
(its serial, or its parcel's label), then as misrouted, with no leg made up for it."""

from __future__ import annotations

from revalo.services import queries
from revalo.services.transport import unit_journey
from tests.conftest import World
from tests.integration.flows import ask, gs1, line, scan
from tests.people import person


def test_a_bare_gtin_is_not_matched_to_a_return_bound_for_another_hub(world: World) -> None:
    paris = ask(world, line("LAP-14"))  # Anne, in Paris: bound for HUB-FR
    assert paris.destination_site == "HUB-FR"
    out = scan(world, gs1(world.laptop), site="HUB-DE")
    assert out.quarantined and out.unit is not None and out.unit.rma_number is None
    assert "no return bound for HUB-DE expects" in out.message
    assert "returns bound for HUB-FR do" in out.message
    with world.app.read_uow() as uow:
        assert uow.returns.get(paris.number).lines[0].received_quantity == 0


def test_a_bare_gtin_goes_to_the_return_bound_for_the_hub_that_scans_it(world: World) -> None:
    paris = ask(world, line("LAP-14"))  # the older one, bound for HUB-FR
    bonn = ask(world, line("LAP-14"), customer="C-JONAS")  # bound for HUB-DE
    assert (paris.destination_site, bonn.destination_site) == ("HUB-FR", "HUB-DE")
    out = scan(world, gs1(world.laptop), site="HUB-DE")
    assert not out.quarantined and out.unit is not None
    assert out.unit.rma_number == bonn.number and "misrouted" not in out.message


def test_an_item_known_by_its_serial_is_received_as_misrouted_with_no_leg(world: World) -> None:
    paris = ask(world, line("LAP-14", serial="SN-LOST"))
    out = scan(world, gs1(world.laptop, "SN-LOST"), site="HUB-DE")
    assert not out.quarantined and out.unit is not None
    assert out.unit.rma_number == paris.number and out.unit.site_code == "HUB-DE"
    assert "misrouted, the return was bound for HUB-FR, not HUB-DE" in out.message
    journey = unit_journey(world.app.read_uow(), out.unit.lpn, by=person("reader"))
    assert journey.legs == ()  # no trip from Paris to Duisburg is made up
    detail = queries.unit_detail(world.app.read_uow(), out.unit.lpn, by=person("reader"))
    assert [e.type.value for e in detail.events] == ["received"]
    # Its parcel's label scanned at HUB-DE says so too.
    again = ask(world, line("DRILL-18"))
    labelled = scan(world, gs1(world.drill), site="HUB-DE", rma_number=again.number)
    assert labelled.unit is not None and labelled.unit.rma_number == again.number
    assert "misrouted" in labelled.message
