"""The ledger's promises, checked in SQL over the whole database.

Each check is one query that lists what breaks a promise: every unit is in exactly one
place (its moves net to the location it says it is at, which is where its last move ended;
nowhere once it has left), one live unit per GTIN and serial, every return line counts
exactly the units received for it and never more than it asked for, one parcel per return,
no bin holding more units than its places, every cycle count's state what its adjustments
say, at most one open listing per unit, and every sold listing's unit sold for its price;
the lots' and parts' promises (adapters/invariants_lots.py) and the partners' disputes'
(adapters/invariants_partners.py); one invoice per client and month, its lines adding up
to its totals, its series numbered without a gap.
An empty list means the database keeps every promise. Tests, benchmarks and operators use it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from revalo.adapters import billing_invariants as billing
from revalo.adapters import invariants_lots, invariants_partners, orm, orm_floor_records, orm_resale
from revalo.domain.journey import ConsignmentKind
from revalo.domain.units import FINAL_STATES

#: How many examples of one broken promise are reported (the count is always exact).
EXAMPLES = 5


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken promise: which check, how many rows break it, and a few of them."""

    check: str
    count: int
    examples: tuple[str, ...]

    def __str__(self) -> str:
        return f"{self.check}: {self.count} (e.g. {'; '.join(self.examples)})"


def _nets() -> sa.Subquery:
    """Each unit's net count per location, summed from its moves (+1 in, -1 out)."""
    m = orm.stock_moves.c
    ins = sa.select(m.unit_id, m.to_location.label("code"), sa.literal(1).label("n")).where(
        m.to_location.is_not(None)
    )
    outs = sa.select(m.unit_id, m.from_location.label("code"), sa.literal(-1).label("n")).where(
        m.from_location.is_not(None)
    )
    both = sa.union_all(ins, outs).subquery()
    return (
        sa.select(both.c.unit_id, both.c.code, sa.func.sum(both.c.n).label("net"))
        .group_by(both.c.unit_id, both.c.code)
        .subquery()
    )


def _place_per_unit() -> sa.Select[tuple[str, int, str | None, str | None]]:
    """Units whose moves do not net to exactly their own location (none once they left)."""
    u, nets = orm.units.c, _nets()
    held = (
        sa.select(
            nets.c.unit_id,
            sa.func.count().label("places"),
            sa.func.max(nets.c.code).label("code"),
            sa.func.min(nets.c.net).label("low"),
            sa.func.max(nets.c.net).label("high"),
        )
        .where(nets.c.net != 0)
        .group_by(nets.c.unit_id)
        .subquery()
    )
    places = sa.func.coalesce(held.c.places, 0)
    wrong = sa.or_(
        held.c.low < 1,
        held.c.high > 1,
        sa.and_(u.location_code.is_(None), places != 0),
        sa.and_(
            u.location_code.is_not(None),
            sa.or_(places != 1, held.c.code.is_distinct_from(u.location_code)),
        ),
    )
    return (
        sa.select(u.lpn, places, held.c.code, u.location_code)
        .outerjoin(held, held.c.unit_id == u.id)
        .where(wrong)
        .order_by(u.id)
    )


def _last_move() -> sa.Select[tuple[str, str | None, str | None]]:
    """Units whose last move did not end where they are (or that never moved)."""
    u, m = orm.units.c, orm.stock_moves.c
    last = sa.select(m.unit_id, sa.func.max(m.id).label("id")).group_by(m.unit_id).subquery()
    lm = orm.stock_moves.alias("last_move")
    return (
        sa.select(u.lpn, lm.c.to_location, u.location_code)
        .outerjoin(last, last.c.unit_id == u.id)
        .outerjoin(lm, lm.c.id == last.c.id)
        .where(sa.or_(lm.c.id.is_(None), lm.c.to_location.is_distinct_from(u.location_code)))
        .order_by(u.id)
    )


def _live() -> sa.ColumnElement[bool]:
    return orm.units.c.state.not_in(sorted(FINAL_STATES))


