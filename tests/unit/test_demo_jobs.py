"""The demo's collection plans search as long as its size needs: half a second for a small
demo's handful of pickups a day, two seconds from 5,000 units."""

from __future__ import annotations

from revalo.demo.jobs import plan_seconds


def test_the_search_time_grows_with_the_demo_and_is_bounded() -> None:
    assert [plan_seconds(n) for n in (20, 300, 1500, 2500, 5000, 20000)] == [
        0.5,
        0.5,
        0.6,
        1.0,
        2.0,
        2.0,
    ]
