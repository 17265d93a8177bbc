"""The cost ledger kept as a table, so that an analysis sums one indexed table instead of
recomputing every line from the records for each of its questions.

Why a table written in step with the records, and lines that keep quantities:

- Exact: a line is the same query's row (``cost_lines``) whether it is read from the table
  or computed from the records; only the rates turn it into cents, when it is read
  (``priced``). A change of ``costs.toml`` therefore needs nothing done: the next read
  prices every line at the new rates. A stay in a location the unit has not left keeps no
  seconds, and is priced up to the day the ledger is read, as before.
- In step: triggers mark the units whose records changed (``orm_cost_ledger``); before
  the transaction that changed them commits, ``settle`` writes those units' lines again
  (delete, then insert from the records) in the same transaction. A reader therefore never
  writes, and sees the lines of exactly the records it sees. Two transactions that change
  the same unit wait for each other on its mark (the pending table's primary key), so the
  second one writes the unit's lines from the first one's records too; the table's
  unique key (``source``, ``source_id``, ``stage``, ``part``) keeps any line from being
  there twice.
- Migrations 0029 and 0041 mark every unit, and ``revalo db upgrade`` settles them;
  ``rebuild`` writes every line again from the records (the tests check the table against
  them).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.cost_lines import FIXED, cost_lines, seconds_between
from revalo.adapters.orm_cost_ledger import cost_ledger, cost_ledger_pending
from revalo.domain.costs import CostRates

#: The ``Session.info`` key of the sessions that write: they settle the ledger before
#: they commit.
SETTLES = "settles_cost_ledger"
#: Units whose lines are written by one statement.
_CHUNK = 500
_INT = sa.BigInteger


def _per_site(rates: CostRates, site: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    if not rates.site_labour_cents_per_hour:
        return sa.literal(rates.labour_cents_per_hour)
    return sa.case(
        dict(rates.site_labour_cents_per_hour), value=site, else_=rates.labour_cents_per_hour
    )


def priced(
    rates: CostRates, c: Any, as_of: datetime, dialect: str
) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any], list[Any]]:
    """The cents and the part of each line of ``c`` (the table or ``cost_lines``) at these
    rates, and the condition that keeps the lines that exist at these rates (a channel's
    fee only when some channel charges one). Integer arithmetic rounds half up the way
    ``domain.costs`` does: ``(minutes * cents_per_hour + 30) / 60`` on integers."""
    rate = _per_site(rates, c.site)
    fees = {r: f for r, f in rates.channel_fees.items() if f.rate or f.fixed_cents}
    fee: sa.ColumnElement[Any] = sa.literal(0)
    if fees:
        share = sa.case({r: f.rate for r, f in fees.items()}, value=c.route, else_=0)
        fixed = sa.case({r: f.fixed_cents for r, f in fees.items()}, value=c.route, else_=0)
        fee = sa.cast(sa.func.round(c.price * 100 * share), _INT) + fixed
    until = sa.literal(as_of, orm.UtcDateTime())
    seconds = sa.func.coalesce(c.amount, seconds_between(dialect, c.at, until))
    kinds = {k: v for k, v in rates.storage_cents_per_day.items() if v}
    per_day = sa.case(kinds, value=c.part, else_=0) if kinds else sa.literal(0)
    # Two values' larger: max() on SQLite, greatest() on PostgreSQL.
    larger = sa.func.max if dialect == "sqlite" else sa.func.greatest
    storage = sa.cast(sa.func.round(larger(seconds, 0) * per_day / 86_400.0), _INT)
    cents = sa.case(
        (c.basis == FIXED, c.amount),
        (c.basis == "receipt", rates.receipt_cents),
        (c.basis == "outbound", rates.outbound_cents),
        (c.basis == "licence", rates.wipe_licence_cents),
        (c.basis == "labour_min", (c.amount * rate + 30) // 60),
        (c.basis == "labour_s", (c.amount * rate + 1800) // 3600),
        (c.basis == "storage", storage),
        else_=fee,
    )
    return cents, part_of(rates, c), [] if fees else [c.basis != "channel"]


def part_of(rates: CostRates, c: Any) -> sa.ColumnElement[Any]:
    """The part of each line of ``c`` (with its ``part``, ``basis`` and ``route``): a
    channel's fee is named after the channel of the unit's route at these rates."""
    channels = {k: f.channel for k, f in rates.channel_fees.items()}
    part: sa.ColumnElement[Any] = c.part
    if not channels:
        return part
    named = sa.case(channels, value=c.route, else_="")
    return sa.case((c.basis == "channel", named), else_=part)


def _among(ids: list[int]) -> Any:
    return lambda col: [col.in_(ids)]


def _write(session: Session, unit_ids: Sequence[int]) -> None:
    dialect = session.get_bind().dialect.name
    names = [col.name for col in cost_ledger.columns]
    for i in range(0, len(unit_ids), _CHUNK):
        chunk = list(unit_ids[i : i + _CHUNK])
        session.execute(sa.delete(cost_ledger).where(cost_ledger.c.unit_id.in_(chunk)))
        lines = cost_lines(dialect, _among(chunk))
        rows = sa.select(*(lines.c[n] for n in names))
        session.execute(sa.insert(cost_ledger).from_select(names, rows))


def settle(session: Session) -> int:
    """Write again the lines of the units marked since they were last written, in the
    session's transaction; how many units."""
    # Taken and cleared at once: a mark another transaction has not committed stays for it
    # (on SQLite there is one writer at a time: every mark is this transaction's).
    taken = sa.delete(cost_ledger_pending).returning(cost_ledger_pending.c.unit_id)
    ids = sorted(session.execute(taken).scalars())
    if ids:
        _write(session, ids)
    return len(ids)


def rebuild(session: Session) -> int:
    """Every line written again from the records; how many units have lines."""
    session.execute(sa.delete(cost_ledger_pending))
    session.execute(sa.delete(cost_ledger))
    ids = list(session.execute(sa.select(orm.units.c.id).order_by(orm.units.c.id)).scalars())
    _write(session, ids)
    held = sa.select(sa.func.count(sa.distinct(cost_ledger.c.unit_id)))
    return int(session.scalar(held) or 0)


@sa.event.listens_for(Session, "before_commit")
def _settle_before_commit(session: Session) -> None:
    if session.info.get(SETTLES):
        session.flush()
        settle(session)
