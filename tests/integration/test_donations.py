"""Donations to charities through the services, on SQLite and PostgreSQL: a charity
acknowledges the units donated to it (and only those, each once, one owner's at a time),
finance values them once, the receipt data says whether the French reduction applies and
how much it is, and two acknowledgments of one unit at once keep one."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_donations import donation_units, donations
from revalo.domain.disposition import DispositionRoute
from revalo.domain.donations import Donation, receipt_of, reduction
from revalo.domain.errors import Conflict, InvalidValue, NotFound, PermissionDenied
from revalo.domain.people import Role
from revalo.services import donations as service
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.people import add_person, person


def _donated(world: World, serial: str, to: str = "CHA-FR") -> str:
    lpn = unit(world, "DRILL-18", serial)
    grade(world, lpn, "B", "B")
    send(world, lpn, DispositionRoute.DONATE, to)
    return lpn


def _rows(world: World) -> tuple[int, int]:
    with world.app.engine.connect() as conn:
        return (
            int(conn.scalar(sa.select(sa.func.count()).select_from(donations)) or 0),
            int(conn.scalar(sa.select(sa.func.count()).select_from(donation_units)) or 0),
        )


def test_a_charity_acknowledges_its_donated_units_and_finance_values_them(world: World) -> None:
    lpns = [_donated(world, f"G{i}") for i in range(2)]
    charity = add_person(world.app, "cha", [Role.PARTNER], partner_sites=["CHA-FR"])
    before = snapshot(world.app)
    waiting = service.waiting(world.app.uow(), by=charity, site_code="cha-fr")
    assert snapshot(world.app) == before
    assert sorted(u.lpn for u in waiting) == sorted(lpns)
    d = service.acknowledge(
        world.app.uow(), site_code="CHA-FR", lpns=[x.lower() for x in lpns], note=" all  fine ",
        by=charity,
    )  # fmt: skip
    assert (d.number, len(d.units), d.note, d.acknowledged_by) == (
        "DON000001",
        2,
        "all fine",
        "cha",
    )
    assert service.waiting(world.app.uow(), by=charity, site_code="CHA-FR") == []
    finance = add_person(world.app, "fin", [Role.FINANCE])
    with pytest.raises(PermissionDenied):
        service.value(world.app.uow(), d.id or 0, value_eur="80", by=charity)
    with pytest.raises(InvalidValue, match="from 0 to 10000000 EUR"):
        service.value(world.app.uow(), d.id or 0, value_eur="-1", by=finance)
    with pytest.raises(InvalidValue, match="is not an amount"):
        service.value(world.app.uow(), d.id or 0, value_eur="lots", by=finance)
    valued = service.value(world.app.uow(), d.id or 0, value_eur="80,50", by=finance)
    assert valued.value_eur == Decimal("80.50")
    with pytest.raises(Conflict, match="valued already"):
        service.value(world.app.uow(), d.id or 0, value_eur="90", by=finance)
    view = service.donation(world.app.uow(), d.id or 0, by=charity)
    r = view.receipt
    # The drills are the provider's own, given by HUB-FR (France) to a French charity.
    assert (r.eligible, r.donor_country, r.charity) == (True, "FR", "Charity Paris")
    assert r.reduction_eur == Decimal("48.30")  # 60 % of 80.50 EUR
    listed, count = service.list_donations(world.app.uow(), by=charity)
    assert count == 1 and listed[0].value_eur == Decimal("80.50")
    no_violations(world)


def test_only_what_was_donated_to_it_once_and_by_one_owner(world: World) -> None:
    here = _donated(world, "H1")
    elsewhere = _donated(world, "H2", to="CHA-FR")
    kept = unit(world, "DRILL-18", "H3")
    charity = add_person(world.app, "cha", [Role.PARTNER], partner_sites=["CHA-FR"])
    other = add_person(world.app, "chb", [Role.PARTNER], partner_sites=["OUT-FR"])
    for lpns, message in [
        ([kept], f"unit {kept} was not donated to CHA-FR"),
        ([here, here], "a unit is given twice"),
        ([], "acknowledge at least one unit"),
    ]:
        with pytest.raises(InvalidValue, match=message):
            service.acknowledge(world.app.uow(), site_code="CHA-FR", lpns=lpns, by=charity)
    with pytest.raises(PermissionDenied):
        service.acknowledge(world.app.uow(), site_code="CHA-FR", lpns=[here], by=other)
    with pytest.raises(NotFound, match="no charity OUT-FR"):
        service.acknowledge(world.app.uow(), site_code="OUT-FR", lpns=[here], by=person("ann"))
    assert _rows(world) == (0, 0)
    d = service.acknowledge(world.app.uow(), site_code="CHA-FR", lpns=[here], by=charity)
    with pytest.raises(Conflict, match=f"unit {here} is on donation {d.number} already"):
        service.acknowledge(world.app.uow(), site_code="CHA-FR", lpns=[elsewhere, here], by=charity)
    assert _rows(world) == (1, 1)


def test_the_receipt_says_where_the_french_reduction_applies() -> None:
    d = Donation("CHA-BE", [], "cha", datetime(2026, 3, 1, tzinfo=UTC), value_eur=Decimal("100"))
    abroad = receipt_of(
        d, charity="Entraide", charity_country="BE", donor="Hub", donor_country="FR",
        given_before=Decimal(0),
    )  # fmt: skip
    assert abroad.eligible is False and abroad.reduction_eur is None
    client = receipt_of(
        d, charity="Paris", charity_country="FR", donor="Acme", donor_country=None,
        given_before=Decimal(0),
    )  # fmt: skip
    assert client.eligible is None and client.reduction_eur == Decimal("60.00")
    # 60 % up to 2 million EUR of the year's gifts, 40 % above.
    assert reduction(Decimal("100000"), Decimal("1950000")) == Decimal("50000.00")


def test_two_acknowledgments_of_one_unit_at_once_keep_one(world: World) -> None:
    lpn = _donated(world, "C1")
    charity = add_person(world.app, "cha", [Role.PARTNER], partner_sites=["CHA-FR"])
    results = together(
        4,
        lambda i: service.acknowledge(world.app.uow(), site_code="CHA-FR", lpns=[lpn], by=charity),
    )
    done = [r for r in results if isinstance(r, Donation)]
    refused = [r for r in results if not isinstance(r, Donation)]
    assert len(done) == 1, results
    assert all(isinstance(r, Conflict) for r in refused), refused
    assert _rows(world) == (1, 1)
    no_violations(world)
