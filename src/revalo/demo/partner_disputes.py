"""The disputes of the demo, opened and settled on its last day through the use cases: the
partner (its own workshop) claims a payment short of its invoice, which finance accepts;
the manager disputes a workshop's work on a unit that went to it, which finance rejects
with the repair report; the manager's claim on the refurbisher's turnaround stays open."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from revalo.demo.floor import MANAGER
from revalo.demo.team import PARTNER_SITE
from revalo.domain.events import EventType
from revalo.domain.people import User
from revalo.services import partner_disputes
from revalo.services.ports import BatchUnitOfWork

#: What the company's people wrote (the partner writes in its own language, French).
TEXTS = {
    "work": "the fault is still there after the repair",
    "rejected": "the repair report shows the fault fixed and tested",
    "late": "units held beyond the agreed turnaround",
}
PARTNER_TEXT = "facture de réparations payée 40 EUR de moins que son montant"
#: The workshops whose work may be disputed, the first with a unit that came to it.
WORKSHOPS = ("REP-FR-IT", "REP-ES-IT", "REP-DE-HA", "REP-IT-TV", "REF-NL")


def _came_to(uow: BatchUnitOfWork, first: datetime, last: datetime) -> tuple[str, str] | None:
    """A workshop and the LPN of the last unit that arrived at it in the period."""
    with uow:
        seen = uow.events.seen_between(first, last, frozenset({EventType.ARRIVED}))
        for site in WORKSHOPS:
            ids = [e.unit_id for e in seen if e.site_code == site]
            unit = uow.units.get(ids[-1]) if ids else None
            if unit is not None:
                return site, unit.lpn
    return None


def open_disputes(
    uow: BatchUnitOfWork, start: datetime, last: datetime, team: dict[str, User]
) -> None:
    """Open and settle the demo's disputes (``team``: the demo's users by login)."""
    end = datetime.combine(last.date() + timedelta(days=1), time(), tzinfo=last.tzinfo)
    manager, finance = team[MANAGER], team["finance"]
    worked = _came_to(uow, start, end)
    with uow.batch(isolate_failures=False):
        paid = partner_disputes.open_dispute(
            uow, site_code=PARTNER_SITE, kind="payment_short", text=PARTNER_TEXT,
            amount_eur=Decimal("40.00"), by=team["partner"],
        )  # fmt: skip
        assert paid.id is not None
        partner_disputes.settle_dispute(uow, paid.id, accept=True, by=finance)
        if worked is not None:
            site, lpn = worked
            d = partner_disputes.open_dispute(
                uow, site_code=site, kind="work_not_done", text=TEXTS["work"], lpn=lpn,
                by=manager,
            )  # fmt: skip
            assert d.id is not None
            partner_disputes.settle_dispute(
                uow, d.id, accept=False, note=TEXTS["rejected"], by=finance
            )
        partner_disputes.open_dispute(
            uow, site_code="REF-NL", kind="late", text=TEXTS["late"], by=manager
        )
