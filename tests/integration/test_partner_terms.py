"""A partner's terms through the services, on SQLite and PostgreSQL: versions kept and the
one in force by day, bad input refused by name with nothing written, the record held
against the terms from the units' own events, a partner reading only its own, and managers
changing one partner's terms at once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_terms
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import InvalidValue, NotFound, PermissionDenied
from revalo.domain.partner_terms import Term
from revalo.domain.people import Role
from revalo.services import partner_terms as terms
from revalo.services import partners, stock
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.people import add_person, person


def _rows(world: World) -> list[tuple[object, ...]]:
    with world.app.engine.connect() as conn:
        stmt = sa.select(partner_terms.c.site_code, partner_terms.c.version).order_by(
            partner_terms.c.site_code, partner_terms.c.version
        )
        return [tuple(r) for r in conn.execute(stmt)]


def test_each_change_is_a_version_and_the_one_in_force_is_by_day(world: World) -> None:
    ann, bob = person("ann"), person("bob")
    first = terms.set_terms(
        world.app.uow(), site_code="rec-fr", valid_from=date(2026, 1, 1), price_share="3 %",
        note="  scrap  price ", by=ann,
    )  # fmt: skip
    assert (first.site_code, first.version, first.price_share, first.note) == (
        "REC-FR", 1, Decimal("0.03"), "scrap price",
    )  # fmt: skip
    later = terms.set_terms(
        world.app.uow(), site_code="REC-FR", valid_from=date(2026, 6, 1), price_share="0.05",
        turnaround_days="10", by=bob,
    )  # fmt: skip
    assert (later.version, later.turnaround_days, later.set_by) == (2, 10, "bob")
    before = snapshot(world.app)
    history = terms.terms_history(world.app.uow(), by=person("reader"), site_code="REC-FR")
    assert snapshot(world.app) == before
    assert [t.version for t in history] == [2, 1]
    may = partners.partner_records(
        world.app.uow(), by=ann, first=date(2026, 5, 1), last=date(2026, 5, 31)
    )
    assert may.standings["REC-FR"].terms == first
    june = partners.partner_records(
        world.app.uow(), by=ann, first=date(2026, 6, 1), last=date(2026, 6, 30)
    )
    assert june.standings["REC-FR"].terms == later
    assert june.standings["CHA-FR"].terms is None and june.standings["CHA-FR"].checks == []


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ({"price_share": "135 %"}, "price_share must be from 0 to 100 %"),
        ({"price_share": "a third"}, "price_share must be a share"),
        ({"first_time_right": "-0.1"}, "first_time_right must be from 0 to 100 %"),
        ({"turnaround_days": "0"}, "turnaround_days must be from 1 to 366 days"),
        ({"turnaround_days": "two weeks"}, "turnaround_days must be a whole number"),
        ({}, "agree at least one term"),
        ({"price_share": "0.3", "note": "x" * 301}, "the note has at most 300"),
    ],
)
def test_bad_terms_are_refused_by_name_and_nothing_is_written(
    world: World, asked: dict[str, str], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        terms.set_terms(world.app.uow(), site_code="REC-FR", by=person("ann"), **asked)  # type: ignore[arg-type]
    assert _rows(world) == []


def test_only_a_partner_site_has_terms_and_only_the_manager_sets_them(world: World) -> None:
    with pytest.raises(NotFound, match="no partner site HUB-FR"):
        terms.set_terms(world.app.uow(), site_code="HUB-FR", price_share="0.1", by=person("ann"))
    with pytest.raises(NotFound, match="no partner site NOPE"):
        terms.set_terms(world.app.uow(), site_code="nope", price_share="0.1", by=person("ann"))
    finance = add_person(world.app, "fin", [Role.FINANCE])
    with pytest.raises(PermissionDenied):
        terms.set_terms(world.app.uow(), site_code="REC-FR", price_share="0.1", by=finance)
    assert _rows(world) == []


def test_a_partner_reads_its_own_terms_only(world: World) -> None:
    for code in ("REC-FR", "REP-FR"):
        terms.set_terms(world.app.uow(), site_code=code, turnaround_days=7, by=person("ann"))
    partner = add_person(world.app, "rep", [Role.PARTNER], partner_sites=["REP-FR"])
    [own] = terms.terms_history(world.app.uow(), by=partner, site_code="REP-FR")
    assert own.site_code == "REP-FR"
    with pytest.raises(PermissionDenied):
        terms.terms_history(world.app.uow(), by=partner, site_code="REC-FR")
    found = partners.partner_records(world.app.uow(), by=partner)
    assert list(found.standings) == ["REP-FR"]


def test_the_record_is_held_against_the_terms_from_the_units_events(world: World) -> None:
    lpns = [unit(world, "LAP-14", f"S{i}") for i in range(2)]
    for lpn in lpns:
        grade(world, lpn, "D", "C")
        send(world, lpn, DispositionRoute.RECYCLE, "REC-FR")
    stock.record_proceeds(world.app.uow(), lpns[0], amount=Decimal("45.00"), by=person("fin"))
    today = world.now.date()
    terms.set_terms(
        world.app.uow(), site_code="REC-FR", valid_from=today - timedelta(days=1),
        price_share="2 %", first_time_right="0.9", by=person("ann"),
    )  # fmt: skip
    found = partners.partner_records(world.app.uow(), by=person("ann"), last=today)
    [record] = [r for r in found.records if r.code == "REC-FR"]
    assert record.handed_over == 2 and record.recovered_eur == Decimal("45.00")
    checks = {c.term: c for c in found.standings["REC-FR"].checks}
    # 45 EUR paid for two laptops of 899 EUR as new: 2.50 % of 1,798 EUR, above the 2 %.
    share = checks[Term.PRICE_SHARE]
    assert (share.agreed, share.measured, share.met) == (
        Decimal("0.02"), Decimal("0.0250"), True,
    )  # fmt: skip
    # A recycler does no work orders: its first-time-right share has nothing to measure.
    assert checks[Term.FIRST_TIME_RIGHT].measured is None
    assert checks[Term.FIRST_TIME_RIGHT].met is None
    assert found.standings["REC-FR"].missed == []
    terms.set_terms(world.app.uow(), site_code="REC-FR", price_share="3 %", by=person("ann"))
    stricter = partners.partner_records(world.app.uow(), by=person("ann"), last=today)
    [missed] = stricter.standings["REC-FR"].missed
    assert (missed.term, missed.met) == (Term.PRICE_SHARE, False)


def test_managers_changing_one_partners_terms_at_once_each_get_a_version(world: World) -> None:
    n = 6
    results = together(
        n,
        lambda i: terms.set_terms(
            world.app.uow(), site_code="REP-FR", turnaround_days=5 + i, by=person(f"m{i}")
        ),
    )
    failed = [r for r in results if isinstance(r, BaseException)]
    assert failed == []
    assert _rows(world) == [("REP-FR", v) for v in range(1, n + 1)]
    history = terms.terms_history(world.app.uow(), by=person("reader"), site_code="REP-FR")
    assert sorted(t.turnaround_days or 0 for t in history) == [5 + i for i in range(n)]
    no_violations(world)