def _duplicate_serials() -> sa.Select[tuple[str, str, int]]:
    u = orm.units.c
    return (
        sa.select(u.gtin, u.serial, sa.func.count())
        .where(u.gtin.is_not(None), u.serial.is_not(None), _live())
        .group_by(u.gtin, u.serial)
        .having(sa.func.count() > 1)
        .order_by(u.gtin, u.serial)
    )


def _duplicates(
    table: sa.Table, column: str, *where: sa.ColumnElement[bool]
) -> Callable[[], sa.Select[tuple[str, int]]]:
    def query() -> sa.Select[tuple[str, int]]:
        col = table.c[column]
        return (
            sa.select(col, sa.func.count())
            .where(col.is_not(None), *where)
            .group_by(col)
            .having(sa.func.count() > 1)
            .order_by(col)
        )

    return query


def _line_counts() -> sa.Select[tuple[str, int, int, int, int]]:
    """Return lines whose received quantity is not the number of units linked to them, or
    is more than they asked for."""
    rt, r, ln, u = orm.return_requests, orm.return_requests.c, orm.return_lines.c, orm.units.c
    linked = (
        sa.select(u.rma_number, u.rma_line_no, sa.func.count().label("n"))
        .where(u.rma_number.is_not(None))
        .group_by(u.rma_number, u.rma_line_no)
        .subquery()
    )
    n = sa.func.coalesce(linked.c.n, 0)
    return (
        sa.select(r.number, ln.line_no, ln.quantity, ln.received_quantity, n)
        .select_from(orm.return_lines)
        .join(rt, r.id == ln.rma_id)
        .outerjoin(
            linked, sa.and_(linked.c.rma_number == r.number, linked.c.rma_line_no == ln.line_no)
        )
        .where(sa.or_(ln.received_quantity != n, ln.received_quantity > ln.quantity))
        .order_by(r.number, ln.line_no)
    )


def _kept_and_received() -> sa.Select[tuple[str, int, int]]:
    """Return lines the customer keeps (refunded without return) that a unit came back on."""
    rt, r, ln = orm.return_requests, orm.return_requests.c, orm.return_lines.c
    return (
        sa.select(r.number, ln.line_no, ln.received_quantity)
        .select_from(orm.return_lines)
        .join(rt, r.id == ln.rma_id)
        .where(ln.kept.is_(True), ln.received_quantity > 0)
        .order_by(r.number, ln.line_no)
    )


def _orphan_units() -> sa.Select[tuple[str, str, int]]:
    """Units linked to a return line that does not exist."""
    r, ln, u = orm.return_requests.c, orm.return_lines.c, orm.units.c
    line = (
        sa.select(ln.id)
        .select_from(orm.return_lines)
        .join(orm.return_requests, r.id == ln.rma_id)
        .where(r.number == u.rma_number, ln.line_no == u.rma_line_no)
    )
    return (
        sa.select(u.lpn, u.rma_number, u.rma_line_no)
        .where(u.rma_number.is_not(None), ~line.exists())
        .order_by(u.id)
    )


def _overfull_bins() -> sa.Select[tuple[str, int, int]]:
    """Bins holding more units than their places."""
    b, u = orm.bins.c, orm.units.c
    held = (
        sa.select(u.location_code, sa.func.count().label("n"))
        .where(u.location_code.is_not(None))
        .group_by(u.location_code)
        .subquery()
    )
    return (
        sa.select(b.code, b.places, held.c.n)
        .join(held, held.c.location_code == b.code)
        .where(b.places.is_not(None), held.c.n > b.places)
        .order_by(b.code)
    )


