"""The promises of the partners' disputes, checked in SQL (adapters/invariants.py runs them
with the others): an open dispute has no settlement and a settled one has all of it; only
an accepted one credits; and it was not settled by the person who opened it."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa

from revalo.adapters.orm_partners import partner_disputes
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


CHECKS: tuple[tuple[str, Callable[[], sa.Select[tuple[object, ...]]]], ...] = (
    (
        "dispute whose settlement disagrees with its state (id, state, opened by, settled by)",
        _settlements,
    ),
)
