"""The customer's return portal: find one's order (its reference and its e-mail or
delivery postcode, no account), return items from it, keep an item worth less than its
trip back, get the label, send photos of a damage, follow the return by its link.

These use cases are public: the customer is proven by the order's e-mail or postcode, then
by the link's secret, never by a user. Every refusal about the order itself is the same
"no order matches" whatever was wrong, so that nothing tells whether an order exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.after_sales import Outcome, RefundCase
from revalo.domain.catalog import Customer
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound
from revalo.domain.journey import Consignment
from revalo.domain.keep_it import KeepChoice, KeepItRules
from revalo.domain.notifications import NotificationKind
from revalo.domain.policy import ReturnPolicy
from revalo.domain.portal import (
    DECOY,
    PARCEL_WAYS,
    CustomerOrder,
    PortalReturn,
    WayBack,
    new_token,
    token_hash,
)
from revalo.domain.refunds import Withdrawal
from revalo.domain.returns import ReturnReason, ReturnRequest, ReturnState
from revalo.services.common import found, when
from revalo.services.keep_it import price_lines
from revalo.services.notifications import notify
from revalo.services.portal_ports import KeepItOffer, Photo
from revalo.services.ports import UnitOfWork
from revalo.services.refunds import note_goods_received
from revalo.services.retry import retried
from revalo.services.return_labels import LabelFacts, book_customer_label
from revalo.services.returns import LineRequest, apply_policy, build_return
from revalo.services.transport import Transport

PORTAL_ACTOR = "portal"
#: The one answer to a wrong reference, a wrong e-mail or postcode, another's order.
NO_MATCH = "no order matches this reference and e-mail or postcode"
#: Photos a return may hold.
MAX_PHOTOS = 10
_MAGIC = ((b"\xff\xd8\xff", "image/jpeg"), (b"\x89PNG\r\n\x1a\n", "image/png"))


@dataclass(frozen=True, slots=True)
class PortalLine:
    """One line of the order the customer returns: how many and why."""

    line_no: int
    quantity: int
    reason: ReturnReason
    comment: str = ""


@dataclass(frozen=True, slots=True)
class Started:
    """The return started from the portal, and the link's secret (given once)."""

    rma: ReturnRequest
    token: str
    created: bool


@dataclass(frozen=True, slots=True)
class PortalView:
    """What the customer sees of their return."""

    rma: ReturnRequest
    choice: PortalReturn
    offers: Sequence[KeepItOffer]
    photos: Sequence[Photo]
    consignment: Consignment | None
    case: RefundCase | None
    names: dict[str, str] = field(default_factory=dict)

    @property
    def open_offers(self) -> list[KeepItOffer]:
        """Keep-it offers the customer may still take (before the parcel is booked)."""
        if self.consignment is not None or not self.rma.expects_units:
            return []
        return [o for o in self.offers if o.figures.offered and o.choice is None]


def _proven(order: CustomerOrder | None, proof: str) -> CustomerOrder:
    # The same comparisons whether the order exists or not: the timing tells nothing.
    matched = (order or DECOY).proven_by(proof)
    if order is None or not matched:
        raise NotFound(NO_MATCH, field="order_ref")
    return order


def find_order(uow: UnitOfWork, order_ref: str, proof: str) -> CustomerOrder:
    """The order, when ``proof`` is its e-mail or postcode; else ``NO_MATCH``."""
    with uow.read_only() as reading:
        return _proven(reading.portal.order(order_ref.strip().upper()), proof)


def order_names(uow: UnitOfWork, order: CustomerOrder) -> dict[str, str]:
    """The products' names of the order's lines, by SKU."""
    with uow.read_only() as reading:
        names = {}
        for ln in order.lines:
            product = reading.products.get(ln.sku)
            names[ln.sku] = product.name if product else ln.sku
        return names


def bulky_skus(uow: UnitOfWork, order: CustomerOrder) -> set[str]:
    """The SKUs of the order's bulky products (collected at home, not sent as a parcel)."""
    with uow.read_only() as reading:
        return {
            ln.sku
            for ln in order.lines
            if (p := reading.products.get(ln.sku)) is not None and p.bulky
        }


