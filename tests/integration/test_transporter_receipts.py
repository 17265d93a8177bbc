"""The carriers' receipts as waste transporters, on SQLite and PostgreSQL: kept by whoever
manages the network, refused whole when wrong, kept once when two record it at once, and
named on the waste-tracking slips of the carrier's loads."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from revalo.adapters.invariants import check_database
from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.facilities import CertificateStatus
from revalo.domain.people import Role, User
from revalo.services import papers, stock
from revalo.services import transporter_receipts as receipts
from tests.conftest import World
from tests.integration.certificate_world import consignment_of
from tests.integration.flows import decide, received_unit, snapshot
from tests.integration.test_concurrency import together
from tests.people import person

ADMIN = person("admin")


def _keep(world: World, carrier: str, number: str = "69-2026-1", days: int = 400) -> object:
    return receipts.record_transporter_receipt(
        world.app.uow(),
        world.app.transport,
        carrier,
        by=ADMIN,
        number=number,
        department="69",
        valid_until=world.now.date() + timedelta(days=days),
    )


def _rows(world: World) -> int:
    with world.app.engine.connect() as conn:
        return conn.execute(sa.text("select count(*) from transporter_receipts")).scalar_one()


def test_a_receipt_kept_is_listed_with_its_carrier(world: World) -> None:
    names = receipts.carrier_names(world.app.transport)
    first, second = names[0], names[1]
    _keep(world, first)
    _keep(world, second, "13-2025-8", days=20)
    found = {
        c.name: c
        for c in receipts.carriers(world.app.uow(), world.app.transport, by=person("reader"))
    }
    assert list(found) == names
    assert found[first].services and found[first].in_force is not None
    assert [(r.number, s) for r, s in found[first].receipts] == [
        ("69-2026-1", CertificateStatus.VALID)
    ]
    assert [s for _, s in found[second].receipts] == [CertificateStatus.EXPIRING]
    assert all(not found[n].receipts for n in names[2:])


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"carrier": "Nobody Freight"}, "carrier", "is not a carrier of the rate cards"),
        ({"department": "99"}, "department", "not a French département's code"),
        ({"days": -1}, "valid_until", "expired on"),
        ({"number": " "}, "number", "needs its number"),
    ],
)
def test_a_wrong_receipt_is_refused_and_nothing_is_written(
    world: World, change: dict[str, object], field: str, words: str
) -> None:
    name = receipts.carrier_names(world.app.transport)[0]
    values = {"carrier": name, "number": "N-1", "department": "69", "days": 100, **change}
    before = snapshot(world.app)
    with pytest.raises(InvalidValue, match=words) as err:
        receipts.record_transporter_receipt(
            world.app.uow(),
            world.app.transport,
            str(values["carrier"]),
            by=ADMIN,
            number=str(values["number"]),
            department=str(values["department"]),
            valid_until=world.now.date() + timedelta(days=int(str(values["days"]))),
        )
    assert err.value.field == field
    assert snapshot(world.app) == before and _rows(world) == 0


def test_only_who_manages_the_network_keeps_a_receipt(world: World) -> None:
    name = receipts.carrier_names(world.app.transport)[0]
    with pytest.raises(PermissionDenied):
        receipts.record_transporter_receipt(
            world.app.uow(),
            world.app.transport,
            name,
            by=User(login="lea", name="Léa", roles=frozenset({Role.HANDLER})),
            number="N-1",
            department="69",
            valid_until=world.now.date() + timedelta(days=10),
        )
    assert _rows(world) == 0


def test_the_same_receipt_kept_by_four_at_once_is_kept_once(world: World) -> None:
    name = receipts.carrier_names(world.app.transport)[0]
    results = together(4, lambda i: _keep(world, name, "SAME-1"))
    kept = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(kept) == 1, results
    assert all(isinstance(r, InvalidValue) and "already" in r.message for r in refused), refused
    assert _rows(world) == 1
    assert check_database(world.app.engine) == []


def test_the_slip_of_a_load_names_its_carriers_receipt(world: World) -> None:
    lpn = received_unit(world, world.sofa, "SN-S")
    decide(world, lpn, Route.RECYCLE, "REC-FR")
    stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"))
    ref = consignment_of(world.app.uow(), lpn)
    before = papers.waste_tracking_slip(world.app.uow(), ref, by=person("reader")).as_json()
    carrier = before["transporter"]["carrier"]
    # One sofa is under the 0.5 t a load that needs a declared transporter.
    assert before["transporter"]["receipt"] is None
    assert before["transporter"]["receiptRequired"] is False
    assert before["transporter"]["receiptProblem"] is None
    _keep(world, carrier, "69-2026-77")
    after = papers.waste_tracking_slip(world.app.uow(), ref, by=person("reader")).as_json()
    assert after["transporter"]["receipt"] == {
        "number": "69-2026-77",
        "department": "69",
        "validUntil": str(world.now.date() + timedelta(days=400)),
    }
