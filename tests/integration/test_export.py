"""Exporting units to CSV, page by page, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

import pytest

from revalo.adapters.barcodes import parse_scan
from revalo.domain.errors import NotFound
from revalo.domain.returns import ReturnReason
from revalo.domain.units import UnitState
from revalo.services import exports, receiving, returns
from revalo.services.ports import UnitFilter
from tests.conftest import World
from tests.people import person


def receive(world: World, gtin: str, serial: str, site: str = "HUB-FR") -> str:
    outcome = receiving.receive_scan(
        world.app.uow(), parse_scan(f"01{gtin}21{serial}"), site_code=site, by=person("bob")
    )
    return outcome.unit.lpn


def export(world: World, flt: UnitFilter, **kw: object) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    n = exports.export_units(world.app.uow(), out, flt, **kw, by=person("reader"))  # type: ignore[arg-type]
    out.seek(0)
    rows = list(csv.DictReader(out))
    assert n == len(rows)
    return rows


@pytest.fixture
def units(world: World) -> list[str]:
    """Five units: one expected laptop, four drills nobody announced (in quarantine)."""
    returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code="C-ANNE",
        lines=[returns.LineRequest("LAP-14", 1, ReturnReason.WRONG_ITEM, serial="SN-1")],
        delivered_at=None,
        by=person("portal"),
    )
    lpns = [receive(world, world.laptop.gtin, "SN-1")]
    lpns += [
        receive(world, world.drill.gtin, f"D-{i}", "HUB-DE" if i % 2 else "HUB-FR")
        for i in range(4)
    ]
    return lpns


def test_every_unit_is_written_once_in_order_across_pages(world: World, units: list[str]) -> None:
    seen: list[tuple[int, int]] = []
    rows = export(world, UnitFilter(), page_size=2, on_progress=lambda d, t: seen.append((d, t)))
    assert [r["lpn"] for r in rows] == units
    assert seen == [(2, 5), (4, 5), (5, 5)]
    assert list(rows[0]) == list(exports.UNIT_COLUMNS)
    laptop = rows[0]
    assert laptop["sku"] == "LAP-14" and laptop["category"] == "laptop"
    assert laptop["serial"] == "SN-1" and laptop["gtin"] == world.laptop.gtin
    assert laptop["state"] == "received" and laptop["location"] == "HUB-FR:receiving"
    assert laptop["rma_number"] == "RMA00000001" and laptop["rma_line_no"] == "1"
    assert laptop["received_at"].endswith("+00:00")
    assert rows[1]["state"] == "quarantined" and rows[1]["quarantine_reason"]


def test_filters_by_state_and_site(world: World, units: list[str]) -> None:
    quarantined = export(world, UnitFilter(states=frozenset({UnitState.QUARANTINED})))
    assert [r["lpn"] for r in quarantined] == units[1:]
    at_cologne = export(world, UnitFilter(site_code="HUB-DE"))
    assert [r["lpn"] for r in at_cologne] == [units[2], units[4]]
    assert {r["site"] for r in at_cologne} == {"HUB-DE"}
    received = UnitFilter(states=frozenset({UnitState.RECEIVED}), site_code="HUB-DE")
    assert export(world, received) == []


def test_an_empty_export_still_has_its_header(world: World) -> None:
    out = io.StringIO(newline="")
    assert exports.export_units(world.app.uow(), out, UnitFilter(), by=person("reader")) == 0
    assert out.getvalue().strip() == ",".join(exports.UNIT_COLUMNS)


def test_an_unknown_site_is_refused(world: World) -> None:
    with pytest.raises(NotFound, match="no site") as raised:
        exports.export_units(
            world.app.uow(), io.StringIO(), UnitFilter(site_code="NOWHERE"), by=person("reader")
        )
    assert raised.value.field == "site"