def _check_lines(order: CustomerOrder, lines: Sequence[PortalLine]) -> list[LineRequest]:
    if not lines:
        raise InvalidValue("choose at least one item to return", field="lines")
    seen = set()
    out = []
    for ln in lines:
        ordered = order.line(ln.line_no)
        if ln.line_no in seen:
            raise InvalidValue(f"order line {ln.line_no} is chosen twice", field="lines")
        seen.add(ln.line_no)
        if not 1 <= ln.quantity <= ordered.quantity:
            raise InvalidValue(
                f"order line {ln.line_no}: return 1 to {ordered.quantity}, not {ln.quantity}",
                field="quantity",
            )
        out.append(
            LineRequest(ordered.sku, ln.quantity, ln.reason, ordered.serial, ln.comment[:500])
        )
    return out


@retried
def start_return(
    uow: UnitOfWork,
    policy: ReturnPolicy,
    transport: Transport,
    rules: KeepItRules,
    *,
    order_ref: str,
    proof: str,
    lines: Sequence[PortalLine],
    outcome: Outcome,
    way_back: WayBack,
    language: str,
    at: datetime | None = None,
    feedback_min_sales: int = 0,
) -> Started:
    """Return items of an order: the policy answers at once (authorised, rejected with the
    reason, or left for review); an authorised return's lines are priced for keep-it (with
    the rates learned after ``feedback_min_sales`` sales, as ``keep_it.price_lines`` says).
    The same order submitted again (twice at once too) gives the same return, with a new
    link."""
    t = when(at)
    with uow:
        order = _proven(uow.portal.order(order_ref.strip().upper(), lock=True), proof)
        existing = uow.portal.return_of_order(order.order_ref)
        if existing is not None:
            rma = found(uow.returns.get(existing), f"no return {existing!r}")
            token = _link(uow, rma.number, PORTAL_ACTOR, t)
            uow.commit()
            return Started(rma, token, created=False)
        requests = _check_lines(order, lines)
        customer = found(uow.customers.get(order.customer_code), NO_MATCH, "order_ref")
        _check_way_back(uow, requests, way_back)
        rma = build_return(
            uow, customer, requests, t, order.delivered_at, order.order_ref, order.client_code
        )
        apply_policy(uow, policy, customer, rma, t)
        uow.returns.add(rma)
        uow.portal.add_return(
            PortalReturn(rma.number, order.order_ref, outcome, way_back, language, t)
        )
        token = _link(uow, rma.number, PORTAL_ACTOR, t)
        if rma.state is ReturnState.AUTHORISED:
            notify(uow, NotificationKind.RETURN_AUTHORISED, rma, t, token=token)
        if rma.state is not ReturnState.REJECTED:
            _open_case(uow, order, rma, customer, outcome, t)
        if rma.state is ReturnState.AUTHORISED and way_back in PARCEL_WAYS:
            _price(uow, transport, rules, rma, t, feedback_min_sales)
        uow.commit()
    return Started(rma, token, created=True)


def _check_way_back(uow: UnitOfWork, requests: Sequence[LineRequest], way: WayBack) -> None:
    bulky = any((p := uow.products.get(r.sku)) is not None and p.bulky for r in requests)
    if way is WayBack.PICKUP and not bulky:
        raise InvalidValue("a home pickup is for bulky items: send a parcel", field="way_back")
    if bulky and way is not WayBack.PICKUP:
        raise InvalidValue("a bulky item is collected at home: choose a pickup", field="way_back")


def _link(uow: UnitOfWork, number: str, by: str, at: datetime) -> str:
    token = new_token()
    uow.portal.add_link(number, token_hash(token), by=by, at=at)
    return token


def _open_case(
    uow: UnitOfWork,
    order: CustomerOrder,
    rma: ReturnRequest,
    customer: Customer,
    outcome: Outcome,
    at: datetime,
) -> None:
    """The refund case: what the returned items cost, due 14 days from this notice."""
    paid = Decimal("0.00")
    for ln in rma.lines:
        ordered = next(o for o in order.lines if o.sku == ln.sku)
        paid += ordered.unit_price * ln.quantity
    if paid <= 0:
        return
    uow.refunds.add_case(
        RefundCase(
            return_number=rma.number,
            paid=paid.quantize(Decimal("0.01")),
            outcome=outcome,
            withdrawal=Withdrawal(at.date()),
            opened_by=PORTAL_ACTOR,
            opened_at=at,
            customer_code=customer.code,
            client_code=rma.client_code,
        )
    )


