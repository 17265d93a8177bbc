"""The cost ledger's lines summed by any dimensions, in statements shaped so that SQLite
reads them with the least work.

- The sums: the cents and km of each group and stage, one sum a line. (A row per group
  with a column per stage made SQLite step sixteen sums for every line, more than the
  time of the whole sort.)
- The counts: the distinct units and returns of each group, and the distinct units of all
  groups, read from the narrow set of (group, unit, return).

Sums by the week, stage, part and site (an analysis' weeks, its drivers, its plain total)
are grouped first by the leading columns of ``ix_cost_ledger_week``, which SQLite reads in
the index's order and sums without sorting a line, and then by the dimensions asked, from
the few rows of that first grouping; several such groupings of the same lines are one
statement and one read of the index. The weeks of the period bound that read (a line's
week is the Monday of its day: the bound keeps every line of the period). Other groupings
read the period's lines in the table's order (time) and sort them once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters.cost_ledger import part_of
from revalo.domain.costs import CostRates, CostStage
from revalo.services.cost_ports import CostQuery

#: The dimensions the index orders after the week, and the columns it leads with.
ORDERED = frozenset({"week", "stage", "part", "site"})
_LEAD = ("week", "stage", "part", "site", "route", "basis")

Key = tuple[str, ...]
#: A group, a stage and its cents (None when no line of it has a price).
Summed = list[tuple[Key, CostStage, int | None]]


def _text(value: Any) -> str:
    return "" if value is None else str(getattr(value, "value", value))


def _monday(at: datetime) -> str:
    day = at.date()
    return (day - timedelta(days=day.weekday())).isoformat()


def in_weeks(c: Any, query: CostQuery) -> list[Any]:
    """The weeks of the lines of ``[start, end)``: a bound the index can read by."""
    last = query.end - timedelta(microseconds=1)
    return [c.week >= _monday(query.start), c.week <= _monday(last)]


def _ordered(
    rates: CostRates, query: CostQuery, base: Any, d: dict[str, Any], c: Any, asked: Any
) -> Any:
    """One statement: the sums of the groupings ``asked`` (their places and dimensions),
    from one read of the index in its order."""
    lead = [c[name] for name in _LEAD]
    first = (
        base.where(*in_weeks(c, query))
        .add_columns(*lead, sa.func.sum(d["cents"]).label("cents"))
        .add_columns(sa.func.sum(c.km).label("km"))
        .group_by(*lead)
        .cte("by_week")
    )
    f = first.c
    dims = {"week": f.week, "stage": f.stage, "site": f.site, "part": part_of(rates, f)}
    width = max(len(by) for _, by in asked)
    parts = []
    for i, by in asked:
        keys = [dims[name] for name in by]
        blank = [sa.null()] * (width - len(by))
        cols = [sa.literal(i), *keys, *blank, f.stage, sa.func.sum(f.cents), sa.func.sum(f.km)]
        parts.append(sa.select(*cols).group_by(*keys, f.stage))
    return parts[0] if len(parts) == 1 else sa.union_all(*parts)


def sums(
    session: Session,
    rates: CostRates,
    query: CostQuery,
    base: Any,
    d: dict[str, Any],
    c: Any,
    groupings: Sequence[Key],
) -> list[tuple[Summed, dict[Key, float]]]:
    """The cents of each group and stage of each grouping, and the km of each group: one
    statement for the groupings by the index's dimensions, one for each other grouping."""
    ordered = [(i, by) for i, by in enumerate(groupings) if ORDERED.issuperset(by)]
    stmts = []
    if ordered:
        width = max(len(by) for _, by in ordered)
        stmts.append((_ordered(rates, query, base, d, c, ordered), width))
    for i, by in enumerate(groupings):
        if not ORDERED.issuperset(by):
            keys = [d[name] for name in by]
            cols = [sa.literal(i), *keys, c.stage, sa.func.sum(d["cents"]), sa.func.sum(c.km)]
            stmts.append((base.add_columns(*cols).group_by(*keys, c.stage), len(by)))
    out: list[tuple[Summed, dict[Key, float]]] = [([], {}) for _ in groupings]
    for stmt, width in stmts:
        for row in session.execute(stmt):
            which = int(row[0])
            key = tuple(_text(v) for v in row[1 : 1 + len(groupings[which])])
            stage, cents, km = row[1 + width :]
            totals, kms = out[which]
            totals.append((key, CostStage(stage), None if cents is None else int(cents)))
            kms[key] = kms.get(key, 0.0) + float(km or 0.0)
    return out


def counts(
    session: Session,
    query: CostQuery,
    base: Any,
    d: dict[str, Any],
    c: Any,
    *,
    returns: bool = True,
) -> tuple[dict[Key, int], dict[Key, int], int]:
    """One statement: the distinct units and (with ``returns``) returns of each group,
    and the distinct units of all groups."""
    by = query.by
    rma = c.rma_number if returns else sa.null()
    each = base.add_columns(
        *(d[name].label(f"k{i}") for i, name in enumerate(by)),
        c.unit_id.label("unit_id"),
        rma.label("rma"),
    ).distinct()
    if by == ("week",):
        each = each.where(*in_weeks(c, query))  # read in the order of the weeks' units
    per = each.cte("per")
    p = per.c
    cols = [p[f"k{i}"] for i in range(len(by))]
    every = sa.select(sa.func.count(sa.distinct(p.unit_id))).scalar_subquery()
    stmt = sa.select(*cols, sa.func.count(), sa.func.count(sa.distinct(p.rma)), every)
    if cols:
        stmt = stmt.group_by(*cols)
    n = len(cols)
    units: dict[Key, int] = {}
    returned: dict[Key, int] = {}
    all_units = 0
    for row in session.execute(stmt):
        if not row[n]:
            continue  # no line at all (the one row of an empty count without groups)
        key = tuple(_text(v) for v in row[:n])
        units[key], returned[key], all_units = int(row[n]), int(row[n + 1]), int(row[n + 2])
    return units, returned, all_units
