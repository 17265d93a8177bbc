"""The demo's after-sales: consumers' returns with what they paid, refunded mostly within
the legal 14 days (a few late, a few in part with the reason), some still owed; the
customers' e-mails waiting in the outbox (no mail server in the demo); a few returns
cancelled and those done closed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from revalo.bootstrap import App, bootstrap
from revalo.domain.people import Role, User
from revalo.services import refunds, satisfaction, service_desk
from revalo.settings import Settings
from tests.demo_builds import demo_copy
from tests.e2e.conftest import API, client_of, ok
from tests.people import add_person

LAST = date(2025, 2, 16)


def one(conn: sa.Connection, sql: str) -> object:
    return conn.execute(sa.text(sql)).scalar_one()


def test_the_demo_refunds_notifies_cancels_and_closes(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    url = demo_copy(tmp_path_factory, tmp_path / "demo.db")
    app = bootstrap(Settings(database_url=url))
    try:
        with app.engine.connect() as conn:
            cases = one(conn, "select count(*) from refund_cases")
            settled = one(conn, "select count(*) from refund_cases where settled_on is not null")
            late = one(conn, "select count(*) from refund_cases where settled_on > deadline")
            partial = one(conn, "select count(*) from refunds where partial_reason is not null")
            over = one(
                conn,
                "select count(*) from (select r.rma_id from refunds r join refund_cases c "
                "on c.rma_id = r.rma_id group by r.rma_id having sum(r.amount) > max(c.paid)) x",
            )
            emails = one(conn, "select count(*) from outbox where state = 'pending'")
            closed = one(conn, "select count(*) from return_requests where state = 'closed'")
            cancelled = one(conn, "select count(*) from return_requests where state = 'cancelled'")
            still = one(
                conn,
                "select count(*) from return_requests r join units u on u.rma_number = r.number "
                "where r.state = 'closed' and u.state in ('received', 'graded', "
                "'disposition_decided', 'in_process', 'ready', 'listed', 'quarantined')",
            )
        assert isinstance(cases, int) and isinstance(settled, int) and isinstance(late, int)
        assert cases > 50 and 0 < settled < cases and 0 < late < settled // 5
        assert partial and over == 0 and emails and closed and cancelled and still == 0
        agent = add_person(app, "agent", {Role.CUSTOMER_SERVICE})
        due = refunds.refunds_due(app.read_uow(), by=agent, today=LAST)
        assert due and {d.state.value for d in due} <= {
            "due",
            "due_soon",
            "late",
            "waiting_for_goods",
        }
        _check_customer_service(app, agent)
    finally:
        app.close()


def _check_customer_service(app: App, agent: User) -> None:
    """Notes on a few returns, survey answers on about a third of the refunded returns
    (happier on time), and the client's webhook messages kept in the outbox."""
    with app.engine.connect() as conn:
        notes = one(conn, "select count(*) from service_notes")
        settled = one(conn, "select count(*) from refund_cases where settled_on is not null")
        answered = one(conn, "select count(*) from surveys where score is not null")
        invited = one(conn, "select count(*) from surveys")
        hooks = one(
            conn, "select count(*) from outbox where channel = 'webhook' and state = 'pending'"
        )
        hook_clients = one(
            conn,
            "select count(distinct r.client_code) from outbox o join return_requests r "
            "on r.number = o.return_number where o.channel = 'webhook'",
        )
    assert isinstance(answered, int) and isinstance(settled, int)
    assert notes and invited == settled and 0.15 * settled < answered < 0.5 * settled
    assert hooks and hook_clients == 1
    figures = satisfaction.satisfaction(app.read_uow(), by=agent, today=LAST)
    assert figures.answers == answered and figures.csat is not None
    assert 0.5 < figures.csat < 0.95
    assert {g.by for g in figures.groups} == {"reason", "category", "country"}
    _check_a_clients_satisfaction(app, figures.answers)
    found = service_desk.find_returns(app.read_uow(), "RMA0000001", by=agent, limit=50)
    assert found.total == 10 and len(found.returns) == 10  # RMA00000010 to RMA00000019


def _check_a_clients_satisfaction(app: App, everybody: int) -> None:
    """A client's user sees the satisfaction of its own returns' customers, on the
    dashboard and by the API; a handler sees none."""
    with app.engine.connect() as conn:
        code, own = conn.execute(
            sa.text(
                "select r.client_code, count(*) from surveys s join return_requests r "
                "on r.id = s.rma_id where s.score is not null and r.client_code is not null "
                "group by r.client_code order by count(*) desc"
            )
        ).first() or (None, 0)
    assert code and 0 < own < everybody
    brand = add_person(app, "brand.viewer", {Role.CLIENT}, client_code=code)
    figures = satisfaction.satisfaction(app.read_uow(), by=brand, today=LAST)
    assert figures.answers == own
    web = client_of(app, brand)
    assert ok(web.get(f"{API}/service/satisfaction"))["answers"] == own
    assert 'id="csat"' in web.get("/").text
    handler = client_of(app, add_person(app, "floor.hand", {Role.HANDLER}))
    assert handler.get(f"{API}/service/satisfaction").status_code == 403
    assert 'id="csat"' not in handler.get("/").text
