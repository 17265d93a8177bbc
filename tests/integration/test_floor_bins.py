"""Bins and put-away by scan, on SQLite and PostgreSQL: the import takes all or nothing,
the rules refuse a wrong bin with the reason, a full bin is refused, and two put-aways into
the last place of a bin at once leave one unit in it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from revalo.adapters import orm
from revalo.adapters.invariants import check_database
from revalo.domain.errors import NotAllowed
from revalo.services.floor import bins as floor_bins
from revalo.services.floor import putaway
from revalo.services.floor.bins import BadBinRows
from tests.conftest import World
from tests.integration.floor_world import add_bins
from tests.integration.flows import ask, grade, gs1, line, scan
from tests.integration.test_concurrency import together
from tests.people import person


def graded(world: World, sku: str, serial: str, *, hazardous: bool = False) -> str:
    product = {p.sku: p for p in (world.laptop, world.sofa, world.tshirt, world.drill)}[sku]
    ask(world, line(sku, serial=serial))
    lpn = scan(world, gs1(product, serial)).unit.lpn
    grade(world, lpn, hazardous=hazardous)
    return lpn


def where(world: World, lpn: str) -> str | None:
    with world.app.engine.connect() as conn:
        return conn.scalar(sa.select(orm.units.c.location_code).where(orm.units.c.lpn == lpn))


def test_a_bin_file_is_imported_whole_and_the_fill_comes_from_the_ledger(world: World) -> None:
    add_bins(world)
    listed = floor_bins.site_bins(world.app.uow(), "HUB-FR", by=person("manager"))
    assert [b.bin.code for b in listed][:2] == ["HUB-FR:A-01-0-A", "HUB-FR:A-01-3-A"]
    assert all(b.fill.units == 0 for b in listed)
    lpn = graded(world, "TEE-M", "T1")
    putaway.put_away(world.app.uow(), lpn, "hub-fr:a-01-3-a", by=person("bob"))
    fills = {
        b.bin.code: b for b in floor_bins.site_bins(world.app.uow(), "HUB-FR", by=person("manager"))
    }
    assert fills["HUB-FR:A-01-3-A"].fill.units == 1
    assert fills["HUB-FR:A-01-3-A"].fill.mass_kg == pytest.approx(0.2)
    assert where(world, lpn) == "HUB-FR:A-01-3-A"
    assert check_database(world.app.engine) == []


def test_a_bad_bin_file_names_every_bad_line_and_imports_nothing(world: World) -> None:
    add_bins(world, "code,zone,kind\nHUB-FR:A-01-0-A,graded_stock,shelf\n")
    text = (
        "code,zone,kind,places\n"
        "HUB-FR:A-01-1-A,graded_stock,shelf,4\n"  # good
        "HUB-FR:A-1-A,graded_stock,shelf,4\n"  # bad code
        "HUB-FR:A-01-2-A,attic,shelf,4\n"  # bad zone
        "HUB-DE:A-01-2-A,graded_stock,shelf,4\n"  # another site
        "HUB-FR:A-01-0-A,graded_stock,shelf,4\n"  # exists already
        "HUB-FR:A-01-1-A,graded_stock,shelf,x\n"  # twice, and not a number
    )
    with pytest.raises(BadBinRows) as caught:
        add_bins(world, text)
    assert [(e.line, e.column) for e in caught.value.errors] == [
        (3, "code"),
        (4, "zone"),
        (5, "code"),
        (6, "code"),
        (7, "places"),
    ]
    assert "line 4 (zone): zone 'attic' must be one of" in str(caught.value)
    listed = floor_bins.site_bins(world.app.uow(), "HUB-FR", by=person("manager"))
    assert [b.bin.code for b in listed] == ["HUB-FR:A-01-0-A"]


def test_a_damaged_lithium_unit_goes_only_into_the_battery_store(world: World) -> None:
    add_bins(world)
    lpn = graded(world, "DRILL-18", "D1", hazardous=True)
    proposal = putaway.propose_bin(world.app.uow(), lpn, by=person("bob"))
    assert proposal.bin is not None and proposal.bin.code == "HUB-FR:L-01-0-A"
    with pytest.raises(NotAllowed, match="damaged lithium battery: it goes only into a battery"):
        putaway.put_away(world.app.uow(), lpn, "HUB-FR:A-01-0-A", by=person("bob"))
    assert where(world, lpn) == "HUB-FR:graded_stock"
    putaway.put_away(world.app.uow(), lpn, "HUB-FR:L-01-0-A", by=person("bob"))
    assert where(world, lpn) == "HUB-FR:L-01-0-A"
    # ...and the battery store takes nothing else.
    other = graded(world, "TEE-M", "T2")
    with pytest.raises(NotAllowed, match="is a battery store"):
        putaway.put_away(world.app.uow(), other, "HUB-FR:L-01-0-A", by=person("bob"))


def test_data_bearing_and_bulky_units_are_proposed_their_bins(world: World) -> None:
    add_bins(world)
    laptop, sofa = graded(world, "LAP-14", "L1"), graded(world, "SOFA-3", "S1")
    assert putaway.propose_bin(world.app.uow(), laptop, by=person("bob")).bin.code.endswith(
        "C-01-0-A"
    )  # type: ignore[union-attr]
    with pytest.raises(NotAllowed, match="holds data not yet wiped"):
        putaway.put_away(world.app.uow(), laptop, "HUB-FR:A-01-0-A", by=person("bob"))
    assert putaway.propose_bin(world.app.uow(), sofa, by=person("bob")).bin.code.endswith(
        "B-01-0-A"
    )  # type: ignore[union-attr]
    with pytest.raises(NotAllowed, match="is bulky"):
        putaway.put_away(world.app.uow(), sofa, "HUB-FR:A-01-0-A", by=person("bob"))


def test_a_bin_over_capacity_is_refused(world: World) -> None:
    add_bins(
        world, "code,zone,kind,max_volume_m3,places\nHUB-FR:A-01-0-A,graded_stock,shelf,0.5,2\n"
    )
    first, second, third = (graded(world, "TEE-M", f"T{i}") for i in range(3))
    for lpn in (first, second):
        putaway.put_away(world.app.uow(), lpn, "HUB-FR:A-01-0-A", by=person("bob"))
    with pytest.raises(NotAllowed, match=r"HUB-FR:A-01-0-A is full: 2 of its 2 places are taken"):
        putaway.put_away(world.app.uow(), third, "HUB-FR:A-01-0-A", by=person("bob"))
    assert where(world, third) == "HUB-FR:graded_stock"
    proposal = putaway.propose_bin(world.app.uow(), third, by=person("bob"))
    assert proposal.bin is None and "is full" in proposal.reason
    assert check_database(world.app.engine) == []


def test_two_put_aways_into_the_last_place_at_once_one_wins(world: World) -> None:
    add_bins(world, "code,zone,kind,places\nHUB-FR:P-01-0-A,graded_stock,pallet_racking,2\n")
    lpns = [graded(world, "TEE-M", f"T{i}") for i in range(3)]
    putaway.put_away(world.app.uow(), lpns[0], "HUB-FR:P-01-0-A", by=person("bob"))
    results = together(
        2,
        lambda i: putaway.put_away(
            world.app.uow(), lpns[1 + i], "HUB-FR:P-01-0-A", by=person(f"h{i}")
        ),
    )
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(refused) == 1 and isinstance(refused[0], NotAllowed), results
    assert "is full: 2 of its 2 places are taken" in str(refused[0])
    in_bin = [lpn for lpn in lpns if where(world, lpn) == "HUB-FR:P-01-0-A"]
    assert len(in_bin) == 2
    assert [str(v) for v in check_database(world.app.engine)] == []
