"""The shop's orders imported from a CSV file, on SQLite and PostgreSQL: all of them or
none, every bad line named; the same file sent twice at once records each order once."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters import orm_portal
from revalo.services import portal, portal_orders
from revalo.services.portal_orders import BadOrderRows
from tests.conftest import World
from tests.integration.test_concurrency import count, together
from tests.people import person

HEADER = (
    "order_ref,customer_code,email,postcode,placed_at,delivered_at,line_no,sku,quantity,"
    "unit_price\n"
)
GOOD = HEADER + (
    "web-5001,C-ANNE,Anne.Martin@example.fr,75011,2026-11-20,2026-11-23,1,TEE-M,2,19.90\n"
    "WEB-5001,C-ANNE,Anne.Martin@example.fr,75011,2026-11-20,2026-11-23,2,DRILL-18,1,129\n"
    'WEB-5002,C-JONAS,jonas.weber@example.de,,2026-11-21T10:30:00+01:00,,1,LAP-14,1,"899,00"\n'
)


def _orders(world: World) -> int:
    return count(world, sa.select(sa.func.count()).select_from(orm_portal.customer_orders))


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_a_file_of_orders_is_recorded_and_its_customers_find_them(world: World) -> None:
    added = portal_orders.import_orders(world.app.uow(), _lines(GOOD), by=person("shop"))
    assert [(o.order_ref, len(o.lines)) for o in added] == [("WEB-5001", 2), ("WEB-5002", 1)]
    found = portal.find_order(world.app.uow(), "WEB-5001", "75 011")
    assert [(ln.sku, ln.quantity, ln.unit_price) for ln in found.lines] == [
        ("TEE-M", 2, Decimal("19.90")),
        ("DRILL-18", 1, Decimal("129.00")),
    ]
    jonas = portal.find_order(world.app.uow(), "WEB-5002", "Jonas.Weber@example.de")
    assert jonas.delivered_at is None and jonas.placed_at.hour == 9  # 10:30 at UTC+1
    assert jonas.lines[0].unit_price == Decimal("899.00")


def test_a_bad_file_names_every_bad_line_and_records_nothing(world: World) -> None:
    portal_orders.import_orders(
        world.app.uow(), _lines(HEADER + GOOD.splitlines(True)[3]), by=person("shop")
    )
    before = _orders(world)
    bad = HEADER + (
        "WEB-6001,C-NOBODY,a@example.fr,,2026-11-20,,1,TEE-M,1,19.90\n"  # 2: no customer
        "WEB-6002,C-ANNE,a@example.fr,,2026-11-20,,1,NOPE-1,1,19.90\n"  # 3: no product
        "WEB-6003,C-ANNE,a@example.fr,,2026-11-20,,1,TEE-M,two,19.90\n"  # 4: quantity
        "WEB-6004,C-ANNE,a@example.fr,,2026-11-20,,1,TEE-M,1,19.90\n"  # 5: good
        "WEB-6004,C-ANNE,b@example.fr,,2026-11-20,,2,TEE-M,1,19.90\n"  # 6: e-mail differs
        "WEB-6004,C-ANNE,a@example.fr,,2026-11-20,,1,DRILL-18,1,9\n"  # 7: line 1 again
        "WEB-6005,C-ANNE,,,2026-11-20,,1,TEE-M,1,19.90\n"  # 8: no proof
        "WEB-6006,C-ANNE,a@example.fr,,2026-13-01,,1,TEE-M,1,19.90\n"  # 9: no such day
        "WEB-5002,C-JONAS,j@example.de,,2026-11-21,,1,LAP-14,1,899\n"  # 10: recorded already
        "WEB-6007,C-ANNE,a@example.fr,,2026-11-20,,1,TEE-M,1,free\n"  # 11: price
        "WEB-6008,C-ANNE,a@example.fr\n"  # 12: short row
    )
    with pytest.raises(BadOrderRows) as refused:
        portal_orders.import_orders(world.app.uow(), _lines(bad), by=person("shop"))
    named = {(e.line, e.column) for e in refused.value.errors}
    assert named == {
        (2, "customer_code"),
        (3, "sku"),
        (4, "quantity"),
        (6, "email"),
        (7, "line_no"),
        (8, "email"),
        (9, "placed_at"),
        (10, "order_ref"),
        (11, "unit_price"),
        (12, None),
    }
    messages = " | ".join(e.message for e in refused.value.errors)
    assert "no customer with code 'C-NOBODY'" in messages
    assert "order WEB-6004 says otherwise on line 5" in messages
    assert "order WEB-5002 is recorded already" in messages
    assert _orders(world) == before
    for header, problem in (
        ("order_ref,sku\n", "missing column(s): customer_code, placed_at"),
        (HEADER.strip() + ",colour\n", "unknown column(s): colour"),
        ("", "the file is empty"),
        (HEADER, "the file has no order line"),
    ):
        with pytest.raises(BadOrderRows, match=re.escape(problem)):
            portal_orders.import_orders(world.app.uow(), _lines(header), by=person("shop"))
    assert _orders(world) == before


def test_the_same_file_sent_twice_at_once_records_each_order_once(world: World) -> None:
    results = together(
        2, lambda i: portal_orders.import_orders(world.app.uow(), _lines(GOOD), by=person("shop"))
    )
    recorded = [r for r in results if isinstance(r, list)]
    refused = [r for r in results if isinstance(r, BadOrderRows)]
    assert len(recorded) == 1 and len(refused) == 1, results
    assert "is recorded already" in refused[0].message
    assert _orders(world) == 2
    lines = sa.select(sa.func.count()).select_from(orm_portal.customer_order_lines)
    assert count(world, lines) == 3
