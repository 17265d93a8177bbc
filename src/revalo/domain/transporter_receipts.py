"""The waste transporters' receipts: what a waste-tracking slip names of its carrier.

In France a firm that carries waste by road declares it to the prefect of the département
where it is based, and receives a receipt (récépissé de déclaration) whose number, département
and end of validity go on the BSD it signs (Code de l'environnement R541-50 to R541-53; the
declaration is renewed every five years). It is needed above a load of 0.1 tonne of hazardous
waste or 0.5 tonne of other waste (R541-50, verify the text in force). Revalo keeps each
carrier's receipts with who recorded them; a slip names the one in force the day its
consignment was taken, and says when none is (none recorded, or expired), 30 days ahead as
for a facility's certificate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from revalo.domain.errors import InvalidValue
from revalo.domain.facilities import CertificateStatus, expiry_status

MAX_NUMBER = 60
MAX_CARRIER = 100
#: A département's code: 01 to 95 but 20, 2A or 2B (Corsica), 971 to 976 (overseas).
_DEPARTMENT = re.compile(r"^(0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5]|97[1-6])$")
#: Above these loads the carrier needs a receipt (R541-50), in kg.
HAZARDOUS_KG = 100.0
OTHER_KG = 500.0


@dataclass(eq=False)
class TransporterReceipt:
    """A carrier's receipt of its declaration as a waste transporter, valid up to
    ``valid_until`` included."""

    carrier: str
    number: str
    department: str
    valid_until: date
    recorded_by: str
    recorded_at: datetime
    id: int | None = None

    def __post_init__(self) -> None:
        self.carrier = " ".join(self.carrier.split())
        self.number = " ".join(self.number.split())
        self.department = self.department.strip().upper()
        if not self.carrier:
            raise InvalidValue("a transporter's receipt needs its carrier", field="carrier")
        if len(self.carrier) > MAX_CARRIER:
            raise InvalidValue(
                f"a carrier's name has at most {MAX_CARRIER} characters", field="carrier"
            )
        if not self.number:
            raise InvalidValue("a transporter's receipt needs its number", field="number")
        if len(self.number) > MAX_NUMBER:
            raise InvalidValue(
                f"a receipt's number has at most {MAX_NUMBER} characters", field="number"
            )
        if not _DEPARTMENT.match(self.department):
            raise InvalidValue(
                f"département {self.department or '(none)'} is not a French département's "
                "code (01 to 95, 2A, 2B, 971 to 976)",
                field="department",
            )

    def status_on(self, day: date) -> CertificateStatus:
        return expiry_status(day, self.valid_until)


def needs_receipt(kg: float, hazardous: bool) -> bool:
    """Whether a load of ``kg`` needs a declared transporter (R541-50)."""
    return kg > (HAZARDOUS_KG if hazardous else OTHER_KG)


@dataclass(frozen=True, slots=True)
class ReceiptOnSlip:
    """What a slip says of its transporter's receipt."""

    receipt: TransporterReceipt | None
    required: bool
    #: Why the slip names none although one is required, or that it expires soon.
    problem: str | None


def in_force(receipts: Sequence[TransporterReceipt], day: date) -> TransporterReceipt | None:
    """Of one carrier's receipts, the one in force on ``day``: the latest to expire."""
    valid = [r for r in receipts if r.valid_until >= day]
    return max(valid, key=lambda r: (r.valid_until, r.id or 0)) if valid else None


def receipt_on_slip(
    carrier: str, receipts: Sequence[TransporterReceipt], day: date, *, required: bool
) -> ReceiptOnSlip:
    """The carrier's receipt in force on ``day``, and what is wrong."""
    own = [r for r in receipts if r.carrier == carrier]
    best = in_force(own, day)
    if best is not None:
        soon = best.status_on(day) is CertificateStatus.EXPIRING
        problem = f"the receipt {best.number} expires on {best.valid_until}" if soon else None
        return ReceiptOnSlip(best, required, problem)
    if not required:
        return ReceiptOnSlip(None, required, None)
    if own:
        last = max(own, key=lambda r: r.valid_until)
        problem = f"the receipt {last.number} of {carrier} expired on {last.valid_until}"
    else:
        problem = f"no receipt of {carrier} as a waste transporter is on record"
    return ReceiptOnSlip(None, required, problem)
