"""The pick list in the order of the walking path (serpentine through the aisles, low
levels first), and what a load needs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from revalo.domain.errors import NotAllowed
from revalo.domain.floor.bins import Item
from revalo.domain.floor.flow_tasks import (
    Stop,
    ensure_all_scanned,
    load_task,
    walking_order,
)

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)


def test_the_pick_list_snakes_through_the_aisles() -> None:
    stops = [
        Stop("L1", "HUB:B-01-0-A"),
        Stop("L2", "HUB:A-03-1-A"),
        Stop("L3", "HUB:A-01-2-A"),
        Stop("L4", "HUB:B-04-0-A"),
        Stop("L5", "HUB:graded_stock"),
        Stop("L6", "HUB:A-03-0-B"),
        Stop("L7", "HUB:C-02-0-A"),
    ]
    # Aisle A up the racks, aisle B back down, aisle C up; a rack's levels low to high;
    # units outside any bin last.
    assert [s.lpn for s in walking_order(stops)] == ["L3", "L6", "L2", "L4", "L1", "L7", "L5"]


def test_a_load_on_pallets_or_heavy_needs_a_counterbalance_truck() -> None:
    light = [Item("L1", 2.0, 0.01), Item("L2", 3.0, 0.01)]
    by_hand = load_task(
        light, site_code="HUB", zone="outbound", at=NOW, consignment="C1", on_pallets=False
    )
    assert by_hand.equipment == frozenset() and not by_hand.needs
    assert {p.value for p in by_hand.ppe} == {"hi_vis_vest", "safety_shoes", "gloves"}
    heavy = load_task(
        [*light, Item("L3", 40.0, 0.3)],
        site_code="HUB",
        zone="outbound",
        at=NOW,
        consignment="C1",
        on_pallets=False,
    )
    assert heavy.equipment == {"counterbalance_truck"}
    assert "caces_r489 3" in {str(n) for n in heavy.needs}
    pallets = load_task(
        light, site_code="HUB", zone="outbound", at=NOW, consignment="C1", on_pallets=True
    )
    assert pallets.equipment == {"counterbalance_truck"}


def test_every_unit_of_a_load_is_scanned_and_nothing_else() -> None:
    task = load_task(
        [Item("L1", 2.0, 0.01), Item("L2", 3.0, 0.01)],
        site_code="HUB",
        zone="outbound",
        at=NOW,
        consignment="C1",
        on_pallets=False,
    )
    task.id = 7
    with pytest.raises(NotAllowed, match="task 7 still needs: L2"):
        ensure_all_scanned(task, ["l1"])
    with pytest.raises(NotAllowed, match="not in task 7: L9"):
        ensure_all_scanned(task, ["L1", "L2", "L9"])
    ensure_all_scanned(task, [" l2 ", "L1"])
