"""What a use case needs of the user who asks for it.

``@needs(Permission.X)`` on a use case makes the user (its ``by=`` argument) a required
part of it: the roles are checked before anything is read, against ``ROLE_PERMISSIONS``,
whether the API, a page or the command line called. A use case that looks at the goods
then keeps a partner to its sites and a client to its own goods with ``ensure_sees_site``
and ``ensure_sees_client``; every refusal, either way, is written to the audit trail once
the use case's transaction is over (it stays when the use case does not run).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar, cast

from revalo.domain.credentials import AuditOutcome
from revalo.domain.errors import PermissionDenied
from revalo.domain.people import Permission, User, ensure_can, ensure_sees_site
from revalo.domain.units import ReturnedUnit
from revalo.services.access import authorise, note, note_refusal
from revalo.services.common import when
from revalo.services.ports import UnitOfWork

P = ParamSpec("P")
R = TypeVar("R")


def needs(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def wrap(use_case: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(use_case)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            uow, by = cast(UnitOfWork, args[0]), kwargs.get("by")
            if not isinstance(by, User):
                raise TypeError(f"{use_case.__name__} needs the user who asks: by=User(...)")
            authorise(uow, by, permission)
            try:
                return use_case(*args, **kwargs)
            except PermissionDenied as exc:
                _refused(uow, by, exc)
                raise

        run.permission = permission  # type: ignore[attr-defined]
        return run

    return wrap


def reads(permission: Permission) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """The same for a use case that only reads (its unit of work may be read-only): the
    roles are checked; a refusal is written to the audit trail by the entrypoint that
    answers it (``PermissionDenied.audited`` is False)."""

    def wrap(use_case: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(use_case)
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            by = kwargs.get("by")
            if not isinstance(by, User):
                raise TypeError(f"{use_case.__name__} needs the user who asks: by=User(...)")
            ensure_can(by, permission)
            return use_case(*args, **kwargs)

        run.permission = permission  # type: ignore[attr-defined]
        return run

    return wrap


def _refused(uow: UnitOfWork, by: User, exc: PermissionDenied) -> None:
    note_refusal(uow, by, exc)


def ensure_handles(by: User, permission: Permission, unit: ReturnedUnit) -> None:
    """A partner handles only the units at one of its sites or on their way to one; any
    other user, every unit (what their roles allow)."""
    if by.visible_sites is None or (unit.destination_site and by.sees_site(unit.destination_site)):
        return
    ensure_sees_site(by, permission, unit.site_code)


def record_done(uow: UnitOfWork, by: User, action: str, target: str, *, detail: str = "") -> None:
    """Write who changed what to the audit trail, in the use case's transaction: for the
    changes no event of a unit records (the catalogue, the clients, a booking, a plan)."""
    note(uow, by, action, AuditOutcome.ALLOWED, when(None), target=target, detail=detail)
