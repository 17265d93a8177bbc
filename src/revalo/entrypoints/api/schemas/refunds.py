"""Refund cases, refunds, and what is due."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.after_sales import Outcome, RefundCase
from revalo.domain.refunds import DeadlineState, PartialReason, RefundMethod
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Money, Note, Reason


class RefundCaseCreate(Input):
    paid: Money = Field(description="what the customer paid for the returned goods, EUR")
    outcome: Outcome = Field(description="what the customer gets back")
    notified_on: date | None = Field(
        None, description="the day of the withdrawal notice (by default, the return's request)"
    )


class ReturnCancel(Input):
    reason: Reason = Field(description="why, in words the customer reads")


class ProofOfSendingCreate(Input):
    on: date = Field(description="the day the customer's proof of sending shows")


class RefundCreate(Input):
    amount: Money = Field(description="EUR paid back (or the exchange's or credit's value)")
    method: RefundMethod
    paid_on: date | None = Field(None, description="by default, today")
    partial_reason: PartialReason | None = Field(
        None, description="why less than what is owed is paid back (settles the case)"
    )
    note: Note = ""


class RefundPublic(Public):
    amount: Decimal
    method: RefundMethod
    paid_on: date
    by: str
    partial_reason: PartialReason | None
    note: str


class RefundCasePublic(Public):
    return_number: str
    customer_code: str
    client_code: str | None
    paid: Decimal
    outcome: Outcome
    notified_on: date
    goods_received_on: date | None
    proof_of_sending_on: date | None
    deadline: date
    state: DeadlineState
    refunded: Decimal
    outstanding: Decimal
    settled_on: date | None
    days_to_refund: int | None
    opened_by: str
    opened_at: datetime
    refunds: list[RefundPublic]


class DueRefundPublic(Public):
    return_number: str
    customer_code: str
    client_code: str | None
    state: DeadlineState
    deadline: date
    days_left: int = Field(description="days to the deadline; negative: late by that many")
    outstanding: Decimal


class DueRefundsPublic(Public):
    data: list[DueRefundPublic]
    count: int


class RefundFiguresPublic(Public):
    cases: int
    settled: int
    late_now: int
    settled_late: int
    median_days: float | None
    p90_days: float | None
    on_time_share: float | None


def case_public(case: RefundCase, today: date) -> RefundCasePublic:
    w = case.withdrawal
    return RefundCasePublic(
        return_number=case.return_number,
        customer_code=case.customer_code,
        client_code=case.client_code,
        paid=case.paid,
        outcome=case.outcome,
        notified_on=w.notified_on,
        goods_received_on=w.goods_received_on,
        proof_of_sending_on=w.proof_of_sending_on,
        deadline=case.deadline,
        state=case.state(today),
        refunded=case.refunded,
        outstanding=case.outstanding,
        settled_on=case.settled_on,
        days_to_refund=case.days_to_refund,
        opened_by=case.opened_by,
        opened_at=case.opened_at,
        refunds=[RefundPublic.model_validate(r) for r in case.refunds],
    )


class EmailPublic(Public):
    id: int
    kind: str
    recipient: str
    language: str
    subject: str
    state: str
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None
    last_error: str


class EmailsPublic(Public):
    data: list[EmailPublic]
    count: int
    mail_server: bool = Field(description="false: no SMTP server is set, the outbox keeps them")
