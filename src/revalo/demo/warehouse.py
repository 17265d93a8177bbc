"""The demo's warehouse floor: bins on every returns hub, a team on each with realistic
qualifications and PPE (some expiring within 30 days, one CACES expired), and the
put-away of the units waiting in graded stock: the tasks of the earlier days done by the
team, the last two working days' open on the board (whatever weekday the demo ends on)."""

from __future__ import annotations

import random
from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta

from revalo.demo.floor_records import record_floor_life
from revalo.domain.catalog import LocationKind, Site, SiteKind
from revalo.domain.floor.bins import Bin, BinKind, Fill
from revalo.domain.floor.putaway import refusal
from revalo.domain.floor.tasks import FloorTask
from revalo.domain.floor.team import (
    PpeIssue,
    PpeKind,
    Qualification,
    QualificationKind,
    Shift,
    TeamMember,
)
from revalo.domain.people import Permission, Role, User
from revalo.services.floor import flow_tasks, tasks, team
from revalo.services.floor.assignment import default_params, task_hours
from revalo.services.floor.putaway import item_for
from revalo.services.ports import BatchUnitOfWork

Q = QualificationKind
#: The hub whose CACES R489 category 5 has expired (its forklift driver may not drive).
EXPIRED_AT = "HUB-IT"
#: The hub of the demo's sign-in floor logins.
CENTRAL = "HUB-CENTRAL"
SHIFTS = (Shift.MORNING, Shift.AFTERNOON, Shift.MORNING, Shift.AFTERNOON)
#: The working days, up to the demo's last, whose put-away the team has not done yet.
RECENT_WORKING_DAYS = 2


def recent_since(last: date, working_days: int = RECENT_WORKING_DAYS) -> datetime:
    """The start of the ``working_days``-th working day (Monday to Friday) counted back
    from ``last``: on a Sunday, Thursday's and Friday's arrivals still wait."""
    day, seen = last, 0
    while True:
        if day.weekday() < 5:
            seen += 1
            if seen == working_days:
                return datetime.combine(day, time(0), tzinfo=UTC)
        day -= timedelta(days=1)


def hub_bins(site: str) -> list[Bin]:
    """A hub's graded stock: shelves (aisle A), pallet racking (P, 1.5 m a level), secure
    cages (C), a battery store (L) and a bulky area (B)."""
    z = LocationKind.GRADED_STOCK
    out = [
        Bin.create(
            f"{site}:A-{rack:02d}-{level}-{pos}",
            zone=z,
            kind=BinKind.SHELF,
            max_volume_m3=0.6,
            max_mass_kg=150,
            places=10,
        )
        for rack in range(1, 7)
        for level in range(4)
        for pos in "AB"
    ]
    out += [
        Bin.create(
            f"{site}:P-{rack:02d}-{level}-A",
            zone=z,
            kind=BinKind.PALLET_RACKING,
            height_m=1.5 * level,
            max_volume_m3=1.8,
            max_mass_kg=1000,
            places=2,
        )
        for rack in range(1, 5)
        for level in range(5)
    ]
    out += [
        Bin.create(f"{site}:C-{rack:02d}-{level}-A", zone=z, kind=BinKind.SECURE_CAGE, places=30)
        for rack in range(1, 5)
        for level in range(2)
    ]
    out.append(Bin.create(f"{site}:L-01-0-A", zone=z, kind=BinKind.BATTERY_STORE, places=12))
    out += [
        Bin.create(
            f"{site}:B-{rack:02d}-0-A", zone=z, kind=BinKind.BULKY_AREA, max_volume_m3=15, places=8
        )
        for rack in range(1, 4)
    ]
    return out


def _qualify(m: TeamMember, kind: QualificationKind, last: date, days: int, cat: str = "") -> None:
    """A qualification expiring ``days`` after the demo's last day (negative: expired)."""
    assert m.id is not None
    span = 5 * 365 if kind is Q.CACES_R489 else 2 * 365
    expires = last + timedelta(days=days)
    obtained = min(expires - timedelta(days=span), last - timedelta(days=30))
    m.qualifications.append(Qualification(m.id, kind, obtained, expires, cat))


def _issue(m: TeamMember, item: PpeKind, last: date, days: int, size: str = "L") -> None:
    assert m.id is not None
    due = last + timedelta(days=days)
    m.ppe.append(PpeIssue(m.id, item, size, min(due, last) - timedelta(days=300), due))


