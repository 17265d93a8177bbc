"""Certificates of sanitisation, one per medium wiped (NIST SP 800-88 Rev. 2), and the
"reconditionné" claim that rests on them (décret 2022-190).

A data wipe's work order sanitises the media of a device: while it is in progress, its
technician records each medium (its serial, the method clear / purge / destroy, the tool
and its version, how the result was verified). When the wipe is done, each medium has its
certificate: the order's number of sanitisation and the medium's place on the order
(SAN00000012-1, SAN00000012-2...). A wipe done before media were recorded on it keeps its
one certificate for the device (SAN00000012), its media serial not recorded.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from revalo.domain.errors import InvalidValue
from revalo.domain.work_orders import WipeMethod, WorkOrder, WorkOrderKind, WorkOrderState

#: The revision of NIST SP 800-88 the certificates follow (Sep 2025; Rev. 1 is withdrawn).
STANDARD = "NIST SP 800-88 Rev. 2"
MAX_SERIAL = 60
MAX_TOOL = 100
MAX_VERSION = 40
MAX_VERIFICATION = 200
#: More media on one device is a typing mistake.
MAX_MEDIA = 20
_NUMBER = re.compile(r"^SAN[0-9]{8}(-[0-9]{1,2})?$")


class MediaKind(enum.StrEnum):
    """The kinds of storage media NIST SP 800-88 sanitises differently."""

    HDD = "hdd"
    SSD = "ssd"
    FLASH = "flash"
    MOBILE = "mobile"
    OPTICAL = "optical"
    OTHER = "other"


def _text(value: str, reason: str, field: str, longest: int, *, required: bool = True) -> str:
    text = " ".join(value.split())
    if required and not text:
        raise InvalidValue(f"a medium wiped needs its {reason}", field=field)
    if len(text) > longest:
        raise InvalidValue(f"the {reason} has at most {longest} characters", field=field)
    return text


@dataclass(eq=False)
class WipedMedium:
    """One medium of a device, sanitised on a data-wipe work order."""

    work_order_id: int
    position: int
    media_serial: str
    media_kind: MediaKind
    method: WipeMethod
    tool: str
    tool_version: str
    verification: str
    verified: bool
    recorded_by: str
    recorded_at: datetime
    id: int | None = None

    def __post_init__(self) -> None:
        self.media_serial = _text(self.media_serial, "media serial", "media_serial", MAX_SERIAL)
        self.tool = _text(self.tool, "tool", "tool", MAX_TOOL)
        self.tool_version = _text(self.tool_version, "tool version", "tool_version", MAX_VERSION)
        self.verification = _text(
            self.verification, "verification", "verification", MAX_VERIFICATION, required=False
        )
        if not 1 <= self.position <= MAX_MEDIA:
            raise InvalidValue(f"a device has at most {MAX_MEDIA} media", field="media_serial")


def ensure_can_add_medium(order: WorkOrder, media: Sequence[WipedMedium], serial: str) -> None:
    """A medium is recorded on a data wipe in progress, once, and no more than MAX_MEDIA."""
    if order.kind is not WorkOrderKind.DATA_WIPE:
        raise InvalidValue(
            f"work order {order.number} is a {order.kind.value} order: media are recorded on "
            "data wipes",
            field="order_id",
        )
    if order.state is not WorkOrderState.IN_PROGRESS:
        raise InvalidValue(
            f"work order {order.number} is {order.state.value}: media are recorded while the "
            "wipe is in progress",
            field="order_id",
        )
    wanted = " ".join(serial.split()).upper()
    if any(m.media_serial.upper() == wanted for m in media):
        raise InvalidValue(
            f"the medium {serial.strip()} is recorded on {order.number} already",
            field="media_serial",
        )
    if len(media) >= MAX_MEDIA:
        raise InvalidValue(f"a device has at most {MAX_MEDIA} media", field="media_serial")


@dataclass(frozen=True, slots=True)
class Device:
    """What a certificate says of the device the medium came out of."""

    lpn: str
    serial: str | None
    manufacturer: str
    model: str
    name: str
    client_code: str | None


@dataclass(frozen=True, slots=True)
class SanitisationCertificate:
    """A certificate of sanitisation of one medium, as NIST SP 800-88 lists its fields."""

    number: str
    work_order: str
    device: Device
    media_serial: str | None
    media_kind: MediaKind | None
    method: WipeMethod
    tool: str
    tool_version: str | None
    verification: str
    verified: bool
    operator: str
    site_code: str
    sanitised_at: datetime

    def as_json(self) -> dict[str, Any]:
        return {
            "certificate": self.number,
            "standard": STANDARD,
            "workOrder": self.work_order,
            "device": {
                "lpn": self.device.lpn,
                "serial": self.device.serial,
                "manufacturer": self.device.manufacturer,
                "model": self.device.model,
                "name": self.device.name,
                "client": self.device.client_code,
            },
            "media": {
                "serial": self.media_serial,
                "type": self.media_kind.value if self.media_kind else None,
            },
            "sanitisation": {
                "method": self.method.value,
                "tool": self.tool,
                "toolVersion": self.tool_version,
                "operator": self.operator,
                "site": self.site_code,
                "date": self.sanitised_at.isoformat(),
            },
            "verification": {"method": self.verification or None, "verified": self.verified},
        }


def check_number(value: str) -> str:
    number = value.strip().upper()
    if not _NUMBER.match(number):
        raise InvalidValue(
            f"certificate {value!r}: a certificate of sanitisation is numbered SAN and 8 "
            "digits, with its medium after a dash (SAN00000012-1)",
            field="number",
        )
    return number


def certificates_of(
    device: Device, orders: Sequence[WorkOrder], media: Mapping[int, Sequence[WipedMedium]]
) -> list[SanitisationCertificate]:
    """The certificates of the data wipes done on a device, one per medium recorded (one for
    the device when its wipe recorded none)."""
    found = []
    for order in orders:
        if order.wipe_certificate is None or order.wipe_method is None:
            continue
        assert order.completed_at is not None
        common = {
            "work_order": order.number,
            "device": device,
            "operator": order.operator,
            "site_code": order.site_code,
            "sanitised_at": order.completed_at,
        }
        wiped = sorted(media.get(order.id, ()), key=lambda m: m.position)
        for m in wiped:
            found.append(
                SanitisationCertificate(
                    number=f"{order.wipe_certificate}-{m.position}",
                    media_serial=m.media_serial,
                    media_kind=m.media_kind,
                    method=m.method,
                    tool=m.tool,
                    tool_version=m.tool_version,
                    verification=m.verification,
                    verified=m.verified,
                    **common,  # type: ignore[arg-type]
                )
            )
        if not wiped:
            found.append(
                SanitisationCertificate(
                    number=order.wipe_certificate,
                    media_serial=None,
                    media_kind=None,
                    method=order.wipe_method,
                    tool=order.wipe_tool,
                    tool_version=None,
                    verification="",
                    verified=order.wipe_verified,
                    **common,  # type: ignore[arg-type]
                )
            )
    return found


@dataclass(frozen=True, slots=True)
class RefurbishedClaim:
    """Whether a unit may be called "reconditionné" / refurbished (décret 2022-190, Code de
    la consommation R122-4): all its functions tested, the repairs it needed done, the data
    of its previous user deleted. Each proof is a work order's number (a certificate's for
    the wipe); what is missing is named."""

    tested: str | None
    repaired: str | None
    repair_needed: bool
    wiped: tuple[str, ...]
    wipe_needed: bool

    @property
    def missing(self) -> tuple[str, ...]:
        lacking = []
        if self.tested is None:
            lacking.append("tested")
        if self.repair_needed and self.repaired is None:
            lacking.append("repaired")
        if self.wipe_needed and not self.wiped:
            lacking.append("wiped")
        return tuple(lacking)

    @property
    def allowed(self) -> bool:
        return not self.missing


def refurbished_claim(
    orders: Sequence[WorkOrder],
    certificates: Sequence[SanitisationCertificate],
    *,
    data_bearing: bool,
    faults: Sequence[str],
) -> RefurbishedClaim:
    """The claim from the unit's work orders done: a repair is needed when the last
    inspection found a fault, a wipe when the product carries data."""

    def last_done(*kinds: WorkOrderKind) -> str | None:
        done = [o for o in orders if o.kind in kinds and o.state is WorkOrderState.DONE]
        return done[-1].number if done else None

    return RefurbishedClaim(
        tested=last_done(WorkOrderKind.TEST),
        repaired=last_done(WorkOrderKind.REPAIR, WorkOrderKind.REFURBISH),
        repair_needed=bool(faults),
        wiped=tuple(c.number for c in certificates if c.verified),
        wipe_needed=data_bearing,
    )
