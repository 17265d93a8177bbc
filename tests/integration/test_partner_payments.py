"""A partner pays for the units handed over to it for good, on SQLite and PostgreSQL: at the
price share of its terms or of an amount shared by price as new, to the cent; each unit
once; what is not its to pay for (kept in stock, sold in a lot, another partner's) refused
by name with nothing written; two payments of one unit at once pay it once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_payment_lines
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import Conflict, InvalidValue, PermissionDenied
from revalo.domain.partner_payments import PartnerPayment
from revalo.domain.people import Role
from revalo.domain.values import utcnow
from revalo.services import partner_payments, partner_terms
from revalo.services.common import get_unit
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.integration.test_deliveries import _bought
from tests.people import add_person


def _returned(world: World, *serials: str) -> list[str]:
    """Drills returned to their vendor, VEN-LUMEN: handed over to it for good."""
    lpns = []
    for serial in serials:
        lpn = unit(world, "DRILL-18", serial)
        grade(world, lpn, "B", "B")
        send(world, lpn, DispositionRoute.RETURN_TO_VENDOR, "VEN-LUMEN")
        lpns.append(lpn)
    return lpns


def _proceeds(world: World, lpn: str) -> Decimal | None:
    with world.app.read_uow() as uow:
        return get_unit(uow, lpn).proceeds


def test_a_vendor_pays_at_its_price_share_each_unit_once(world: World) -> None:
    first, second = _returned(world, "P1", "P2")
    manager = add_person(world.app, "manager", [Role.FLOW_MANAGER])
    partner_terms.set_terms(
        world.app.uow(),
        site_code="VEN-LUMEN",
        valid_from=utcnow().date() - timedelta(days=30),
        price_share="20 %",
        by=manager,
    )
    vendor = add_person(world.app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    paid = partner_payments.record_payment(
        world.app.uow(),
        site_code="ven-lumen",
        codes=["P1", second.lower()],  # by its serial, by its LPN
        reference="CN-2026-114",
        by=vendor,
    )
    assert paid.number == "PAY00000001" and paid.amount == Decimal("51.60")
    assert [(x.lpn, x.amount) for x in paid.lines] == [
        (first, Decimal("25.80")),
        (second, Decimal("25.80")),
    ]
    assert _proceeds(world, first) == Decimal("25.80")
    with pytest.raises(
        Conflict, match=f"unit {first} was paid for already, by payment PAY00000001"
    ):
        partner_payments.record_payment(
            world.app.uow(), site_code="VEN-LUMEN", codes=[first], reference="again", by=vendor
        )
    listed, total = partner_payments.payments(world.app.uow(), by=vendor, site_code="VEN-LUMEN")
    assert total == 1 and listed[0].reference == "CN-2026-114" and len(listed[0].lines) == 2
    no_violations(world)


def test_an_amount_is_shared_by_price_as_new_to_the_cent(world: World) -> None:
    [drill] = _returned(world, "Q1")
    lpns = _bought(world, 1)  # a laptop in a lot OUT-FR bought: not paid for here
    finance = add_person(world.app, "finance", [Role.FINANCE])
    with pytest.raises(InvalidValue, match="a lot is paid with its invoice"):
        partner_payments.record_payment(
            world.app.uow(), site_code="OUT-FR", codes=lpns, reference="R1", by=finance
        )
    paid = partner_payments.record_payment(
        world.app.uow(),
        site_code="VEN-LUMEN",
        codes=[drill],
        reference="statement 7",
        amount=Decimal("33.33"),
        paid_on=date(2026, 1, 5),
        by=finance,
    )
    assert paid.paid_on == date(2026, 1, 5) and [x.amount for x in paid.lines] == [Decimal("33.33")]
    no_violations(world)


def test_what_is_not_its_to_pay_for_is_refused_with_nothing_written(world: World) -> None:
    [sent] = _returned(world, "R1")
    kept = unit(world, "DRILL-18", "R2")
    vendor = add_person(world.app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    outlet = add_person(world.app, "outlet", [Role.PARTNER], partner_sites=["OUT-FR"])
    before = snapshot(world.app)
    tomorrow = utcnow().date() + timedelta(days=1)
    refusals: list[tuple[dict[str, object], type[Exception], str]] = [
        ({"codes": [kept]}, InvalidValue, f"{kept} is no unit handed over to VEN-LUMEN"),
        ({"codes": [sent]}, InvalidValue, "no price share agreed with VEN-LUMEN"),
        ({"codes": [sent, sent]}, InvalidValue, "units named twice"),
        ({"codes": []}, InvalidValue, "name at least one unit"),
        ({"codes": [sent], "reference": " "}, InvalidValue, "needs its reference"),
        ({"codes": [sent], "amount": Decimal("-1")}, InvalidValue, "more than 0"),
        ({"codes": [sent], "amount": Decimal("1.001")}, InvalidValue, "whole cents"),
        ({"codes": [sent], "paid_on": tomorrow}, InvalidValue, "once paid"),
    ]
    for given, error, message in refusals:
        args = {"reference": "CN-1", **given}
        with pytest.raises(error, match=message):
            partner_payments.record_payment(
                world.app.uow(),
                site_code="VEN-LUMEN",
                by=vendor,
                **args,  # type: ignore[arg-type]
            )
    with pytest.raises(PermissionDenied):
        partner_payments.record_payment(
            world.app.uow(),
            site_code="VEN-LUMEN",
            codes=[sent],
            reference="CN-1",
            amount=Decimal("5"),
            by=outlet,
        )
    after = snapshot(world.app)
    refused = after.pop("audit_log")[len(before.pop("audit_log")) :]
    assert after == before  # only the refusal is written down, in the access audit
    assert [r[4] for r in refused] == ["record_payments"], refused


def test_two_payments_of_one_unit_at_once_pay_it_once(world: World) -> None:
    [lpn] = _returned(world, "S1")
    vendor = add_person(world.app, "vendor", [Role.PARTNER], partner_sites=["VEN-LUMEN"])
    results = together(
        4,
        lambda i: partner_payments.record_payment(
            world.app.uow(),
            site_code="VEN-LUMEN",
            codes=[lpn],
            reference=f"CN-{i}",
            amount=Decimal("10"),
            by=vendor,
        ),
    )
    done = [r for r in results if isinstance(r, PartnerPayment)]
    refused = [r for r in results if not isinstance(r, PartnerPayment)]
    assert len(done) == 1, results
    assert all(isinstance(r, Conflict) for r in refused), refused
    with world.app.engine.connect() as conn:
        lines = conn.execute(sa.select(sa.func.count()).select_from(partner_payment_lines))
        assert lines.scalar() == 1
    assert _proceeds(world, lpn) == Decimal("10.00")
    no_violations(world)
