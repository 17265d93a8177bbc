"""Cycle counts (a bin's count and its found / missing adjustments), the safety records
(incidents and near misses, briefings), and every site's ``missing`` location, where an
approved "missing" unit of a count is moved.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=32)


def _site(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["site_code"], ["sites.code"], name=op.f(f"fk_{table}_site_code_sites")
    )


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def upgrade() -> None:
    op.create_table(
        "briefings",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("led_by", sa.String(length=64), nullable=False),
        sa.Column("attendees", sa.JSON(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        _site("briefings"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_briefings")),
    )
    _indexes("briefings", "held_at", "site_code")
    op.create_table(
        "incidents",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("kind", _enum("incidentkind", "near_miss", "incident"), nullable=False),
        sa.Column(
            "severity",
            _enum("severity", "none", "first_aid", "medical_treatment", "lost_time"),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("action_taken", sa.Text(), nullable=False),
        sa.Column("reported_by", sa.String(length=64), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("zone", sa.String(length=32), nullable=False),
        sa.Column("bin_code", sa.String(length=80), nullable=False),
        sa.Column("equipment", sa.String(length=60), nullable=False),
        sa.Column("people", sa.JSON(), nullable=False),
        sa.Column("lost_days", sa.Integer(), nullable=False),
        _site("incidents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incidents")),
    )
    _indexes("incidents", "occurred_at", "site_code")
    op.create_table(
        "bin_counts",
        sa.Column("id", _ID, nullable=False),
        sa.Column("site_code", sa.String(length=40), nullable=False),
        sa.Column("bin_code", sa.String(length=80), nullable=False),
        sa.Column("counter", sa.String(length=64), nullable=False),
        sa.Column("counted_at", sa.DateTime(), nullable=False),
        sa.Column("on_ledger", sa.Integer(), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("matched", sa.Integer(), nullable=False),
        sa.Column(
            "state",
            _enum("countstate", "matched", "awaiting_approval", "decided"),
            nullable=False,
        ),
        sa.Column("task_id", _ID, nullable=True),
        sa.Column("approver", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bin_code"], ["bins.code"], name=op.f("fk_bin_counts_bin_code_bins")
        ),
        _site("bin_counts"),
        sa.ForeignKeyConstraint(
            ["task_id"], ["floor_tasks.id"], name=op.f("fk_bin_counts_task_id_floor_tasks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bin_counts")),
        sa.UniqueConstraint("task_id", name=op.f("uq_bin_counts_task_id")),
    )
    _indexes("bin_counts", "bin_code", "counted_at", "site_code", "state")
    op.create_table(
        "count_adjustments",
        sa.Column("id", _ID, nullable=False),
        sa.Column("count_id", _ID, nullable=False),
        sa.Column("kind", _enum("adjustmentkind", "found", "missing"), nullable=False),
        sa.Column("lpn", sa.String(length=20), nullable=True),
        sa.Column("scanned", sa.String(length=200), nullable=False),
        sa.Column("ledger_location", sa.String(length=80), nullable=True),
        sa.Column(
            "state", _enum("adjustmentstate", "proposed", "approved", "rejected"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["count_id"], ["bin_counts.id"], name=op.f("fk_count_adjustments_count_id_bin_counts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_count_adjustments")),
    )
    _indexes("count_adjustments", "count_id", "lpn")
    # Every site gets the location its missing units are moved to (new sites get it when
    # they are added).
    op.execute(
        sa.text(
            "INSERT INTO locations (code, site_code, kind) "
            "SELECT code || :suffix, code, 'missing' FROM sites "
            "WHERE NOT EXISTS (SELECT 1 FROM locations l WHERE l.code = sites.code || :suffix)"
        ).bindparams(suffix=":missing")
    )


def downgrade() -> None:
    # A unit that a count moved to "missing" keeps its place there (its moves say so); only
    # locations nothing was ever moved to go.
    op.execute(
        "DELETE FROM locations WHERE kind = 'missing' AND NOT EXISTS "
        "(SELECT 1 FROM stock_moves m WHERE m.to_location = locations.code)"
    )
    for table, columns in (
        ("count_adjustments", ("count_id", "lpn")),
        ("bin_counts", ("bin_code", "counted_at", "site_code", "state")),
        ("incidents", ("occurred_at", "site_code")),
        ("briefings", ("held_at", "site_code")),
    ):
        for column in columns:
            op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        op.drop_table(table)
