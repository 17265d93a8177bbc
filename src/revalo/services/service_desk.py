"""Customer service's desk: one search box over the returns, a return's whole history in
one place, notes and contacts with the customer, a label sent again, and an exception to
the policy authorised with its reason.

The search runs in the database and is bounded (``MAX_RESULTS`` a page). A client's user
finds only its own returns; a partner none (it sees units, not returns).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from revalo.domain.after_sales import RefundCase
from revalo.domain.errors import InvalidValue
from revalo.domain.events import UnitEvent
from revalo.domain.journey import Consignment
from revalo.domain.notifications import NotificationKind, OutboxMessage, language_for
from revalo.domain.people import Permission, User
from revalo.domain.returns import ReturnRequest
from revalo.domain.service_desk import (
    ContactChannel,
    PolicyException,
    ServiceNote,
    check_query,
    sscc_of,
)
from revalo.domain.service_desk import authorise_exception as overrule
from revalo.services.common import found, when
from revalo.services.guard import needs, reads, record_done
from revalo.services.hubs import hub_for
from revalo.services.notifications import notify
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.retry import retried
from revalo.services.return_labels import LabelFacts, return_label
from revalo.services.scoping import ensure_sees_return
from revalo.services.service_ports import SearchQuery
from revalo.services.transport import Transport

MAX_RESULTS = 50


@dataclass(frozen=True, slots=True)
class Found:
    returns: list[ReturnRequest]
    total: int
    query: str


@reads(Permission.VIEW_SERVICE)
def find_returns(
    uow: UnitOfWork, text: str, *, by: User, limit: int = 20, offset: int = 0
) -> Found:
    """The returns whose number, order reference, customer (code, name or e-mail) or parcel
    (SSCC, as typed or scanned; a unit's LPN) match ``text``, newest first."""
    if by.visible_sites is not None:
        return Found([], 0, text)
    q = check_query(text)
    if not 1 <= limit <= MAX_RESULTS:
        raise InvalidValue(f"limit is 1 to {MAX_RESULTS}, not {limit}", field="limit")
    if offset < 0:
        raise InvalidValue(f"offset is 0 or more, not {offset}", field="offset")
    query = SearchQuery(q, sscc_of(q), by.bound_client, limit, offset)
    with uow:
        numbers, total = uow.service_desk.find(query)
        rmas = [r for n in numbers if (r := uow.returns.get(n)) is not None]
    return Found(rmas, total, q)


class EntryKind(enum.StrEnum):
    REQUESTED = "requested"
    DECIDED = "decided"
    EXCEPTION = "exception"
    LABEL = "label"
    EVENT = "event"
    MESSAGE = "message"
    REFUND = "refund"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a return's history: when, what, who, and what it says."""

    at: datetime
    kind: EntryKind
    who: str
    text: str
    detail: str = ""
    #: A message's delivery (pending, sent) and channel (email, webhook).
    state: str = ""
    channel: str = ""


@dataclass(frozen=True, slots=True)
class History:
    rma: ReturnRequest
    entries: list[Entry]
    notes: list[ServiceNote]
    exceptions: list[PolicyException]
    messages: list[OutboxMessage]
    refund_case: RefundCase | None
    parcel: Consignment | None
    events: list[UnitEvent] = field(default_factory=list)


def _entries(h: History) -> list[Entry]:
    """The history's lines: ``text`` and ``detail`` are people's words or the domain's
    (a state, an event's type, a method), which the pages name in their language."""
    rma = h.rma
    out = [Entry(rma.requested_at, EntryKind.REQUESTED, "", rma.order_ref)]
    if rma.decided_at is not None:
        decided_by = rma.decided_by or ""
        out.append(
            Entry(
                rma.decided_at, EntryKind.DECIDED, decided_by, rma.state.value, rma.decision_reason
            )
        )
    for x in h.exceptions:
        out.append(Entry(x.at, EntryKind.EXCEPTION, x.by, x.reason, x.policy_reason))
    if h.parcel is not None:
        p = h.parcel
        out.append(Entry(p.booked_at, EntryKind.LABEL, "", p.sscc or "", p.carrier))
    for e in h.events:
        where = f"{e.lpn} · {e.site_code}" if e.site_code else e.lpn
        out.append(Entry(e.occurred_at, EntryKind.EVENT, e.actor, e.type.value, where))
    for m in h.messages:
        out.append(
            Entry(m.created_at, EntryKind.MESSAGE, "", m.subject, m.recipient, m.state, m.channel)
        )
    if h.refund_case is not None:
        for r in h.refund_case.refunds:
            at = datetime.combine(r.paid_on, datetime.min.time(), rma.requested_at.tzinfo)
            out.append(Entry(at, EntryKind.REFUND, r.by, f"{r.amount} EUR", r.method.value))
    for n in h.notes:
        out.append(Entry(n.at, EntryKind.NOTE, n.by, n.text, n.channel.value))
    return sorted(out, key=lambda e: e.at)


@reads(Permission.VIEW_SERVICE)
def return_history(uow: UnitOfWork, number: str, *, by: User) -> History:
    """Everything about one return, in order: its request and decision, the exceptions,
    the label booked, its units' events, the e-mails and webhooks, refunds and notes."""
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.VIEW_SERVICE)
        units = uow.units.list(UnitFilter(rma_number=rma.number), limit=500, offset=0).items
        events = [e for u in units if u.id is not None for e in uow.events.for_unit(u.id)]
        history = History(
            rma=rma,
            entries=[],
            notes=list(uow.service_desk.notes(rma.number)),
            exceptions=list(uow.service_desk.exceptions(rma.number)),
            messages=list(uow.outbox.for_return(rma.number)),
            refund_case=uow.refunds.case(rma.number),
            parcel=uow.consignments.for_rma(rma.number),
            events=events,
        )
    return replace(history, entries=_entries(history))


