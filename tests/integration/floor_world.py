"""A small floor for the tests: bins at HUB-FR's graded stock, and team members."""

from __future__ import annotations

from datetime import date, timedelta

from revalo.domain.floor.team import PpeKind, QualificationKind, Shift
from revalo.domain.people import Role, User
from revalo.services.floor import bins as floor_bins
from revalo.services.floor import team
from tests.conftest import World
from tests.people import add_person, person

#: HUB-FR's bins, all in graded stock: a shelf low and high, racking high, a cage, a battery
#: store and a bulky area.
BINS = """code,zone,kind,height_m,max_volume_m3,max_mass_kg,places
HUB-FR:A-01-0-A,graded_stock,shelf,,0.5,200,10
HUB-FR:A-01-3-A,graded_stock,shelf,,0.5,100,10
HUB-FR:P-02-4-A,graded_stock,pallet_racking,4.5,1.5,800,1
HUB-FR:C-01-0-A,graded_stock,secure_cage,,1,300,20
HUB-FR:L-01-0-A,graded_stock,battery_store,,0.5,100,5
HUB-FR:B-01-0-A,graded_stock,bulky_area,,20,2000,4
"""


def add_bins(world: World, text: str = BINS) -> None:
    floor_bins.import_bins(
        world.app.uow(), "HUB-FR", text.splitlines(keepends=True), by=person("manager")
    )


def member(
    world: World,
    login: str,
    *,
    roles: frozenset[Role] = frozenset({Role.HANDLER}),
    site: str = "HUB-FR",
    ppe: bool = True,
    today: date | None = None,
) -> User:
    """A user on the team, with a vest and safety shoes valid today (``ppe``)."""
    user = add_person(world.app, login, roles)
    team.add_member(world.app.uow(), login, site_code=site, shift=Shift.MORNING, by=person("sup"))
    day = today or world.now.date()
    if ppe:
        for item in (PpeKind.HI_VIS_VEST, PpeKind.SAFETY_SHOES):
            team.issue_ppe(
                world.app.uow(),
                login,
                item=item,
                size="L",
                issued_on=day - timedelta(days=30),
                replace_by=day + timedelta(days=300),
                by=person("sup"),
            )
    return user


def qualify(
    world: World,
    login: str,
    kind: QualificationKind,
    *,
    category: str = "",
    expires_in_days: int = 365,
) -> None:
    day = world.now.date()
    team.record_qualification(
        world.app.uow(),
        login,
        kind=kind,
        category=category,
        obtained_on=day - timedelta(days=400),
        expires_on=day + timedelta(days=expires_in_days),
        by=person("sup"),
    )
