"""The cost ledger's stored lines, and the units whose lines are to be written again.

``cost_ledger`` holds one row per line of the ledger (``cost_lines`` says which), unique
by the record it comes from (``source``, ``source_id``, ``stage``, ``part``: a line is never
there twice), with the dimensions an analysis groups by written beside it. Its rows are
kept in the order of time (the primary key starts with ``at``; on SQLite the table is the
key's b-tree, without a rowid), so that a period's lines are read in one run; the index
``ix_cost_ledger_week`` holds them by week, stage, part and site with what prices them, so
that sums by those are read in its order, without a sort (``cost_sums``). A line keeps
what was recorded, not what it costs at today's rates: a fixed amount (a leg's price, a
sale, a refund), or a quantity the rates price when the ledger is read (minutes of labour,
seconds in a location, a receipt).

``cost_ledger_pending`` holds the ids of the units whose records changed since their lines
were written. Database triggers fill it on every insert, update and delete of the tables a
line or a dimension is read from (the SQL of ``_MARKS``), whatever code wrote them; the
transaction that changed them writes the units' lines again before it commits
(``cost_ledger.settle``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

_TEXT = sa.String(120)
#: What makes a line: the record it comes from, its stage and its part.
LINE_KEY = ("source", "source_id", "stage", "part")
#: The rows' order: by time first (an analysis reads a period).
PRIMARY_KEY = ("at", *LINE_KEY)
#: A unit's lines (written again together), and its return.
UNIT_INDEX = ("unit_id", "rma_number")
#: The lines by week, stage, part and site, with the columns that price them and the unit
#: (a client's lines): the sums by those dimensions read in its order, without a sort.
WEEK_INDEX = (
    "week", "stage", "part", "site", "route", "basis", "amount", "price", "km", "unit_id",
)  # fmt: skip
#: The units of each week.
WEEK_UNITS_INDEX = ("week", "unit_id", "rma_number")

cost_ledger = sa.Table(
    "cost_ledger",
    metadata,
    sa.Column("source", sa.String(20), nullable=False),
    sa.Column("source_id", sa.BigInteger, nullable=False),
    sa.Column("stage", sa.String(32), nullable=False),
    sa.Column("part", _TEXT, nullable=False),
    sa.Column("unit_id", sa.BigInteger, nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("week", sa.String(10), nullable=False),
    #: How the line is priced: fixed (``amount`` is cents), receipt, outbound, licence (the
    #: rate's cents), labour_min / labour_s (``amount`` minutes / seconds at the site's rate),
    #: storage (``amount`` seconds, null while the unit is still there), channel (``price``).
    sa.Column("basis", sa.String(12), nullable=False),
    sa.Column("amount", sa.BigInteger),
    sa.Column("price", sa.Numeric(14, 2)),
    sa.Column("site", _TEXT, nullable=False),
    sa.Column("carrier", _TEXT, nullable=False),
    sa.Column("service", _TEXT, nullable=False),
    sa.Column("lane", _TEXT, nullable=False),
    sa.Column("mode", _TEXT, nullable=False),
    sa.Column("km", sa.Float, nullable=False),
    sa.Column("co2e_g", sa.BigInteger, nullable=False),
    sa.Column("category", _TEXT, nullable=False),
    sa.Column("reason", _TEXT, nullable=False),
    sa.Column("client", _TEXT, nullable=False),
    sa.Column("country", _TEXT, nullable=False),
    sa.Column("route", _TEXT, nullable=False),
    sa.Column("rma_number", sa.String(20)),
    sa.PrimaryKeyConstraint(*PRIMARY_KEY),
    sa.UniqueConstraint(*LINE_KEY),
    sa.Index("ix_cost_ledger_unit_id", *UNIT_INDEX),
    sa.Index("ix_cost_ledger_week", *WEEK_INDEX),
    sa.Index("ix_cost_ledger_week_units", *WEEK_UNITS_INDEX),
    sqlite_with_rowid=False,
)

cost_ledger_pending = sa.Table(
    "cost_ledger_pending",
    metadata,
    sa.Column("unit_id", sa.BigInteger, primary_key=True, autoincrement=False),
)

_UNITS_OF_RETURN = (
    "SELECT u.id FROM units u JOIN return_requests r ON r.number = u.rma_number "
    "WHERE r.id = {row}.rma_id"
)
#: Each table a line or a dimension comes from, and the units a row of it concerns
#: (``{row}``: the row written, NEW or OLD).
_MARKS: dict[str, str] = {
    # A unit, and the others of its return (the first one carries the return's refunds).
    "units": "SELECT {row}.id UNION SELECT u.id FROM units u WHERE u.rma_number = {row}.rma_number",
    "unit_events": "SELECT {row}.unit_id",
    "unit_legs": "SELECT {row}.unit_id",
    "inspections": "SELECT {row}.unit_id",
    "work_orders": "SELECT {row}.unit_id",
    "stock_moves": "SELECT {row}.unit_id",
    "refunds": _UNITS_OF_RETURN,
    "refund_cases": _UNITS_OF_RETURN,
    "return_lines": _UNITS_OF_RETURN + " AND u.rma_line_no = {row}.line_no",
    "return_requests": "SELECT u.id FROM units u WHERE u.rma_number = {row}.number",
    "products": "SELECT u.id FROM units u WHERE u.sku = {row}.sku",
    "consignments": "SELECT g.unit_id FROM unit_legs g WHERE g.consignment_id = {row}.id",
    "customers": (
        "SELECT g.unit_id FROM unit_legs g WHERE g.origin = {row}.code UNION "
        "SELECT u.id FROM units u JOIN return_requests r ON r.number = u.rma_number "
        "WHERE r.customer_code = {row}.code"
    ),
    "locations": (
        "SELECT m.unit_id FROM stock_moves m "
        "WHERE m.to_location = {row}.code OR m.from_location = {row}.code"
    ),
}


def _sqlite(table: str, select: str) -> Iterator[str]:
    for op, row in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        name = f"cost_mark_{table}_{op.lower()}_{row.lower()}"
        yield (
            f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {op} ON {table} FOR EACH ROW BEGIN "
            f"INSERT OR IGNORE INTO cost_ledger_pending (unit_id) "
            f"{select.format(row=row)}; END"
        )


def _postgresql(table: str, select: str) -> Iterator[str]:
    mark = "INSERT INTO cost_ledger_pending (unit_id) {} ON CONFLICT DO NOTHING;"
    yield (
        f"CREATE OR REPLACE FUNCTION cost_mark_{table}() RETURNS trigger AS $$ BEGIN "
        f"IF TG_OP <> 'INSERT' THEN {mark.format(select.format(row='OLD'))} END IF; "
        f"IF TG_OP <> 'DELETE' THEN {mark.format(select.format(row='NEW'))} END IF; "
        "RETURN NULL; END $$ LANGUAGE plpgsql"
    )
    yield f"DROP TRIGGER IF EXISTS cost_mark ON {table}"
    yield (
        f"CREATE TRIGGER cost_mark AFTER INSERT OR UPDATE OR DELETE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION cost_mark_{table}()"
    )


def trigger_ddl(dialect: str) -> list[str]:
    """The statements that make the database mark the units whose lines change (SQLite or
    PostgreSQL); running them again changes nothing."""
    make = _sqlite if dialect == "sqlite" else _postgresql
    return [sql for table, select in _MARKS.items() for sql in make(table, select)]


def drop_trigger_ddl(dialect: str) -> list[str]:
    if dialect == "sqlite":
        ops = ("insert_new", "update_new", "update_old", "delete_old")
        return [f"DROP TRIGGER IF EXISTS cost_mark_{t}_{op}" for t in _MARKS for op in ops]
    return [f"DROP FUNCTION IF EXISTS cost_mark_{t}() CASCADE" for t in _MARKS]


@sa.event.listens_for(metadata, "after_create")
def _create_triggers(_target: Any, connection: sa.Connection, **_kw: Any) -> None:
    # Once every table is there (``metadata.create_all``: the tests' databases).
    for sql in trigger_ddl(connection.dialect.name):
        connection.exec_driver_sql(sql)
