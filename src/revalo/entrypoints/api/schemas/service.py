"""Customer service's desk, satisfaction and the clients' webhook endpoints."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from revalo.domain.returns import ReturnState
from revalo.domain.service_desk import ContactChannel
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.entrypoints.api.types import Reason


class FoundReturnPublic(Public):
    number: str
    order_ref: str
    customer_code: str
    client_code: str | None
    state: ReturnState
    requested_at: datetime


class FoundReturnsPublic(Public):
    data: list[FoundReturnPublic]
    count: int


class EntryPublic(Public):
    at: datetime
    kind: str
    who: str
    text: str
    detail: str
    state: str = Field(description="a message's delivery: pending or sent")
    channel: str = Field(description="a message's channel: email or webhook")


class HistoryPublic(Public):
    number: str
    state: ReturnState
    decision_reason: str
    data: list[EntryPublic]
    count: int


class NoteCreate(Input):
    text: Reason = Field(description="what was said or done, as the customer put it")
    channel: ContactChannel = Field(
        ContactChannel.NOTE, description="phone, email or chat with the customer; note: internal"
    )


class NotePublic(Public):
    id: int
    return_number: str
    channel: ContactChannel
    text: str
    by: str
    at: datetime


class ExceptionCreate(Input):
    reason: Reason = Field(description="why customer service authorises it against the policy")


class ExceptionPublic(Public):
    id: int
    return_number: str
    reason: str
    by: str
    at: datetime
    policy_state: ReturnState
    policy_reason: str


class LabelEmailPublic(Public):
    message_id: int
    sscc: str
    new: bool = Field(description="false: the same click's e-mail was written already")


class GroupPublic(Public):
    by: str
    key: str
    answers: int
    csat: float | None
    mean_score: float | None
    median_days_to_refund: float | None


class SatisfactionPublic(Public):
    answers: int
    csat: float | None = Field(description="share of answers scoring 4 or 5 out of 5")
    groups: list[GroupPublic]


class WebhookCreate(Input):
    client_code: str = Field(min_length=1, max_length=40)
    url: str = Field(min_length=1, max_length=500, examples=["https://shop.example/hooks"])
    events: list[str] = Field(
        min_length=1, max_length=10, examples=[["return_authorised", "refunded"]]
    )


class WebhookPublic(Public):
    id: int
    client_code: str
    url: str
    events: list[str]
    active: bool
    created_by: str
    created_at: datetime


class WebhookCreatedPublic(WebhookPublic):
    secret: str = Field(description="shown once: the key of the Revalo-Signature HMAC")


class WebhooksPublic(Public):
    data: list[WebhookPublic]
    count: int
    pending: int = Field(description="webhook messages waiting in the outbox")
