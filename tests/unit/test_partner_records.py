"""A partner's record from its units' events, counted by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.events import EventType
from revalo.domain.partner_records import SeenEvent, records_of
from revalo.domain.partner_resales import RESALE_REPORT

T0 = datetime(2026, 3, 2, 8, tzinfo=UTC)
_E = EventType
_RESOLD = {"report": RESALE_REPORT, "site": "RES-1"}


def _site(code: str, kind: SiteKind) -> Site:
    return Site(code, code.title(), kind, "FR", "Lyon", 45.7, 4.8)


def _at(days: float) -> datetime:
    return T0 + timedelta(days=days)


def test_a_record_counts_what_its_units_did_at_the_partner() -> None:
    rep = _site("REP-1", SiteKind.REPAIR_CENTRE)
    rec = _site("REC-1", SiteKind.RECYCLER)
    quiet = _site("CHA-1", SiteKind.CHARITY)
    events = [
        # Unit 1 comes for a repair, one order fails then one is done; it leaves after 4 days.
        SeenEvent(1, _E.ARRIVED, _at(0), "REP-1", {}),
        SeenEvent(1, _E.WORK_FAILED, _at(1), "REP-1", {}),
        SeenEvent(1, _E.WORK_COMPLETED, _at(2), "REP-1", {}),
        SeenEvent(1, _E.SHIPPED, _at(4), "HUB-1", {"from_site": "REP-1", "to_site": "HUB-1"}),
        # Unit 2 comes, is repaired and sold from the partner's site after 10 days.
        SeenEvent(2, _E.ARRIVED, _at(1), "REP-1", {}),
        SeenEvent(2, _E.WORK_COMPLETED, _at(3), "REP-1", {}),
        SeenEvent(2, _E.DISPATCHED, _at(11), "REP-1", {"price_eur": "120.50"}),
        # Unit 3 arrives and is still there.
        SeenEvent(3, _E.ARRIVED, _at(5), "REP-1", {}),
        # Unit 4 is handed over to the recycler, who pays for it; a payment for another
        # unit, never handed over to it, is not the recycler's.
        SeenEvent(4, _E.DISPATCHED, _at(2), "HUB-1", {"destination_site": "REC-1"}),
        SeenEvent(4, _E.PROCEEDS_RECORDED, _at(9), "HUB-1", {"amount_eur": "1.40"}),
        SeenEvent(5, _E.PROCEEDS_RECORDED, _at(9), "HUB-1", {"amount_eur": "99.00"}),
        # Units 6 and 7 are sold in a B2B lot that a resale partner bought.
        SeenEvent(6, _E.DISPATCHED, _at(3), "HUB-1", {"lot": "LOT00000007", "price_eur": "40"}),
        SeenEvent(7, _E.DISPATCHED, _at(3), "HUB-1", {"lot": "LOT00000007", "price_eur": "2.5"}),
        # The resale partner resells unit 6 (its event has no site: the unit left the
        # company's stock); a partner's other report, with a price in it, is no resale.
        SeenEvent(6, _E.REPORTED, _at(8), None, {**_RESOLD, "price_eur": "55.00"}),
        SeenEvent(7, _E.REPORTED, _at(8), None, {"site": "RES-1", "price_eur": "9"}),
    ]
    buyers = {"LOT00000007": "RES-1"}
    sites = [rep, rec, quiet, _site("RES-1", SiteKind.RESALE_PARTNER)]
    by_code = {r.code: r for r in records_of(sites, events, buyers)}
    lot = by_code["RES-1"]
    assert (lot.handed_over, lot.recovered_eur, lot.units) == (2, Decimal("42.5"), (6, 7))
    assert (lot.resold, lot.resold_eur, lot.sell_through) == (1, Decimal("55.00"), 0.5)
    r = by_code["REP-1"]
    assert (r.handed_over, r.arrived, r.left) == (0, 3, 2)
    assert (r.turnaround_median_days, r.turnaround_p90_days) == (7.0, 10.0)
    assert (r.work_done, r.work_failed) == (2, 1)
    assert r.first_time_right == 2 / 3
    assert (r.recovered_eur, r.sold_eur) == (Decimal("0"), Decimal("120.50"))
    assert r.units == (1, 2, 3)
    c = by_code["REC-1"]
    assert (c.handed_over, c.arrived, c.recovered_eur, c.units) == (1, 0, Decimal("1.40"), (4,))
    assert c.turnaround_median_days is None and c.first_time_right is None
    assert (c.resold, c.sell_through) == (0, None), "a recycler resells nothing"
    q = by_code["CHA-1"]
    assert (q.handed_over, q.arrived, q.work_done, q.units) == (0, 0, 0, ())
