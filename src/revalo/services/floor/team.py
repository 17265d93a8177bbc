"""The team: members linked to users, their qualifications and the PPE issued to them,
and what expires soon."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from revalo.domain.errors import AlreadyExists, InvalidValue, NotFound
from revalo.domain.floor.team import (
    WARN_DAYS,
    Expiry,
    PpeIssue,
    PpeKind,
    Qualification,
    QualificationKind,
    Shift,
    TeamMember,
    expiring,
)
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.common import get_site
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork


def get_member(uow: UnitOfWork, login: str) -> TeamMember:
    member = uow.floor.member(login)
    if member is None:
        raise NotFound(
            f"{login.strip().lower()!r} is not a member of the floor's team", field="login"
        )
    return member


@needs(Permission.MANAGE_TEAM)
def add_member(
    uow: UnitOfWork, login: str, *, site_code: str, shift: Shift, by: User
) -> TeamMember:
    """Put a user on a site's team, on a shift."""
    with uow:
        user = uow.users.by_login(login.strip().lower())
        if user is None:
            raise NotFound(f"no user with login {login!r}", field="login")
        if uow.floor.member(user.login) is not None:
            raise AlreadyExists(f"{user.login} is on the team already", field="login")
        site = get_site(uow, site_code)
        member = TeamMember(user.login, site.code, shift)
        uow.floor.add_member(member)
        record_done(
            uow, by, "add_team_member", user.login, detail=f"at {site.code}, {shift.value} shift"
        )
        uow.commit()
    return member


@needs(Permission.MANAGE_TEAM)
def record_qualification(
    uow: UnitOfWork,
    login: str,
    *,
    kind: QualificationKind,
    obtained_on: date,
    expires_on: date,
    category: str = "",
    reference: str = "",
    by: User,
) -> Qualification:
    """A qualification obtained (or renewed: the newest one counts)."""
    with uow:
        member = get_member(uow, login)
        assert member.id is not None
        q = Qualification(member.id, kind, obtained_on, expires_on, category, reference.strip())
        member.qualifications.append(q)
        record_done(uow, by, "record_qualification", member.user_login, detail=str(q.kind))
        uow.commit()
    return q


@needs(Permission.MANAGE_TEAM)
def issue_ppe(
    uow: UnitOfWork,
    login: str,
    *,
    item: PpeKind,
    size: str,
    issued_on: date,
    replace_by: date,
    by: User,
) -> PpeIssue:
    with uow:
        member = get_member(uow, login)
        assert member.id is not None
        issue = PpeIssue(member.id, item, size, issued_on, replace_by)
        member.ppe.append(issue)
        record_done(uow, by, "issue_ppe", member.user_login, detail=f"{item.value} {issue.size}")
        uow.commit()
    return issue


@reads(Permission.VIEW_FLOOR)
def team(uow: UnitOfWork, *, by: User, site_code: str | None = None) -> Sequence[TeamMember]:
    with uow:
        return uow.floor.members(site_code=get_site(uow, site_code).code if site_code else None)


@reads(Permission.VIEW_FLOOR)
def expiring_soon(
    uow: UnitOfWork, *, by: User, day: date | None = None, days: int = WARN_DAYS
) -> list[Expiry]:
    """What expires within ``days`` (or has expired), soonest first."""
    if not 0 <= days <= 366:
        raise InvalidValue(f"days {days} must be 0 to 366", field="days")
    with uow:
        return expiring(list(uow.floor.members()), day or utcnow().date(), days)
