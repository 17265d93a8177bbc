"""The counts' and the safety records' rules on their own: differences from the ledger,
the accuracy, the weekdays and hours of a period, an incident's severity."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revalo.domain.errors import InvalidValue
from revalo.domain.floor.counts import (
    AdjustmentKind,
    CountFigures,
    Period,
    Scanned,
    accuracy,
    differences,
)
from revalo.domain.floor.safety import (
    Incident,
    IncidentKind,
    Severity,
    figures,
    shift_hours,
    weekdays,
)

NOW = datetime(2026, 3, 12, 10, tzinfo=UTC)  # a Thursday


def test_a_count_s_differences_name_each_unit_once() -> None:
    scans = [Scanned("LPN1", "LPN1", "B"), Scanned("lpn1", "LPN1", "B"), Scanned("X-9")]
    scans.append(Scanned("LPN7", "LPN7", "HUB:graded_stock"))
    matched, found = differences("B", ["LPN1", "LPN2"], scans)
    assert matched == 1
    assert sorted((a.kind.value, a.lpn or a.scanned) for a in found) == [
        ("found", "LPN7"),
        ("found", "X-9"),
        ("missing", "LPN2"),
    ]


def test_accuracy_is_in_both_over_in_either_per_site_and_week() -> None:
    rows = [
        CountFigures("HUB", NOW, 10, 10, 10),
        CountFigures("HUB", NOW + timedelta(days=1), 4, 3, 3),
        CountFigures("HUB", NOW + timedelta(days=7), 0, 0, 0),
    ]
    first, second = accuracy(rows, Period.WEEK)
    assert first.start == date(2026, 3, 9) and (first.counts, first.exact) == (2, 1)
    assert first.rate == pytest.approx(13 / 14)
    assert second.rate is None  # an empty bin counted empty: nothing to be right about


def test_weekdays_and_the_hours_of_the_shifts() -> None:
    assert weekdays(date(2026, 3, 9), date(2026, 3, 15)) == 5
    assert weekdays(date(2026, 3, 14), date(2026, 3, 15)) == 0
    assert weekdays(date(2026, 3, 1), date(2026, 3, 31)) == 22
    assert weekdays(date(2026, 3, 2), date(2026, 3, 1)) == 0
    hours = shift_hours(3, date(2026, 3, 9), date(2026, 3, 13))
    assert hours.hours == 3 * 7 * 5 and "3 member(s) x 7 h x 5 weekday(s)" in hours.source


def _incident(kind: IncidentKind, severity: Severity, lost: int = 0, days_ago: int = 1) -> Incident:
    at = NOW - timedelta(days=days_ago)
    return Incident("HUB", at, kind, severity, "what", "done", "sup", NOW, lost_days=lost)


def test_an_incident_s_severity_and_lost_days_must_agree() -> None:
    with pytest.raises(InvalidValue, match="a near miss hurt nobody"):
        _incident(IncidentKind.NEAR_MISS, Severity.FIRST_AID)
    with pytest.raises(InvalidValue, match="one that hurt nobody is a near miss"):
        _incident(IncidentKind.INCIDENT, Severity.NONE)
    with pytest.raises(InvalidValue, match="lost 1 to 366 days, not 0"):
        _incident(IncidentKind.INCIDENT, Severity.LOST_TIME)
    with pytest.raises(InvalidValue, match="only a lost-time accident loses days"):
        _incident(IncidentKind.INCIDENT, Severity.FIRST_AID, lost=2)
    with pytest.raises(InvalidValue, match="reported after it happened"):
        _incident(IncidentKind.INCIDENT, Severity.FIRST_AID, days_ago=-1)


def test_the_rate_leaves_near_misses_out() -> None:
    found = [
        _incident(IncidentKind.INCIDENT, Severity.LOST_TIME, lost=3),
        _incident(IncidentKind.INCIDENT, Severity.FIRST_AID),
        _incident(IncidentKind.NEAR_MISS, Severity.NONE),
        _incident(IncidentKind.INCIDENT, Severity.FIRST_AID, days_ago=40),  # before the period
    ]
    start, end = date(2026, 3, 2), date(2026, 3, 13)
    f = figures("HUB", start, end, found, [], shift_hours(4, start, end), date(2026, 3, 11))
    assert (f.incidents, f.near_misses, f.lost_time) == (2, 1, 1)
    assert f.per_1000_hours == pytest.approx(2 * 1000 / (4 * 7 * 10))
    assert f.days_since_lost_time == 2
    assert f.by_severity == {"lost_time": 1, "first_aid": 1}


LPNS = st.sampled_from([f"LPN{i}" for i in range(12)])


@given(
    on_ledger=st.sets(LPNS, max_size=8),
    scanned=st.lists(st.one_of(LPNS, st.sampled_from(["X-1", "X-2"])), max_size=12),
)
def test_applying_a_count_s_adjustments_gives_what_was_scanned(
    on_ledger: set[str], scanned: list[str]
) -> None:
    """Whatever the ledger held and the counter scanned: the adjustments, applied, make the
    bin hold exactly what was scanned, each unit once, and the figures add up."""
    scans = [Scanned(s) if s.startswith("X") else Scanned(s, s, "elsewhere") for s in scanned]
    matched, adjustments = differences("B", on_ledger, scans)
    after = set(on_ledger)
    for a in adjustments:
        key = a.lpn or a.scanned
        if a.kind is AdjustmentKind.MISSING:
            assert key in after
            after.remove(key)
        else:
            assert key not in after
            after.add(key)
    assert after == set(scanned)
    assert matched == len(on_ledger & set(scanned))
    assert len(adjustments) == len(on_ledger ^ set(scanned))
