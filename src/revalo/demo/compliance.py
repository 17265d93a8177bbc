"""The demo's destructions asked and refused: on its last evening, the flow manager asks to
destroy a few unsold items still waiting for a decision (apparel, then furniture that is not
hazardous); the disposition rules refuse each one (ESPR art. 25, Code de l'environnement
L541-15-8), and the refusals show in the ESPR and AGEC disclosure."""

from __future__ import annotations

from datetime import datetime

from revalo.domain.catalog import SiteKind
from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DestructionRefused
from revalo.domain.people import User
from revalo.domain.units import UnitState
from revalo.services import disposition
from revalo.services.ports import UnitFilter, UnitOfWork

#: How many destructions of each kind of product the manager asks for.
ASKED = {"coat": 2, "shoes": 1, "t_shirt": 2, "chair": 1, "mattress": 1}
_WAITING = frozenset({UnitState.GRADED})


def ask_for_destructions(uow: UnitOfWork, manager: User, *, at: datetime) -> int:
    """Ask to dispose of graded units of ``ASKED``'s categories at a recycler; the number
    refused (every one: a ban applies to each)."""
    with uow:
        recyclers = [s.code for s in uow.sites.list(kind=SiteKind.RECYCLER)]
    if not recyclers:
        return 0
    refused = 0
    for category, n in ASKED.items():
        with uow:
            found = uow.units.list(
                UnitFilter(states=_WAITING, category=category), limit=3 * n, offset=0
            ).items
            # A hazardous one may be disposed of: the manager asks only for the others.
            units = [u for u in found if not _hazardous(uow, u.id)][:n]
        for unit in units:
            try:
                disposition.record_disposition(
                    uow,
                    unit.lpn,
                    route=DispositionRoute.DISPOSE,
                    by=manager,
                    reason="unsold, no buyer found",
                    destination_site=recyclers[0],
                    at=at,
                )
            except DestructionRefused:
                refused += 1
    return refused


def _hazardous(uow: UnitOfWork, unit_id: int) -> bool:
    found = uow.inspections.latest(unit_id)
    return found is None or found.hazardous
