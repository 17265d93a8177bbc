"""Identities the database enforces: one live unit per GTIN and serial, per licence plate
received from outside and per parcel SSCC received unexpected; one parcel consignment per
return.

Before this revision, concurrent requests on PostgreSQL could create such duplicates. They
cannot be merged by a migration: which of two units is the real one, and what becomes of the
other, is for a person to decide. So the upgrade first looks for them and, if there are any,
stops before changing anything and lists them, with how to resolve them.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The final states of a unit as this revision knows them (domain/units.py FINAL_STATES).
_LIVE = (
    "state NOT IN ('disposed', 'donated', 'harvested', 'recycled', 'restocked', "
    "'returned_to_vendor', 'sent_to_partner', 'sold')"
)
#: name, table, columns, condition, what a duplicate is, how to resolve it.
_INDEXES = (
    (
        "uq_units_live_gtin_serial",
        "units",
        ("gtin", "serial"),
        f"{_LIVE} AND gtin IS NOT NULL AND serial IS NOT NULL",
        "live units sharing a GTIN and serial",
    ),
    (
        "uq_units_live_lpn_scan",
        "units",
        ("scanned_code",),
        f"{_LIVE} AND scanned_code LIKE 'LPN%'",
        "live units received under the same outside licence plate",
    ),
    (
        "uq_units_live_sscc",
        "units",
        ("sscc",),
        f"{_LIVE} AND sscc IS NOT NULL",
        "live units received under the same parcel SSCC",
    ),
    (
        "uq_consignments_return_rma",
        "consignments",
        ("rma_number",),
        "kind = 'return' AND rma_number IS NOT NULL",
        "returns with more than one parcel consignment",
    ),
)
_HOW = (
    "keep one of each and take the others out (a unit: quarantine it with the reason "
    "'duplicate of <LPN>' and dispose of it; a consignment: move its legs to the one kept "
    "and delete it), then run the upgrade again"
)


def _duplicates(table: str, columns: tuple[str, ...], condition: str) -> list[str]:
    cols = ", ".join(columns)
    key = "lpn" if table == "units" else "id"
    rows = op.get_bind().execute(
        sa.text(
            f"SELECT {cols}, COUNT(*), MIN({key}), MAX({key}) FROM {table} WHERE {condition} "
            f"GROUP BY {cols} HAVING COUNT(*) > 1 ORDER BY {cols}"
        )
    )
    return [
        f"{'/'.join(str(v) for v in row[: len(columns)])} ({row[-3]} of them, {key} "
        f"{row[-2]} to {row[-1]})"
        for row in rows
    ]


def upgrade() -> None:
    found = []
    for _name, table, columns, condition, what in _INDEXES:
        dups = _duplicates(table, columns, condition)
        if dups:
            found.append(f"{len(dups)} {what}: {', '.join(dups[:20])}")
    if found:
        raise RuntimeError(
            "revision 0006 makes the database enforce unique identities, but it holds "
            f"duplicates made before: {'; '.join(found)}. Nothing was changed: {_HOW}."
        )
    for name, table, columns, condition, _what in _INDEXES:
        where = sa.text(condition)
        op.create_index(
            name, table, list(columns), unique=True, sqlite_where=where, postgresql_where=where
        )


def downgrade() -> None:
    for name, table, *_rest in reversed(_INDEXES):
        op.drop_index(name, table_name=table)
