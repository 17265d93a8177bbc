"""The promises of the partners' disputes and payments, checked in SQL (adapters/
invariants.py runs them with the others): an open dispute has no settlement and a settled
one has all of it; only an accepted one credits; and it was not settled by the person who
opened it. A payment's lines add up to its amount, and each paid-for unit was handed over
to the partner who paid (the key on the unit keeps it paid for once). A resold unit was
accepted by scan at the partner that resold it, on or before the day it was resold."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from revalo.adapters.orm import units
from revalo.adapters.orm_partners import (
    partner_disputes,
    partner_payment_lines,
    partner_payments,
    partner_receipts,
    partner_resales,
)
from revalo.domain.partner_disputes import DisputeState


def _settlements() -> sa.Select[tuple[int, str, str | None, str | None]]:
    d = partner_disputes.c
    open_ = d.state == DisputeState.OPEN.value
    settled = d.settled_by.is_not(None) & d.settled_at.is_not(None)
    wrong = sa.or_(
        open_ & (d.settled_by.is_not(None) | d.settled_at.is_not(None) | d.credit_eur.is_not(None)),
        ~open_ & ~settled,
        ~d.state.in_([s.value for s in DisputeState]),
        (d.state == DisputeState.REJECTED.value) & d.credit_eur.is_not(None),
        d.settled_by == d.opened_by,
    )
    return sa.select(d.id, d.state, d.opened_by, d.settled_by).where(wrong).order_by(d.id)


def _payment_sums() -> sa.Select[tuple[int, int, int | None]]:
    p, line = partner_payments.c, partner_payment_lines.c
    lines = (
        sa.select(line.payment_id, sa.func.sum(line.amount_eur).label("total"))
        .group_by(line.payment_id)
        .subquery()
    )
    return (
        sa.select(p.id, p.amount_eur, lines.c.total)
        .outerjoin(lines, lines.c.payment_id == p.id)
        .where(sa.func.coalesce(lines.c.total, -1) != p.amount_eur)
        .order_by(p.id)
    )


def _paid_elsewhere() -> sa.Select[tuple[int, str, str | None]]:
    p, line, u = partner_payments.c, partner_payment_lines.c, units.c
    return (
        sa.select(line.unit_id, p.site_code, u.destination_site)
        .join(partner_payments, p.id == line.payment_id)
        .join(units, u.id == line.unit_id)
        .where(sa.func.coalesce(u.destination_site, "") != p.site_code)
        .order_by(line.unit_id)
    )


def _resold_unaccepted() -> sa.Select[tuple[int, str, str | None]]:
    r, got = partner_resales.c, partner_receipts.c
    accepted = sa.func.date(got.received_at)
    return (
        sa.select(r.unit_id, r.site_code, got.site_code)
        .outerjoin(partner_receipts, got.unit_id == r.unit_id)
        .where(
            got.unit_id.is_(None)
            | (got.site_code != r.site_code)
            | (sa.cast(r.sold_on, sa.String) < sa.cast(accepted, sa.String))
        )
        .order_by(r.unit_id)
    )


CHECKS: tuple[tuple[str, Callable[[], sa.Select[tuple[object, ...]]]], ...] = (
    (
        "dispute whose settlement disagrees with its state (id, state, opened by, settled by)",
        _settlements,
    ),
    ("partner payment whose lines do not add up to it (id, amount, lines)", _payment_sums),
    (
        "unit paid for by a partner it was not handed over to (unit, payer, destination)",
        _paid_elsewhere,
    ),
    (
        "unit resold by a partner that did not accept it first (unit, reseller, accepted at)",
        _resold_unaccepted,
    ),
)
