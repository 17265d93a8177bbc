"""The floor's tasks the flow makes beside the put-away: a move to the workshop (a unit's
work order is in another zone), a pick for an outbound consignment (its pick list in the
order of the walking path) and the loading of its truck. Each states its equipment,
qualifications and PPE from the same rule table as the put-away (``tasks.RULES``), and
the dock's own rules for loading.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.errors import InvalidValue, NotAllowed
from revalo.domain.floor.bins import Bin, Item, parse_bin_code
from revalo.domain.floor.tasks import (
    TRUCK_MASS_KG,
    FloorTask,
    Requirements,
    TaskKind,
    requirements_for,
)
from revalo.domain.floor.team import Need, PpeKind
from revalo.domain.floor.team import QualificationKind as Q

#: Loading a truck by a counterbalance truck: a load on pallets, or a unit over this mass.
LOAD_TRUCK = Requirements(
    frozenset({"counterbalance_truck"}),
    frozenset({Need(Q.CACES_R489, "3"), Need(Q.DRIVING_AUTHORISATION), Need(Q.MEDICAL_FITNESS)}),
)
#: Handling at the dock: gloves (EN 388) besides the floor's vest and shoes.
AT_THE_DOCK = Requirements(ppe=frozenset({PpeKind.GLOVES}))


@dataclass(frozen=True, slots=True)
class Stop:
    """A unit of a pick list and where it is: a bin's code, or a zone's location."""

    lpn: str
    location: str


def walking_order(stops: Sequence[Stop]) -> list[Stop]:
    """The pick list in the order of the walking path: bins first, aisle by aisle, along
    each aisle's racks one way and back along the next (serpentine), a rack's levels low
    to high; then the zones' own locations by code."""
    in_bins: dict[str, list[tuple[int, int, str, Stop]]] = {}
    elsewhere: list[Stop] = []
    for s in stops:
        try:
            b = parse_bin_code(s.location)
        except InvalidValue:
            elsewhere.append(s)
            continue
        in_bins.setdefault(b.aisle, []).append((b.rack, b.level, b.position, s))
    out: list[Stop] = []
    for i, aisle in enumerate(sorted(in_bins, key=lambda a: (len(a), a))):
        racks = sorted(in_bins[aisle], key=lambda r: (r[0], r[1], r[2], r[3].lpn))
        if i % 2:  # back along the next aisle, each rack's levels still low to high
            racks.sort(key=lambda r: (-r[0], r[1], r[2], r[3].lpn))
        out.extend(r[3] for r in racks)
    return out + sorted(elsewhere, key=lambda s: (s.location, s.lpn))


def to_workshop_task(
    item: Item,
    bin: Bin | None,
    *,
    site_code: str,
    zone: str,
    at: datetime,
    from_location: str,
    workshop: str,
    work_order: str,
) -> FloorTask:
    """Carry the unit from where it is to the workshop, where its work order waits."""
    task = FloorTask(
        TaskKind.TO_WORKSHOP,
        site_code,
        zone,
        at,
        unit_lpn=item.lpn,
        from_location=from_location,
        bin_code=workshop,
        detail={"work_order": work_order, "units": "1"},
    )
    task.require(requirements_for(item, bin))
    return task


def pick_task(
    stops: Sequence[tuple[Stop, Item, Bin | None]],
    *,
    site_code: str,
    zone: str,
    at: datetime,
    consignment: str,
    dock: str,
) -> FloorTask:
    """Gather a consignment's units at the dock, in the walking path's order; the task
    needs what carrying each of them from its bin needs."""
    ordered = walking_order([s for s, _, _ in stops])
    req = Requirements()
    for _, item, b in stops:
        req = req | requirements_for(item, b)
    task = FloorTask(
        TaskKind.PICK,
        site_code,
        zone,
        at,
        bin_code=dock,
        detail={
            "consignment": consignment,
            "units": str(len(ordered)),
            "lines": str(len(ordered)),
            "path": " ".join(f"{s.lpn}@{s.location}" for s in ordered),
        },
    )
    task.require(req)
    return task


def load_task(
    items: Sequence[Item],
    *,
    site_code: str,
    zone: str,
    at: datetime,
    consignment: str,
    on_pallets: bool,
) -> FloorTask:
    """Load the consignment's units into its truck at the dock: by a counterbalance truck
    when the load is on pallets or a unit is over 25 kg, with gloves; dangerous-goods
    awareness for a damaged battery."""
    req = requirements_for(None, None) | AT_THE_DOCK
    if on_pallets or any(i.mass_kg > TRUCK_MASS_KG for i in items):
        req = req | LOAD_TRUCK
    if any(i.damaged_lithium for i in items):
        req = req | Requirements(needs=frozenset({Need(Q.DG_AWARENESS)}))
    task = FloorTask(
        TaskKind.LOAD,
        site_code,
        zone,
        at,
        detail={
            "consignment": consignment,
            "units": str(len(items)),
            "lpns": " ".join(sorted(i.lpn for i in items)),
        },
    )
    task.require(req)
    return task


def path_of(task: FloorTask) -> list[Stop]:
    """A pick task's list, in its walking order."""
    out = []
    for part in task.detail.get("path", "").split():
        lpn, _, where = part.partition("@")
        out.append(Stop(lpn, where))
    return out


def units_of(task: FloorTask) -> list[str]:
    """The units a task moves."""
    if task.kind is TaskKind.PICK:
        return [s.lpn for s in path_of(task)]
    if task.kind is TaskKind.LOAD:
        return task.detail.get("lpns", "").split()
    return [task.unit_lpn] if task.unit_lpn else []


def ensure_all_scanned(task: FloorTask, scans: Sequence[str]) -> None:
    """Every unit of the task scanned, and nothing else: the refusal names what is
    missing or not the task's."""
    wanted = set(units_of(task))
    seen = {s.strip().upper() for s in scans if s.strip()}
    if seen - wanted:
        raise NotAllowed(
            f"not in task {task.id}: {', '.join(sorted(seen - wanted))}", field="scans"
        )
    if wanted - seen:
        raise NotAllowed(
            f"task {task.id} still needs: {', '.join(sorted(wanted - seen))}", field="scans"
        )