@needs(Permission.RECORD_CONTACT)
@retried
def add_note(
    uow: UnitOfWork,
    number: str,
    *,
    text: str,
    channel: ContactChannel = ContactChannel.NOTE,
    by: User,
    at: datetime | None = None,
) -> ServiceNote:
    """Write a note, or what was said in a call, an e-mail or a chat with the customer."""
    t = when(at)
    with uow:
        rma = found(uow.returns.get(number.strip().upper()), f"no return {number!r}", "number")
        ensure_sees_return(by, rma, Permission.RECORD_CONTACT)
        note = uow.service_desk.add_note(ServiceNote(rma.number, channel, text, by.login, t))
        record_done(uow, by, "service_note", rma.number, detail=f"contact: {channel.value}")
        uow.commit()
    return note


@needs(Permission.AUTHORISE_EXCEPTION)
@retried
def authorise_exception(
    uow: UnitOfWork, number: str, *, reason: str, by: User, at: datetime | None = None
) -> PolicyException:
    """Authorise a return the policy rejected or left for review, with the reason; the
    policy's answer is kept, and the customer is told the return is accepted."""
    t = when(at)
    with uow:
        rma = found(
            uow.returns.get(number.strip().upper(), lock=True), f"no return {number!r}", "number"
        )
        ensure_sees_return(by, rma, Permission.AUTHORISE_EXCEPTION)
        hub = rma.destination_site or _hub(uow, rma, t)
        kept = overrule(rma, by=by.login, reason=reason, at=t, destination_site=hub)
        kept = uow.service_desk.add_exception(kept)
        record_done(uow, by, "authorise_exception", rma.number, detail=f"exception: {kept.reason}")
        notify(uow, NotificationKind.RETURN_AUTHORISED, rma, t)
        uow.commit()
    return kept


def _hub(uow: UnitOfWork, rma: ReturnRequest, at: datetime) -> str:
    customer = found(uow.customers.get(rma.customer_code), "customer missing")
    return hub_for(uow, customer, at).code


@dataclass(frozen=True, slots=True)
class LabelSent:
    message: OutboxMessage | None
    facts: LabelFacts
    #: True when this call wrote the e-mail; False when the same key had written it.
    new: bool


#: Renders the label's PDF from its facts in a language (the entrypoints' ``label_pdf``).
RenderLabel = Callable[[LabelFacts, str], bytes]


@needs(Permission.RESEND_LABEL)
@retried
def resend_label(
    uow: UnitOfWork,
    transport: Transport,
    render: RenderLabel,
    number: str,
    *,
    by: User,
    at: datetime | None = None,
) -> LabelSent:
    """Send the customer the label of the return's booked parcel again, as a PDF attached
    to a new e-mail of the outbox. A click sent twice within a minute writes one e-mail:
    the second finds the first and gives it."""
    t = when(at)
    facts = return_label(uow, transport, number)
    rma = facts.rma
    with uow:
        locked = found(uow.returns.get(rma.number, lock=True), f"no return {number!r}")
        ensure_sees_return(by, locked, Permission.RESEND_LABEL)
        for m in uow.outbox.for_return(rma.number):
            if m.kind is NotificationKind.LABEL and (t - m.created_at).total_seconds() < 60:
                return LabelSent(m, facts, new=False)
        customer = found(uow.customers.get(rma.customer_code), "customer missing")
        pdf = render(facts, language_for(customer.country))
        message = notify(
            uow,
            NotificationKind.LABEL,
            locked,
            t,
            attachment=(f"label-{rma.number}.pdf", pdf),
            sscc=facts.consignment.sscc or "",
            carrier=facts.consignment.carrier,
            link=facts.digital_link,
        )
        if message is None:
            raise InvalidValue(
                f"the customer of {rma.number} has no e-mail address: print the label instead",
                field="number",
            )
        record_done(
            uow, by, "resend_label", rma.number, detail=f"label of parcel {facts.consignment.sscc}"
        )
        uow.commit()
    return LabelSent(message, facts, new=True)
