"""The cost targets' table (migration 0022), on the shared metadata; rows converted
explicitly by ``cost_target_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

cost_targets = sa.Table(
    "cost_targets",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("metric", sa.String(32), nullable=False),
    sa.Column("scope", sa.String(16), nullable=False),
    sa.Column("code", sa.String(40), nullable=False),
    # The value as written (a Decimal's text): exact on both databases.
    sa.Column("value", sa.String(40), nullable=False),
    sa.Column("set_by", sa.String(64), nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("metric", "scope", "code", name="uq_cost_targets_metric_scope_code"),
)
