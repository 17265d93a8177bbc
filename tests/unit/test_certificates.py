"""The certificates' rules, without a database: a facility's certificate in force, expiring
or expired; the refurbished claim; a certificate number's form."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from revalo.domain.certificates import (
    Device,
    MediaKind,
    WipedMedium,
    certificates_of,
    check_number,
    refurbished_claim,
)
from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.facilities import (
    CertificateStatus,
    FacilityCertificate,
    ensure_in_force,
    expiring,
)
from revalo.domain.work_orders import WipeMethod, WorkOrder, WorkOrderKind, WorkOrderState

AT = datetime(2026, 3, 2, 10, tzinfo=UTC)


def facility(number: str, expires: date, site: str = "REC-FR") -> FacilityCertificate:
    return FacilityCertificate(
        site_code=site,
        number=number,
        scope="WEEE 1-6",
        issuer="WEEELABEX",
        issued_on=date(2024, 1, 1),
        expires_on=expires,
        recorded_by="admin",
        recorded_at=AT,
    )


def test_a_certificate_is_flagged_from_30_days_before_it_expires() -> None:
    c = facility("A", date(2026, 4, 1))
    assert c.status_on(date(2026, 3, 1)) is CertificateStatus.VALID
    assert c.status_on(date(2026, 3, 2)) is CertificateStatus.EXPIRING  # 30 days before
    assert c.status_on(date(2026, 4, 1)) is CertificateStatus.EXPIRING  # its last day
    assert c.status_on(date(2026, 4, 2)) is CertificateStatus.EXPIRED


def test_an_expired_certificate_refuses_the_facility_until_one_is_in_force() -> None:
    old = facility("OLD", date(2026, 1, 31))
    with pytest.raises(NotAllowed, match="OLD of REC-FR expired on 2026-01-31"):
        ensure_in_force("REC-FR", [old], date(2026, 2, 1))
    ensure_in_force("REC-FR", [old], date(2026, 1, 31))
    ensure_in_force("REC-FR", [old, facility("NEW", date(2029, 1, 1))], date(2026, 2, 1))
    ensure_in_force("REC-FR", [], date(2026, 2, 1))  # none on record: the certified flag rules


def test_only_the_latest_certificate_of_a_facility_is_a_warning() -> None:
    day = date(2026, 3, 10)
    held = [
        facility("OLD", date(2026, 1, 1)),
        facility("NEW", date(2029, 1, 1)),
        facility("B-1", date(2026, 3, 20), site="REC-BE"),
    ]
    found = expiring(held, day)
    assert [(c.number, s) for c, s in found] == [("B-1", CertificateStatus.EXPIRING)]


def test_a_certificate_expiring_before_it_is_issued_is_refused() -> None:
    with pytest.raises(InvalidValue, match="expires \\(2023-01-01\\) before it is issued"):
        facility("X", date(2023, 1, 1))


def order(kind: WorkOrderKind, n: int, state: WorkOrderState = WorkOrderState.DONE) -> WorkOrder:
    wo = WorkOrder(id=n, unit_id=1, kind=kind, site_code="HUB-FR", created_at=AT)
    wo.state, wo.completed_at, wo.operator = state, AT, "tech"
    if kind is WorkOrderKind.DATA_WIPE and state is WorkOrderState.DONE:
        wo.wipe_method, wo.wipe_tool, wo.wipe_verified = WipeMethod.PURGE, "nvme-cli", True
        wo.wipe_certificate = f"SAN{n:08d}"
    return wo


DEVICE = Device("LPN000000001", "SN-1", "Lumen", "L14", "Laptop", None)


def test_refurbished_needs_a_test_a_repair_when_faulty_and_a_wipe_of_data() -> None:
    wipe, test, repair = (
        order(WorkOrderKind.DATA_WIPE, 1),
        order(WorkOrderKind.TEST, 2),
        order(WorkOrderKind.REPAIR, 3),
    )
    certs = certificates_of(DEVICE, [wipe], {})
    claim = refurbished_claim([wipe, test], certs, data_bearing=True, faults=["SCREEN"])
    assert claim.missing == ("repaired",)
    claim = refurbished_claim([wipe, test, repair], certs, data_bearing=True, faults=["SCREEN"])
    assert claim.allowed and claim.wiped == ("SAN00000001",) and claim.repaired == "WO00000003"
    assert refurbished_claim([test], [], data_bearing=False, faults=[]).allowed
    failed = order(WorkOrderKind.TEST, 4, WorkOrderState.FAILED)
    assert refurbished_claim([failed], [], data_bearing=False, faults=[]).missing == ("tested",)


def test_each_medium_recorded_has_its_numbered_certificate() -> None:
    wipe = order(WorkOrderKind.DATA_WIPE, 12)
    media = [
        WipedMedium(
            12, p, f"D-{p}", MediaKind.HDD, WipeMethod.CLEAR, "nwipe", "0.36", "", True, "tech", AT
        )
        for p in (2, 1)
    ]
    certs = certificates_of(DEVICE, [wipe], {12: media})
    assert [(c.number, c.media_serial) for c in certs] == [
        ("SAN00000012-1", "D-1"),
        ("SAN00000012-2", "D-2"),
    ]
    assert certs[0].as_json()["sanitisation"]["method"] == "clear"


@pytest.mark.parametrize("text", ["SAN1", "WO00000012", "SAN00000012-", "SAN00000012-123"])
def test_a_certificate_number_has_its_form(text: str) -> None:
    with pytest.raises(InvalidValue, match="numbered SAN"):
        check_number(text)
    assert check_number(" san00000012-3 ") == "SAN00000012-3"
