"""Numbers, money, percentages and dates as each language of the pages writes them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from revalo.entrypoints.web import charts, formats

NNBSP, NBSP = "\u202f", "\u00a0"
FEB_3 = date(2026, 2, 3)


@pytest.mark.parametrize(
    ("lang", "thousand", "amount", "share", "month_day"),
    [
        ("en", "1,000", "€24.58", "64.8%", "3 Feb"),
        ("fr", f"1{NNBSP}000", f"24,58{NBSP}€", f"64,8{NBSP}%", "3 févr."),
    ],
)
def test_each_language_writes_its_own_figures(
    lang: str, thousand: str, amount: str, share: str, month_day: str
) -> None:
    assert formats.number(1000, lang=lang) == thousand
    assert formats.money(Decimal("24.58"), lang=lang) == amount
    assert formats.percent(0.648, lang=lang) == share
    assert formats.short_day(FEB_3, lang=lang) == month_day


def test_decimals_dates_and_times() -> None:
    assert formats.number(1234.567, 2, lang="en") == "1,234.57"
    assert formats.number(1234.567, 2, lang="fr") == f"1{NNBSP}234,57"
    assert formats.number(-3.14159, 1, lang="fr") == "-3,1"
    assert formats.money(1234567.891, lang="fr") == f"1{NNBSP}234{NNBSP}567,89{NBSP}€"
    assert formats.percent(1, 0, lang="en") == "100%"
    assert formats.day(FEB_3, lang="en") == "3 Feb 2026"
    assert formats.day(FEB_3, lang="fr") == "3 févr. 2026"
    at = datetime(2026, 2, 3, 14, 5, tzinfo=UTC)
    assert formats.moment(at, lang="en") == "3 Feb 2026, 14:05"
    assert formats.moment(at, lang="fr") == "3 févr. 2026, 14:05"
    # A time of another zone is shown in UTC, as the pages say.
    paris = at.astimezone(timezone(timedelta(hours=1)))
    assert formats.moment(paris, lang="fr") == "3 févr. 2026, 14:05"
    assert formats.clock(8 * 60 + 5, lang="fr") == "08:05"


def test_a_missing_figure_is_a_dash_and_an_unknown_language_is_english() -> None:
    assert formats.number(None, lang="fr") == formats.money(None, lang="fr") == "–"
    assert formats.moment(None, lang="fr") == ""
    assert formats.money(5, lang="de") == "€5.00"


def test_charts_write_their_numbers_in_the_page_language() -> None:
    slices = [charts.Slice("remise en stock", 1500, 0), charts.Slice("recyclage", 500, 1)]
    fr = str(charts.donut(slices, label="Filières", lang="fr"))
    assert f"remise en stock : 1{NNBSP}500 (75,0{NBSP}%)" in fr
    en = str(charts.donut(slices, label="Routes", lang="en"))
    assert "remise en stock: 1,500 (75.0%)" in en
    bars = str(
        charts.bar_chart(["3 févr."], [charts.Series("Reçues", [2500], 0)], label="x", lang="fr")
    )
    assert f"3 févr. · Reçues : 2{NNBSP}500" in bars
