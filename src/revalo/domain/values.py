"""Value objects and checks shared by the domain."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from revalo.domain.errors import InvalidValue

_DIGITS = re.compile(r"^\d+$")
_LPN = re.compile(r"^LPN\d{9}$")


def gs1_check_digit(data: str) -> int:
    """Check digit of a GS1 key (GTIN, SSCC): weights 3,1,3,1... from the rightmost data digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(data)))
    return (10 - total % 10) % 10


def normalise_gtin(value: str) -> str:
    """Return the GTIN as 14 digits, or raise InvalidValue naming what is wrong."""
    v = value.strip()
    if not _DIGITS.match(v) or len(v) not in (8, 12, 13, 14):
        raise InvalidValue(f"GTIN {value!r} must have 8, 12, 13 or 14 digits", field="gtin")
    expected = gs1_check_digit(v[:-1])
    if int(v[-1]) != expected:
        raise InvalidValue(
            f"GTIN {value!r} has a wrong check digit: expected {expected}, got {v[-1]}",
            field="gtin",
        )
    return v.zfill(14)


def normalise_gln(value: str) -> str:
    """A GS1 Global Location Number: 13 digits, the last a correct check digit."""
    gln = value.strip()
    if not (len(gln) == 13 and gln.isascii() and gln.isdigit()):
        raise InvalidValue(f"GLN {value!r} must be 13 digits", field="gln")
    if gs1_check_digit(gln[:-1]) != int(gln[-1]):
        raise InvalidValue(f"GLN {value!r} has a wrong check digit", field="gln")
    return gln


def format_lpn(number: int) -> str:
    """The licence plate number printed on a unit's label: LPN + 9 digits."""
    if not 0 < number < 10**9:
        raise InvalidValue(f"LPN number {number} is out of range", field="lpn")
    return f"LPN{number:09d}"


def is_lpn(value: str) -> bool:
    return bool(_LPN.match(value.strip().upper()))


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC (SQLite gives them back naive)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class GeoPoint:
    lat: float
    lon: float

    def __post_init__(self) -> None:
        if not -90.0 <= self.lat <= 90.0:
            raise InvalidValue(f"latitude {self.lat} is outside -90..90", field="lat")
        if not -180.0 <= self.lon <= 180.0:
            raise InvalidValue(f"longitude {self.lon} is outside -180..180", field="lon")

    def km_to(self, other: GeoPoint) -> float:
        """Great-circle distance in km (haversine, mean Earth radius 6371.0088 km)."""
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp, dl = p2 - p1, math.radians(other.lon - self.lon)
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0088 * math.asin(math.sqrt(h))


# SSCC (AI 00): extension digit + GS1 Company Prefix + serial reference = 17 digits, then the
# check digit (GS1 General Specifications, 3.3.1 and 7.9). A company prefix of 7 to 10 digits
# leaves 9 to 6 digits for the serial reference.
_SSCC_DATA_DIGITS = 17
_COMPANY_PREFIX_LENGTHS = range(7, 11)


def _ascii_digits(value: str) -> bool:
    # str.isdigit() and \d also accept other scripts' digits ("٣"), which no scanner sends.
    return value.isascii() and value.isdigit()


def normalise_sscc(value: str) -> str:
    """Return the SSCC as 18 digits, or raise InvalidValue naming what is wrong.

    Parameters
    ----------
    value
        The SSCC, surrounding spaces allowed.

    Returns
    -------
    str
        The 18 digits, check digit verified.
    """
    v = value.strip()
    if not _ascii_digits(v) or len(v) != _SSCC_DATA_DIGITS + 1:
        raise InvalidValue(f"SSCC {value!r} must have 18 digits", field="sscc")
    expected = gs1_check_digit(v[:-1])
    if int(v[-1]) != expected:
        raise InvalidValue(
            f"SSCC {value!r} has a wrong check digit: expected {expected}, got {v[-1]}",
            field="sscc",
        )
    return v


def format_sscc(extension_digit: int, company_prefix: str, serial_reference: int) -> str:
    """Build the 18-digit SSCC of a logistic unit (a parcel, a pallet).

    Parameters
    ----------
    extension_digit
        0 to 9, chosen by the company to enlarge its range of serial references.
    company_prefix
        The GS1 Company Prefix licensed to the company, 7 to 10 digits.
    serial_reference
        The company's number for the unit; zero-padded to fill the 17 data digits, so it has
        at most ``16 - len(company_prefix)`` digits.

    Returns
    -------
    str
        Extension digit, company prefix, padded serial reference and the GS1 check digit.
    """
    if isinstance(extension_digit, bool) or not isinstance(extension_digit, int):
        raise InvalidValue(
            f"extension digit {extension_digit!r} must be a whole number from 0 to 9",
            field="extension_digit",
        )
    if not 0 <= extension_digit <= 9:
        raise InvalidValue(
            f"extension digit {extension_digit} must be from 0 to 9", field="extension_digit"
        )
    prefix = company_prefix.strip()
    if not _ascii_digits(prefix) or len(prefix) not in _COMPANY_PREFIX_LENGTHS:
        raise InvalidValue(
            f"GS1 company prefix {company_prefix!r} must be 7 to 10 digits",
            field="company_prefix",
        )
    width = _SSCC_DATA_DIGITS - 1 - len(prefix)
    if isinstance(serial_reference, bool) or not isinstance(serial_reference, int):
        raise InvalidValue(
            f"serial reference {serial_reference!r} must be a whole number",
            field="serial_reference",
        )
    if not 0 <= serial_reference < 10**width:
        raise InvalidValue(
            f"serial reference {serial_reference} does not fit: with a {len(prefix)}-digit "
            f"company prefix it must be from 0 to {10**width - 1} ({width} digits)",
            field="serial_reference",
        )
    data = f"{extension_digit}{prefix}{serial_reference:0{width}d}"
    return f"{data}{gs1_check_digit(data)}"


def digital_link_sscc(sscc: str, resolver: str = "https://id.gs1.org") -> str:
    """The GS1 Digital Link URI of a logistic unit: ``{resolver}/00/{sscc}``.

    Parameters
    ----------
    sscc
        18 digits with a right check digit.
    resolver
        An http(s) URL, with or without a path (``https://example.com/dl``); a trailing
        slash is dropped. No query or fragment: they would end up before the SSCC.

    Returns
    -------
    str
        For instance ``https://id.gs1.org/00/106141412345678908``.
    """
    key = normalise_sscc(sscc)
    base = resolver.strip().rstrip("/")
    parts = urlsplit(base)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidValue(
            f"resolver {resolver!r} must be an http:// or https:// URL with a host name",
            field="resolver",
        )
    if parts.query or parts.fragment or "?" in base or "#" in base:
        raise InvalidValue(
            f"resolver {resolver!r} must not have a query (?...) or a fragment (#...)",
            field="resolver",
        )
    if any(c.isspace() for c in base):
        raise InvalidValue(f"resolver {resolver!r} must not contain spaces", field="resolver")
    return f"{base}/00/{key}"
