"""Routings at work: the flow manager adopts a network plan's hub of each region from a day
on, and every return authorised from that day goes to its region's hub (the policy's own
authorisations, a person's, customer service's exceptions, an import's); a region the
routing does not name goes to its nearest hub, as before any routing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from revalo.domain.catalog import SiteKind
from revalo.domain.errors import InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.routing import Routing, check_note, check_rules, check_start
from revalo.services.common import when
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried


@needs(Permission.SET_ROUTING)
@retried
def adopt_routing(
    uow: UnitOfWork,
    rules: Iterable[tuple[str, str]],
    *,
    valid_from: date,
    by: User,
    note: str = "",
    at: datetime | None = None,
) -> Routing:
    """Adopt a routing from ``valid_from`` (today or later): each region named goes to its
    hub, which must be a returns hub. The earlier routings stay, for the days before."""
    t = when(at)
    checked = check_rules(rules)
    start = check_start(valid_from, t.astimezone(UTC).date())
    text = check_note(note)
    with uow:
        hubs = {s.code for s in uow.sites.list(kind=SiteKind.RETURNS_HUB)}
        unknown = sorted(set(checked.values()) - hubs)
        if unknown:
            raise InvalidValue(
                f"{', '.join(unknown)}: not a returns hub; a routing sends regions to the "
                f"returns hubs ({', '.join(sorted(hubs))})",
                field="rules",
            )
        made = uow.routing.add(Routing(start, text, by.login, t, checked))
        record_done(
            uow, by, "adopt_routing", f"routing {made.id}",
            detail=f"from {start.isoformat()}, {len(checked)} region(s)",
        )  # fmt: skip
        uow.commit()
    return made


@dataclass(frozen=True, slots=True)
class RoutingSummary:
    routing: Routing
    regions: int


def today() -> date:
    return when(None).astimezone(UTC).date()


@reads(Permission.PLAN_NETWORK)
def routing_in_force(uow: UnitOfWork, *, by: User, day: date | None = None) -> Routing | None:
    """The routing in force on ``day`` (today by default), with every region it names."""
    with uow:
        return uow.routing.in_force(day or today())


@reads(Permission.PLAN_NETWORK)
def routing_history(
    uow: UnitOfWork, *, by: User, limit: int = 20, offset: int = 0
) -> tuple[Sequence[RoutingSummary], int]:
    """The routings adopted, the latest first, with how many regions each names."""
    with uow:
        found, total = uow.routing.history(limit=limit, offset=offset)
        counts = uow.routing.counts([r.id for r in found if r.id is not None])
    return [RoutingSummary(r, counts.get(r.id or 0, 0)) for r in found], total
