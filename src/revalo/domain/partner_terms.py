"""What a partner agreed to, as data, and its record held against it.

A partner's terms are a price share (what it pays for the units handed over to it, as a
share of their price as new: a resale partner buying returned goods at 35 % of the new
price), a turnaround (the days a unit sent to it for work may stay: 90 % of them leave
within it) and a quality (the share of its work done right the first time). Terms change
by new versions from a day; the earlier ones stay, so that a past period is held against
the terms of its time."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from revalo.domain.errors import InvalidValue
from revalo.domain.partner_records import PartnerRecord

#: The longest turnaround a term may agree (days).
MAX_TURNAROUND_DAYS = 366
#: The longest note kept with a version of the terms.
MAX_NOTE = 300


class Term(enum.StrEnum):
    PRICE_SHARE = "price_share"
    TURNAROUND = "turnaround"
    FIRST_TIME_RIGHT = "first_time_right"


@dataclass(slots=True)
class PartnerTerms:
    """One version of a partner site's terms, in force from ``valid_from`` (a term left
    None is not agreed)."""

    site_code: str
    valid_from: date
    price_share: Decimal | None
    turnaround_days: int | None
    first_time_right: Decimal | None
    note: str
    set_by: str
    set_at: datetime
    version: int = 0
    id: int | None = None


def parse_share(value: Decimal | float | str | None, name: str) -> Decimal | None:
    """A share from 0 to 1, written as a fraction (``0.35``) or a percentage (``35 %``);
    empty: not agreed."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().replace(",", ".").replace("\u00a0", " ")
    percent = text.endswith("%")
    try:
        share = Decimal(text.rstrip("%").strip())
    except InvalidOperation:
        raise InvalidValue(
            f"{name} must be a share (0.35) or a percentage (35 %), not {str(value)!r}", field=name
        ) from None
    if percent:
        share /= 100
    if not share.is_finite() or not Decimal(0) <= share <= Decimal(1):
        raise InvalidValue(f"{name} must be from 0 to 100 %, not {str(value)!r}", field=name)
    return share.quantize(Decimal("0.0001")).normalize()


def parse_days(value: int | str | None, name: str = "turnaround_days") -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        days = int(str(value).strip())
    except ValueError:
        raise InvalidValue(
            f"{name} must be a whole number of days, not {value!r}", field=name
        ) from None
    if not 1 <= days <= MAX_TURNAROUND_DAYS:
        raise InvalidValue(
            f"{name} must be from 1 to {MAX_TURNAROUND_DAYS} days, not {days}", field=name
        )
    return days


def new_terms(
    site_code: str,
    valid_from: date,
    *,
    price_share: Decimal | float | str | None = None,
    turnaround_days: int | str | None = None,
    first_time_right: Decimal | float | str | None = None,
    note: str = "",
    by: str,
    at: datetime,
) -> PartnerTerms:
    """A version of the terms, checked: at least one term agreed, each in its range."""
    terms = PartnerTerms(
        site_code=site_code.strip().upper(),
        valid_from=valid_from,
        price_share=parse_share(price_share, "price_share"),
        turnaround_days=parse_days(turnaround_days),
        first_time_right=parse_share(first_time_right, "first_time_right"),
        note=" ".join(note.split()),
        set_by=by,
        set_at=at,
    )
    if (
        terms.price_share is None
        and terms.turnaround_days is None
        and terms.first_time_right is None
    ):
        raise InvalidValue(
            "agree at least one term: a price share, a turnaround or a first-time-right share",
            field="price_share",
        )
    if len(terms.note) > MAX_NOTE:
        raise InvalidValue(f"the note has at most {MAX_NOTE} characters", field="note")
    return terms


def in_force(versions: Iterable[PartnerTerms], day: date) -> PartnerTerms | None:
    """The version in force on ``day``: the latest from a day not after it."""
    started = [v for v in versions if v.valid_from <= day]
    return max(started, key=lambda v: (v.valid_from, v.version), default=None)


@dataclass(frozen=True, slots=True)
class TermCheck:
    """One agreed term with what the record measured (None: nothing to measure)."""

    term: Term
    agreed: Decimal
    measured: Decimal | None

    @property
    def met(self) -> bool | None:
        if self.measured is None:
            return None
        if self.term is Term.TURNAROUND:
            return self.measured <= self.agreed
        return self.measured >= self.agreed


def price_share_of(record: PartnerRecord, handed_new_eur: Decimal) -> Decimal | None:
    """What the partner paid for the units handed over to it, as a share of their price as
    new (None when nothing was handed over)."""
    if handed_new_eur <= 0:
        return None
    return (record.recovered_eur / handed_new_eur).quantize(Decimal("0.0001"))


def against(
    record: PartnerRecord, terms: PartnerTerms | None, handed_new_eur: Decimal
) -> list[TermCheck]:
    """Each agreed term of ``terms`` against the record (turnaround: its 90th percentile)."""
    if terms is None:
        return []
    p90 = record.turnaround_p90_days
    ftr = record.first_time_right
    measured: Mapping[Term, Decimal | None] = {
        Term.PRICE_SHARE: price_share_of(record, handed_new_eur),
        Term.TURNAROUND: Decimal(str(p90)) if p90 is not None else None,
        Term.FIRST_TIME_RIGHT: Decimal(str(round(ftr, 4))) if ftr is not None else None,
    }
    agreed = {
        Term.PRICE_SHARE: terms.price_share,
        Term.TURNAROUND: Decimal(terms.turnaround_days) if terms.turnaround_days else None,
        Term.FIRST_TIME_RIGHT: terms.first_time_right,
    }
    return [TermCheck(t, a, measured[t]) for t, a in agreed.items() if a is not None]
