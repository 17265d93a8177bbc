"""Checked input types shared by the schemas and the routes.

Every string has a maximum length (those that are stored match their column) and refuses
what no database can store: a NUL character or half of a UTF-16 surrogate pair, which JSON
allows (``"\\ud800"``) and which would otherwise fail deep inside the driver.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated

from fastapi import Path, Query
from pydantic import AfterValidator, Field, StringConstraints

from revalo.domain.catalog import check_code, check_country
from revalo.domain.errors import InvalidValue

#: Earliest and latest dates the API accepts: anything outside is a typing mistake.
MIN_YEAR, MAX_YEAR = 1970, 2200


def _storable(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid Unicode text (lone surrogate found)") from None
    return value


def _utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC, as everywhere in Revalo."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValueError(f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def text(max_length: int, *, min_length: int = 0) -> StringConstraints:
    """Metadata for a stripped, storable string of bounded length."""
    return StringConstraints(strip_whitespace=True, min_length=min_length, max_length=max_length)


Storable = AfterValidator(_storable)


def domain_check(check: Callable[[str], str]) -> AfterValidator:
    """Run a domain check while the request is validated, so that its refusal names the
    field where it is in the request (``lines.2.sku``)."""

    def run(value: str) -> str:
        try:
            return check(value)
        except InvalidValue as exc:
            raise ValueError(exc.message) from None

    return AfterValidator(run)


def new_code(what: str) -> AfterValidator:
    """The form of the code of a thing being created (SKU, site, customer)."""
    return domain_check(lambda v: check_code(v, what))


#: A business code (SKU, site, customer): the domain checks its exact form.
Code = Annotated[str, text(40, min_length=1), Storable]
Country = Annotated[
    str, text(2, min_length=1), Storable, domain_check(check_country), Field(examples=["FR"])
]
Name = Annotated[str, text(200, min_length=1), Storable]
Label = Annotated[str, text(100), Storable]
Category = Annotated[str, text(40, min_length=1), Storable]
Serial = Annotated[str, text(40), Storable]
Document = Annotated[str, text(40), Storable]
OrderRef = Annotated[str, text(60), Storable]
Email = Annotated[str, text(200), Storable]
#: Free text written by a person: reasons, notes, comments, descriptions.
Note = Annotated[str, text(2000), Storable]
Reason = Annotated[str, text(2000, min_length=1), Storable]
#: What a scanner sent: kept whole (a GS1 group separator is part of it), at most 200
#: characters as stored with the unit.
ScanCode = Annotated[
    str, StringConstraints(min_length=1, max_length=200), Storable, Field(examples=["LPN000000001"])
]
FaultCode = Annotated[str, text(32, min_length=1), Storable]
ChecklistItem = Annotated[str, text(100, min_length=1), Storable]
LocationCode = Annotated[str, text(80, min_length=1), Storable]

Timestamp = Annotated[datetime, AfterValidator(_utc)]
Money = Annotated[Decimal, Field(ge=0, le=Decimal("100000000"), max_digits=11, decimal_places=2)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]

# -- path and query parameters ---------------------------------------------------------------
Limit = Annotated[int, Query(ge=1, le=200, description="items per page (at most 200)")]
Offset = Annotated[int, Query(ge=0, le=1_000_000_000, description="items to skip")]
SkuPath = Annotated[str, Path(min_length=1, max_length=40), Storable]
SiteCodePath = Annotated[str, Path(min_length=1, max_length=40), Storable]
CustomerCodePath = Annotated[str, Path(min_length=1, max_length=40), Storable]
ClientCodePath = Annotated[str, Path(min_length=1, max_length=40), Storable]
#: Restrict a list or a figure to one client's goods; an unknown client is refused.
ClientCodeQuery = Annotated[
    str | None,
    Query(max_length=40, description="only this client's goods (its code)"),
    Storable,
]
ReturnNumberPath = Annotated[
    str, Path(min_length=1, max_length=20, examples=["RMA00000001"]), Storable
]
LpnPath = Annotated[str, Path(min_length=1, max_length=20, examples=["LPN000000001"]), Storable]
WorkOrderPath = Annotated[
    str,
    Path(
        pattern=r"^(?i:WO)?\d{1,12}$",
        description="the work order's number (WO00000012) or id (12)",
        examples=["WO00000001"],
    ),
]

#: A row's number in an address: a larger one names no row (and is no database error).
RowId = Annotated[int, Path(ge=1, le=2**62, description="the row's number")]
