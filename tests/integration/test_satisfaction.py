"""The survey sent with the refund, on SQLite and PostgreSQL: its link opens that return's
survey only, an answer lands once (two at once keep one), it may be changed for 7 days and
is refused after, and CSAT and time to refund come by reason, category and country."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_service import surveys
from revalo.domain.after_sales import Outcome
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.notifications import NotificationKind
from revalo.domain.refunds import RefundMethod
from revalo.domain.returns import ReturnReason
from revalo.services import notifications, refunds, satisfaction
from revalo.services.satisfaction import answer_survey, survey_for
from tests.conftest import World
from tests.integration.flows import ask, line
from tests.integration.test_concurrency import no_violations, together
from tests.people import person

LINK = re.compile(r"/survey/([A-Za-z0-9_-]{20,})")


def refunded(world: World, *lines: object, customer: str = "C-ANNE") -> tuple[str, str]:
    """A return refunded in full; its number and its survey link's token."""
    rma = ask(world, *lines, customer=customer)  # type: ignore[arg-type]
    refunds.open_refund(
        world.app.uow(),
        rma.number,
        paid=Decimal("129.00"),
        outcome=Outcome.REFUND,
        by=person("cs"),
    )
    refunds.record_refund(
        world.app.uow(),
        rma.number,
        amount=Decimal("129.00"),
        method=RefundMethod.BANK_TRANSFER,
        by=person("cs"),
    )
    [mail] = [
        m
        for m in notifications.return_notifications(world.app.uow(), rma.number, by=person("cs"))
        if m.kind is NotificationKind.REFUNDED
    ]
    match = LINK.search(mail.body)
    assert match, mail.body
    return rma.number, match.group(1)


@pytest.fixture
def mailed(world: World) -> World:
    from revalo.domain.catalog import Customer, CustomerKind
    from revalo.services import catalog

    for code, country, mail in (
        ("C-CLAIRE", "FR", "claire@example.org"),
        ("C-OSKAR", "DE", "oskar@example.org"),
    ):
        catalog.add_customer(
            world.app.uow(),
            Customer(code, code.title(), CustomerKind.CONSUMER, country, "X", 48.8, 2.3, mail),
            by=person("operator"),
        )
    return world


def test_the_refunded_email_carries_a_link_to_that_returns_survey(mailed: World) -> None:
    number, token = refunded(mailed, line("DRILL-18"), customer="C-CLAIRE")
    survey = survey_for(mailed.app.uow(), token)
    assert survey.return_number == number and not survey.answered
    # Only its hash is stored; another token opens nothing.
    with mailed.app.engine.connect() as conn:
        stored = conn.scalar(sa.select(surveys.c.token_hash))
    assert stored != token and len(stored) == 64
    with pytest.raises(NotFound, match="not known"):
        survey_for(mailed.app.uow(), token[:-2] + "xx")
    with pytest.raises(NotFound, match="not known"):
        answer_survey(mailed.app.uow(), "made-up-token-000000000000", score=5)


def test_an_answer_lands_once_may_change_for_seven_days_then_is_refused(mailed: World) -> None:
    world = mailed
    _, token = refunded(world, line("DRILL-18"), customer="C-CLAIRE")
    t0 = world.now + timedelta(hours=1)
    with pytest.raises(InvalidValue, match="1 to 5, not 6"):
        answer_survey(world.app.uow(), token, score=6, at=t0)
    answer_survey(world.app.uow(), token, score=2, comment="slow", at=t0)
    changed = answer_survey(
        world.app.uow(), token, score=4, comment="came", at=t0 + timedelta(days=6)
    )
    assert (changed.score, changed.answered_at, changed.changed_at) == (
        4,
        t0,
        t0 + timedelta(days=6),
    )
    with pytest.raises(NotAllowed, match="more than 7 days"):
        answer_survey(world.app.uow(), token, score=1, at=t0 + timedelta(days=7, minutes=1))
    with world.app.engine.connect() as conn:
        rows = conn.execute(sa.select(surveys.c.score, surveys.c.comment)).all()
    assert [tuple(r) for r in rows] == [(4, "came")]


def test_two_answers_at_once_keep_one(mailed: World) -> None:
    world = mailed
    _, token = refunded(world, line("DRILL-18"), customer="C-CLAIRE")
    at = world.now + timedelta(hours=1)
    results = together(
        4, lambda i: answer_survey(world.app.uow(), token, score=i + 1, comment=f"n{i}", at=at)
    )
    assert all(not isinstance(r, BaseException) for r in results), results
    with world.app.engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                surveys.c.score, surveys.c.comment, surveys.c.answered_at, surveys.c.changed_at
            )
        ).all()
    assert len(rows) == 1
    score, comment, answered_at, changed_at = rows[0]
    assert comment == f"n{score - 1}"  # one answer whole, never a mix of two
    assert answered_at is not None and changed_at is not None  # the others changed it
    no_violations(world)


def test_csat_and_time_to_refund_by_reason_category_and_country(mailed: World) -> None:
    world = mailed
    answers = [
        (line("DRILL-18"), "C-CLAIRE", 5),
        (line("LAP-14", reason=ReturnReason.DEFECTIVE), "C-CLAIRE", 2),
        (line("DRILL-18"), "C-OSKAR", 4),
    ]
    for ln, customer, score in answers:
        _, token = refunded(world, ln, customer=customer)
        answer_survey(world.app.uow(), token, score=score)
    figures = satisfaction.satisfaction(world.app.uow(), by=person("cs"), today=world.now.date())
    assert figures.answers == 3
    assert figures.csat == pytest.approx(2 / 3)
    by = {(g.by, g.key): g for g in figures.groups}
    assert by["reason", "withdrawal"].csat == 1.0
    assert by["reason", "defective"].csat == 0.0
    assert by["category", "power_tool"].answers == 2
    assert by["country", "FR"].csat == 0.5 and by["country", "DE"].csat == 1.0
    assert by["country", "FR"].median_days_to_refund == 0.0  # refunded the day it was asked
    csv_text = satisfaction.satisfaction_csv(figures)
    assert csv_text.splitlines()[0] == "dimension,key,answers,csat,mean_score,median_days_to_refund"
    assert "country,FR,2,0.500,3.50,0.0" in csv_text.splitlines()
