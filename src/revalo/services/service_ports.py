"""What customer service's desk, the surveys and the webhooks need of the outside:
``uow.service_desk``, ``uow.surveys`` and ``uow.webhooks``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from revalo.domain.satisfaction import Survey
from revalo.domain.service_desk import PolicyException, ServiceNote
from revalo.domain.webhooks import WebhookEndpoint


@dataclass(frozen=True, slots=True)
class SearchQuery:
    #: The text typed, matched (case-insensitively, in part) against the return's number,
    #: its order reference, the customer's code, name and e-mail.
    text: str
    #: The SSCC the text names, matched exactly against the parcels and the units.
    sscc: str | None
    client_code: str | None = None
    limit: int = 50
    offset: int = 0


class ServiceDeskRepository(Protocol):
    def add_note(self, note: ServiceNote) -> ServiceNote: ...
    def notes(self, return_number: str) -> Sequence[ServiceNote]: ...
    def add_exception(self, exception: PolicyException) -> PolicyException: ...
    def exceptions(self, return_number: str) -> Sequence[PolicyException]: ...
    def find(self, query: SearchQuery) -> tuple[Sequence[str], int]:
        """The numbers of the returns matching, newest first, and how many match."""
        ...


@dataclass(frozen=True, slots=True)
class SurveyRow:
    """One answered survey with what the figures group it by."""

    return_number: str
    score: int
    reasons: tuple[str, ...]
    categories: tuple[str, ...]
    country: str
    client_code: str | None
    answered_at: datetime
    #: Days from the withdrawal notice to the refund that settled the return.
    days_to_refund: int | None


class SurveyRepository(Protocol):
    def add(self, survey: Survey, token_hash: str) -> None: ...
    def get(self, return_number: str, *, lock: bool = False) -> Survey | None: ...
    def number_for(self, token_hash: str) -> str | None: ...
    def save(self, survey: Survey) -> None: ...
    def answered(
        self, *, since: date | None, client_code: str | None, limit: int
    ) -> Sequence[SurveyRow]: ...


class WebhookRepository(Protocol):
    def add(self, endpoint: WebhookEndpoint) -> WebhookEndpoint: ...
    def get(self, endpoint_id: int) -> WebhookEndpoint | None: ...
    def for_client(self, client_code: str) -> Sequence[WebhookEndpoint]: ...
    def all(self, *, limit: int, offset: int) -> Sequence[WebhookEndpoint]: ...
    def set_active(self, endpoint_id: int, active: bool) -> None: ...


@dataclass(frozen=True, slots=True)
class Delivery:
    url: str
    body: bytes
    headers: dict[str, str]


class WebhookFailed(Exception):
    """The endpoint did not take the message (down, refused, timed out, not 2xx)."""


class WebhookPoster(Protocol):
    def post(self, delivery: Delivery) -> None:
        """POST it; ``WebhookFailed`` unless the endpoint answered 2xx."""
        ...
