"""The demo leaves the last two working days' put-away open on the board, whatever weekday
it ends on: a demo ending on a Sunday or a Monday still gives the handler units to put away."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from revalo.demo.warehouse import recent_since


@pytest.mark.parametrize(
    ("last", "since"),
    [
        (date(2026, 12, 4), date(2026, 12, 3)),  # Friday: Thursday and Friday
        (date(2026, 12, 5), date(2026, 12, 3)),  # Saturday: the same two
        (date(2026, 12, 6), date(2026, 12, 3)),  # Sunday: the same two
        (date(2026, 12, 7), date(2026, 12, 4)),  # Monday: Friday and Monday
        (date(2026, 12, 9), date(2026, 12, 8)),  # Wednesday: Tuesday and Wednesday
    ],
)
def test_the_open_put_away_starts_two_working_days_back(last: date, since: date) -> None:
    assert recent_since(last) == datetime(since.year, since.month, since.day, tzinfo=UTC)
