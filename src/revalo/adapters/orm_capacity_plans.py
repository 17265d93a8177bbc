"""The capacity plan's tables (migration 0030), on the shared metadata: each row one version
of a site's week or of a channel's demand for a category; rows converted explicitly by
``capacity_plan_repository``."""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

site_capacities = sa.Table(
    "site_capacities",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False),
    sa.Column("week_start", sa.Date, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # Hours of the week per skill (NULL: that skill is not limited).
    sa.Column("repair_hours", sa.Float),
    sa.Column("refurbish_hours", sa.Float),
    sa.Column("test_hours", sa.Float),
    sa.Column("storage_places", sa.Integer),
    sa.Column("set_by", sa.String(64), nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint(
        "site_code", "week_start", "version", name="uq_site_capacities_site_week_version"
    ),
)

channel_demand = sa.Table(
    "channel_demand",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("channel", sa.String(20), nullable=False),
    sa.Column("category", sa.String(40), nullable=False),
    sa.Column("week_start", sa.Date, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    # The price steps as written: "40@1, 20@0.85".
    sa.Column("steps", sa.String(200), nullable=False),
    sa.Column("set_by", sa.String(64), nullable=False),
    sa.Column("set_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint(
        "channel",
        "category",
        "week_start",
        "version",
        name="uq_channel_demand_channel_category_week_version",
    ),
)

#: A disposition batch decided in two steps: previewed (the plan and the units it read),
#: then committed once by its id.
disposition_batches = sa.Table(
    "disposition_batches",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("day", sa.Date, nullable=False),
    sa.Column("site_code", sa.String(40)),
    sa.Column("state", sa.String(16), nullable=False),
    sa.Column("made_by", sa.String(64), nullable=False),
    sa.Column("made_at", UtcDateTime, nullable=False),
    # What the batch read of each unit: {lpn: "site|inspected at"}.
    sa.Column("units_read", sa.JSON, nullable=False),
    # Each unit's decision (or held), and the figures of the optimiser and the baselines.
    sa.Column("plan", sa.JSON, nullable=False),
    sa.Column("figures", sa.JSON, nullable=False),
    sa.Column("committed_by", sa.String(64)),
    sa.Column("committed_at", UtcDateTime),
)