def _equip(m: TeamMember, role: Role, last: date, rng: random.Random, hub: str) -> None:
    def far() -> int:
        return rng.randint(90, 700)

    for item in (PpeKind.HI_VIS_VEST, PpeKind.SAFETY_SHOES):
        _issue(m, item, last, far() if rng.random() > 0.15 else rng.randint(3, 28))
    if role in (Role.HANDLER, Role.FORKLIFT_DRIVER):
        _issue(m, PpeKind.GLOVES, last, far(), "9")
        _qualify(m, Q.DG_AWARENESS, last, far() if rng.random() > 0.2 else rng.randint(5, 29))
    if role in (Role.TEAM_SUPERVISOR, Role.FORKLIFT_DRIVER):
        _issue(m, PpeKind.HELMET, last, far(), "M")
        _qualify(m, Q.MEDICAL_FITNESS, last, far())
        _qualify(m, Q.DRIVING_AUTHORISATION, last, far())
        _qualify(m, Q.CACES_R489, last, far(), "3")
        _qualify(m, Q.CACES_R489, last, -9 if hub == EXPIRED_AT else far(), "5")
    if role is Role.TECHNICIAN:
        _qualify(m, Q.ELECTRICAL_CLEARANCE, last, far())


def _hubs(sites: Mapping[str, Site]) -> list[str]:
    return sorted(code for code, s in sites.items() if s.kind is SiteKind.RETURNS_HUB)


def put_up_bins(uow: BatchUnitOfWork, sites: Mapping[str, Site]) -> None:
    """Every hub's bins, before the last day: from then on, receiving, grading, decisions
    and departures make the floor's tasks (put-away, moves to the workshop, picks and
    loads), as on any working day."""
    with uow.batch(isolate_failures=False), uow:
        for code in _hubs(sites):
            for b in hub_bins(code):
                uow.floor.add_bin(b)
        uow.commit()


def set_up_floor(
    uow: BatchUnitOfWork,
    sites: Mapping[str, Site],
    staff: Mapping[str, list[User]],
    logins: Mapping[str, User],
    last: date,
    rng: random.Random,
) -> int:
    """The teams, and the put-away of what waits in graded stock outside the bins (``put_up_bins``
    came before the last day); the tasks made."""
    supervisor = logins["supervisor"]
    hubs = _hubs(sites)
    with uow.batch(isolate_failures=False):
        members: dict[str, list[TeamMember]] = {}
        extra = {CENTRAL: [logins[k] for k in ("handler", "forklift", "supervisor")]}
        for code in hubs:
            people = staff.get(code, []) + extra.get(code, [])
            for i, user in enumerate(people):
                m = team.add_member(
                    uow, user.login, site_code=code, shift=SHIFTS[i % 4], by=supervisor
                )
                with uow:
                    m = uow.floor.member(user.login) or m
                    _equip(m, min(user.roles), last, rng, code)
                    uow.commit()
                members.setdefault(code, []).append(m)
    everyone = {**logins, **{u.login: u for people in staff.values() for u in people}}
    made = 0
    with uow.batch():
        for code in hubs:
            # Units waiting for the workshop are carried there, not put away.
            made += len(flow_tasks.workshop_moves_waiting(uow, code, by=supervisor))
            found = tasks.put_away_waiting(uow, code, by=supervisor)
            made += len(found)
            _work_through(uow, found, members.get(code, []), last, everyone)
    record_floor_life(uow, members, everyone, supervisor, last, rng)
    return made


def _work_through(
    uow: BatchUnitOfWork,
    found: list[FloorTask],
    members: list[TeamMember],
    last: date,
    people: Mapping[str, User],
) -> None:
    """The team does the tasks made before the last two working days: each by the first
    member qualified for it, a few hours after it was made; a bin filled meanwhile leaves
    the task open."""
    since = recent_since(last)
    for task in found:
        if not task.bin_code or task.created_at >= since or task.id is None:
            continue
        at = task.created_at + timedelta(hours=3)
        able = (
            m
            for m in members
            if people[m.user_login].can(Permission.DO_TASKS)
            and not m.missing(task.needs, task.ppe, at.date())
        )
        who = next(able, None)
        if who is None:
            continue
        if not _still_fits(uow, task):  # a bin filled since it was proposed: the task waits
            continue
        user = people[who.user_login]
        tasks.start_task(uow, task.id, by=user, at=at)
        # Done in the task's standard time, so that the floor's units per hour mean something.
        done = at + timedelta(hours=task_hours(task, default_params()))
        tasks.finish_put_away(
            uow, task.id, unit_scan=task.unit_lpn or "", bin_scan=task.bin_code, by=user, at=done
        )


def _still_fits(uow: BatchUnitOfWork, task: FloorTask) -> bool:
    with uow:
        unit = uow.units.by_lpn(task.unit_lpn or "")
        b = uow.floor.bin(task.bin_code)
        if unit is None or b is None:
            return False
        fill = uow.floor.fills([b.code]).get(b.code, Fill())
        return refusal(b, item_for(uow, unit), fill) is None
