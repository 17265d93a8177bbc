"""Return labels: the customer's parcel booked with the best carrier service, and the facts
its label shows (addresses, content, the SSCC as a GS1-128 barcode and a Digital Link)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from revalo.domain.catalog import Customer, Site
from revalo.domain.errors import NotAllowed
from revalo.domain.journey import Consignment
from revalo.domain.people import Permission, User
from revalo.domain.returns import EXPECTING_STATES, ReturnRequest
from revalo.domain.values import digital_link_sscc, utcnow
from revalo.services.common import found
from revalo.services.guard import needs, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.transport import Transport, return_consignment


@dataclass(frozen=True, slots=True)
class LabelFacts:
    """What a return label shows: the parcel's consignment (service, SSCC), who sends it,
    where it goes, and what is inside (sku, description, quantity)."""

    rma: ReturnRequest
    consignment: Consignment
    customer: Customer
    hub: Site
    items: tuple[tuple[str, str, int], ...]
    digital_link: str
    company_prefix_length: int


def _label_facts(
    uow: UnitOfWork, transport: Transport, rma: ReturnRequest, consignment: Consignment
) -> LabelFacts:
    customer = found(
        uow.customers.get(rma.customer_code), f"no customer {rma.customer_code!r}", "customer"
    )
    hub = found(
        uow.sites.get(consignment.destination), f"no site {consignment.destination!r}", "site"
    )
    items = []
    for line in (ln for ln in rma.lines if not ln.kept):  # a kept item is not in the parcel
        product = uow.products.get(line.sku)
        items.append((line.sku, product.name if product else line.sku, line.quantity))
    assert consignment.sscc is not None  # every return consignment has one
    return LabelFacts(
        rma=rma,
        consignment=consignment,
        customer=customer,
        hub=hub,
        items=tuple(items),
        digital_link=digital_link_sscc(consignment.sscc),
        company_prefix_length=len(transport.company_prefix),
    )


def _labelled_return(uow: UnitOfWork, number: str, *, lock: bool = False) -> ReturnRequest:
    rma = found(
        uow.returns.get(number.strip().upper(), lock=lock), f"no return {number!r}", "number"
    )
    if rma.state not in EXPECTING_STATES:
        raise NotAllowed(
            f"return {rma.number} is {rma.state.value}: a label is issued only for an "
            "authorised return"
        )
    return rma


@retried
@needs(Permission.BOOK_LABEL)
def book_return_label(
    uow: UnitOfWork, transport: Transport, number: str, *, by: User, at: datetime | None = None
) -> LabelFacts:
    """Book the parcel of an authorised return with the best service, unless it is booked
    already (its SSCC is then fixed), and give its label: every later call gives the same."""
    with uow:
        # Locked: two first requests at once book one parcel, the second reads its booking.
        rma = _labelled_return(uow, number, lock=True)
        booked = uow.consignments.for_rma(rma.number) is not None
        consignment = return_consignment(uow, transport, rma, at or utcnow())
        facts = _label_facts(uow, transport, rma, consignment)
        if not booked:
            record_done(uow, by, "book_label", rma.number, detail=f"SSCC {consignment.sscc}")
        uow.commit()
    return facts


def return_label(uow: UnitOfWork, transport: Transport, number: str) -> LabelFacts:
    """The label of a return whose parcel is booked; it books nothing."""
    with uow:
        rma = _labelled_return(uow, number)
        consignment = uow.consignments.for_rma(rma.number)
        if consignment is None:
            raise NotAllowed(
                f"the parcel of return {rma.number} is not booked yet: book its label first"
            )
        return _label_facts(uow, transport, rma, consignment)


def book_customer_label(
    uow: UnitOfWork, transport: Transport, number: str, *, at: datetime | None = None
) -> LabelFacts:
    """The same booking for the customer on the portal (their link is their right to it):
    the parcel booked once, its label the same at every later call. Call inside an open
    unit of work; the caller commits."""
    rma = _labelled_return(uow, number, lock=True)
    consignment = return_consignment(uow, transport, rma, at or utcnow())
    return _label_facts(uow, transport, rma, consignment)
