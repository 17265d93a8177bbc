"""Receiving by scan on SQLite and PostgreSQL: matching, duplicates, quarantine and release."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotFound
from revalo.domain.events import EventType
from revalo.domain.returns import ReturnState
from revalo.domain.units import UnitState
from revalo.services import queries, receiving, stock
from revalo.services.ports import UnitFilter
from revalo.services.return_labels import book_return_label
from revalo.services.transport import default_transport, unit_journey
from tests.conftest import World
from tests.integration.flows import ask, decide, gs1, line, received_unit, scan, snapshot
from tests.people import person


def test_a_serial_finds_its_own_line_before_an_older_line_without_serial(world: World) -> None:
    older = ask(world, line("LAP-14"), requested_at=world.now - timedelta(days=2))
    named = ask(world, line("LAP-14", serial="SN-9"), customer="C-JONAS")
    assert older.state is named.state is ReturnState.AUTHORISED

    out = scan(world, gs1(world.laptop, "SN-9"))
    assert (out.rma_number, out.unit.rma_line_no) == (named.number, 1)
    # Another laptop, whose serial no line names, fills the line without serial.
    other = scan(world, gs1(world.laptop, "SN-1"))
    assert other.rma_number == older.number
    assert not out.quarantined and not other.quarantined


def test_the_same_unit_scanned_twice_is_one_unit(world: World) -> None:
    rma = ask(world, line("LAP-14", serial="SN-1"))
    first = scan(world, gs1(world.laptop, "SN-1"))
    # The same label read again, this time through its GS1 Digital Link QR code.
    again = scan(world, f"https://id.gs1.org/01/{world.laptop.gtin}/21/SN-1")
    by_lpn = scan(world, first.unit.lpn)
    assert first.created and not again.created and not by_lpn.created
    assert again.unit.lpn == by_lpn.unit.lpn == first.unit.lpn
    assert "already received" in again.message
    units = queries.list_units(world.app.uow(), UnitFilter(), by=person("reader"))
    assert units.total == 1
    got, _ = queries.return_with_units(world.app.uow(), rma.number, by=person("reader"))
    assert got.lines[0].received_quantity == 1


def test_a_unit_nobody_expects_is_quarantined_with_the_reason(world: World) -> None:
    out = scan(world, gs1(world.sofa))
    assert out.created and out.quarantined
    assert out.unit.state is UnitState.QUARANTINED
    assert out.unit.location_code == "HUB-FR:quarantine"
    assert out.unit.quarantine_reason == (
        f"unexpected: no open return expects Sofa 3 seats (GTIN {world.sofa.gtin})"
    )
    assert stock.stock_balances(world.app.uow()) == {"HUB-FR:quarantine": 1}


def test_an_unknown_gtin_waits_in_quarantine_until_someone_names_the_product(world: World) -> None:
    out = scan(world, "(01)04006381333931(21)X-1")
    assert out.quarantined and out.unit.sku is None
    assert out.unit.quarantine_reason == "unknown product: no product has GTIN 04006381333931"
    with pytest.raises(NotFound) as err:
        receiving.release_unit(
            world.app.uow(), out.unit.lpn, by=person("lea"), reason="it is a drill", sku="NOPE-1"
        )
    assert err.value.field == "sku"

    unit = receiving.release_unit(
        world.app.uow(), out.unit.lpn, by=person("lea"), reason="it is a drill", sku="drill-18"
    )
    # The unit keeps the GTIN of its own label, so scanning that label again finds it.
    assert (unit.state, unit.sku, unit.gtin) == (UnitState.RECEIVED, "DRILL-18", "04006381333931")
    again = scan(world, "(01)04006381333931(21)X-1")
    assert not again.created and again.unit.lpn == out.unit.lpn
    detail = queries.unit_detail(world.app.uow(), out.unit.lpn, by=person("reader"))
    assert [e.type for e in detail.events] == [
        EventType.RECEIVED,
        EventType.QUARANTINED,
        EventType.RELEASED,
    ]
    assert detail.unit.location_code == "HUB-FR:receiving"
    assert detail.unit.quarantine_reason == ""


def test_the_same_unknown_item_scanned_twice_is_one_unit(world: World) -> None:
    first = scan(world, "(01)04006381333931(21)X-1")
    again = scan(world, "0104006381333931" + "21X-1")
    assert first.created and not again.created
    assert again.unit.lpn == first.unit.lpn
    assert queries.list_units(world.app.uow(), UnitFilter(), by=person("reader")).total == 1


def test_an_unknown_parcel_is_quarantined_once_and_opened_later(world: World) -> None:
    sscc = "376130321109103420"
    first = scan(world, f"00{sscc}")
    again = scan(world, f"(00){sscc}")
    assert first.quarantined and first.unit.sscc == sscc
    assert "parcel SSCC 376130321109103420: no return expects it" in first.unit.quarantine_reason
    assert not again.created and again.unit.lpn == first.unit.lpn
    with pytest.raises(Exception, match="name its product to release it"):
        receiving.release_unit(world.app.uow(), first.unit.lpn, by=person("lea"), reason="opened")
    unit = receiving.release_unit(
        world.app.uow(), first.unit.lpn, by=person("lea"), reason="opened", sku="SOFA-3"
    )
    assert unit.state is UnitState.RECEIVED and unit.sku == "SOFA-3"


def test_an_lpn_revalo_does_not_know_is_quarantined(world: World) -> None:
    out = scan(world, "LPN000000777")
    assert out.quarantined and out.unit.lpn != "LPN000000777"
    assert out.unit.quarantine_reason == "LPN LPN000000777 is not in Revalo"


def test_an_item_without_a_readable_code_is_described_and_quarantined(world: World) -> None:
    with pytest.raises(InvalidValue) as err:
        receiving.quarantine_unidentified(
            world.app.uow(), site_code="HUB-FR", description=" ", by=person("bob")
        )
    assert err.value.field == "description"
    out = receiving.quarantine_unidentified(
        world.app.uow(), site_code="HUB-FR", description="grey kettle, no label", by=person("bob")
    )
    assert out.unit.quarantine_reason == "unidentified: grey kettle, no label"


def test_naming_the_return_narrows_the_match(world: World) -> None:
    older = ask(world, line("TEE-M"), requested_at=world.now - timedelta(days=1))
    newer = ask(world, line("TEE-M"), customer="C-JONAS")
    out = scan(world, gs1(world.tshirt), rma_number=newer.number.lower())
    assert out.rma_number == newer.number  # not the older return, which would come first
    assert scan(world, gs1(world.tshirt)).rma_number == older.number


def test_a_unit_the_named_return_does_not_expect_is_quarantined(world: World) -> None:
    rma = ask(world, line("TEE-M"))
    out = scan(world, gs1(world.sofa), rma_number=rma.number)
    assert out.quarantined
    assert out.unit.quarantine_reason == (
        f"unexpected: return {rma.number} does not expect Sofa 3 seats (GTIN {world.sofa.gtin})"
    )


def test_naming_a_return_that_does_not_exist_changes_nothing(world: World) -> None:
    before = snapshot(world.app)
    with pytest.raises(NotFound) as err:
        scan(world, gs1(world.tshirt), rma_number="RMA99999999")
    assert err.value.field == "rma_number"
    assert snapshot(world.app) == before


def test_a_return_is_received_when_every_line_is(world: World) -> None:
    rma = ask(world, line("LAP-14", serial="SN-5"), line("TEE-M", quantity=2))
    scan(world, gs1(world.tshirt))
    scan(world, gs1(world.laptop, "SN-5"))
    got, units = queries.return_with_units(world.app.uow(), rma.number, by=person("reader"))
    assert got.state is ReturnState.AUTHORISED
    assert [ln.outstanding for ln in got.lines] == [0, 1]
    scan(world, gs1(world.tshirt))
    got, units = queries.return_with_units(world.app.uow(), rma.number, by=person("reader"))
    assert got.state is ReturnState.RECEIVED
    assert sorted((u.rma_line_no or 0, u.sku or "") for u in units) == [
        (1, "LAP-14"),
        (2, "TEE-M"),
        (2, "TEE-M"),
    ]
    # The return expects nothing more: a third T-shirt is not silently added to it.
    extra = scan(world, gs1(world.tshirt))
    assert extra.quarantined and extra.rma_number is None


def test_a_site_that_holds_no_stock_cannot_receive(world: World) -> None:
    before = snapshot(world.app)
    with pytest.raises(Exception, match="does not receive returns"):
        scan(world, gs1(world.sofa), site="CHA-FR")
    with pytest.raises(NotFound) as err:
        scan(world, gs1(world.sofa), site="NOWHERE")
    assert err.value.field == "site_code"
    assert snapshot(world.app) == before


def test_a_foreign_lpn_scanned_twice_is_one_quarantined_unit(world: World) -> None:
    first = scan(world, "LPN900000001")
    again = scan(world, "lpn900000001")
    assert first.quarantined and first.created
    assert not again.created and again.unit.lpn == first.unit.lpn
    assert queries.list_units(world.app.uow(), UnitFilter(), by=person("reader")).total == 1


def test_the_label_of_a_return_parcel_names_its_return_and_receives_nothing(
    world: World,
) -> None:
    rma = ask(world, line("DRILL-18"))
    label = book_return_label(
        world.app.uow(), default_transport(), rma.number, by=person("operator")
    )
    sscc = label.consignment.sscc
    assert sscc is not None
    before = snapshot(world.app)
    out = scan(world, f"]C100{sscc}")
    assert out.unit is None and not out.created and out.rma_number == rma.number
    assert f"parcel {sscc} of return {rma.number}" in out.message
    assert snapshot(world.app) == before, "scanning the parcel's label changes nothing"
    # Then the item inside, scanned with the return's number, carries that parcel's share.
    item = scan(world, gs1(world.drill), rma_number=rma.number)
    assert item.created and not item.quarantined
    assert item.unit is not None
    first = unit_journey(world.app.uow(), item.unit.lpn, by=person("reader")).legs[0].consignment
    assert first.sscc == sscc


def test_the_label_of_a_consignment_between_sites_names_it_and_receives_nothing(
    world: World,
) -> None:
    """Every consignment carries an SSCC; scanned where it arrives, the one of a transfer
    says what it is and how many units to scan out of it, and creates nothing."""
    lpn = received_unit(world, world.laptop, "SN-TRANSFER")
    decide(world, lpn, DispositionRoute.REPAIR, destination="REP-FR")
    stock.ship_unit(world.app.uow(), lpn, to_site="REP-FR", by=person("bob"))
    journey = unit_journey(world.app.uow(), lpn, by=person("reader"))
    sent = journey.legs[-1].consignment
    assert sent.sscc is not None and sent.rma_number is None
    before = snapshot(world.app)
    out = scan(world, f"]C100{sent.sscc}", site="REP-FR")
    assert out.unit is None and not out.created and not out.quarantined
    assert out.message == (
        f"consignment {sent.reference} (SSCC {sent.sscc}) from HUB-FR: open it and scan the "
        "licence plate of each of its 1 unit(s)"
    )
    assert snapshot(world.app) == before
