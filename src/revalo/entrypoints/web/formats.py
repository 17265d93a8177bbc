"""Numbers, amounts of money, percentages, dates and times as the page's language writes
them, by Babel from the Unicode CLDR: ``1 000``, ``24,58 €``, ``64,8 %``, ``3 févr.`` in
French; ``1,000``, ``€24.58``, ``64.8%``, ``3 Feb`` in English.

The pages' English is British (the labels write "labour", "authorise"): day before month and
the 24-hour clock, as the people of a European returns network read them. Times are UTC, as
the pages say.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format
from babel.numbers import format_currency, format_decimal, parse_pattern

#: The Babel locale of each language of the pages.
LOCALES: dict[str, str] = {"en": "en_GB", "fr": "fr_FR"}
#: What a missing figure shows.
MISSING = "–"
CURRENCY = "EUR"

Number = float | int | Decimal


@lru_cache(maxsize=8)
def locale_of(lang: str) -> Locale:
    """The Babel locale of a language of the pages (English for any other)."""
    return Locale.parse(LOCALES.get(lang, LOCALES["en"]))


def _pattern(digits: int) -> str:
    return "#,##0" + ("." + "0" * digits if digits > 0 else "")


def number(value: Number | None, digits: int = 0, *, lang: str) -> str:
    """A number with the language's grouping and decimal mark, ``digits`` decimals."""
    if value is None:
        return MISSING
    return format_decimal(value, format=_pattern(digits), locale=locale_of(lang))


def money(value: Number | None, *, lang: str, currency: str = CURRENCY) -> str:
    """An amount with its currency where the language puts it: ``€24.58``, ``24,58 €``."""
    if value is None:
        return MISSING
    return format_currency(value, currency, locale=locale_of(lang))


def percent(share: Number | None, digits: int = 1, *, lang: str) -> str:
    """A share (0.648) as a percentage with the language's sign and spacing."""
    if share is None:
        return MISSING
    loc = locale_of(lang)
    pattern = parse_pattern(loc.percent_formats[None].pattern)
    pattern.frac_prec = (digits, digits)
    return str(pattern.apply(share, loc))


def _as_date(value: date | datetime) -> date:
    if isinstance(value, datetime):
        return (value if value.tzinfo is None else value.astimezone(UTC)).date()
    return value


def day(value: date | datetime | None, *, lang: str) -> str:
    """A day with its year: ``3 Feb 2026``, ``3 févr. 2026``."""
    if value is None:
        return MISSING
    return format_date(_as_date(value), "medium", locale=locale_of(lang))


def short_day(value: date | datetime | None, *, lang: str) -> str:
    """A day of the month, as a chart's axis names it: ``3 Feb``, ``3 févr.``."""
    if value is None:
        return MISSING
    loc = locale_of(lang)
    return format_date(_as_date(value), loc.datetime_skeletons["MMMd"], locale=loc)


def moment(value: datetime | None, *, lang: str) -> str:
    """A date and time (UTC): ``3 Feb 2026, 14:05``, ``3 févr. 2026, 14:05``."""
    if value is None:
        return ""
    at = value if value.tzinfo is None else value.astimezone(UTC)
    loc = locale_of(lang)
    when = format_date(at.date(), "medium", locale=loc)
    clock_ = format_time(at.time(), "short", locale=loc)
    pattern = str(get_datetime_format("medium", locale=loc))
    return pattern.replace("{1}", when).replace("{0}", clock_)


def clock(minutes: Number | None, *, lang: str) -> str:
    """A time of day given in minutes after midnight: ``08:05``."""
    if minutes is None:
        return MISSING
    whole = int(minutes) % (24 * 60)
    return format_time(time(whole // 60, whole % 60), "short", locale=locale_of(lang))
