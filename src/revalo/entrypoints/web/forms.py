"""Reading what a person typed: form fields and query parameters, checked on the server.

Each reader takes the submitted mapping and an ``Errors`` collector: a wrong value adds a
message (in the page's language) under its field's name (shown next to that field) and
gives back None, so that a form reports every problem at once and nothing typed reaches a
service unchecked.
"""

from __future__ import annotations

import enum
import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, TypeVar

from fastapi import Depends, Request
from starlette.datastructures import FormData, UploadFile

from revalo.entrypoints.web.i18n import current_language, named, translator

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


async def uploaded(
    form: FormData, name: str, errors: Errors, *, limit: int, missing: str, too_big: str
) -> bytes:
    """The content of the form's file ``name`` (the form is closed afterwards); none, or
    more than ``limit`` bytes, is said in ``errors`` with the catalogue's ``missing`` or
    ``too_big`` (given ``mb``)."""
    upload = form.get(name)
    raw = b""
    try:
        if isinstance(upload, UploadFile):
            raw = await upload.read(limit + 1)
    finally:
        await form.close()
    if not raw:
        errors.say(name, missing)
    elif len(raw) > limit:
        errors.say(name, too_big, mb=limit // 1_000_000)
    return raw


def fields(form: FormData) -> dict[str, str]:
    """The form's text fields (a file upload is no text field)."""
    return {k: v for k, v in form.items() if isinstance(v, str)}


class Errors(dict[str, str]):
    """Messages by field name; the first message of a field is kept. ``theirs``: the fields
    whose message is another layer's (the domain's refusal, as it wrote it)."""

    def __init__(self) -> None:
        super().__init__()
        self.theirs: set[str] = set()

    def add(self, field: str, message: str) -> None:
        """The domain's message (or another layer's) about the field."""
        if field not in self:
            self[field] = message
            self.theirs.add(field)

    def say(self, field: str, key: str, **values: object) -> None:
        """One of the catalogue's messages (``form.*``), in the language of the page
        being answered."""
        self.setdefault(field, translator(current_language.get())(key, **values))


def _what(name: str, label: str | None) -> str:
    """The field's name in a message about it."""
    return label or named("field.", name)


def _storable(value: str) -> str | None:
    """Why a text cannot be stored (a NUL, a lone surrogate): its message's key, or None."""
    if "\x00" in value:
        return "form.nul"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "form.unicode"
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
    what = _what(name, label)
    problem = _storable(value)
    if problem:
        errors.say(name, problem, what=what)
        return ""
    if required and not value:
        errors.say(name, "form.required", what=what)
    elif len(value) > max_length:
        errors.say(name, "form.too_long", what=what, max=max_length, got=len(value))
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
            errors.say(name, "form.choose", what=_what(name, None))
        return None
    try:
        return enum_type(raw)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum_type)
        shown = raw[:40] + ("…" if len(raw) > 40 else "")
        errors.say(name, "form.not_one_of", raw=repr(shown), allowed=allowed)
        return None


def one_of(
    data: Mapping[str, str], name: str, errors: Errors, allowed: Sequence[str], default: str
) -> str:
    raw = str(data.get(name, "") or "").strip()
    if not raw:
        return default
    if raw not in allowed:
        errors.say(name, "form.must_be_one_of", allowed=", ".join(allowed))
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
        errors.say(name, "form.not_whole", raw=repr(raw[:20]))
        return default
    if not low <= value <= high:
        errors.say(name, "form.between", low=low, high=high)
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
        errors.say(name, "form.not_amount", raw=repr(raw[:20]))
        return None
    if not value.is_finite() or not Decimal(0) <= value <= high:
        errors.say(name, "form.amount_range", what=_what(name, label), max=high)
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
        errors.say(name, "form.not_date", raw=repr(raw[:20]))
        return None
    if not MIN_YEAR <= d.year <= MAX_YEAR:
        errors.say(name, "form.year", low=MIN_YEAR, high=MAX_YEAR)
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
