"""A consignment's papers, on SQLite and PostgreSQL: the waste-tracking slip (BSD fields)
of a shipment to a treatment facility, and the Annex VI test records of used equipment
shipped across a border."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.errors import InvalidValue, NotFound
from revalo.services import catalog, facilities, papers, stock
from revalo.services.audit_trail import unit_trail
from tests.conftest import World
from tests.integration.certificate_world import consignment_of
from tests.integration.flows import decide, do_work, received_unit
from tests.people import person


def test_a_shipment_to_a_recycler_carries_its_slip(world: World) -> None:
    facilities.record_facility_certificate(
        world.app.uow(),
        "REC-FR",
        by=person("admin"),
        number="WLX-9",
        scope="WEEE 1-6",
        issuer="WEEELABEX",
        issued_on=world.now.date() - timedelta(days=30),
        expires_on=world.now.date() + timedelta(days=300),
        operations=["d10", "R4", "R12"],
    )
    catalog.set_site_siret(world.app.uow(), "hub-fr", "123 456 789 00015", by=person("admin"))
    with pytest.raises(InvalidValue, match="not in DE"):
        catalog.set_site_siret(world.app.uow(), "HUB-DE", "12345678900015", by=person("admin"))
    laptop = received_unit(world, world.laptop, "SN-L")
    sofa = received_unit(world, world.sofa, "SN-S")
    for lpn in (laptop, sofa):
        decide(world, lpn, Route.RECYCLE, "REC-FR")
        stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"))
    slip = papers.waste_tracking_slip(
        world.app.uow(), consignment_of(world.app.uow(), laptop), by=person("reader")
    ).as_json()
    assert slip["destination"]["site"] == "REC-FR"
    assert slip["destination"]["certificate"]["number"] == "WLX-9"
    assert slip["emitter"]["site"] == "HUB-FR" and slip["emitter"]["siret"] == "12345678900015"
    # Recycled, not disposed of: the first recovery operation the facility may carry out.
    assert slip["destination"]["plannedOperation"] == "R4"
    assert slip["destination"]["siret"] is None  # none recorded for the recycler
    (item,) = slip["waste"]["items"]
    # A laptop carries a lithium battery: equipment with hazardous components.
    assert (item["serial"], item["waste_code"], item["hazardous"]) == ("SN-L", "16 02 13*", True)
    assert slip["waste"]["quantityTonnes"] == pytest.approx(0.0016)
    sofa_slip = papers.waste_tracking_slip(
        world.app.uow(), consignment_of(world.app.uow(), sofa), by=person("reader")
    )
    assert [i.waste_code for i in sofa_slip.items] == ["20 03 07"]
    # The unit's trail names the shipment as one that carries its slip.
    trail = unit_trail(world.app.uow(), sofa, by=person("auditor"))
    shipped = [e.reference for e in trail.entries if e.what == "waste_shipment"]
    assert shipped == [sofa_slip.consignment.reference]


def test_no_slip_for_a_consignment_that_is_not_waste(world: World) -> None:
    lpn = received_unit(world, world.sofa, "SN-S")
    stock.ship_units(world.app.uow(), [lpn], to_site="HUB-DE", by=person("bob"))
    ref = consignment_of(world.app.uow(), lpn)
    with pytest.raises(InvalidValue, match="not to a treatment facility"):
        papers.waste_tracking_slip(world.app.uow(), ref, by=person("reader"))
    with pytest.raises(NotFound, match="no consignment"):
        papers.waste_tracking_slip(world.app.uow(), "SHP99999999", by=person("reader"))


def test_used_equipment_across_a_border_carries_a_test_record_per_item(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-L")
    orders = decide(world, lpn, Route.REFURBISH).work_orders
    for order in orders:
        do_work(world, order)
    stock.ship_units(world.app.uow(), [lpn], to_site="HUB-DE", by=person("bob"))
    found = papers.annex_vi_records(
        world.app.uow(), consignment_of(world.app.uow(), lpn), by=person("reader")
    )
    (record,) = found["records"]
    test = next(o for o in orders if o.kind.value == "test")
    assert record["identification"] == "SN-L" and record["category"] == 2
    assert record["kind_of_test"] == f"functionality test, work order {test.number}"
    assert record["tested_by"].startswith("Hub Lyon")
    assert (found["from"]["country"], found["to"]["country"]) == ("FR", "DE")
    trail = unit_trail(world.app.uow(), lpn, by=person("auditor"))
    abroad = [e.reference for e in trail.entries if e.what == "shipment_abroad"]
    assert abroad == [found["consignment"]]


def test_untested_equipment_has_no_test_record_to_cross_a_border(world: World) -> None:
    lpn = received_unit(world, world.laptop, "SN-L")
    stock.ship_units(world.app.uow(), [lpn], to_site="HUB-DE", by=person("bob"))
    ref = consignment_of(world.app.uow(), lpn)
    with pytest.raises(InvalidValue, match=f"never tested \\({lpn}\\)"):
        papers.annex_vi_records(world.app.uow(), ref, by=person("reader"))
    other = received_unit(world, world.sofa, "SN-S")
    stock.ship_units(world.app.uow(), [other], to_site="REP-FR", by=person("bob"))
    with pytest.raises(InvalidValue, match="stays in FR"):
        papers.annex_vi_records(
            world.app.uow(), consignment_of(world.app.uow(), other), by=person("reader")
        )