def _price(
    uow: UnitOfWork,
    transport: Transport,
    rules: KeepItRules,
    rma: ReturnRequest,
    at: datetime,
    feedback_min_sales: int,
) -> None:
    priced = price_lines(uow, transport, rules, rma, at=at, feedback_min_sales=feedback_min_sales)
    for ln, figures in zip(rma.lines, priced, strict=True):
        if figures is not None:
            uow.portal.save_offer(KeepItOffer(rma.number, ln.line_no, figures, ln.quantity), at=at)


def _number(uow: UnitOfWork, token: str) -> str:
    number = uow.portal.number_of_link(token_hash(token.strip()))
    if number is None:
        raise NotFound("this link is not valid: ask for a new one", field="token")
    return number


def view(uow: UnitOfWork, token: str) -> PortalView:
    """The return the link opens, and nothing else."""
    with uow.read_only() as reading:
        number = _number(reading, token)
        rma = found(reading.returns.get(number), f"no return {number!r}")
        choice = found(reading.portal.portal_return(number), f"no return {number!r}")
        names = {}
        for ln in rma.lines:
            product = reading.products.get(ln.sku)
            names[ln.sku] = product.name if product else ln.sku
        return PortalView(
            rma,
            choice,
            reading.portal.offers(number),
            reading.portal.photos(number),
            reading.consignments.for_rma(number),
            reading.refunds.case(number),
            names,
        )


@retried
def keep_item(
    uow: UnitOfWork, token: str, line_no: int, choice: KeepChoice, *, at: datetime | None = None
) -> ReturnRequest:
    """The customer keeps (or gives away) the items of a line offered keep-it: the line
    expects nothing back, and the refund is due from this choice, with no goods to wait for."""
    t = when(at)
    with uow:
        number = _number(uow, token)
        rma = found(uow.returns.get(number, lock=True), f"no return {number!r}")
        offer = next((o for o in uow.portal.offers(number) if o.line_no == line_no), None)
        if offer is None or not offer.figures.offered:
            raise NotAllowed(f"line {line_no} of {number} is not offered to keep")
        if offer.choice is not None:
            raise NotAllowed(f"line {line_no} of {number} is kept already")
        if uow.consignments.for_rma(number) is not None:
            raise NotAllowed(f"the parcel of {number} is booked: send the items back")
        rma.keep(line_no)
        uow.portal.choose(number, line_no, choice, at=t)
        note_goods_received(uow, rma, t.date())
        uow.commit()
    return rma


@retried
def get_label(
    uow: UnitOfWork, transport: Transport, token: str, *, at: datetime | None = None
) -> LabelFacts:
    """The parcel label of the return (booked at the first call, the same afterwards)."""
    with uow:
        number = _number(uow, token)
        choice = found(uow.portal.portal_return(number), f"no return {number!r}")
        if choice.way_back not in PARCEL_WAYS:
            raise NotAllowed(f"return {number} is collected at home: it needs no label")
        facts = book_customer_label(uow, transport, number, at=at)
        uow.commit()
    return facts


def media_type_of(content: bytes) -> str:
    """JPEG or PNG by the file's first bytes (never its name); anything else is refused."""
    for magic, kind in _MAGIC:
        if content.startswith(magic):
            return kind
    raise InvalidValue("a photo is a JPEG or PNG image", field="photo")


@retried
def add_photo(
    uow: UnitOfWork,
    token: str,
    line_no: int,
    content: bytes,
    *,
    max_bytes: int,
    at: datetime | None = None,
) -> Photo:
    """A photo of a damage for a line of the return, checked by its content and size."""
    if not content:
        raise InvalidValue("the photo is empty", field="photo")
    if len(content) > max_bytes:
        raise InvalidValue(
            f"a photo is at most {max_bytes} bytes, not {len(content)}", field="photo"
        )
    kind = media_type_of(content)
    with uow:
        number = _number(uow, token)
        rma = found(uow.returns.get(number, lock=True), f"no return {number!r}")
        rma.line(line_no)
        if len(uow.portal.photos(number)) >= MAX_PHOTOS:
            raise NotAllowed(f"return {number} has {MAX_PHOTOS} photos already")
        photo = uow.portal.add_photo(number, line_no, kind, content, at=when(at))
        uow.commit()
    return photo


def photo(uow: UnitOfWork, token: str, photo_id: int) -> tuple[str, bytes]:
    with uow.read_only() as reading:
        number = _number(reading, token)
        return found(
            reading.portal.photo_content(number, photo_id), f"no photo {photo_id}", "photo"
        )
