"""The floor's records kept besides the ledger: cycle counts with their adjustments, and the
safety records (incidents and near misses, briefings). Tables on ``orm.metadata``, mapped
by ``map_floor_records`` from ``orm.start_mappers``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import relationship

from revalo.adapters.orm import UtcDateTime, _enum, metadata
from revalo.domain.floor.counts import (
    AdjustmentKind,
    AdjustmentState,
    BinCount,
    CountAdjustment,
    CountState,
)
from revalo.domain.floor.safety import Briefing, Incident, IncidentKind, Severity

_ID = sa.BigInteger().with_variant(sa.Integer, "sqlite")

bin_counts = sa.Table(
    "bin_counts",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("bin_code", sa.ForeignKey("bins.code"), nullable=False, index=True),
    sa.Column("counter", sa.String(64), nullable=False),
    sa.Column("counted_at", UtcDateTime, nullable=False, index=True),
    sa.Column("on_ledger", sa.Integer, nullable=False),
    sa.Column("counted", sa.Integer, nullable=False),
    sa.Column("matched", sa.Integer, nullable=False),
    sa.Column("state", _enum(CountState), nullable=False, index=True),
    # One count per task: a second submission of the same task finds it taken.
    sa.Column("task_id", sa.ForeignKey("floor_tasks.id"), unique=True),
    sa.Column("approver", sa.String(64)),
    sa.Column("decided_at", UtcDateTime),
    sa.Column("note", sa.Text, nullable=False),
)

count_adjustments = sa.Table(
    "count_adjustments",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("count_id", sa.ForeignKey("bin_counts.id"), nullable=False, index=True),
    sa.Column("kind", _enum(AdjustmentKind), nullable=False),
    sa.Column("lpn", sa.String(20), index=True),
    sa.Column("scanned", sa.String(200), nullable=False),
    sa.Column("ledger_location", sa.String(80)),
    sa.Column("state", _enum(AdjustmentState), nullable=False),
    sa.Column("gtin", sa.String(14)),
    sa.Column("serial", sa.String(20)),
)

incidents = sa.Table(
    "incidents",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("occurred_at", UtcDateTime, nullable=False, index=True),
    sa.Column("kind", _enum(IncidentKind), nullable=False),
    sa.Column("severity", _enum(Severity), nullable=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("action_taken", sa.Text, nullable=False),
    sa.Column("reported_by", sa.String(64), nullable=False),
    sa.Column("reported_at", UtcDateTime, nullable=False),
    sa.Column("zone", sa.String(32), nullable=False),
    sa.Column("bin_code", sa.String(80), nullable=False),
    sa.Column("equipment", sa.String(60), nullable=False),
    sa.Column("people", sa.JSON, nullable=False),
    sa.Column("lost_days", sa.Integer, nullable=False),
)

briefings = sa.Table(
    "briefings",
    metadata,
    sa.Column("id", _ID, primary_key=True),
    sa.Column("site_code", sa.ForeignKey("sites.code"), nullable=False, index=True),
    sa.Column("held_at", UtcDateTime, nullable=False, index=True),
    sa.Column("topic", sa.String(200), nullable=False),
    sa.Column("led_by", sa.String(64), nullable=False),
    sa.Column("attendees", sa.JSON, nullable=False),
    sa.Column("minutes", sa.Integer, nullable=False),
)


def map_floor_records(m: Callable[..., Any]) -> None:
    """Map the counts' and the safety records' classes (``m``: the registry's
    ``map_imperatively``)."""
    m(CountAdjustment, count_adjustments)
    m(
        BinCount,
        bin_counts,
        properties={
            "adjustments": relationship(
                CountAdjustment,
                order_by=count_adjustments.c.id,
                lazy="selectin",
                cascade="all, delete-orphan",
            ),
        },
    )
    m(Incident, incidents)
    m(Briefing, briefings)
