"""Customer service's desk, the surveys and the webhook endpoints on SQLAlchemy Core."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import orm
from revalo.adapters.orm_after_sales import refund_cases
from revalo.adapters.orm_service import policy_exceptions, service_notes, surveys, webhook_endpoints
from revalo.domain.satisfaction import Survey
from revalo.domain.service_desk import PolicyException, ServiceNote
from revalo.domain.webhooks import WebhookEndpoint, parse_events
from revalo.services.service_ports import SearchQuery, SurveyRow

_RMA, _CU = orm.return_requests.c, orm.customers.c
_N, _X, _S, _W = service_notes.c, policy_exceptions.c, surveys.c, webhook_endpoints.c


def _rma_id(session: Session, number: str) -> int:
    found = session.scalar(sa.select(_RMA.id).where(_RMA.number == number))
    if found is None:
        raise LookupError(f"no return {number}")
    return int(found)


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class SqlServiceDeskRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add_note(self, note: ServiceNote) -> ServiceNote:
        new_id = self.session.execute(
            service_notes.insert()
            .values(
                rma_id=_rma_id(self.session, note.return_number),
                channel=note.channel,
                text=note.text,
                written_by=note.by,
                written_at=note.at,
            )
            .returning(_N.id)
        ).scalar_one()
        return ServiceNote(note.return_number, note.channel, note.text, note.by, note.at, new_id)

    def notes(self, return_number: str) -> Sequence[ServiceNote]:
        stmt = (
            sa.select(service_notes)
            .join(orm.return_requests, _RMA.id == _N.rma_id)
            .where(_RMA.number == return_number)
            .order_by(_N.written_at, _N.id)
        )
        return [
            ServiceNote(return_number, r.channel, r.text, r.written_by, r.written_at, r.id)
            for r in self.session.execute(stmt)
        ]

    def add_exception(self, exception: PolicyException) -> PolicyException:
        e = exception
        new_id = self.session.execute(
            policy_exceptions.insert()
            .values(
                rma_id=_rma_id(self.session, e.return_number),
                reason=e.reason,
                authorised_by=e.by,
                authorised_at=e.at,
                policy_state=e.policy_state,
                policy_reason=e.policy_reason,
            )
            .returning(_X.id)
        ).scalar_one()
        return PolicyException(
            e.return_number, e.reason, e.by, e.at, e.policy_state, e.policy_reason, new_id
        )

    def exceptions(self, return_number: str) -> Sequence[PolicyException]:
        stmt = (
            sa.select(policy_exceptions)
            .join(orm.return_requests, _RMA.id == _X.rma_id)
            .where(_RMA.number == return_number)
            .order_by(_X.id)
        )
        return [
            PolicyException(
                return_number,
                r.reason,
                r.authorised_by,
                r.authorised_at,
                r.policy_state,
                r.policy_reason,
                r.id,
            )
            for r in self.session.execute(stmt)
        ]

    def find(self, query: SearchQuery) -> tuple[Sequence[str], int]:
        pattern = _like(query.text)
        said = [
            sa.func.lower(col).like(pattern, escape="\\")
            for col in (_RMA.number, _RMA.order_ref, _CU.code, _CU.name, _CU.email)
        ]
        if query.sscc:
            parcels = sa.select(orm.consignments.c.rma_number).where(
                orm.consignments.c.sscc == query.sscc
            )
            units = sa.select(orm.units.c.rma_number).where(orm.units.c.sscc == query.sscc)
            said += [_RMA.number.in_(parcels), _RMA.number.in_(units)]
        lpn = sa.select(orm.units.c.rma_number).where(orm.units.c.lpn == query.text.upper())
        said.append(_RMA.number.in_(lpn))
        where = sa.or_(*said)
        if query.client_code is not None:
            where = sa.and_(where, _RMA.client_code == query.client_code)
        base = sa.select(_RMA.number).join(orm.customers, _CU.code == _RMA.customer_code)
        total = self.session.scalar(
            sa.select(sa.func.count()).select_from(base.where(where).subquery())
        )
        stmt = (
            base.where(where)
            .order_by(_RMA.requested_at.desc(), _RMA.id.desc())
            .limit(query.limit)
            .offset(query.offset)
        )
        return list(self.session.scalars(stmt)), int(total or 0)


def _survey(number: str, r: Any) -> Survey:
    return Survey(number, r.invited_at, r.score, r.comment, r.answered_at, r.changed_at)


class SqlSurveyRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, survey: Survey, token_hash: str) -> None:
        self.session.execute(
            surveys.insert().values(
                rma_id=_rma_id(self.session, survey.return_number),
                token_hash=token_hash,
                invited_at=survey.invited_at,
                score=None,
                comment="",
            )
        )

    def get(self, return_number: str, *, lock: bool = False) -> Survey | None:
        stmt = (
            sa.select(surveys)
            .join(orm.return_requests, _RMA.id == _S.rma_id)
            .where(_RMA.number == return_number)
        )
        if lock and self.session.get_bind().dialect.name != "sqlite":
            stmt = stmt.with_for_update(of=surveys)
        row = self.session.execute(stmt).first()
        return _survey(return_number, row) if row else None

    def number_for(self, token_hash: str) -> str | None:
        stmt = (
            sa.select(_RMA.number)
            .join(surveys, _RMA.id == _S.rma_id)
            .where(_S.token_hash == token_hash)
        )
        return self.session.scalar(stmt)

    def save(self, survey: Survey) -> None:
        rma_id = _rma_id(self.session, survey.return_number)
        self.session.execute(
            surveys.update()
            .where(_S.rma_id == rma_id)
            .values(
                score=survey.score,
                comment=survey.comment,
                answered_at=survey.answered_at,
                changed_at=survey.changed_at,
            )
        )

    def answered(
        self, *, since: date | None, client_code: str | None, limit: int
    ) -> Sequence[SurveyRow]:
        rc = refund_cases.c
        stmt = (
            sa.select(
                _RMA.id,
                _RMA.number,
                _RMA.client_code,
                _CU.country,
                _S.score,
                _S.answered_at,
                rc.notified_on,
                rc.settled_on,
            )
            .join(orm.return_requests, _RMA.id == _S.rma_id)
            .join(orm.customers, _CU.code == _RMA.customer_code)
            .outerjoin(refund_cases, rc.rma_id == _RMA.id)
            .where(_S.score.is_not(None))
            .order_by(_S.answered_at.desc())
            .limit(limit)
        )
        if since is not None:
            stmt = stmt.where(_S.answered_at >= datetime.combine(since, time(), UTC))
        if client_code is not None:
            stmt = stmt.where(_RMA.client_code == client_code)
        rows = list(self.session.execute(stmt))
        reasons: dict[int, set[str]] = defaultdict(set)
        categories: dict[int, set[str]] = defaultdict(set)
        ids = [r.id for r in rows]
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            lines = sa.select(
                orm.return_lines.c.rma_id, orm.return_lines.c.reason, orm.products.c.category
            ).join(orm.products, orm.products.c.sku == orm.return_lines.c.sku)
            for rid, reason, category in self.session.execute(
                lines.where(orm.return_lines.c.rma_id.in_(chunk))
            ):
                reasons[rid].add(str(reason.value if hasattr(reason, "value") else reason))
                categories[rid].add(category)
        return [
            SurveyRow(
                return_number=r.number,
                score=int(r.score),
                reasons=tuple(sorted(reasons[r.id])),
                categories=tuple(sorted(categories[r.id])),
                country=r.country,
                client_code=r.client_code,
                answered_at=r.answered_at,
                days_to_refund=(
                    (r.settled_on - r.notified_on).days if r.settled_on is not None else None
                ),
            )
            for r in rows
        ]


def _endpoint(r: Any) -> WebhookEndpoint:
    return WebhookEndpoint(
        client_code=r.client_code,
        url=r.url,
        secret=r.secret,
        events=parse_events(r.events.split(",")),
        created_by=r.created_by,
        created_at=r.created_at,
        active=r.active,
        id=r.id,
    )


class SqlWebhookRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, endpoint: WebhookEndpoint) -> WebhookEndpoint:
        e = endpoint
        new_id = self.session.execute(
            webhook_endpoints.insert()
            .values(
                client_code=e.client_code,
                url=e.url,
                secret=e.secret,
                events=",".join(sorted(k.value for k in e.events)),
                active=e.active,
                created_by=e.created_by,
                created_at=e.created_at,
            )
            .returning(_W.id)
        ).scalar_one()
        return _endpoint(
            self.session.execute(sa.select(webhook_endpoints).where(_W.id == new_id)).one()
        )

    def get(self, endpoint_id: int) -> WebhookEndpoint | None:
        row = self.session.execute(sa.select(webhook_endpoints).where(_W.id == endpoint_id)).first()
        return _endpoint(row) if row else None

    def for_client(self, client_code: str) -> Sequence[WebhookEndpoint]:
        stmt = sa.select(webhook_endpoints).where(_W.client_code == client_code).order_by(_W.id)
        return [_endpoint(r) for r in self.session.execute(stmt)]

    def all(self, *, limit: int, offset: int) -> Sequence[WebhookEndpoint]:
        stmt = sa.select(webhook_endpoints).order_by(_W.id).limit(limit).offset(offset)
        return [_endpoint(r) for r in self.session.execute(stmt)]

    def set_active(self, endpoint_id: int, active: bool) -> None:
        self.session.execute(
            webhook_endpoints.update().where(_W.id == endpoint_id).values(active=active)
        )
