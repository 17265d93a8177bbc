"""A dispute with a partner: a claim about what it received or did (a unit damaged or not as
described on delivery, a unit missing, work not done, late, a payment short), opened by the
partner or by the company, with the unit and the amount it concerns, and settled once —
accepted (with the credit agreed) or rejected (with the reason) — by someone other than
the person who opened it."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation

from revalo.domain.errors import Conflict, InvalidValue, NotAllowed

#: The longest text of a claim or of a settlement's note.
MAX_TEXT = 500
#: The largest amount a dispute may claim or credit (EUR).
MAX_AMOUNT = Decimal("1000000")


class DisputeKind(enum.StrEnum):
    DAMAGED = "damaged"
    MISSING = "missing"
    NOT_AS_DESCRIBED = "not_as_described"
    LATE = "late"
    WORK_NOT_DONE = "work_not_done"
    PAYMENT_SHORT = "payment_short"
    OTHER = "other"


class DisputeState(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


def parse_kind(value: str) -> DisputeKind:
    try:
        return DisputeKind(value.strip().lower().replace("-", "_").replace(" ", "_"))
    except ValueError:
        allowed = ", ".join(k.value for k in DisputeKind)
        raise InvalidValue(
            f"a dispute's kind is one of {allowed}, not {value!r}", field="kind"
        ) from None


def check_text(value: str, name: str, *, required: bool) -> str:
    text = " ".join(value.split())
    if required and not text:
        raise InvalidValue(f"say what the {name} is about", field=name)
    if len(text) > MAX_TEXT:
        raise InvalidValue(f"the {name} has at most {MAX_TEXT} characters", field=name)
    return text


def amount(value: Decimal | float | str | None, name: str = "amount") -> Decimal | None:
    """An amount in EUR from 0 to a million (None: none given)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        eur = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise InvalidValue(
            f"{name} must be an amount in EUR, not {str(value)!r}", field=name
        ) from None
    if not eur.is_finite() or not Decimal(0) <= eur <= MAX_AMOUNT:
        raise InvalidValue(f"{name} must be from 0 to {MAX_AMOUNT} EUR", field=name)
    return eur.quantize(Decimal("0.01"))


@dataclass(slots=True)
class Dispute:
    site_code: str
    kind: DisputeKind
    text: str
    #: What the claim asks (EUR), when it asks money.
    amount_eur: Decimal | None
    opened_by: str
    opened_at: datetime
    #: Whether the partner opened it (else the company, against the partner).
    by_partner: bool
    unit_id: int | None = None
    state: DisputeState = DisputeState.OPEN
    settled_by: str | None = None
    settled_at: datetime | None = None
    settlement_note: str = ""
    #: The credit agreed when accepted (EUR).
    credit_eur: Decimal | None = None
    id: int | None = None
    #: The unit's LPN, as read with the dispute (not stored twice).
    lpn: str | None = None

    @property
    def number(self) -> str:
        return f"DSP{self.id:06d}" if self.id is not None else "DSP?"

    def settle(
        self, *, accept: bool, by: str, at: datetime, note: str = "", credit: Decimal | None = None
    ) -> None:
        """Accept (with the credit agreed: by default what was claimed) or reject (with the
        reason, and no credit) — once, and not by the person who opened it."""
        if self.state is not DisputeState.OPEN:
            raise Conflict(f"dispute {self.number} is {self.state.value} already")
        if by == self.opened_by:
            raise NotAllowed(
                f"dispute {self.number} was opened by {by}: someone else settles it",
                field="settled_by",
            )
        note = check_text(note, "note", required=not accept)
        if not accept and credit is not None:
            raise InvalidValue("a rejected dispute credits nothing", field="credit")
        self.state = DisputeState.ACCEPTED if accept else DisputeState.REJECTED
        self.credit_eur = (credit if credit is not None else self.amount_eur) if accept else None
        self.settled_by, self.settled_at, self.settlement_note = by, at, note


def new_dispute(
    site_code: str,
    kind: str,
    text: str,
    *,
    amount_eur: Decimal | float | str | None = None,
    unit_id: int | None = None,
    by: str,
    at: datetime,
    by_partner: bool,
) -> Dispute:
    return Dispute(
        site_code=site_code.strip().upper(),
        kind=parse_kind(kind),
        text=check_text(text, "claim", required=True),
        amount_eur=amount(amount_eur),
        opened_by=by,
        opened_at=at,
        by_partner=by_partner,
        unit_id=unit_id,
    )


@dataclass(frozen=True, slots=True)
class DisputeCounts:
    """A partner's disputes opened in a period, by state, and the credits agreed."""

    open: int = 0
    accepted: int = 0
    rejected: int = 0
    credited_eur: Decimal = Decimal("0")

    @property
    def total(self) -> int:
        return self.open + self.accepted + self.rejected


def counts_of(disputes: Iterable[Dispute]) -> DisputeCounts:
    states = {s: 0 for s in DisputeState}
    credited = Decimal("0")
    for d in disputes:
        states[d.state] += 1
        credited += d.credit_eur or 0
    return DisputeCounts(
        states[DisputeState.OPEN], states[DisputeState.ACCEPTED], states[DisputeState.REJECTED],
        credited,
    )  # fmt: skip
