"""The jobs table (domain/jobs.py), on the same metadata as the others (adapters/orm.py).

A job is read and written with SQLAlchemy Core and converted explicitly
(adapters/job_repository.py): a row holds its parameters, result and log as JSON, and
what it reads or writes besides (an import's file, an export's) as text.
"""

from __future__ import annotations

import sqlalchemy as sa

from revalo.adapters.orm import UtcDateTime, metadata
from revalo.domain.jobs import MAX_KEY_LENGTH

jobs = sa.Table(
    "jobs",
    metadata,
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True),
    sa.Column("kind", sa.String(32), nullable=False, index=True),
    sa.Column("state", sa.String(16), nullable=False, index=True),
    sa.Column("submitted_by", sa.String(64), nullable=False, index=True),
    sa.Column("submitted_at", UtcDateTime, nullable=False, index=True),
    # The same key names the same job: a second submission with it gets the first job.
    sa.Column("idempotency_key", sa.String(MAX_KEY_LENGTH), unique=True),
    sa.Column("schedule", sa.String(40)),
    sa.Column("parameters", sa.JSON, nullable=False),
    sa.Column("input", sa.Text),
    sa.Column("progress", sa.Float, nullable=False),
    sa.Column("step", sa.String(200), nullable=False),
    sa.Column("result", sa.JSON),
    sa.Column("output", sa.Text),
    sa.Column("error", sa.Text),
    sa.Column("log", sa.JSON, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("worker", sa.String(200)),
    sa.Column("cancel_requested", sa.Boolean, nullable=False),
    sa.Column("started_at", UtcDateTime),
    sa.Column("finished_at", UtcDateTime),
)
