"""The people: who is signed in, API tokens, users, and the administrator's audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query, Request, status

from revalo.domain.credentials import ApiToken, AuditOutcome
from revalo.domain.people import Permission, User
from revalo.entrypoints.api import ratelimit
from revalo.entrypoints.api.deps import (
    AppDep,
    CurrentUser,
    ReadUowDep,
    UowDep,
    need,
    need_signed_in,
)
from revalo.entrypoints.api.schemas.people import (
    AuditEntryPublic,
    AuditPublic,
    MePublic,
    NewTokenPublic,
    TokenCreate,
    TokenPublic,
    TokensPublic,
    UserCreate,
    UserPublic,
    UsersPublic,
)
from revalo.entrypoints.api.types import Limit, Offset
from revalo.services import access, users
from revalo.services.people_ports import AuditFilter
from revalo.services.users import UserDraft

router = APIRouter(tags=["people"])


def _user(u: User) -> UserPublic:
    return UserPublic.model_validate(
        {**u.__dict__, "roles": sorted(u.roles), "partner_sites": sorted(u.partner_sites)}
    )


def _token(token: ApiToken, login: str) -> TokenPublic:
    return TokenPublic.model_validate({**token.__dict__, "login": login})


@router.get("/auth/me", dependencies=[need_signed_in])
def me(user: CurrentUser) -> MePublic:
    """The user of the request and what their roles allow."""
    return MePublic(**_user(user).model_dump(), permissions=sorted(user.permissions))


@router.get("/auth/tokens", dependencies=[need_signed_in])
def list_tokens(
    uow: UowDep,
    user: CurrentUser,
    login: Annotated[str | None, Query(max_length=64)] = None,
    everybody: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> TokensPublic:
    """One's own tokens, newest first; another user's (``login``) or everybody's for an
    administrator."""
    listing = access.list_tokens(uow, user, for_login=login, everybody=everybody)
    shown = listing[offset : offset + limit]
    return TokensPublic(data=[_token(t.token, t.login) for t in shown], count=len(listing))


@router.post("/auth/tokens", dependencies=[need_signed_in], status_code=status.HTTP_201_CREATED)
def create_token(
    request: Request, body: TokenCreate, uow: UowDep, user: CurrentUser
) -> NewTokenPublic:
    """A new token for oneself, or for another user (an administrator's). The token is in
    the answer this once; it is stored only as a hash. Rate limited per address."""
    ratelimit.limit(request, "tokens")
    made = access.create_token(uow, user, body.name, for_login=body.login)
    owner = body.login.strip().lower() if body.login else user.login
    return NewTokenPublic(**_token(made.token, owner).model_dump(), token=made.secret)


@router.post("/auth/tokens/{token_id}/revoke", dependencies=[need_signed_in])
def revoke_token(token_id: int, uow: UowDep, user: CurrentUser) -> TokenPublic:
    """One's own token, or anybody's for an administrator; it is refused from then on."""
    token = access.revoke_token(uow, user, token_id)
    with uow:
        owner = uow.users.get(token.user_id)
    return _token(token, owner.login if owner else "?")


@router.get("/users", dependencies=[need(Permission.MANAGE_USERS)])
def list_users(
    uow: UowDep, user: CurrentUser, limit: Limit = 50, offset: Offset = 0
) -> UsersPublic:
    """Everybody, by login."""
    people = users.list_users(uow, user)
    shown = people[offset : offset + limit]
    return UsersPublic(data=[_user(u) for u in shown], count=len(people))


@router.post(
    "/users", dependencies=[need(Permission.MANAGE_USERS)], status_code=status.HTTP_201_CREATED
)
def add_user(body: UserCreate, uow: UowDep, app: AppDep, user: CurrentUser) -> UserPublic:
    """Add a user with their roles (a partner with its sites, a client with its code)."""
    draft = UserDraft(
        login=body.login,
        name=body.name,
        roles=frozenset(body.roles),
        language=body.language,
        partner_sites=frozenset(body.partner_sites),
        client_code=body.client_code,
    )
    return _user(users.add_user(uow, app.passwords, user, draft, body.password))


@router.get("/users/{login}", dependencies=[need(Permission.MANAGE_USERS)])
def get_user(login: str, uow: ReadUowDep) -> UserPublic:
    return _user(users.get_user(uow, login))


@router.post("/users/{login}/deactivate", dependencies=[need(Permission.MANAGE_USERS)])
def deactivate_user(login: str, uow: UowDep, user: CurrentUser) -> UserPublic:
    """The user can no longer sign in nor use their tokens; their sessions end."""
    return _user(users.deactivate_user(uow, user, login))


@router.get("/audit", dependencies=[need(Permission.VIEW_AUDIT)])
def audit(
    uow: UowDep,
    user: CurrentUser,
    actor: Annotated[str | None, Query(max_length=64)] = None,
    outcome: AuditOutcome | None = None,
    action: Annotated[str | None, Query(max_length=60)] = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> AuditPublic:
    """Who did and tried what, newest first: every change, sign-in, failed sign-in and
    refusal for lack of permission."""
    flt = AuditFilter(
        actor=actor.strip().lower() if actor else None,
        outcome=outcome,
        action=action.strip() if action else None,
        since=since,
        until=until,
    )
    trail = access.audit_trail(uow, user, flt, limit=limit, offset=offset)
    return AuditPublic(
        data=[AuditEntryPublic.model_validate(e) for e in trail.items], count=trail.total
    )
