"""The floor's repository on SQLAlchemy: bins with their ledger locations, the team, tasks."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from revalo.adapters import locking, orm
from revalo.domain.catalog import Location
from revalo.domain.floor.bins import Bin, Fill
from revalo.domain.floor.tasks import FloorTask, TaskKind, TaskState
from revalo.domain.floor.team import TeamMember
from revalo.domain.work_orders import WorkOrderState
from revalo.services.floor.ports import TaskFilter

_LIVE = (TaskState.OPEN, TaskState.ASSIGNED, TaskState.STARTED)
_WORK_WAITING = (WorkOrderState.OPEN, WorkOrderState.IN_PROGRESS)


class SqlFloorRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    # -- bins -------------------------------------------------------------------------------
    def add_bin(self, bin: Bin) -> None:
        self.session.add(Location(bin.code, bin.site_code, bin.zone))
        self.session.flush()
        self.session.add(bin)
        self.session.flush()

    def bin(self, code: str, *, lock: bool = False) -> Bin | None:
        return locking.get(self.session, Bin, code.strip().upper(), lock=lock)

    def bins(self, site_code: str, *, zone: str | None = None) -> Sequence[Bin]:
        b = orm.bins.c
        stmt = sa.select(Bin).where(b.site_code == site_code.upper())
        if zone is not None:
            stmt = stmt.where(b.zone == zone)
        return list(self.session.scalars(stmt.order_by(b.code)))

    def has_bins(self, site_code: str) -> bool:
        b = orm.bins.c
        probe = sa.select(b.code).where(b.site_code == site_code.upper()).limit(1)
        return self.session.execute(probe).first() is not None

    def existing_locations(self, codes: set[str]) -> set[str]:
        loc = orm.locations.c
        found: set[str] = set()
        ordered = sorted(codes)
        for i in range(0, len(ordered), 500):
            chunk = ordered[i : i + 500]
            found.update(self.session.scalars(sa.select(loc.code).where(loc.code.in_(chunk))))
        return found

    def fills(self, codes: Sequence[str]) -> dict[str, Fill]:
        if not codes:
            return {}
        u, p = orm.units.c, orm.products.c
        stmt = (
            sa.select(
                u.location_code,
                sa.func.count(),
                sa.func.coalesce(sa.func.sum(p.volume_m3), 0.0),
                sa.func.coalesce(sa.func.sum(p.weight_kg), 0.0),
            )
            .outerjoin(orm.products, p.sku == u.sku)
            .where(u.location_code.in_(list(codes)))
            .group_by(u.location_code)
        )
        return {
            code: Fill(int(n), float(vol), float(mass))
            for code, n, vol, mass in self.session.execute(stmt)
        }

    # -- the team ---------------------------------------------------------------------------
    def add_member(self, member: TeamMember) -> None:
        self.session.add(member)
        self.session.flush()

    def member(self, login: str) -> TeamMember | None:
        stmt = sa.select(TeamMember).where(orm.team_members.c.user_login == login.strip().lower())
        return self.session.scalars(stmt).first()

    def members(self, *, site_code: str | None = None) -> Sequence[TeamMember]:
        t = orm.team_members.c
        stmt = sa.select(TeamMember).order_by(t.site_code, t.user_login)
        if site_code is not None:
            stmt = stmt.where(t.site_code == site_code.upper())
        return list(self.session.scalars(stmt))

    # -- tasks ------------------------------------------------------------------------------
    def add_task(self, task: FloorTask) -> None:
        self.session.add(task)
        self.session.flush()

    def task(self, task_id: int, *, lock: bool = False) -> FloorTask | None:
        return locking.get(self.session, FloorTask, task_id, lock=lock)

    def tasks(self, flt: TaskFilter) -> Sequence[FloorTask]:
        t = orm.floor_tasks.c
        stmt = sa.select(FloorTask)
        if flt.site_code:
            stmt = stmt.where(t.site_code == flt.site_code.upper())
        if flt.states:
            stmt = stmt.where(t.state.in_(sorted(flt.states)))
        if flt.assignee:
            stmt = stmt.where(t.assignee == flt.assignee)
        if flt.free_or:
            stmt = stmt.where(sa.or_(t.assignee.is_(None), t.assignee == flt.free_or))
        if flt.current:
            u = orm.units.c
            # A task is current while its unit is still where the task takes it from; a
            # move to the workshop, also while the unit has work waiting there (a decision
            # changed, or the work done where the unit stood, leaves nothing to carry).
            w = orm.work_orders.c
            waiting = sa.select(w.id).where(w.unit_id == u.id, w.state.in_(_WORK_WAITING)).exists()
            working = sa.or_(t.kind != TaskKind.TO_WORKSHOP, waiting)
            still = (
                sa.select(u.id)
                .where(u.lpn == t.unit_lpn, u.location_code == t.from_location, working)
                .exists()
            )
            stmt = stmt.where(sa.or_(t.unit_lpn.is_(None), still))
        stmt = stmt.order_by(t.priority, t.created_at, t.id).limit(flt.limit)
        return list(self.session.scalars(stmt))

    def open_task_for(self, lpn: str) -> FloorTask | None:
        t = orm.floor_tasks.c
        stmt = sa.select(FloorTask).where(t.unit_lpn == lpn, t.state.in_(_LIVE)).order_by(t.id)
        return self.session.scalars(stmt).first()
