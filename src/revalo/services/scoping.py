"""What a user may see of the goods: a partner only the units at one of its sites or on
their way to one (and the work orders there), a client only its own returns, units and
figures. The read use cases narrow their filters here, so that every list, total, detail
and export obeys the same rule whichever door it is asked through; asking explicitly for
what lies outside is refused (403), not answered empty."""

from __future__ import annotations

from dataclasses import replace

from revalo.domain.errors import PermissionDenied
from revalo.domain.people import Permission, User, ensure_sees_client
from revalo.domain.returns import ReturnRequest
from revalo.domain.units import ReturnedUnit
from revalo.services.guard import ensure_handles
from revalo.services.ports import ReturnFilter, UnitFilter


def _outside(by: User, permission: Permission, what: str) -> PermissionDenied:
    return PermissionDenied(f"{by.login} may not see {what}", permission=permission.value)


def units_for(
    by: User, flt: UnitFilter, permission: Permission = Permission.VIEW_UNITS
) -> UnitFilter:
    """``flt`` narrowed to the units ``by`` may see."""
    sites = by.visible_sites
    if sites is not None:
        if flt.site_code and flt.site_code not in sites:
            raise _outside(by, permission, f"the units at {flt.site_code}")
        flt = replace(flt, seen_at=sites)
    return replace(flt, client_code=client_for(by, flt.client_code, permission))


def returns_for(by: User, flt: ReturnFilter) -> ReturnFilter:
    """``flt`` narrowed to the returns ``by`` may see (a client's own)."""
    return replace(flt, client_code=client_for(by, flt.client_code, Permission.VIEW_RETURNS))


def client_for(by: User, asked: str | None, permission: Permission) -> str | None:
    """The client whose goods a total or list counts: a client user's own whatever was
    asked (another client's is refused), else what was asked (None: everybody's)."""
    bound = by.bound_client
    if bound is None:
        return asked
    if asked and asked.strip().upper() != bound:
        raise _outside(by, permission, f"the goods of the client {asked}")
    return bound


def sites_for(by: User, asked: str | None, permission: Permission) -> frozenset[str] | None:
    """The sites a list of a site's things may cover: a partner's own (the one asked among
    them), else the one asked (None: all)."""
    sites = by.visible_sites
    if sites is None:
        return frozenset({asked}) if asked else None
    if asked and asked not in sites:
        raise _outside(by, permission, f"what is at {asked}")
    return frozenset({asked}) if asked else sites


def ensure_sees_unit(by: User, unit: ReturnedUnit, permission: Permission) -> None:
    ensure_handles(by, permission, unit)
    ensure_sees_client(by, permission, unit.client_code)


def ensure_sees_return(by: User, rma: ReturnRequest, permission: Permission) -> None:
    if by.visible_sites is not None:
        raise _outside(by, permission, f"return {rma.number}: a partner sees units, not returns")
    ensure_sees_client(by, permission, rma.client_code)