def _count_states() -> sa.Select[tuple[int, str, int, int]]:
    """Counts whose state says otherwise than their adjustments: an exact count with
    differences, one awaiting approval with a difference decided, a decided one with a
    difference still proposed."""
    c, a = orm_floor_records.bin_counts.c, orm_floor_records.count_adjustments.c
    per = (
        sa.select(
            a.count_id,
            sa.func.count().label("n"),
            sa.func.sum(sa.case((a.state == "proposed", 1), else_=0)).label("open"),
        )
        .group_by(a.count_id)
        .subquery()
    )
    n, open_ = sa.func.coalesce(per.c.n, 0), sa.func.coalesce(per.c.open, 0)
    wrong = sa.or_(
        sa.and_(c.state == "matched", n != 0),
        sa.and_(c.state == "awaiting_approval", sa.or_(n == 0, open_ != n)),
        sa.and_(c.state == "decided", open_ != 0),
    )
    return (
        sa.select(c.id, c.state, n, open_)
        .outerjoin(per, per.c.count_id == c.id)
        .where(wrong)
        .order_by(c.id)
    )


def _sold_listings() -> sa.Select[tuple[int, str, str, object, object]]:
    """Sold listings whose unit is not sold, or whose proceeds are less than the sale."""
    li, u = orm_resale.listings.c, orm.units.c
    return (
        sa.select(li.id, u.lpn, u.state, li.sold_price, u.proceeds)
        .join(orm.units, u.id == li.unit_id)
        .where(
            li.status == "sold",
            sa.or_(
                u.state != "sold",
                u.proceeds.is_(None),
                u.proceeds < li.sold_price,
            ),
        )
        .order_by(li.id)
    )


_CHECKS: tuple[tuple[str, Callable[[], sa.Select[tuple[object, ...]]]], ...] = (
    ("unit not in exactly its own place (lpn, places, netted at, says)", _place_per_unit),
    ("unit's last move does not end where it is (lpn, last move to, says)", _last_move),
    ("live units sharing a GTIN and serial (gtin, serial, units)", _duplicate_serials),
    ("units sharing an LPN (lpn, units)", _duplicates(orm.units, "lpn")),
    (
        "parcels with more than one consignment (return, consignments)",
        _duplicates(
            orm.consignments, "rma_number", orm.consignments.c.kind == ConsignmentKind.RETURN
        ),
    ),
    ("consignments sharing an SSCC (sscc, consignments)", _duplicates(orm.consignments, "sscc")),
    (
        "return line's received quantity wrong (return, line, quantity, received, units)",
        _line_counts,
    ),
    ("units linked to no return line (lpn, return, line)", _orphan_units),
    ("kept return lines with units received (return, line, received)", _kept_and_received),
    ("bins holding more units than their places (bin, places, units)", _overfull_bins),
    (
        "units with more than one open listing (unit, listings)",
        _duplicates(
            orm_resale.listings,
            "unit_id",
            orm_resale.listings.c.status.in_(("draft", "listed", "reserved")),
        ),
    ),
    (
        "sold listings whose unit is not sold for them (listing, lpn, state, price, proceeds)",
        _sold_listings,
    ),
    (
        "counts whose state disagrees with their adjustments (count, state, adjustments, proposed)",
        _count_states,
    ),
    *invariants_lots.CHECKS,
    *invariants_partners.CHECKS,
    (
        "clients with more than one invoice a month (client, month, invoices)",
        billing.invoices_per_month,
    ),
    ("invoices whose lines or total are off (number, net, lines, VAT, total)", billing.totals_off),
    ("invoice series with a gap (series, documents, last number)", billing.numbering_gaps),
)


def check_ledger(conn: sa.Connection) -> list[Violation]:
    """Every broken promise found in the database ``conn`` reads; empty when all hold."""
    found = []
    for name, query in _CHECKS:
        stmt = query()
        count = conn.scalar(sa.select(sa.func.count()).select_from(stmt.order_by(None).subquery()))
        if count:
            rows = conn.execute(stmt.limit(EXAMPLES))
            examples = tuple(", ".join(str(v) for v in row) for row in rows)
            found.append(Violation(name, int(count), examples))
    return found


def check_database(engine: sa.Engine) -> list[Violation]:
    """``check_ledger`` in a read-only transaction of its own."""
    with engine.connect() as conn:
        try:
            return check_ledger(conn)
        finally:
            conn.rollback()
