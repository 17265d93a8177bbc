"""The demo's customer service: a webhook endpoint for one client that points nowhere
(its messages stay in the outbox, as the desk says), notes and contacts on a few returns,
and the survey answers of about a third of the refunded returns, happier when the refund
came on time. Through the use cases, at the demo's dates."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from revalo.domain.people import User
from revalo.domain.service_desk import ContactChannel
from revalo.services import satisfaction, service_desk, webhooks
from revalo.services.ports import BatchUnitOfWork, ReturnFilter
from revalo.services.refund_ports import CaseFilter

#: The client whose systems are told of its returns, and where (nothing listens there: the
#: discard port of the loopback address).
HOOK_CLIENT = "VOLT-CASA"
HOOK_URL = "http://127.0.0.1:9/revalo/webhooks"
#: The share of refunded customers who answer the survey; e-mailed one-question surveys
#: commonly get a response from one customer in five to one in three.
ANSWER_SHARE = 0.3
#: The scores' weights (1 to 5) after a refund on time, and after a late one.
ON_TIME = (3, 4, 10, 33, 50)
LATE = (18, 22, 25, 22, 13)
COMMENTS = {
    1: ("Refund took far too long.", "Nobody answered my e-mails."),
    2: ("The label never came; I had to call.", "Slow refund."),
    3: ("Fine, but the drop-off point was far.", ""),
    4: ("Easy return.", "", "Quick refund, thanks."),
    5: ("Perfect, refunded in a few days.", "", "Very simple, thank you!"),
}
NOTES = (
    (ContactChannel.PHONE, "Customer called: asked when the refund comes. Told within 14 days."),
    (ContactChannel.EMAIL, "Customer sent a photo of the damaged box; kept for the claim."),
    (ContactChannel.CHAT, "Asked to change the drop-off point; told any point of the carrier."),
    (ContactChannel.NOTE, "Checked with the hub: the parcel is on its way."),
)
NOTE_SHARE = 0.04


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour, tzinfo=UTC))


def add_webhook(uow: BatchUnitOfWork, admin: User, day: date) -> None:
    """Before the refunds: the client's endpoint, so that its refunds are written for it."""
    webhooks.add_endpoint(
        uow,
        client_code=HOOK_CLIENT,
        url=HOOK_URL,
        events=["refunded", "return_cancelled"],
        by=admin,
        at=_at(day, 8),
    )


def set_up_service(uow: BatchUnitOfWork, service: User, last: date, rng: random.Random) -> int:
    """Notes on a few returns, then the survey answers; how many answers."""
    with uow:
        recent = uow.returns.list(ReturnFilter(), limit=2_000, offset=0).items
    for rma in recent:
        if rng.random() >= NOTE_SHARE:
            continue
        channel, text = rng.choice(NOTES)
        day = min(rma.requested_at.date() + timedelta(days=rng.randint(1, 6)), last)
        service_desk.add_note(
            uow, rma.number, text=text, channel=channel, by=service, at=_at(day, 10)
        )
    with uow:
        settled = uow.refunds.cases(CaseFilter(open=False, limit=100_000))
    answered = 0
    for case in settled:
        paid_back = case.settled_on
        if paid_back is None or rng.random() >= ANSWER_SHARE:
            continue
        on = min(paid_back + timedelta(days=rng.randint(0, 3)), last)
        score = rng.choices(range(1, 6), weights=ON_TIME if case.on_time else LATE)[0]
        satisfaction.answer_return_survey(
            uow,
            case.return_number,
            score=score,
            comment=rng.choice(COMMENTS[score]),
            at=_at(on, rng.randint(9, 21)),
        )
        answered += 1
    return answered
