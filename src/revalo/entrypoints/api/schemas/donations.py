"""Donations to charities and the data of their tax receipts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from pydantic import Field

from revalo.domain.donations import MAX_NOTE, MAX_UNITS, MAX_VALUE, WHY_TEXT, Why
from revalo.entrypoints.api.schemas.base import Input, Public
from revalo.services.donations import DonationView


class DonatedUnitPublic(Public):
    lpn: str
    sku: str | None
    name: str
    grade: str = Field(description="functional / cosmetic grade")
    client_code: str | None = Field(description="whose goods it is (null: the provider's)")
    from_site: str


class ReceiptPublic(Public):
    """What the charity's tax receipt says, and whether the French reduction applies
    (``eligible`` null: it depends on the client being taxed in France)."""

    charity: str
    charity_country: str
    donor: str
    donor_country: str | None
    eligible: bool | None
    why: Why
    why_text: str
    reduction_eur: Decimal | None = Field(
        description="60 % of the value (40 % above 2 million EUR of the donor's gifts of the "
        "year), before the annual ceiling; null until valued, or where it does not apply"
    )
    form: str
    basis: str
    ceiling_eur: Decimal
    ceiling_turnover_share: Decimal


class DonationPublic(Public):
    id: int
    number: str
    site_code: str
    units: list[DonatedUnitPublic]
    acknowledged_by: str
    acknowledged_at: datetime
    note: str
    value_eur: Decimal | None = Field(description="the units' cost price, set by finance")
    valued_by: str | None
    valued_at: datetime | None
    receipt: ReceiptPublic | None = None


class DonationsPublic(Public):
    data: list[DonationPublic]
    count: int


class DonationAcknowledge(Input):
    site_code: str = Field(min_length=1, max_length=40, examples=["CHA-FR"])
    lpns: list[str] = Field(min_length=1, max_length=MAX_UNITS)
    note: str = Field(default="", max_length=MAX_NOTE)


class DonationValue(Input):
    value_eur: Decimal = Field(ge=0, le=MAX_VALUE, description="the units' cost price")


def view_public(v: DonationView) -> DonationPublic:
    r = v.receipt
    receipt = ReceiptPublic(
        charity=r.charity, charity_country=r.charity_country, donor=r.donor,
        donor_country=r.donor_country, eligible=r.eligible, why=r.why, why_text=WHY_TEXT[r.why],
        reduction_eur=r.reduction_eur, form=r.form, basis=r.basis, ceiling_eur=r.ceiling_eur,
        ceiling_turnover_share=r.ceiling_turnover_share,
    )  # fmt: skip
    return DonationPublic.model_validate(v.donation).model_copy(update={"receipt": receipt})
