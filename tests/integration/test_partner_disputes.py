"""Disputes with partners through the services, on SQLite and PostgreSQL: opened about a
unit that went to the partner (and refused about one that did not), bad input refused by
name with nothing written, settled once and not by its opener, a partner kept to its own,
the record counting them, and two people settling one dispute at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_disputes
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import Conflict, InvalidValue, NotAllowed, NotFound, PermissionDenied
from revalo.domain.partner_disputes import DisputeState
from revalo.domain.people import Role
from revalo.services import partner_disputes as disputes
from revalo.services import partners
from tests.conftest import World
from tests.integration.compliance_world import send, unit
from tests.integration.flows import grade, snapshot
from tests.integration.test_concurrency import no_violations, together
from tests.people import add_person, person


def _rows(world: World) -> list[tuple[object, ...]]:
    d = partner_disputes.c
    with world.app.engine.connect() as conn:
        stmt = sa.select(d.id, d.site_code, d.state, d.settled_by, d.credit_eur).order_by(d.id)
        return [tuple(r) for r in conn.execute(stmt)]


def _recycled(world: World, serial: str) -> str:
    lpn = unit(world, "LAP-14", serial)
    grade(world, lpn, "D", "C")
    send(world, lpn, DispositionRoute.RECYCLE, "REC-FR")
    return lpn


def test_a_dispute_about_a_unit_that_went_to_the_partner(world: World) -> None:
    lpn = _recycled(world, "S1")
    recycler = add_person(world.app, "rec", [Role.PARTNER], partner_sites=["REC-FR"])
    d = disputes.open_dispute(
        world.app.uow(), site_code="rec-fr", kind="not as described", lpn=lpn.lower(),
        text="  screen   missing on arrival ", amount_eur="35.50", by=recycler,
    )  # fmt: skip
    assert (d.site_code, d.kind.value, d.text, d.amount_eur) == (
        "REC-FR", "not_as_described", "screen missing on arrival", Decimal("35.50"),
    )  # fmt: skip
    assert d.by_partner and d.lpn == lpn and d.state is DisputeState.OPEN
    before = snapshot(world.app)
    found, count = disputes.list_disputes(world.app.uow(), by=recycler)
    assert snapshot(world.app) == before
    assert count == 1 and found[0].lpn == lpn and found[0].number == d.number
    # A unit that never went to the site is not the partner's to dispute.
    other = unit(world, "LAP-14", "S2")
    with pytest.raises(InvalidValue, match=f"unit {other} never went to REP-FR"):
        disputes.open_dispute(
            world.app.uow(), site_code="REP-FR", kind="damaged", lpn=other, text="x",
            by=person("ann"),
        )  # fmt: skip
    record = partners.partner_records(world.app.uow(), by=person("ann"))
    counts = record.standings["REC-FR"].disputes
    assert (counts.open, counts.total) == (1, 1)


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ({"kind": "angry"}, "a dispute's kind is one of damaged"),
        ({"text": "   "}, "say what the claim is about"),
        ({"text": "x" * 501}, "the claim has at most 500 characters"),
        ({"amount_eur": "lots"}, "amount must be an amount in EUR"),
        ({"amount_eur": "-3"}, "amount must be from 0 to 1000000 EUR"),
        ({"site_code": "HUB-FR"}, "no partner site HUB-FR"),
        ({"lpn": "LPN999999999"}, "no unit with LPN"),
    ],
)
def test_bad_disputes_are_refused_by_name_and_nothing_is_written(
    world: World, asked: dict[str, str], message: str
) -> None:
    fields = {"site_code": "REC-FR", "kind": "damaged", "text": "dented", **asked}
    with pytest.raises((InvalidValue, NotFound), match=message):
        disputes.open_dispute(world.app.uow(), by=person("ann"), **fields)  # type: ignore[arg-type]
    assert _rows(world) == []


def test_settled_once_not_by_its_opener_and_partners_kept_to_their_own(world: World) -> None:
    partner = add_person(world.app, "rep", [Role.PARTNER], partner_sites=["REP-FR"])
    finance = add_person(world.app, "fin", [Role.FINANCE])
    with pytest.raises(PermissionDenied):
        disputes.open_dispute(
            world.app.uow(), site_code="REC-FR", kind="late", text="x", by=partner
        )
    d = disputes.open_dispute(
        world.app.uow(), site_code="REP-FR", kind="payment_short", text="paid 40 EUR short",
        amount_eur="40", by=partner,
    )  # fmt: skip
    assert d.id is not None
    with pytest.raises(PermissionDenied):
        disputes.settle_dispute(world.app.uow(), d.id, accept=True, by=partner)
    with pytest.raises(NotAllowed, match="someone else settles it"):
        disputes.settle_dispute(world.app.uow(), d.id, accept=True, by=person("rep"))
    with pytest.raises(InvalidValue, match="say what the note is about"):
        disputes.settle_dispute(world.app.uow(), d.id, accept=False, by=finance)
    with pytest.raises(InvalidValue, match="a rejected dispute credits nothing"):
        disputes.settle_dispute(
            world.app.uow(), d.id, accept=False, note="no", credit_eur="3", by=finance
        )
    with pytest.raises(NotFound, match="no dispute 999"):
        disputes.settle_dispute(world.app.uow(), 999, accept=True, by=finance)
    assert _rows(world) == [(d.id, "REP-FR", "open", None, None)]
    done = disputes.settle_dispute(world.app.uow(), d.id, accept=True, by=finance)
    assert (done.state, done.credit_eur, done.settled_by) == (
        DisputeState.ACCEPTED, Decimal("40.00"), "fin",
    )  # fmt: skip
    with pytest.raises(Conflict, match=f"dispute {d.number} is accepted already"):
        disputes.settle_dispute(world.app.uow(), d.id, accept=False, note="no", by=finance)
    theirs = disputes.open_dispute(
        world.app.uow(), site_code="REC-FR", kind="late", text="slow", by=finance
    )
    assert theirs.id is not None and not theirs.by_partner
    seen, count = disputes.list_disputes(world.app.uow(), by=partner)
    assert count == 1 and [x.site_code for x in seen] == ["REP-FR"]
    with pytest.raises(PermissionDenied):
        disputes.get_dispute(world.app.uow(), theirs.id, by=partner)
    with pytest.raises(InvalidValue, match="limit must be 1 to 500"):
        disputes.list_disputes(world.app.uow(), by=finance, limit=0)
    counts = partners.partner_records(world.app.uow(), by=finance).standings["REP-FR"].disputes
    assert (counts.accepted, counts.credited_eur) == (1, Decimal("40.00"))
    no_violations(world)


def test_two_people_settling_one_dispute_at_once_settle_it_once(world: World) -> None:
    opened = disputes.open_dispute(
        world.app.uow(), site_code="REC-FR", kind="damaged", text="crushed", amount_eur="10",
        by=person("ann"),
    )  # fmt: skip
    assert opened.id is not None
    dispute_id = opened.id
    n = 6
    results = together(
        n,
        lambda i: disputes.settle_dispute(
            world.app.uow(), dispute_id, accept=i % 2 == 0, note=f"by {i}", by=person(f"fin{i}")
        ),
    )
    settled = [r for r in results if not isinstance(r, BaseException)]
    refused = [r for r in results if isinstance(r, BaseException)]
    assert len(settled) == 1, results
    assert all(isinstance(r, Conflict) for r in refused), refused
    [(_, _, state, by, _)] = _rows(world)
    assert (state, by) == (settled[0].state.value, settled[0].settled_by)
    no_violations(world)
