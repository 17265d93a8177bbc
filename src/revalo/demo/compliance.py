"""The demo's destructions asked and refused: on its last evening, the flow manager asks to
destroy a few unsold items still waiting for a decision (apparel, then furniture that is not
hazardous), and to recycle a garment that could be worn again; the disposition rules refuse
each one (ESPR art. 25, Code de l'environnement L541-15-8), and the refusals show in the ESPR
and AGEC disclosure."""

from __future__ import annotations

from datetime import datetime

from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DestructionRefused
from revalo.domain.inspection import FunctionalGrade
from revalo.domain.people import User
from revalo.domain.units import UnitState
from revalo.services import disposition
from revalo.services.ports import UnitFilter, UnitOfWork

_R = DispositionRoute
#: How many destructions of each kind of product the manager asks for, and how.
ASKED = {
    ("t_shirt", _R.RECYCLE): 1,
    ("coat", _R.DISPOSE): 2,
    ("shoes", _R.DISPOSE): 1,
    ("t_shirt", _R.DISPOSE): 2,
    ("chair", _R.DISPOSE): 1,
    ("mattress", _R.DISPOSE): 1,
}
_WAITING = frozenset({UnitState.GRADED})


def ask_for_destructions(uow: UnitOfWork, manager: User, *, at: datetime) -> int:
    """Ask to dispose of (or recycle) graded units of ``ASKED``'s categories at a recycler;
    the number refused (every one: a ban applies to each)."""
    with uow:
        recyclers = [s.code for s in uow.sites.list(kind=SiteKind.RECYCLER)]
    if not recyclers:
        return 0
    refused = 0
    asked: set[str] = set()
    for (category, route), n in ASKED.items():
        with uow:
            found = uow.units.list(
                UnitFilter(states=_WAITING, category=category), limit=3 * n + len(asked), offset=0
            ).items
            # A hazardous one may be destroyed, a worn-out garment recycled: the manager asks
            # for the others.
            units = [u for u in found if u.lpn not in asked and _banned(uow, u.id, route)][:n]
        for unit in units:
            asked.add(unit.lpn)
            try:
                disposition.record_disposition(
                    uow,
                    unit.lpn,
                    route=route,
                    by=manager,
                    reason="unsold, no buyer found",
                    destination_site=recyclers[0],
                    at=at,
                )
            except DestructionRefused:
                refused += 1
    return refused


def _banned(uow: UnitOfWork, unit_id: int, route: DispositionRoute) -> bool:
    """Whether no derogation opens ``route`` to the unit: not hazardous at its last
    inspection and, to be recycled, not damaged beyond repair either."""
    found = uow.inspections.latest(unit_id)
    if found is None or found.hazardous:
        return False
    return route is _R.DISPOSE or found.functional_grade is not FunctionalGrade.D
