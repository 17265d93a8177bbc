"""Repositories of the people and their access: users, API tokens, the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking, orm
from revalo.domain.credentials import (
    TOUCH_EVERY,
    ApiToken,
    AuditEntry,
    LockoutPolicy,
    WebSession,
)
from revalo.domain.errors import AlreadyExists
from revalo.domain.people import User
from revalo.services.people_ports import AuditFilter
from revalo.services.ports import Page

T = TypeVar("T")


class SqlUserRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, user: User) -> None:
        # Two administrators adding the same login at once: the unique index decides, and
        # the loser is told as plainly as when the login was found taken.
        try:
            with self.session.begin_nested():
                self.session.add(user)
                self.session.flush()
        except sa.exc.IntegrityError:
            raise AlreadyExists(f"the login {user.login!r} is taken", field="login") from None

    def get(self, user_id: int) -> User | None:
        return self.session.get(User, user_id)

    def by_login(self, login: str) -> User | None:
        stmt = sa.select(User).where(orm.users.c.login == login.strip().lower())
        return self.session.scalars(stmt).first()

    def all(self) -> Sequence[User]:
        return list(self.session.scalars(sa.select(User).order_by(orm.users.c.login)))

    def count_failed_login(self, user_id: int, at: datetime, policy: LockoutPolicy) -> int:
        # One UPDATE computes the new count in the database: concurrent failed logins each
        # add one (each waits for the row lock of the other), none is lost.
        u = orm.users.c
        count = u.failed_logins + 1
        stmt = (
            sa.update(orm.users)
            .where(u.id == user_id)
            .values(
                failed_logins=count,
                locked_until=sa.case(
                    (
                        count >= policy.max_failures,
                        sa.literal(policy.locked_until(at), orm.UtcDateTime()),
                    ),
                    else_=u.locked_until,
                ),
            )
            .returning(u.failed_logins)
        )
        return int(self.session.execute(stmt).scalar_one())

    def clear_failed_logins(self, user_id: int) -> None:
        self.session.execute(
            sa.update(orm.users)
            .where(orm.users.c.id == user_id)
            .values(failed_logins=0, locked_until=None)
        )


class SqlTokenRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, token: ApiToken) -> None:
        self.session.add(token)
        self.session.flush()

    def get(self, token_id: int, *, lock: bool = False) -> ApiToken | None:
        return locking.get(self.session, ApiToken, token_id, lock=lock)

    def by_hash(self, token_hash: str) -> tuple[ApiToken, User] | None:
        return _with_holder(self.session, ApiToken, orm.api_tokens.c.token_hash, token_hash)

    def for_user(self, user_id: int | None) -> Sequence[ApiToken]:
        t = orm.api_tokens.c
        stmt = sa.select(ApiToken).order_by(t.created_at.desc(), t.id.desc())
        if user_id is not None:
            stmt = stmt.where(t.user_id == user_id)
        return list(self.session.scalars(stmt))

    def touch(self, token_id: int, at: datetime) -> None:
        t = orm.api_tokens.c
        self.session.execute(
            sa.update(orm.api_tokens)
            .where(t.id == token_id)
            .where(sa.or_(t.last_used_at.is_(None), t.last_used_at < at - TOUCH_EVERY))
            .values(last_used_at=at)
        )


class SqlSessionRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, web_session: WebSession) -> None:
        self.session.add(web_session)
        self.session.flush()

    def by_hash(self, secret_hash: str) -> tuple[WebSession, User] | None:
        return _with_holder(self.session, WebSession, orm.web_sessions.c.secret_hash, secret_hash)

    def end(self, session_id: int, at: datetime) -> None:
        ws = orm.web_sessions.c
        self.session.execute(
            sa.update(orm.web_sessions)
            .where(ws.id == session_id)
            .where(ws.ended_at.is_(None))
            .values(ended_at=at)
        )

    def end_all(self, user_id: int, at: datetime) -> int:
        ws = orm.web_sessions.c
        done = self.session.execute(
            sa.update(orm.web_sessions)
            .where(ws.user_id == user_id)
            .where(ws.ended_at.is_(None))
            .values(ended_at=at)
        )
        return int(getattr(done, "rowcount", 0) or 0)


class SqlAuditRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, entry: AuditEntry) -> None:
        self.session.add(entry)

    def list(self, flt: AuditFilter, *, limit: int, offset: int) -> Page[AuditEntry]:
        a = orm.audit_log.c
        conditions: list[Any] = []
        if flt.actor:
            conditions.append(a.actor == flt.actor.strip().lower())
        if flt.outcome:
            conditions.append(a.outcome == flt.outcome)
        if flt.action:
            conditions.append(a.action == flt.action)
        if flt.since:
            conditions.append(a.at >= flt.since)
        if flt.until:
            conditions.append(a.at < flt.until)
        stmt = sa.select(AuditEntry).where(*conditions).order_by(a.at.desc(), a.id.desc())
        total = self.session.scalar(sa.select(sa.func.count()).select_from(stmt.subquery()))
        items = list(self.session.scalars(stmt.limit(limit).offset(offset)))
        return Page(items, int(total or 0))


def _with_holder(
    session: Session, cls: type[T], hash_column: sa.Column[str], hashed: str
) -> tuple[T, User] | None:
    """The token or web session whose secret hashes to ``hashed``, and its user, in one
    query (every request asks it)."""
    table = hash_column.table
    stmt = (
        sa.select(cls, User)
        .join(orm.users, orm.users.c.id == table.c.user_id)
        .where(hash_column == hashed)
    )
    row = session.execute(stmt).first()
    return None if row is None else (row[0], row[1])
