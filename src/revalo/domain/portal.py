"""The customer's return portal: the orders a customer may return from, how they prove the
order is theirs (its e-mail or its delivery postcode, no account), what they choose (the
outcome, the way back) and the link that lets them follow their return afterwards.

A portal link is a random secret (``secrets``) of which only the SHA-256 is stored: the
link gives access to exactly one return, and a database read gives no working link.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from revalo.domain.after_sales import Outcome
from revalo.domain.errors import InvalidValue

#: Bytes of randomness in a portal link's token (256 bits: never guessed).
TOKEN_BYTES = 32
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
_SPACES = re.compile(r"\s+")


class WayBack(enum.StrEnum):
    """How the goods come back: dropped off at a point with a printed label or a QR code
    shown at the counter, or collected at home (bulky items, in the collection planning)."""

    LABEL = "label"
    QR_CODE = "qr_code"
    DROP_OFF = "drop_off"
    PICKUP = "pickup"


#: Ways back that book a carrier's parcel (a label, or its QR code at a drop-off point).
PARCEL_WAYS = frozenset({WayBack.LABEL, WayBack.QR_CODE, WayBack.DROP_OFF})


@dataclass(frozen=True, slots=True)
class OrderLine:
    line_no: int
    sku: str
    quantity: int
    unit_price: Decimal
    serial: str | None = None

    def __post_init__(self) -> None:
        if self.quantity < 1:
            raise InvalidValue(f"order line {self.line_no}: quantity must be at least 1")
        if self.unit_price < 0:
            raise InvalidValue(f"order line {self.line_no}: the price must not be negative")


def normal_email(text: str) -> str:
    return text.strip().lower()


def normal_postcode(text: str) -> str:
    return _SPACES.sub("", text).upper()


@dataclass(eq=False)
class CustomerOrder:
    """An order as the shop delivered it: who, where (the delivery postcode), when."""

    order_ref: str
    customer_code: str
    email: str
    postcode: str
    placed_at: datetime
    delivered_at: datetime | None
    lines: list[OrderLine] = field(default_factory=list)
    client_code: str | None = None

    def __post_init__(self) -> None:
        self.order_ref = self.order_ref.strip().upper()
        self.email = normal_email(self.email)
        self.postcode = normal_postcode(self.postcode)
        if not self.order_ref:
            raise InvalidValue("an order needs its reference", field="order_ref")
        if not self.lines:
            raise InvalidValue("an order needs at least one line", field="lines")

    def proven_by(self, proof: str) -> bool:
        """Whether ``proof`` is this order's e-mail or postcode. Both are compared in
        constant time, whichever matches, so that the answer's timing tells nothing."""
        by_mail = hmac.compare_digest(normal_email(proof).encode(), self.email.encode())
        by_code = hmac.compare_digest(normal_postcode(proof).encode(), self.postcode.encode())
        return (by_mail and bool(self.email)) or (by_code and bool(self.postcode))

    def line(self, line_no: int) -> OrderLine:
        for ln in self.lines:
            if ln.line_no == line_no:
                return ln
        raise InvalidValue(f"the order has no line {line_no}", field="lines")


#: What is compared when no order has the reference given (the same work as a real one).
DECOY = CustomerOrder(
    "DECOY",
    "DECOY",
    "decoy@invalid.example",
    "00000",
    datetime(2000, 1, 1),
    None,
    [OrderLine(1, "DECOY", 1, Decimal("0"))],
)


def new_token() -> str:
    """A portal link's secret: 43 URL-safe characters."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    """What is stored of a token (its SHA-256, hex); a malformed token hashes to a value
    no stored one has."""
    if not _TOKEN.match(token):
        return "-" * 64
    return hashlib.sha256(token.encode("ascii")).hexdigest()


@dataclass(eq=False)
class PortalReturn:
    """What the customer chose on the portal for their return."""

    return_number: str
    order_ref: str
    outcome: Outcome
    way_back: WayBack
    language: str
    created_at: datetime

    def __post_init__(self) -> None:
        if self.language not in ("en", "fr"):
            raise InvalidValue("the portal speaks en or fr", field="language")
