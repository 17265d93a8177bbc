"""A waste transporter's receipt: what it must hold, and what a waste-tracking slip says of
its carrier's receipts on the day the load was taken (R541-50: needed above 0.1 t of
hazardous waste or 0.5 t of other waste a load)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from revalo.domain.errors import InvalidValue
from revalo.domain.facilities import CertificateStatus
from revalo.domain.transporter_receipts import (
    TransporterReceipt,
    needs_receipt,
    receipt_on_slip,
)

DAY = date(2026, 3, 2)
AT = datetime(2026, 3, 1, 9, tzinfo=UTC)


def receipt(
    number: str = "R-1", until: date = DAY + timedelta(days=400), **kw: str
) -> TransporterReceipt:
    fields = {"carrier": "Example Haulage", "department": "69", **kw}
    return TransporterReceipt(
        number=number, valid_until=until, recorded_by="admin", recorded_at=AT, **fields
    )


@pytest.mark.parametrize("department", ["01", "2A", "2b", "95", "971", "976", " 69 "])
def test_a_french_departement_is_a_receipts_authority(department: str) -> None:
    assert receipt(department=department).department == department.strip().upper()


@pytest.mark.parametrize("department", ["00", "96", "20", "977", "F", "", "6 9"])
def test_anything_else_is_refused_naming_the_field(department: str) -> None:
    with pytest.raises(InvalidValue, match="is not a French département's code") as err:
        receipt(department=department)
    assert err.value.field == "department"


def test_a_receipt_needs_its_carrier_and_its_number() -> None:
    with pytest.raises(InvalidValue, match="needs its carrier"):
        receipt(carrier="  ")
    with pytest.raises(InvalidValue, match="needs its number"):
        receipt(number=" ")
    with pytest.raises(InvalidValue, match="at most 60 characters"):
        receipt(number="9" * 61)
    assert receipt(number="  69  2024 / 7 ").number == "69 2024 / 7"


def test_its_status_warns_thirty_days_ahead() -> None:
    r = receipt(until=DAY + timedelta(days=30))
    assert r.status_on(DAY - timedelta(days=1)) is CertificateStatus.VALID
    assert r.status_on(DAY) is CertificateStatus.EXPIRING
    assert r.status_on(DAY + timedelta(days=31)) is CertificateStatus.EXPIRED


@pytest.mark.parametrize(
    ("kg", "hazardous", "needed"),
    [(100.0, True, False), (100.1, True, True), (500.0, False, False), (500.1, False, True)],
)
def test_a_receipt_is_needed_above_the_loads_of_r541_50(
    kg: float, hazardous: bool, needed: bool
) -> None:
    assert needs_receipt(kg, hazardous) is needed


def test_the_slip_names_the_receipt_in_force_that_lasts_longest() -> None:
    old = receipt("OLD", until=DAY - timedelta(days=1))
    short = receipt("SHORT", until=DAY + timedelta(days=100))
    long = receipt("LONG", until=DAY + timedelta(days=900))
    other = receipt("ELSE", carrier="Own fleet")
    on = receipt_on_slip("Example Haulage", [old, short, long, other], DAY, required=True)
    assert (on.receipt, on.problem) == (long, None)
    # The last day it is valid, it still is; it is said to expire soon.
    last = receipt_on_slip("Example Haulage", [short], DAY + timedelta(days=100), required=True)
    assert last.receipt is short
    assert last.problem == f"the receipt SHORT expires on {DAY + timedelta(days=100)}"


def test_a_required_receipt_missing_or_expired_is_said() -> None:
    old = receipt("OLD", until=DAY - timedelta(days=1))
    expired = receipt_on_slip("Example Haulage", [old], DAY, required=True)
    assert expired.receipt is None
    assert expired.problem == f"the receipt OLD of Example Haulage expired on {old.valid_until}"
    none = receipt_on_slip("Own fleet", [old], DAY, required=True)
    assert none.problem == "no receipt of Own fleet as a waste transporter is on record"
    # A small load needs none: nothing is wrong.
    small = receipt_on_slip("Own fleet", [old], DAY, required=False)
    assert (small.receipt, small.problem, small.required) == (None, None, False)
