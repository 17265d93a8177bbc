"""The demo's floor records: on every returns hub, a few bins counted on the last day
(most match the ledger; one count finds a unit missing, approved by the supervisor, so it
moves to the hub's ``missing`` location; at one hub another awaits approval, and at the
central hub a count task waits on the board), a weekly safety briefing, a near miss or two and an
incident — one hub with a lost-time accident five weeks before the last day."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta

from revalo.domain.floor.safety import IncidentKind, Severity
from revalo.domain.floor.team import TeamMember
from revalo.domain.people import Permission, User
from revalo.services.floor import counts, safety, tasks
from revalo.services.floor.counts import in_bin
from revalo.services.ports import BatchUnitOfWork

#: The hub with a lost-time accident in the demo's weeks.
LOST_TIME_AT = "HUB-CENTRAL"
#: The hub with a count awaiting approval.
WAITING_AT = "HUB-DE"
#: The hub with a count task open for its handheld (where the demo's handler works).
OPEN_AT = "HUB-CENTRAL"
#: Bins counted per hub on the last day.
COUNTED = 4

_NEAR_MISSES = (
    (
        "pallet_truck",
        "A pallet truck left in the aisle; a handler walking by nearly tripped.",
        "Truck parked in its bay; aisles checked at each shift change.",
    ),
    (
        "reach_truck",
        "A carton slid on the top beam while a reach truck lowered the pallet next to it.",
        "Carton re-stacked and strapped; load checked before lowering.",
    ),
)
_INCIDENTS = (
    (
        Severity.FIRST_AID,
        "",
        "A cut to a finger on a broken printer's casing.",
        "First aid given; cut-resistant gloves made the rule at the inspection bench.",
    ),
    (
        Severity.LOST_TIME,
        "counterbalance_truck",
        "A foot crushed by a pallet lowered by a counterbalance truck.",
        "First aid, then the doctor; pedestrian lane marked around the loading dock.",
    ),
)
_TOPICS = (
    "Walking under racking: helmets on, the pedestrian lanes",
    "Swollen lithium batteries: spotting them, the battery store, the fire kit",
    "Lifting: heavy items stay low, two people above 25 kg",
    "Forklift crossings at the loading dock",
)


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def record_floor_life(
    uow: BatchUnitOfWork,
    members: Mapping[str, Sequence[TeamMember]],
    people: Mapping[str, User],
    supervisor: User,
    last: date,
    rng: random.Random,
) -> None:
    """Counts, briefings and incidents on every hub with a team."""
    for hub, team in sorted(members.items()):
        logins = [m.user_login for m in team]
        with uow.batch():
            _counts(uow, hub, team, people, supervisor, last)
        with uow.batch():
            _safety(uow, hub, logins, people, supervisor, last, rng)


def _counts(
    uow: BatchUnitOfWork,
    hub: str,
    team: Sequence[TeamMember],
    people: Mapping[str, User],
    supervisor: User,
    last: date,
) -> None:
    with uow:
        held = [b.code for b in uow.floor.bins(hub)]
        fills = uow.floor.fills(held)
    full = [code for code in held if fills.get(code) and fills[code].units][:COUNTED]
    if hub == OPEN_AT:
        # Left on the board: the demo's handler counts it on the handheld.
        free = next((code for code in held if code not in full), None)
        if free is not None:
            counts.plan_count(uow, free, by=supervisor, at=_at(last, 17))
    for i, code in enumerate(full):
        at = _at(last, 15) + timedelta(minutes=20 * i)
        task = counts.plan_count(uow, code, by=supervisor, at=at)
        counter = next(
            (
                m
                for m in team
                if people[m.user_login].can(Permission.DO_TASKS)
                and m.user_login != supervisor.login
                and not m.missing(task.needs, task.ppe, at.date())
            ),
            None,
        )
        if counter is None or task.id is None:
            continue
        user = people[counter.user_login]
        tasks.start_task(uow, task.id, by=user, at=at)
        with uow:
            lpns = in_bin(uow, code)
        # The first bin of each hub is short of one unit: found missing, approved. At
        # WAITING_AT the second one is short too, and awaits the supervisor's approval.
        waits = hub == WAITING_AT and i == 1
        scanned = lpns[1:] if i == 0 or waits else lpns
        done = counts.submit_count(uow, task.id, scanned, by=user, at=at + timedelta(minutes=10))
        if done.adjustments and done.id is not None and not waits:
            counts.approve_count(
                uow,
                done.id,
                by=supervisor,
                note="searched the aisle: not found",
                at=at + timedelta(hours=1),
            )


def _safety(
    uow: BatchUnitOfWork,
    hub: str,
    logins: list[str],
    people: Mapping[str, User],
    supervisor: User,
    last: date,
    rng: random.Random,
) -> None:
    for week in range(4):
        day = last - timedelta(days=last.weekday() + 7 * week)  # each Monday
        safety.record_briefing(
            uow,
            site_code=hub,
            held_at=_at(day, 8),
            topic=_TOPICS[week % len(_TOPICS)],
            attendees=[x for x in logins if rng.random() > 0.15] or logins[:1],
            by=supervisor,
        )
    for n, (equipment, what, done) in enumerate(_NEAR_MISSES):
        occurred = _at(last - timedelta(days=rng.randint(2, 40)), 10 + n)
        safety.record_incident(
            uow,
            site_code=hub,
            occurred_at=occurred,
            kind=IncidentKind.NEAR_MISS,
            severity=Severity.NONE,
            description=what,
            action_taken=done,
            equipment=equipment,
            people=logins[n % len(logins) : n % len(logins) + 1],
            by=supervisor,
            at=occurred + timedelta(hours=1),
        )
    severity, equipment, what, done = _INCIDENTS[1 if hub == LOST_TIME_AT else 0]
    occurred = _at(last - timedelta(days=35 if hub == LOST_TIME_AT else rng.randint(5, 50)), 14)
    safety.record_incident(
        uow,
        site_code=hub,
        occurred_at=occurred,
        kind=IncidentKind.INCIDENT,
        severity=severity,
        description=what,
        action_taken=done,
        equipment=equipment,
        people=logins[-1:],
        lost_days=6 if severity is Severity.LOST_TIME else 0,
        by=supervisor,
        at=occurred + timedelta(hours=2),
    )
