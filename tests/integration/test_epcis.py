"""EPCIS 2.0 through the services, on SQLite and PostgreSQL: the events of a unit's journey
exported and valid; a partner's receipts and repairs captured once, all or nothing, also
when two send the same document at the same moment."""

from __future__ import annotations

import threading
from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.epcis_schema import schema_errors
from revalo.adapters.invariants import check_database
from revalo.domain import epcis as ep
from revalo.domain.catalog import Site, SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.people import Role
from revalo.domain.work_orders import WorkOrderKind
from revalo.services import catalog, epcis, queries, stock
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.integration.flows import decide, received_unit, snapshot
from tests.people import add_person, person

SEED = "9521234"
PARTNER_GLN = "9521234000020"


@pytest.fixture
def partner_world(world: World) -> World:
    catalog.add_site(
        world.app.uow(),
        Site(
            "REP-IT",
            "Repair Milan",
            SiteKind.REPAIR_CENTRE,
            "IT",
            "Milan",
            45.46,
            9.19,
            skills=["laptop"],
            gln=PARTNER_GLN,
        ),
        by=person("operator"),
    )
    return world


def _sent_for_repair(world: World, serial: str) -> str:
    """A laptop graded at HUB-FR, decided repair at REP-IT and shipped there."""
    lpn = received_unit(world, world.laptop, serial)
    decide(world, lpn, DispositionRoute.REPAIR, destination="REP-IT")
    stock.ship_unit(world.app.uow(), lpn, to_site="REP-IT", by=person("bob"))
    return lpn


def _doc(*events: dict[str, Any]) -> dict[str, Any]:
    return {
        "@context": ep.CONTEXT,
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": ep.format_time(events[0]["_at"]) if events else "2026-01-01T00:00:00Z",
        "epcisBody": {"eventList": [{k: v for k, v in e.items() if k != "_at"} for e in events]},
    }


def _event(world: World, serial: str, step: str, disposition: str, n: int) -> dict[str, Any]:
    at = world.now + timedelta(minutes=n)
    return {
        "_at": at,
        "type": "ObjectEvent",
        "eventID": f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
        "eventTime": ep.format_time(at),
        "eventTimeZoneOffset": "+01:00",
        "action": "OBSERVE",
        "epcList": [f"https://id.gs1.org/01/{world.laptop.gtin}/21/{serial}"],
        "bizStep": step,
        "disposition": disposition,
        "bizLocation": {"id": "urn:epc:id:sgln:9521234.00002.0"},
    }


def test_the_journey_of_a_unit_exports_as_valid_epcis(partner_world: World) -> None:
    world = partner_world
    lpn = _sent_for_repair(world, "SN-EXP")
    page = epcis.query_events(world.app.uow(), by=person("auditor"), seed=SEED, lpn=lpn)
    steps = [e.biz_step for e in page.events]
    assert steps[:3] == ["receiving", "inspecting", "urn:revalo:epcis:bizstep:deciding"]
    assert steps[-1] == "shipping" and not page.more
    shipped = page.events[-1]
    assert shipped.destinations == (("location", f"https://id.gs1.org/414/{PARTNER_GLN}"),)
    # Shipped in a consignment under its SSCC: the unit is aggregated into that parcel.
    with world.app.engine.connect() as conn:
        sscc = conn.execute(
            sa.select(orm.consignments.c.sscc).where(orm.consignments.c.kind == "transfer")
        ).scalar_one()
    assert (shipped.kind, shipped.action) == (ep.EventKind.AGGREGATION, "ADD")
    assert shipped.parent_id == f"https://id.gs1.org/00/{sscc}"
    doc = ep.query_document(page.events, query_name="SimpleEventQuery", created=world.now)
    assert schema_errors(doc) == []
    # Paged, and narrowed by business step.
    first = epcis.query_events(world.app.uow(), by=person("auditor"), seed=SEED, lpn=lpn, limit=2)
    assert first.more and len(first.events) == 2
    rest = epcis.query_events(world.app.uow(), by=person("auditor"), seed=SEED, lpn=lpn, offset=2)
    assert [e.event_id for e in first.events + rest.events] == [e.event_id for e in page.events]
    inspecting = epcis.query_events(
        world.app.uow(), by=person("auditor"), seed=SEED, biz_step="inspecting"
    )
    assert [e.extra["revalo:lpn"] for e in inspecting.events] == [lpn]
    with pytest.raises(InvalidValue, match="CBV"):
        epcis.query_events(world.app.uow(), by=person("auditor"), seed=SEED, biz_step="inspectin")


def test_a_client_sees_only_the_events_of_its_own_goods(partner_world: World) -> None:
    world = partner_world
    _sent_for_repair(world, "SN-OWN")
    client = add_person(world.app, "client.user", [Role.CLIENT], client_code="NOBODY")
    assert epcis.query_events(world.app.uow(), by=client, seed=SEED).events == []
    partner = add_person(world.app, "rep.user", [Role.PARTNER], partner_sites=["REP-IT"])
    seen = epcis.query_events(world.app.uow(), by=partner, seed=SEED)
    assert seen.events  # the unit on its way to the partner's site
    with pytest.raises(PermissionDenied):
        epcis.query_events(world.app.uow(), by=partner, seed=SEED, site_code="HUB-FR")


