"""The floor's rules on their own: bin codes, where a unit may go, the bin proposed, what a
task needs and what a member lacks for it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from revalo.domain.catalog import LocationKind
from revalo.domain.errors import InvalidValue
from revalo.domain.floor.bins import Bin, BinKind, Fill, Item, parse_bin_code
from revalo.domain.floor.putaway import propose, refusal
from revalo.domain.floor.tasks import requirements_for
from revalo.domain.floor.team import (
    Need,
    PpeIssue,
    PpeKind,
    Qualification,
    QualificationKind,
    Shift,
    TeamMember,
    expiring,
)

Z = LocationKind.GRADED_STOCK
DAY = date(2026, 6, 1)


def shelf(code: str, **kw: object) -> Bin:
    return Bin.create(code, zone=Z, kind=kw.pop("kind", BinKind.SHELF), **kw)  # type: ignore[arg-type]


def test_a_bin_code_names_site_aisle_rack_level_and_position() -> None:
    c = parse_bin_code(" hub-central:a-03-2-b ")
    assert (c.site_code, c.aisle, c.rack, c.level, c.position) == ("HUB-CENTRAL", "A", 3, 2, "B")
    assert c.code == "HUB-CENTRAL:A-03-2-B"
    for bad in ("HUB-CENTRAL", "HUB:A-3-2-B", "HUB:A-03-22-B", "HUB:A-03-2-BB"):
        with pytest.raises(InvalidValue, match="SITE:AISLE-RACK-LEVEL-POS"):
            parse_bin_code(bad)
    with pytest.raises(InvalidValue, match="site code '' must be"):
        parse_bin_code(":A-03-2-B")
    with pytest.raises(InvalidValue, match="only pallet racking has a height"):
        shelf("HUB:A-01-0-A", height_m=2.0)


def test_the_rules_refuse_a_wrong_bin_with_the_reason() -> None:
    plain = Item("LPN1", 2.0, 0.01)
    heavy = Item("LPN2", 40.0, 0.2)
    store = shelf("HUB:L-01-0-A", kind=BinKind.BATTERY_STORE)
    high = shelf("HUB:A-01-3-A")
    assert refusal(high, plain, Fill()) is None
    assert "goes only at level 1 or below" in (refusal(high, heavy, Fill()) or "")
    assert "takes only units with a damaged battery" in (refusal(store, plain, Fill()) or "")
    damaged = Item("LPN3", 2.0, 0.01, damaged_lithium=True, data_bearing=True)
    assert refusal(store, damaged, Fill()) is None
    wiped = Item("LPN4", 2.0, 0.01, data_bearing=True, wiped=True)
    assert refusal(high, wiped, Fill()) is None
    small = shelf("HUB:A-01-0-A", max_volume_m3=0.05, max_mass_kg=10)
    assert "m3 left" in (refusal(small, Item("L", 1.0, 0.06), Fill()) or "")
    assert "kg more" in (refusal(small, Item("L", 6.0, 0.01), Fill(1, 0.0, 5.0)) or "")


def test_the_proposal_is_the_lowest_emptiest_allowed_bin_and_keeps_the_cage_free() -> None:
    low_full = shelf("HUB:A-01-0-A", places=2)
    low = shelf("HUB:A-02-0-A", places=2)
    cage = shelf("HUB:C-01-0-A", kind=BinKind.SECURE_CAGE)
    high = shelf("HUB:A-01-2-A", places=2)
    bins = [(high, Fill()), (cage, Fill()), (low_full, Fill(2)), (low, Fill(1))]
    assert propose(Item("L", 1.0, 0.01), bins).bin is low
    assert propose(Item("L", 1.0, 0.01, data_bearing=True), bins).bin is cage
    nothing = propose(Item("L", 1.0, 0.01, bulky=True), bins)
    assert nothing.bin is None and "is bulky" in nothing.reason


def test_high_racking_needs_a_reach_truck_and_its_caces_and_a_member_lacking_it_is_told() -> None:
    rack = shelf("HUB:P-01-3-A", kind=BinKind.PALLET_RACKING, height_m=4.5)
    req = requirements_for(Item("L", 2.0, 0.01), rack)
    assert req.equipment == {"reach_truck"} and Need(QualificationKind.CACES_R489, "5") in req.needs
    m = TeamMember("kim", "HUB", Shift.MORNING, id=1)
    m.qualifications.append(
        Qualification(1, QualificationKind.CACES_R489, DAY - timedelta(days=900), DAY, "5")
    )
    m.ppe.append(
        PpeIssue(1, PpeKind.HELMET, "M", DAY - timedelta(days=10), DAY + timedelta(days=9))
    )
    lacking = m.missing(req.needs, req.ppe, DAY + timedelta(days=1))
    assert "caces_r489 5 expired on 2026-06-01" in lacking
    assert "driving_authorisation missing" in lacking
    assert "PPE hi_vis_vest not issued" in lacking and not any("helmet" in x for x in lacking)
    soon = expiring([m], DAY, days=30)
    assert [(e.kind, e.on) for e in soon] == [
        ("caces_r489", DAY),
        ("helmet", DAY + timedelta(days=9)),
    ]
    with pytest.raises(InvalidValue, match="CACES R489 category '9'"):
        Qualification(1, QualificationKind.CACES_R489, DAY, DAY + timedelta(days=1), "9")
