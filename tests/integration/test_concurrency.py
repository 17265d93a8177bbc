"""Many people at once on the same thing: scans of one code, moves of the same units, the
same return's label, items of one return received together. On SQLite and on PostgreSQL,
through the services (one session per thread) and over HTTP against a served app.

Each test starts its threads at a barrier so that they truly collide, then checks the whole
database with the ledger's invariants (adapters/invariants.py) and the exact counts.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

import httpx
import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.barcodes import parse_scan
from revalo.adapters.invariants import check_database
from revalo.domain.catalog import LocationKind, location_code
from revalo.domain.errors import InvalidValue, LedgerError
from revalo.domain.journey import ConsignmentKind
from revalo.domain.people import Role
from revalo.domain.returns import ReturnState
from revalo.services import access, receiving, return_labels, stock
from revalo.services.receiving import ReceiveOutcome
from tests.conftest import World
from tests.integration.flows import ask, gs1, line
from tests.people import add_person, bearer, person
from tests.served import served

T = TypeVar("T")
N = 16
API = "/api/v1"


def together(n: int, work: Callable[[int], T]) -> list[T | BaseException]:
    """Run ``work(i)`` in ``n`` threads released at once; each result, or what it raised."""
    gate = threading.Barrier(n)
    results: list[T | BaseException] = [RuntimeError("did not run")] * n

    def run(i: int) -> None:
        gate.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # reported to the test, which says what it expected
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    return results


def no_violations(world: World) -> None:
    assert [str(v) for v in check_database(world.app.engine)] == []


def count(world: World, stmt: sa.Select[Any]) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.scalar(stmt) or 0)


def units_count(world: World) -> int:
    return count(world, sa.select(sa.func.count()).select_from(orm.units))


def return_consignments(world: World, number: str) -> int:
    c = orm.consignments.c
    return count(
        world,
        sa.select(sa.func.count()).where(c.rma_number == number, c.kind == ConsignmentKind.RETURN),
    )


def scan(world: World, code: str, operator: str = "bob") -> ReceiveOutcome:
    return receiving.receive_scan(
        world.app.uow(), parse_scan(code), site_code="HUB-FR", by=person(operator)
    )


def lpn_of(outcome: ReceiveOutcome) -> str:
    assert outcome.unit is not None
    return outcome.unit.lpn


def outcomes(results: list[T | BaseException]) -> list[T]:
    """The results, after checking that none of the threads failed."""
    failed = [r for r in results if isinstance(r, BaseException)]
    assert failed == [], f"{len(failed)} of {len(results)} failed, first: {failed[:1]!r}"
    return [r for r in results if not isinstance(r, BaseException)]


# -- through the services -----------------------------------------------------------------------
def test_scans_of_one_serial_at_once_receive_one_unit(world: World) -> None:
    rma = ask(world, line("LAP-14", serial="SN-ONE"))
    code = gs1(world.laptop, "SN-ONE")
    got = outcomes(together(N, lambda i: scan(world, code, f"handler-{i}")))
    assert sum(o.created for o in got) == 1
    assert len({lpn_of(o) for o in got}) == 1
    assert units_count(world) == 1
    assert return_consignments(world, rma.number) == 1
    no_violations(world)


def test_scans_of_an_unknown_code_at_once_quarantine_one_unit(world: World) -> None:
    # No return expects it, no product has the GTIN: one quarantined unit all the same.
    got = outcomes(together(N, lambda i: scan(world, "LPN000000777", f"handler-{i}")))
    assert sum(o.created for o in got) == 1
    assert all(o.quarantined for o in got)
    assert len({lpn_of(o) for o in got}) == 1
    assert units_count(world) == 1
    no_violations(world)


def test_items_of_one_return_received_at_once_fill_its_line_exactly(world: World) -> None:
    rma = ask(world, line("DRILL-18", quantity=8))
    assert rma.state is ReturnState.AUTHORISED
    # 16 different drills scanned at once for a line of 8: 8 fill it, 8 wait in quarantine.
    got = outcomes(together(N, lambda i: scan(world, gs1(world.drill, f"SN-{i:02d}"))))
    assert all(o.created for o in got)
    assert Counter(o.rma_number for o in got) == {rma.number: 8, None: 8}
    assert sum(o.quarantined for o in got) == 8
    with world.app.uow() as uow:
        stored = uow.returns.get(rma.number)
        assert stored is not None
        assert stored.lines[0].received_quantity == 8
        assert stored.state is ReturnState.RECEIVED
    assert units_count(world) == N
    assert return_consignments(world, rma.number) == 1
    no_violations(world)


def test_moves_of_the_same_units_at_once_move_each_once(world: World) -> None:
    ask(world, *(line("LAP-14", serial=f"SN-M{k}") for k in range(4)))
    lpns = [lpn_of(scan(world, gs1(world.laptop, f"SN-M{k}"))) for k in range(4)]
    here = location_code("HUB-FR", LocationKind.RECEIVING)
    targets = [location_code("HUB-FR", k) for k in (LocationKind.INSPECTION, LocationKind.OUTBOUND)]

    def move_all(i: int) -> list[str]:
        done = []
        for lpn in lpns:
            try:
                stock.move_unit(
                    world.app.uow(),
                    lpn,
                    from_location=here,
                    to_location=targets[i % 2],
                    by=person(f"driver-{i}"),
                    reason="put away",
                )
                done.append(lpn)
            except LedgerError:
                pass  # another driver moved it first: it is not here any more
        return done

    moved = [lpn for done in outcomes(together(N, move_all)) for lpn in done]
    assert sorted(moved) == sorted(lpns)  # each unit moved exactly once
    m = orm.stock_moves.c
    assert count(world, sa.select(sa.func.count()).where(m.from_location == here)) == len(lpns)
    no_violations(world)


def test_the_same_label_asked_at_once_books_one_parcel(world: World) -> None:
    rma = ask(world, line("SOFA-3"), line("TEE-M", quantity=2))
    tr = world.app.transport
    got = outcomes(
        together(
            N,
            lambda i: return_labels.book_return_label(
                world.app.uow(), tr, rma.number, by=person("operator")
            ),
        )
    )
    assert len({label.consignment.sscc for label in got}) == 1
    assert return_consignments(world, rma.number) == 1
    no_violations(world)


# -- over HTTP, against a served app -------------------------------------------------------------
@pytest.fixture
def served_api(world: World) -> Iterator[str]:
    """The API of ``world`` served over HTTP."""
    HEADERS.update(bearer(world.app))
    with served(world.app) as base:
        yield base + API


#: The Authorization header of the served API's user (who may do everything).
HEADERS: dict[str, str] = {}


def post_together(base: str, requests: list[tuple[str, dict[str, Any]]]) -> list[httpx.Response]:
    def send(i: int) -> httpx.Response:
        path, body = requests[i]
        with httpx.Client(base_url=base, timeout=60, headers=HEADERS) as http:
            return http.post(path, json=body)

    return outcomes(together(len(requests), send))


def test_scans_over_http_of_one_serial_and_of_one_return_stay_exact(
    world: World, served_api: str
) -> None:
    one = ask(world, line("LAP-14", serial="SN-HTTP"))
    four = ask(world, line("DRILL-18", quantity=4), customer="C-JONAS")
    assert four.state is ReturnState.AUTHORISED and four.destination_site == "HUB-DE"
    same = [("/receiving/scan", {"code": gs1(world.laptop, "SN-HTTP"), "site_code": "HUB-FR"})]
    many = [
        ("/receiving/scan", {"code": gs1(world.drill, f"SN-D{i}"), "site_code": "HUB-DE"})
        for i in range(N // 2)
    ]
    answers = post_together(served_api, same * (N // 2) + many)
    assert [r.status_code for r in answers] == [200] * N, [
        r.text for r in answers if r.status_code != 200
    ]
    bodies = [r.json() for r in answers]
    assert sum(b["created"] for b in bodies[: N // 2]) == 1
    assert len({b["unit"]["lpn"] for b in bodies[: N // 2]}) == 1
    assert Counter(b["rma_number"] for b in bodies[N // 2 :]) == {four.number: 4, None: 4}
    assert units_count(world) == 1 + N // 2
    assert return_consignments(world, one.number) == 1
    assert return_consignments(world, four.number) == 1
    no_violations(world)


def test_moves_over_http_of_one_unit_accept_one(world: World, served_api: str) -> None:
    ask(world, line("SOFA-3", serial="SN-SOFA"))
    lpn = lpn_of(scan(world, gs1(world.sofa, "SN-SOFA")))
    here = location_code("HUB-FR", LocationKind.RECEIVING)
    there = [location_code("HUB-FR", k) for k in (LocationKind.INSPECTION, LocationKind.OUTBOUND)]
    body = [
        (f"/units/{lpn}/move", {"from_location": here, "to_location": there[i % 2]})
        for i in range(N)
    ]
    answers = post_together(served_api, body)
    assert Counter(r.status_code for r in answers) == {200: 1, 409: N - 1}
    refused = [r.json()["detail"][0]["message"] for r in answers if r.status_code == 409]
    assert all("is at HUB-FR:" in m and f"not at {here}" in m for m in refused), refused
    m = orm.stock_moves.c
    assert count(world, sa.select(sa.func.count()).where(m.from_location == here)) == 1
    no_violations(world)


def test_one_token_revoked_by_several_at_once_is_revoked_once(world: World) -> None:
    admin = add_person(world.app, "ada", [Role.ADMINISTRATOR])
    made = access.create_token(world.app.uow(), admin, "scanner")
    assert made.token.id is not None
    token_id = made.token.id
    results = together(8, lambda i: access.revoke_token(world.app.uow(), admin, token_id))
    revoked = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, InvalidValue)]
    assert len(revoked) == 1 and len(refused) == 7, results
    assert all("revoked already" in str(r) for r in refused)
    a = orm.audit_log.c
    lines = sa.select(sa.func.count()).where(a.action == "revoke_token")
    assert count(world, lines) == 1