def test_a_partners_receipt_and_repair_are_applied_once(partner_world: World) -> None:
    world = partner_world
    lpn = _sent_for_repair(world, "SN-REP")
    partner = add_person(world.app, "rep.user", [Role.PARTNER], partner_sites=["REP-IT"])
    receipt = _event(world, "SN-REP", "receiving", "in_progress", 1)
    done = epcis.capture(world.app.uow(), _doc(receipt), by=partner, schema_errors=schema_errors)
    assert done.applied == [f"{lpn} arrived at REP-IT"]
    unit = queries.unit_detail(world.app.uow(), lpn, by=person("auditor")).unit
    assert not unit.in_transit and unit.site_code == "REP-IT"
    # The same document again changes nothing.
    again = epcis.capture(world.app.uow(), _doc(receipt), by=partner, schema_errors=schema_errors)
    assert (again.applied, again.already) == ([], 1)

    orders = queries.unit_detail(world.app.uow(), lpn, by=partner).work_orders
    order = next(o for o in orders if o.kind is WorkOrderKind.REPAIR)
    wo.start_work_order(world.app.uow(), order.id, by=partner)
    repaired = _event(world, "SN-REP", "repairing", "conformant", 2)
    repaired["revalo:labourMinutes"] = 35
    done = epcis.capture(world.app.uow(), _doc(repaired), by=partner, schema_errors=schema_errors)
    assert done.applied == [f"{lpn} {order.number} done at REP-IT"]
    detail = queries.unit_detail(world.app.uow(), lpn, by=partner)
    finished = next(o for o in detail.work_orders if o.id == order.id)
    assert (finished.state.value, finished.labour_minutes) == ("done", 35)
    assert check_database(world.app.engine) == []


def test_a_partners_system_begins_and_ends_a_repair(partner_world: World) -> None:
    """A partner working in its own system: the repair begun (``in_progress``) starts the
    open order; the next order, a test, waits for its own events."""
    world = partner_world
    lpn = _sent_for_repair(world, "SN-OWN-SYS")
    partner = add_person(world.app, "rep.user", [Role.PARTNER], partner_sites=["REP-IT"])
    events = [
        _event(world, "SN-OWN-SYS", "receiving", "in_progress", 1),
        _event(world, "SN-OWN-SYS", "repairing", "in_progress", 2),
        _event(world, "SN-OWN-SYS", "repairing", "conformant", 3),
    ]
    events[2] |= {"revalo:partsCostEur": "42.10", "revalo:notes": "hinge replaced"}
    wrong = [*events[:2], events[2] | {"revalo:partsCostEur": "4.999"}]
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match=r"event 3: revalo:partsCostEur must be an amount"):
        epcis.capture(world.app.uow(), _doc(*wrong), by=partner, schema_errors=schema_errors)
    assert snapshot(world.app) == before
    done = epcis.capture(world.app.uow(), _doc(*events), by=partner, schema_errors=schema_errors)
    orders = queries.unit_detail(world.app.uow(), lpn, by=partner).work_orders
    repair = next(o for o in orders if o.kind is WorkOrderKind.REPAIR)
    assert done.applied == [
        f"{lpn} arrived at REP-IT",
        f"{lpn} {repair.number} started at REP-IT",
        f"{lpn} {repair.number} done at REP-IT",
    ]
    assert repair.state.value == "done" and repair.operator == "rep.user"
    assert (repair.parts_cost, repair.notes) == (Decimal("42.10"), "hinge replaced")
    assert repair.started_at is not None
    test = next(o for o in orders if o.kind is WorkOrderKind.TEST)
    assert test.state.value == "open"
    assert check_database(world.app.engine) == []


def test_a_document_with_one_bad_event_changes_nothing(partner_world: World) -> None:
    world = partner_world
    _sent_for_repair(world, "SN-BAD")
    partner = add_person(world.app, "rep.user", [Role.PARTNER], partner_sites=["REP-IT"])
    good = _event(world, "SN-BAD", "receiving", "in_progress", 1)
    unknown = _event(world, "SN-NOT-OURS", "receiving", "in_progress", 2)
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match=r"event 2: no unit of Revalo is .*SN-NOT-OURS"):
        epcis.capture(world.app.uow(), _doc(good, unknown), by=partner, schema_errors=schema_errors)
    wrong_word = dict(good, disposition="in_progres")
    with pytest.raises(InvalidValue, match=r"not valid EPCIS 2\.0.*disposition"):
        epcis.capture(world.app.uow(), _doc(wrong_word), by=partner, schema_errors=schema_errors)
    elsewhere = dict(good, bizLocation={"id": "urn:revalo:epcis:site:HUB-FR"})
    assert snapshot(world.app) == before
    with pytest.raises(PermissionDenied, match="REP-IT"):
        epcis.capture(world.app.uow(), _doc(elsewhere), by=partner, schema_errors=schema_errors)
    after = snapshot(world.app)
    # Only the refusal is written, in the audit trail.
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }
    assert len(after["audit_log"]) == len(before["audit_log"]) + 1


def test_the_same_receipt_sent_twice_at_once_arrives_once(partner_world: World) -> None:
    world = partner_world
    lpn = _sent_for_repair(world, "SN-TWICE")
    partner = add_person(world.app, "rep.user", [Role.PARTNER], partner_sites=["REP-IT"])
    doc = _doc(_event(world, "SN-TWICE", "receiving", "in_progress", 1))
    barrier = threading.Barrier(4)
    results: list[epcis.Captured] = []
    errors: list[BaseException] = []

    def send() -> None:
        barrier.wait()
        try:
            results.append(
                epcis.capture(world.app.uow(), doc, by=partner, schema_errors=schema_errors)
            )
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(len(r.applied) for r in results) == [0, 0, 0, 1]
    with world.app.engine.connect() as conn:
        ev = orm.unit_events.c
        arrivals = conn.scalar(
            sa.select(sa.func.count()).where(ev.lpn == lpn, ev.type == "arrived")
        )
        captures = conn.scalar(sa.select(sa.func.count()).select_from(orm.epcis_captures))
    assert (arrivals, captures) == (1, 1)
    assert check_database(world.app.engine) == []
