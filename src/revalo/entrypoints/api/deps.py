"""Dependencies every route goes through: the application, a unit of work, the person at
the other end and what they may do.

A request names its user with ``Authorization: Bearer <API token>`` (integrations and
scanners) or with the session cookie of a browser signed in at ``/login``. A write made
with the cookie must carry the session's CSRF token (the ``csrf`` field of a form, or the
``X-CSRF-Token`` header) and must not come from another site: a page elsewhere cannot make
a signed-in browser change anything. A bearer token is never sent by a browser on its own,
so it needs neither.

Every route declares the permission of its use case with ``need(Permission.X)``; a route
without one is refused by the test that walks them all.

The dependencies that do no I/O are coroutines: FastAPI runs a plain function dependency on
its thread pool, a hop between threads per dependency and per request.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Annotated, Any, cast
from urllib.parse import urlsplit

from fastapi import Depends, Request
from fastapi.security import HTTPBearer
from starlette.concurrency import run_in_threadpool

from revalo.bootstrap import App
from revalo.domain.credentials import WebSession
from revalo.domain.errors import NotAuthenticated, PermissionDenied
from revalo.domain.people import Permission, User, ensure_can
from revalo.services import access, sessions
from revalo.services.ports import UnitOfWork
from revalo.services.transport import Transport

SESSION_COOKIE = "revalo_session"
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
#: Methods that only read: they need no CSRF token.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
SIGN_IN = "sign in first: send 'Authorization: Bearer <API token>', or sign in at /login"

#: Documents the bearer token in the OpenAPI schema (the check itself is ``get_caller``).
bearer_scheme = HTTPBearer(
    auto_error=False,
    scheme_name="api_token",
    description="An API token (`rvl_...`), made with `revalo tokens create` or "
    "`POST /api/v1/auth/tokens`.",
)


async def get_app(request: Request) -> App:
    app: App | None = getattr(request.app.state, "revalo", None)
    if app is None:
        raise RuntimeError("the API is not started: its lifespan builds the application")
    return app


AppDep = Annotated[App, Depends(get_app)]


async def get_uow(app: AppDep) -> UnitOfWork:
    """A fresh unit of work: each use case opens and closes its own transaction in it."""
    # The SQLAlchemy unit of work implements the port, but mypy reads the port's repository
    # attributes as settable, hence invariant, and refuses the narrower adapter types.
    return cast(UnitOfWork, app.uow())


UowDep = Annotated[UnitOfWork, Depends(get_uow)]


async def get_read_uow(app: AppDep) -> UnitOfWork:
    """A fresh read-only unit of work, for the routes that only read (every GET): on
    SQLite it never waits for a writer, and the database refuses a write made through it."""
    return cast(UnitOfWork, app.read_uow())


ReadUowDep = Annotated[UnitOfWork, Depends(get_read_uow)]


async def get_transport(app: AppDep) -> Transport:
    """Rate cards, distances and the GS1 prefix the application was started with."""
    return app.transport


TransportDep = Annotated[Transport, Depends(get_transport)]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who sent the request, and how: with a browser's session (None: an API token)."""

    user: User
    session: WebSession | None = None


def _same_origin(request: Request) -> bool:
    """Whether a write comes from a page of this site: the browser's Sec-Fetch-Site and
    Origin say so (a request without them is not from a browser's page)."""
    if request.headers.get("sec-fetch-site", "same-origin") not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None or origin == "null":
        return origin is None
    return urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()


async def _check_csrf(request: Request, session: WebSession) -> None:
    if not _same_origin(request):
        raise PermissionDenied(
            "a request from another site may not change anything here", permission="csrf"
        )
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and "form" in request.headers.get("content-type", ""):
        # Parsed once: the route's form dependency gets the same (cached) form.
        value = (await request.form()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    if not sent or not secrets.compare_digest(sent, session.csrf_token):
        raise PermissionDenied(
            "the form's security token is missing or out of date: reload the page and send "
            "it again",
            permission="csrf",
        )


BearerDep = Annotated[Any, Depends(bearer_scheme)]


async def get_caller(request: Request, app: AppDep, _bearer: BearerDep) -> Caller:
    """The user of the request (401 without one); kept on the request for what follows."""
    known: Caller | None = getattr(request.state, "caller", None)
    if known is not None:
        return known
    authorization = request.headers.get("authorization")
    if authorization is not None:
        scheme, _sep, secret = authorization.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise NotAuthenticated(
                "the Authorization header must be 'Bearer <API token>'", field="authorization"
            )
        user = await run_in_threadpool(access.authenticate_token, app.uow(), secret)
        caller = Caller(user)
    else:
        cookie = request.cookies.get(SESSION_COOKIE)
        if not cookie:
            raise NotAuthenticated(SIGN_IN)
        user, session = await run_in_threadpool(sessions.session_user, app.read_uow(), cookie)
        if request.method not in SAFE_METHODS:
            await _check_csrf(request, session)
        caller = Caller(user, session)
    request.state.caller = caller
    return caller


CallerDep = Annotated[Caller, Depends(get_caller)]


async def get_current_user(caller: CallerDep) -> User:
    """The user who makes a change: recorded as the actor of every event and decision."""
    return caller.user


CurrentUser = Annotated[User, Depends(get_current_user)]


def need(permission: Permission) -> Any:
    """The dependency of a route whose use case needs ``permission``: 401 without a user,
    403 (written to the audit trail) when the user's roles do not allow it."""

    async def allowed(request: Request, caller: CallerDep, app: AppDep) -> User:
        try:
            ensure_can(caller.user, permission)
        except PermissionDenied:
            # The refusal is written to the audit trail: that is the database's work.
            uow = cast(UnitOfWork, app.uow())
            await run_in_threadpool(
                access.authorise, uow, caller.user, permission, target=request.url.path
            )
        return caller.user

    allowed.permission = permission  # type: ignore[attr-defined]
    return Depends(allowed)


def permission_of(call: object) -> Permission | None:
    """The permission a dependency made by ``need`` checks (None for any other)."""
    value = getattr(call, "permission", None)
    return value if isinstance(value, Permission) else None


#: What ``requirement_of`` says of a route open to every signed-in user.
SIGNED_IN = "signed in"


async def _signed_in(caller: CallerDep) -> User:
    return caller.user


_signed_in.requirement = SIGNED_IN  # type: ignore[attr-defined]
#: The dependency of a route open to every signed-in user (their own account, signing out).
need_signed_in = Depends(_signed_in)


def requirement_of(call: object) -> Permission | str | None:
    """What a dependency made by ``need`` (a permission) or ``need_signed_in`` asks."""
    return permission_of(call) or getattr(call, "requirement", None)


def audit_refusal(request: Request, exc: PermissionDenied) -> None:
    """Write a refusal to the audit trail unless the use case did (a read's refusal: its
    unit of work could not write)."""
    caller: Caller | None = getattr(request.state, "caller", None)
    app: App | None = getattr(request.app.state, "revalo", None)
    if caller is None or app is None:
        return
    access.note_refusal(cast(UnitOfWork, app.uow()), caller.user, exc, target=request.url.path)
