"""One's own account and API tokens; the administrator's list of users, adding one and
deactivating one. The same use cases as ``revalo users`` and ``revalo tokens`` and the
API's ``/auth/tokens`` and ``/users``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse

from revalo.domain.errors import DomainError
from revalo.domain.people import Language, Permission, Role, User
from revalo.entrypoints.api import ratelimit
from revalo.entrypoints.api.deps import (
    AppDep,
    CurrentUser,
    ReadUowDep,
    UowDep,
    need,
    need_signed_in,
)
from revalo.entrypoints.web import forms
from revalo.entrypoints.web.forms import Errors
from revalo.entrypoints.web.i18n import say
from revalo.entrypoints.web.render import WebRoute, page, redirect
from revalo.services import access, users
from revalo.services.ports import UnitOfWork
from revalo.services.users import UserDraft

router = APIRouter(route_class=WebRoute, include_in_schema=False)

#: Fields of the add-a-user form that a refusal may name.
USER_FIELDS = ("login", "name", "roles", "language", "partner_sites", "client_code", "password")


def _account(
    request: Request,
    uow: UnitOfWork,
    user: User,
    *,
    made: access.NewToken | None = None,
    errors: Errors | None = None,
    status: int = 200,
) -> HTMLResponse:
    tokens = access.list_tokens(uow, user)
    ctx: dict[str, Any] = {"tokens": tokens, "made": made, "errors": errors or Errors()}
    return page(request, "account.html", ctx, status=status, nav="account")


@router.get("/account", response_class=HTMLResponse, dependencies=[need_signed_in])
def account_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Who one is, what one's roles allow, one's API tokens."""
    return _account(request, uow, user)


@router.post("/account/tokens", response_model=None, dependencies=[need_signed_in])
def create_token_form(
    request: Request, form: forms.PostedForm, uow: UowDep, user: CurrentUser
) -> Response:
    """A new token for oneself: shown on the page this once."""
    errors = Errors()
    name = forms.text(forms.fields(form), "name", errors, max_length=100, required=True)
    if not errors and name:
        try:
            ratelimit.limit(request, "tokens")
            made = access.create_token(uow, user, name)
        except DomainError as exc:
            errors.add("name", exc.message)
        else:
            return _account(request, uow, user, made=made, status=201)
    return _account(request, uow, user, errors=errors, status=422)


@router.post(
    "/account/tokens/{token_id}/revoke", response_model=None, dependencies=[need_signed_in]
)
def revoke_token_form(token_id: int, uow: UowDep, user: CurrentUser) -> Response:
    token = access.revoke_token(uow, user, token_id)
    return redirect(
        "/account", flash=say("msg.token_revoked", name=token.name, prefix=token.prefix)
    )


def _users(
    request: Request,
    uow: UnitOfWork,
    user: User,
    *,
    errors: Errors | None = None,
    values: dict[str, Any] | None = None,
    status: int = 200,
) -> HTMLResponse:
    ctx: dict[str, Any] = {
        "people": users.list_users(uow, user),
        "roles": [r.value for r in Role],
        "user_languages": [lang.value for lang in Language],
        "errors": errors or Errors(),
        "values": values or {},
    }
    return page(request, "users.html", ctx, status=status, nav="users")


@router.get("/users", response_class=HTMLResponse, dependencies=[need(Permission.MANAGE_USERS)])
def users_page(request: Request, uow: ReadUowDep, user: CurrentUser) -> HTMLResponse:
    """Everybody who uses Revalo, their roles, and the form to add a user."""
    return _users(request, uow, user)


@router.post("/users", response_model=None, dependencies=[need(Permission.MANAGE_USERS)])
def add_user_form(
    request: Request, form: forms.PostedForm, uow: UowDep, app: AppDep, user: CurrentUser
) -> Response:
    data = forms.fields(form)
    roles = [r for r in form.getlist("roles") if isinstance(r, str)]
    values: dict[str, Any] = {**data, "roles": roles}
    errors = Errors()
    login = forms.text(data, "login", errors, max_length=64, required=True)
    name = forms.text(data, "name", errors, max_length=200, required=True)
    language = forms.choice(data, "language", errors, Language) or Language.FR
    sites = [s for s in (data.get("partner_sites") or "").replace(",", " ").split() if s]
    password = data.get("password", "")
    if not roles:
        errors.say("roles", "form.choose_role")
    if not errors and login and name:
        try:
            draft = UserDraft(
                login=login,
                name=name,
                roles=frozenset(Role(r) for r in roles),
                language=language,
                partner_sites=frozenset(sites),
                client_code=(data.get("client_code") or "").strip() or None,
            )
            added = users.add_user(uow, app.passwords, user, draft, password)
        except (DomainError, ValueError) as exc:
            field = getattr(exc, "field", None)
            message = getattr(exc, "message", str(exc))
            errors.add(field if field in USER_FIELDS else "login", message)
        else:
            return redirect(
                "/users", flash=say("msg.user_added", login=added.login, name=added.name)
            )
    values.pop("password", None)
    return _users(request, uow, user, errors=errors, values=values, status=422)


@router.post(
    "/users/{login}/deactivate",
    response_model=None,
    dependencies=[need(Permission.MANAGE_USERS)],
)
def deactivate_user_form(login: str, uow: UowDep, user: CurrentUser) -> Response:
    done = users.deactivate_user(uow, user, login[:64])
    return redirect("/users", flash=say("msg.user_deactivated", login=done.login))
