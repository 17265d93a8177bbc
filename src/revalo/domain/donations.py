"""Donations to charities: a charity acknowledges the units donated to it (one owner's units
on one acknowledgment), the owner's finance values them at their cost price, and the data of
the tax receipt follows where the French reduction for corporate giving applies.

The French rules, as of the loi de finances pour 2020 (n° 2019-1479, art. 134) — check the
current text of the code général des impôts, art. 238 bis, before relying on them:
- a company's gifts to an eligible organisation give a reduction of its tax of 60 % of their
  value, 40 % for the part of its gifts of the year above 2 million EUR (not for the
  organisations giving free meals, care or housing to people in difficulty, which stay at
  60 %: not told apart here);
- the gifts count up to 20,000 EUR a year or 5 per mille of its turnover before tax,
  whichever is higher (the turnover is the company's: not known here, the ceiling is said,
  not applied);
- gifts in kind are valued at their cost price (for goods in stock, their value in stock);
- the organisation gives the company a receipt on the form Cerfa n° 16216 (2041-MEC-SD).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from revalo.domain.errors import Conflict, InvalidValue

#: The most units one acknowledgment takes.
MAX_UNITS = 500
#: The longest note of an acknowledgment.
MAX_NOTE = 300
#: The largest value a donation is given (EUR).
MAX_VALUE = Decimal("10000000")
RATE = Decimal("0.60")
#: The rate of the part of the year's gifts above ``RATE_LIMIT_EUR``.
RATE_ABOVE = Decimal("0.40")
RATE_LIMIT_EUR = Decimal("2000000")
CEILING_EUR = Decimal("20000")
CEILING_TURNOVER_SHARE = Decimal("0.005")
RECEIPT_FORM = "Cerfa n° 16216 (2041-MEC-SD)"
LEGAL_BASIS = "CGI art. 238 bis"


@dataclass(frozen=True, slots=True)
class DonatedUnit:
    unit_id: int
    lpn: str
    sku: str | None
    name: str
    grade: str
    #: Whose goods it is: a client's, or the provider's own (None).
    client_code: str | None
    #: The site that gave it (the donor of the provider's own goods).
    from_site: str


@dataclass(slots=True)
class Donation:
    site_code: str
    units: list[DonatedUnit]
    acknowledged_by: str
    acknowledged_at: datetime
    note: str = ""
    value_eur: Decimal | None = None
    valued_by: str | None = None
    valued_at: datetime | None = None
    id: int | None = None

    @property
    def number(self) -> str:
        return f"DON{self.id:06d}" if self.id is not None else "DON?"

    @property
    def client_code(self) -> str | None:
        return self.units[0].client_code if self.units else None

    @property
    def from_site(self) -> str:
        return self.units[0].from_site if self.units else ""

    def value(self, amount: Decimal, *, by: str, at: datetime) -> None:
        """Give the donation its value at cost price, once."""
        if self.value_eur is not None:
            raise Conflict(f"donation {self.number} is valued already ({self.value_eur} EUR)")
        if not amount.is_finite() or not Decimal(0) <= amount <= MAX_VALUE:
            raise InvalidValue(f"a donation's value is from 0 to {MAX_VALUE} EUR", field="value")
        self.value_eur = amount.quantize(Decimal("0.01"))
        self.valued_by, self.valued_at = by, at


def new_donation(
    site_code: str, units: list[DonatedUnit], *, note: str, by: str, at: datetime
) -> Donation:
    """An acknowledgment of donated units: one to ``MAX_UNITS`` of them, each once, all of
    one owner (each owner has its own receipt)."""
    if not units:
        raise InvalidValue("acknowledge at least one unit", field="lpns")
    if len(units) > MAX_UNITS:
        raise InvalidValue(f"one acknowledgment takes at most {MAX_UNITS} units", field="lpns")
    owners = {(u.client_code, u.from_site if u.client_code is None else "") for u in units}
    if len(owners) > 1:
        raise InvalidValue(
            "these units have different owners: acknowledge each owner's on its own",
            field="lpns",
        )
    text = " ".join(note.split())
    if len(text) > MAX_NOTE:
        raise InvalidValue(f"the note has at most {MAX_NOTE} characters", field="note")
    return Donation(site_code.strip().upper(), units, by, at, text)


class Why(enum.StrEnum):
    """Why the French reduction applies to a donation, or not."""

    ELIGIBLE = "eligible"
    CLIENT = "client"
    DONOR_ABROAD = "donor_abroad"
    CHARITY_ABROAD = "charity_abroad"


#: What each reason says (in English; the pages say it in their language).
WHY_TEXT = {
    Why.ELIGIBLE: "a French company's gift in kind to a French organisation",
    Why.CLIENT: "the reduction applies if the client is taxed in France",
    Why.DONOR_ABROAD: "the donor is not taxed in France",
    Why.CHARITY_ABROAD: "the French reduction needs a French organisation (or one approved "
    "in another EU country)",
}


@dataclass(frozen=True, slots=True)
class Receipt:
    """What the charity's tax receipt for a donation says, and whether the French reduction
    applies (``eligible`` None: it depends on the donor, whom Revalo does not know enough)."""

    donation: Donation
    charity: str
    charity_country: str
    donor: str
    donor_country: str | None
    eligible: bool | None
    why: Why
    #: The reduction the gift opens before the annual ceiling (None: not valued, or none).
    reduction_eur: Decimal | None
    form: str = RECEIPT_FORM
    basis: str = LEGAL_BASIS
    #: The year's ceiling of the gifts that count: this or the share of the donor's
    #: turnover before tax, whichever is higher (not applied: the turnover is not known).
    ceiling_eur: Decimal = CEILING_EUR
    ceiling_turnover_share: Decimal = CEILING_TURNOVER_SHARE


def reduction(value: Decimal, given_before: Decimal) -> Decimal:
    """The reduction of a gift of ``value`` by a donor who gave ``given_before`` earlier in
    the year: 60 % up to 2 million EUR of the year's gifts, 40 % above."""
    room = max(Decimal(0), RATE_LIMIT_EUR - given_before)
    low = min(value, room)
    return (low * RATE + (value - low) * RATE_ABOVE).quantize(Decimal("0.01"))


def receipt_of(
    d: Donation,
    *,
    charity: str,
    charity_country: str,
    donor: str,
    donor_country: str | None,
    given_before: Decimal,
) -> Receipt:
    """The receipt data of a donation (``donor_country`` None: a client's, not known)."""
    if charity_country != "FR":
        eligible: bool | None = False
        why = Why.CHARITY_ABROAD
    elif donor_country is None:
        eligible, why = None, Why.CLIENT
    elif donor_country != "FR":
        eligible, why = False, Why.DONOR_ABROAD
    else:
        eligible, why = True, Why.ELIGIBLE
    cut = None
    if eligible is not False and d.value_eur is not None:
        cut = reduction(d.value_eur, given_before)
    return Receipt(d, charity, charity_country, donor, donor_country, eligible, why, cut)
