"""Users, API tokens and the audit trail."""

from __future__ import annotations

from datetime import datetime

from pydantic import Field

from revalo.domain.credentials import AuditOutcome
from revalo.domain.people import Language, Permission, Role
from revalo.entrypoints.api.schemas.base import Input, Public


class UserPublic(Public):
    login: str
    name: str
    roles: list[Role]
    language: Language
    active: bool
    partner_sites: list[str]
    client_code: str | None
    created_at: datetime | None


class MePublic(UserPublic):
    #: What the user's roles allow, from the permission table.
    permissions: list[Permission]


class UsersPublic(Public):
    data: list[UserPublic]
    count: int


class UserCreate(Input):
    login: str = Field(min_length=2, max_length=64)
    name: str = Field(min_length=1, max_length=200)
    roles: list[Role] = Field(min_length=1, max_length=10)
    language: Language = Language.FR
    partner_sites: list[str] = Field(default_factory=list, max_length=50)
    client_code: str | None = Field(default=None, max_length=40)
    password: str = Field(min_length=1, max_length=256)


class TokenCreate(Input):
    name: str = Field(min_length=1, max_length=100, description="what the token is for")
    login: str | None = Field(
        default=None, max_length=64, description="another user's (an administrator's)"
    )


class TokenPublic(Public):
    id: int
    name: str
    login: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokensPublic(Public):
    data: list[TokenPublic]
    count: int


class NewTokenPublic(TokenPublic):
    #: The token itself, shown this once: it is stored only as a hash.
    token: str


class AuditEntryPublic(Public):
    at: datetime
    actor: str
    action: str
    outcome: AuditOutcome
    target: str
    detail: str


class AuditPublic(Public):
    data: list[AuditEntryPublic]
    count: int
