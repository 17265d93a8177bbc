"""Reading what a person typed: form fields and query parameters, checked on the server.

Each reader takes the submitted mapping and an ``Errors`` collector: a wrong value adds a
message under its field's name (shown next to that field) and gives back None, so that a
form reports every problem at once and nothing typed reaches a service unchecked.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from starlette.datastructures import FormData

E = TypeVar("E", bound=enum.Enum)

#: Dates outside these years are typing mistakes (the API refuses them too).
MIN_YEAR, MAX_YEAR = 1970, 2200
#: Rows a list shows on one page.
PER_PAGE = 25
#: Pages beyond this are refused as a typing mistake rather than queried.
MAX_PAGE = 100_000


async def posted_form(request: Request) -> FormData:
    """The posted form, read before the page's handler runs: the handlers are plain
    functions, run in worker threads, so that a page's database work (a plan's search, a
    write waiting for the lock) never holds up the server's other requests."""
    return await request.form()


PostedForm = Annotated[FormData, Depends(posted_form)]


def fields(form: FormData) -> dict[str, str]:
    """The form's text fields (a file upload is no text field)."""
    return {k: v for k, v in form.items() if isinstance(v, str)}


class Errors(dict[str, str]):
    """Messages by field name; the first message of a field is kept."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, message)


def _storable(value: str) -> str | None:
    """Why a text cannot be stored (a NUL, a lone surrogate), or None."""
    if "\x00" in value:
        return "must not contain a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "must be valid Unicode text"
    return None


def text(
    data: Mapping[str, str],
    name: str,
    errors: Errors,
    *,
    max_length: int,
    required: bool = False,
    label: str | None = None,
) -> str:
    """A stripped text of at most ``max_length`` characters ("" when absent)."""
    value = str(data.get(name, "") or "").strip()
    what = label or name.replace("_", " ")
    problem = _storable(value)
    if problem:
        errors.add(name, f"{what} {problem}")
        return ""
    if required and not value:
        errors.add(name, f"{what} is required")
    elif len(value) > max_length:
        errors.add(name, f"{what} must be at most {max_length} characters (got {len(value)})")
        return ""
    return value


def choice(
    data: Mapping[str, str],
    name: str,
    errors: Errors,
    enum_type: type[E],
    *,
    required: bool = False,
) -> E | None:
    """A member of ``enum_type`` by its value; "" is None (or an error when required)."""
    raw = str(data.get(name, "") or "").strip()
    if not raw:
        if required:
            errors.add(name, f"choose a {name.replace('_', ' ')}")
        return None
    try:
        return enum_type(raw)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_type)
        shown = raw[:40] + ("…" if len(raw) > 40 else "")
        errors.add(name, f"{shown!r} is not one of: {allowed}")
        return None


def one_of(
    data: Mapping[str, str], name: str, errors: Errors, allowed: Sequence[str], default: str
) -> str:
    raw = str(data.get(name, "") or "").strip()
    if not raw:
        return default
    if raw not in allowed:
        errors.add(name, f"must be one of: {', '.join(allowed)}")
        return default
    return raw


def integer(
    data: Mapping[str, str],
    name: str,
    errors: Errors,
    *,
    low: int,
    high: int,
    default: int | None = None,
) -> int | None:
    """A whole number in ``[low, high]``; absent gives ``default``."""
    raw = str(data.get(name, "") or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        errors.add(name, f"{raw[:20]!r} is not a whole number")
        return default
    if not low <= value <= high:
        errors.add(name, f"must be between {low} and {high}")
        return default
    return value


def amount(
    data: Mapping[str, str], name: str, errors: Errors, *, high: Decimal, label: str | None = None
) -> Decimal | None:
    """An amount in EUR from 0 to ``high``, typed with a decimal point or comma; absent is
    None."""
    raw = str(data.get(name, "") or "").strip().replace(",", ".")
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        errors.add(name, f"{raw[:20]!r} is not an amount in EUR")
        return None
    if not value.is_finite() or not Decimal(0) <= value <= high:
        what = label or name.replace("_", " ")
        errors.add(name, f"the {what} must be between 0 and {high} EUR")
        return None
    return value


def page_number(q: Mapping[str, str], errors: Errors) -> int:
    """The page of a list asked for (``page``, from 1)."""
    return integer(q, "page", errors, low=1, high=MAX_PAGE, default=1) or 1


def page_count(total: int, per: int = PER_PAGE) -> int:
    return max(1, math.ceil(total / per))


def day(data: Mapping[str, str], name: str, errors: Errors) -> datetime | None:
    """A date typed as YYYY-MM-DD, as midnight UTC; absent is None."""
    raw = str(data.get(name, "") or "").strip()
    if not raw:
        return None
    try:
        d = date.fromisoformat(raw)
    except ValueError:
        errors.add(name, f"{raw[:20]!r} is not a date (YYYY-MM-DD)")
        return None
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        errors.add(name, f"the year must be between {MIN_YEAR} and {MAX_YEAR}")
        return None
    return datetime(d.year, d.month, d.day, tzinfo=UTC)


def flag(data: Mapping[str, str], name: str) -> bool:
    """A checkbox: ticked when sent with any value but "" / "0" / "off"."""
    return str(data.get(name, "") or "").strip().lower() not in ("", "0", "off", "false")


def code(data: Mapping[str, str], name: str, errors: Errors, *, max_length: int = 40) -> str | None:
    """A business code (site, SKU, country...) upper-cased; "" is None."""
    value = text(data, name, errors, max_length=max_length).upper()
    return value or None


def fault_codes(raw: str) -> list[str]:
    """Fault codes typed with spaces, commas or semicolons between them."""
    for sep in (",", ";", "\n", "\t"):
        raw = raw.replace(sep, " ")
    return [c for c in raw.split(" ") if c]
