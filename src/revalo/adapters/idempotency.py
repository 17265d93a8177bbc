"""Idempotency keys in the database: the primary key on the key decides which of two
concurrent requests runs, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from revalo.adapters.orm import idempotency_keys as t
from revalo.services.idempotency import KeyedRequest, KeyRecord, StoredAnswer


def _record(row: Any) -> KeyRecord:
    answer = None
    if row.status is not None:
        headers = tuple((str(k), str(v)) for k, v in row.headers or ())
        answer = StoredAnswer(row.status, headers, bytes(row.body or b""))
    request = KeyedRequest(row.key, row.fingerprint, row.method, row.path)
    return KeyRecord(request, row.created_at, answer)


class SqlIdempotencyStore:
    """Each call is one short transaction of its own, never the use case's."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine

    def claim(
        self, request: KeyedRequest, *, now: datetime, expired_before: datetime
    ) -> KeyRecord | None:
        row = dataclasses.asdict(request)
        # A key released, or expired and purged, between the insert and the read is tried
        # again; past that, whoever holds it now has it.
        for _ in range(3):
            try:
                with self.engine.begin() as conn:
                    conn.execute(t.delete().where(t.c.created_at < expired_before))
                    conn.execute(t.insert().values(**row, created_at=now))
                return None
            except sa.exc.IntegrityError:
                pass
            existing = self.get(request.key)
            if existing is not None:
                return existing
        raise RuntimeError(f"the idempotency key {request.key!r} could not be claimed")

    def get(self, key: str) -> KeyRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(t).where(t.c.key == key)).one_or_none()
        return None if row is None else _record(row)

    def finish(self, key: str, answer: StoredAnswer) -> None:
        values = {
            "status": answer.status,
            "headers": [list(h) for h in answer.headers],
            "body": answer.body,
        }
        with self.engine.begin() as conn:
            conn.execute(t.update().where(t.c.key == key).values(**values))

    def release(self, key: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(t.delete().where(t.c.key == key))
