"""The ledger's invariants, checked in SQL, find each kind of broken promise (a database
changed behind the services' back), and nothing in a database the services wrote."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database, check_ledger
from revalo.services import return_labels
from tests.conftest import World
from tests.integration.flows import ask, gs1, line, scan
from tests.people import person


def _copy_row(conn: sa.Connection, table: sa.Table, key: int, **changes: object) -> None:
    """Insert a copy of ``table``'s row ``key`` with ``changes``."""
    values = [
        sa.literal(changes[c.name], c.type) if c.name in changes else c for c in table.columns
    ]
    select = sa.select(*values).where(table.c.id == key)
    conn.execute(sa.insert(table).from_select([c.name for c in table.columns], select))


def broken(world: World, corrupt: Callable[[sa.Connection], object]) -> dict[str, int]:
    """What the check finds once ``corrupt`` has run, in a transaction then rolled back."""
    with world.app.engine.connect() as conn:
        try:
            corrupt(conn)
            return {v.check.split(" (")[0]: v.count for v in check_ledger(conn)}
        finally:
            conn.rollback()


def test_each_broken_promise_is_found(world: World) -> None:
    rma = ask(world, line("LAP-14", serial="SN-1"))
    unit = scan(world, gs1(world.laptop, "SN-1")).unit
    assert unit is not None
    return_labels.book_return_label(
        world.app.uow(),
        world.app.transport,
        ask(world, line("SOFA-3")).number,
        by=person("operator"),
    )
    assert check_database(world.app.engine) == []
    u, ln, c = orm.units, orm.return_lines, orm.consignments

    def misplaced(conn: sa.Connection) -> None:
        conn.execute(sa.update(u).values(location_code="HUB-FR:inspection"))

    assert broken(world, misplaced) == {
        "unit not in exactly its own place": 1,
        "unit's last move does not end where it is": 1,
    }

    def received_twice(conn: sa.Connection) -> None:
        conn.execute(sa.text("DROP INDEX uq_units_live_gtin_serial"))
        _copy_row(conn, u, unit.id, id=99, lpn="LPN000000099")

    assert broken(world, received_twice) == {
        "unit not in exactly its own place": 1,  # the copy has no move
        "unit's last move does not end where it is": 1,
        "live units sharing a GTIN and serial": 1,
        "return line's received quantity wrong": 1,  # 2 units linked, 1 counted
    }

    def overcounted(conn: sa.Connection) -> None:
        conn.execute(sa.update(ln).values(received_quantity=ln.c.received_quantity + 1))

    assert broken(world, overcounted) == {"return line's received quantity wrong": 2}

    def booked_twice(conn: sa.Connection) -> None:
        conn.execute(sa.text("DROP INDEX uq_consignments_return_rma"))
        first = conn.scalar(sa.select(sa.func.min(c.c.id)))
        _copy_row(conn, c, int(first or 0), id=999, sscc=None)

    assert broken(world, booked_twice) == {"parcels with more than one consignment": 1}

    def linked_to_nothing(conn: sa.Connection) -> None:
        conn.execute(sa.update(u).values(rma_line_no=7))

    assert broken(world, linked_to_nothing) == {
        "return line's received quantity wrong": 1,
        "units linked to no return line": 1,
    }
    assert rma.number and check_database(world.app.engine) == []
