"""Signing in and out, what each role may do, and the audit trail.

The login form is the one page open to anybody. It is rate limited per address (and each
login locked after repeated failures, in the database); a login from another site's page
is refused. After signing in, a person lands on the page they asked for, else on the
first page their roles open.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.credentials import AuditOutcome
from revalo.domain.errors import DomainError, NotAuthenticated
from revalo.domain.people import PERMISSION_DESCRIPTIONS, ROLE_PERMISSIONS, Permission, Role
from revalo.entrypoints.api import ratelimit
from revalo.entrypoints.api.deps import (
    SESSION_COOKIE,
    AppDep,
    CallerDep,
    ReadUowDep,
    UowDep,
    need,
    need_signed_in,
)
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import COOKIE as LANGUAGE_COOKIE
from revalo.entrypoints.web.i18n import named
from revalo.entrypoints.web.render import WebRoute, home_of, language, page, redirect, safe_next
from revalo.services import access, sessions
from revalo.services.people_ports import AuditFilter

router = APIRouter(route_class=WebRoute, include_in_schema=False)

AUDIT_PAGE = 50


def _login_page(
    request: Request, *, errors: Errors | None = None, login: str = "", status: int = 200
) -> HTMLResponse:
    nxt = safe_next(request.query_params.get("next") or request.headers.get("x-next"))
    ctx = {"errors": errors or Errors(), "values": {"login": login, "next": nxt}}
    return page(request, "login.html", ctx, status=status, nav="login")


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    """The sign-in form (open to anybody)."""
    return _login_page(request)


@router.post("/login", response_model=None)
def login_form(request: Request, form: forms.PostedForm, app: AppDep) -> Response:
    data = forms.fields(form)
    login = data.get("login", "").strip()[:64]
    errors = Errors()
    origin = request.headers.get("origin")
    host = request.headers.get("host", "")
    if origin not in (None, f"http://{host}", f"https://{host}"):
        errors.say("login", "form.foreign_login")
        return _login_page(request, errors=errors, login=login, status=403)
    try:
        ratelimit.limit(request, "login")
        signed = sessions.sign_in(
            app.uow(),
            app.passwords,
            app.settings.lockout,
            login,
            data.get("password", ""),
            hours=app.settings.session_hours,
        )
    except ratelimit.TooManyRequests as exc:
        errors.add("login", exc.message)
        refused = _login_page(request, errors=errors, login=login, status=429)
        refused.headers["Retry-After"] = str(exc.retry_after)
        return refused
    except DomainError as exc:
        errors.add("login", exc.message)
        return _login_page(request, errors=errors, login=login, status=401)
    nxt = safe_next(data.get("next"))
    response = redirect(nxt if nxt != "/" else home_of(signed.user))
    response.set_cookie(
        SESSION_COOKIE,
        signed.secret,
        max_age=int(app.settings.session_hours * 3600),
        path="/",
        httponly=True,
        samesite="lax",
        secure=app.settings.https_proxy,
    )
    # The pages speak the user's language from now on (the switch still changes it).
    response.set_cookie(
        LANGUAGE_COOKIE, signed.user.language.value, max_age=365 * 86_400, path="/", samesite="lax"
    )
    return response


@router.post("/logout", response_model=None, dependencies=[need_signed_in])
def logout(caller: CallerDep, uow: UowDep) -> Response:
    """End the session (its cookie is worth nothing afterwards) and go back to the form."""
    if caller.session is None:
        raise NotAuthenticated("signing out ends a browser's session: a token is revoked")
    sessions.sign_out(uow, caller.user, caller.session)
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/access", response_class=HTMLResponse, dependencies=[need_signed_in])
def access_page(request: Request, caller: CallerDep) -> HTMLResponse:
    """What each role may do: the permission table the services enforce."""
    lang = language(request)
    rows = [
        (
            p,
            named("perm.", p.value, lang=lang, default=PERMISSION_DESCRIPTIONS[p]),
            [p in ROLE_PERMISSIONS[r] for r in Role],
        )
        for p in Permission
    ]
    ctx: dict[str, Any] = {
        "roles": list(Role),
        "rows": rows,
        "mine": caller.user.permissions,
    }
    return page(request, "access.html", ctx, nav="access")


@router.get("/audit", response_class=HTMLResponse, dependencies=[need(Permission.VIEW_AUDIT)])
def audit_page(request: Request, uow: ReadUowDep, caller: CallerDep) -> HTMLResponse:
    """Who did and tried what: the administrator's audit trail, newest first."""
    q = request.query_params
    errors = Errors()
    outcome = forms.choice(q, "outcome", errors, AuditOutcome)
    pg = forms.integer(q, "page", errors, low=1, high=100_000, default=1) or 1
    actor = (q.get("actor") or "").strip().lower()[:64] or None
    flt = AuditFilter(actor=actor, outcome=outcome)
    trail = access.audit_trail(
        uow, caller.user, flt, limit=AUDIT_PAGE, offset=(pg - 1) * AUDIT_PAGE
    )
    ctx = {
        "entries": trail.items,
        "total": trail.total,
        "page_no": pg,
        "pages": max(1, -(-trail.total // AUDIT_PAGE)),
        "outcomes": [o.value for o in AuditOutcome],
        "values": {"outcome": outcome.value if outcome else "", "actor": actor or ""},
        "errors": errors,
    }
    return page(request, "audit.html", ctx, nav="audit")
