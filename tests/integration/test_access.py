"""Users, logins, API tokens and the audit trail, on SQLite and PostgreSQL."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from revalo.adapters.passwords import Argon2Passwords
from revalo.domain.credentials import AuditOutcome, LockoutPolicy
from revalo.domain.errors import (
    AlreadyExists,
    InvalidValue,
    NotAllowed,
    NotAuthenticated,
    NotFound,
    PermissionDenied,
)
from revalo.domain.people import Permission, Role, User
from revalo.services import access, users
from revalo.services.people_ports import AuditFilter
from revalo.services.users import UserDraft
from tests.conftest import World

#: Argon2 as cheap as it gets: these tests count logins, they do not measure the hash.
FAST = Argon2Passwords(time_cost=1, memory_cost=1024)
PASSWORD = "correct horse battery"


def draft(login: str, *roles: Role, **kw: object) -> UserDraft:
    return UserDraft(login, login.title(), frozenset(roles), **kw)  # type: ignore[arg-type]


@pytest.fixture
def admin(world: World) -> User:
    return users.add_first_administrator(
        world.app.uow(), FAST, draft("root", Role.ADMINISTRATOR), PASSWORD
    )


def add(world: World, admin: User, login: str, *roles: Role, **kw: object) -> User:
    return users.add_user(world.app.uow(), FAST, admin, draft(login, *roles, **kw), PASSWORD)


def trail(world: World, admin: User, **kw: object) -> list[tuple[str, str, str, str]]:
    page = access.audit_trail(world.app.uow(), admin, AuditFilter(**kw))  # type: ignore[arg-type]
    return [(e.actor, e.action, e.outcome.value, e.target) for e in reversed(page.items)]


# -- users ------------------------------------------------------------------------------------
def test_the_first_administrator_then_users_added_by_an_administrator(
    world: World, admin: User
) -> None:
    uow = world.app.uow
    assert users.first_administrator(uow()) is not None
    with pytest.raises(NotAllowed, match="has an administrator"):
        users.add_first_administrator(uow(), FAST, draft("other", Role.ADMINISTRATOR), PASSWORD)
    ana = add(world, admin, "ana", Role.HANDLER, Role.FORKLIFT_DRIVER)
    stored = users.get_user(uow(), "ANA")
    assert stored.id == ana.id and stored.roles == {Role.HANDLER, Role.FORKLIFT_DRIVER}
    assert stored.password_hash.startswith("$argon2id$") and PASSWORD not in stored.password_hash
    assert [u.login for u in users.list_users(uow(), admin)] == ["ana", "root"]
    with pytest.raises(PermissionDenied, match="'manage_users'"):
        add(world, ana, "bob", Role.HANDLER)
    assert trail(world, admin, action="add_user") == [
        ("root", "add_user", "allowed", "root"),
        ("root", "add_user", "allowed", "ana"),
    ]
    assert trail(world, admin, outcome=AuditOutcome.REFUSED) == [
        ("ana", "manage_users", "refused", "bob")
    ]


def test_a_fresh_database_takes_an_administrator_first(world: World) -> None:
    assert users.first_administrator(world.app.uow()) is None
    with pytest.raises(InvalidValue, match="first user needs the administrator role"):
        users.add_first_administrator(world.app.uow(), FAST, draft("ana", Role.HANDLER), PASSWORD)


def test_a_login_is_unique_and_a_refused_user_is_not_added(world: World, admin: User) -> None:
    add(world, admin, "ana", Role.HANDLER)
    with pytest.raises(AlreadyExists, match="login 'ana' is taken"):
        add(world, admin, "Ana", Role.FINANCE)
    with pytest.raises(NotFound, match="no site with code 'NOPE'"):
        add(world, admin, "rep", Role.PARTNER, partner_sites=frozenset({"NOPE"}))
    with pytest.raises(InvalidValue, match="HUB-FR is a returns hub"):
        add(world, admin, "rep", Role.PARTNER, partner_sites=frozenset({"HUB-FR"}))
    with pytest.raises(InvalidValue, match="at least 10"):
        users.add_user(world.app.uow(), FAST, admin, draft("rep", Role.HANDLER), "short")
    assert [u.login for u in users.list_users(world.app.uow(), admin)] == ["ana", "root"]


def test_roles_change_and_the_last_administrator_stays(world: World, admin: User) -> None:
    uow = world.app.uow
    rep = add(world, admin, "rep", Role.PARTNER, partner_sites=frozenset({"REP-FR"}))
    changed = users.update_user(
        uow(), admin, "rep", partner_sites=frozenset({"REP-FR", "OUT-FR"}), name="Repairs"
    )
    assert changed.partner_sites == {"REP-FR", "OUT-FR"} and changed.name == "Repairs"
    users.update_user(uow(), admin, "rep", roles=frozenset({Role.TECHNICIAN}))
    again = users.get_user(uow(), rep.login)
    assert again.roles == {Role.TECHNICIAN} and again.partner_sites == set()
    with pytest.raises(NotAllowed, match="root is the last active administrator"):
        users.update_user(uow(), admin, "root", roles=frozenset({Role.FLOW_MANAGER}))
    with pytest.raises(NotAllowed, match="last active administrator"):
        users.deactivate_user(uow(), admin, "root")
    assert users.get_user(uow(), "root").roles == {Role.ADMINISTRATOR}


def test_a_deactivated_user_cannot_log_in_nor_use_a_token(world: World, admin: User) -> None:
    uow = world.app.uow
    ana = add(world, admin, "ana", Role.HANDLER)
    token = access.create_token(uow(), ana, "scanner")
    users.deactivate_user(uow(), admin, "ana")
    with pytest.raises(NotAllowed, match="deactivated already"):
        users.deactivate_user(uow(), admin, "ana")
    with pytest.raises(NotAuthenticated, match="wrong login or password"):
        access.authenticate(uow(), FAST, LockoutPolicy(), "ana", PASSWORD)
    with pytest.raises(NotAuthenticated, match="unknown or revoked"):
        access.authenticate_token(uow(), token.secret)
    assert users.get_user(uow(), "ana").failed_logins == 0, "no count for a deactivated user"


# -- logins -----------------------------------------------------------------------------------
def test_a_login_with_the_right_password_and_the_audit_of_each_try(
    world: World, admin: User
) -> None:
    uow, policy = world.app.uow, LockoutPolicy()
    add(world, admin, "ana", Role.HANDLER)
    with pytest.raises(NotAuthenticated, match="wrong login or password"):
        access.authenticate(uow(), FAST, policy, "ana", "not the password")
    with pytest.raises(NotAuthenticated, match="wrong login or password"):
        access.authenticate(uow(), FAST, policy, "nobody", PASSWORD)
    assert users.get_user(uow(), "ana").failed_logins == 1
    ana = access.authenticate(uow(), FAST, policy, " ANA ", PASSWORD)
    assert ana.login == "ana" and ana.failed_logins == 0
    assert users.get_user(uow(), "ana").failed_logins == 0
    assert trail(world, admin, action="login") == [
        ("ana", "login", "failed_login", ""),
        ("nobody", "login", "failed_login", ""),
        ("ana", "login", "login", ""),
    ]


def test_a_login_is_locked_after_repeated_failures_then_opens_again(
    world: World, admin: User
) -> None:
    uow, policy = world.app.uow, LockoutPolicy(max_failures=3, minutes=10)
    add(world, admin, "ana", Role.HANDLER)
    t = world.now
    for i in range(3):
        with pytest.raises(NotAuthenticated, match="wrong login or password"):
            access.authenticate(uow(), FAST, policy, "ana", f"guess number {i}", at=t)
    with pytest.raises(NotAuthenticated, match="ana is locked until"):
        access.authenticate(uow(), FAST, policy, "ana", PASSWORD, at=t + timedelta(minutes=9))
    assert users.get_user(uow(), "ana").failed_logins == 3, "a try while locked is not counted"
    assert access.authenticate(uow(), FAST, policy, "ana", PASSWORD, at=t + timedelta(minutes=10))
    # An administrator's new password opens a locked login at once.
    for i in range(3):
        with pytest.raises(NotAuthenticated):
            access.authenticate(uow(), FAST, policy, "ana", f"guess number {i}", at=t)
    users.set_password(uow(), FAST, admin, "ana", "a brand new password")
    assert access.authenticate(uow(), FAST, policy, "ana", "a brand new password", at=t)


def test_concurrent_failed_logins_are_all_counted(world: World, admin: User) -> None:
    uow, policy = world.app.uow, LockoutPolicy(max_failures=1000)
    add(world, admin, "ana", Role.HANDLER)
    tries = 24

    def wrong(i: int) -> str:
        try:
            access.authenticate(uow(), FAST, policy, "ana", f"wrong password {i}")
        except NotAuthenticated as exc:
            return exc.message
        return "logged in"

    with ThreadPoolExecutor(max_workers=6) as pool:
        answers = list(pool.map(wrong, range(tries)))
    assert answers == ["wrong login or password"] * tries
    assert users.get_user(uow(), "ana").failed_logins == tries
    assert len(trail(world, admin, outcome=AuditOutcome.FAILED_LOGIN)) == tries


def test_a_stronger_hash_replaces_a_weaker_one_at_login(world: World, admin: User) -> None:
    uow = world.app.uow
    add(world, admin, "ana", Role.HANDLER)
    stronger = Argon2Passwords(time_cost=2, memory_cost=2048)
    access.authenticate(uow(), stronger, LockoutPolicy(), "ana", PASSWORD)
    stored = users.get_user(uow(), "ana").password_hash
    assert "m=2048,t=2" in stored
    assert access.authenticate(uow(), stronger, LockoutPolicy(), "ana", PASSWORD).id is not None


def test_a_user_sets_their_own_password_only(world: World, admin: User) -> None:
    uow = world.app.uow
    add(world, admin, "ana", Role.HANDLER)
    bob = add(world, admin, "bob", Role.HANDLER)
    ana = users.get_user(uow(), "ana")
    users.set_password(uow(), FAST, ana, "ana", "anas own password")
    with pytest.raises(PermissionDenied, match="'manage_users'"):
        users.set_password(uow(), FAST, ana, "bob", "anas own password")
    assert access.authenticate(uow(), FAST, LockoutPolicy(), "ana", "anas own password")
    assert access.authenticate(uow(), FAST, LockoutPolicy(), "bob", PASSWORD).id == bob.id


# -- tokens -----------------------------------------------------------------------------------
def test_a_token_is_shown_once_stored_hashed_and_names_its_user(world: World, admin: User) -> None:
    uow = world.app.uow
    ana = add(world, admin, "ana", Role.HANDLER)
    new = access.create_token(uow(), ana, "scanner 3", at=world.now)
    assert new.secret.startswith(new.token.prefix) and new.secret not in new.token.token_hash
    assert access.authenticate_token(uow(), new.secret, at=world.now).login == "ana"
    listed = access.list_tokens(uow(), ana)
    assert [(t.login, t.token.name, t.token.prefix) for t in listed] == [
        ("ana", "scanner 3", new.token.prefix)
    ]
    assert listed[0].token.last_used_at == world.now
    # Another use within the minute is not written again.
    access.authenticate_token(uow(), new.secret, at=world.now + timedelta(seconds=30))
    assert access.list_tokens(uow(), ana)[0].token.last_used_at == world.now
    with pytest.raises(NotAuthenticated, match="unknown or revoked"):
        access.authenticate_token(uow(), new.secret + "x")
    assert trail(world, admin, action="token") == [("", "token", "failed_login", "")]


def test_tokens_are_made_and_revoked_by_their_owner_or_an_administrator(
    world: World, admin: User
) -> None:
    uow = world.app.uow
    ana = add(world, admin, "ana", Role.HANDLER)
    bob = add(world, admin, "bob", Role.HANDLER)
    for_ana = access.create_token(uow(), admin, "ana's scanner", for_login="ana")
    assert for_ana.token.user_id == ana.id
    with pytest.raises(PermissionDenied, match="'manage_tokens'"):
        access.create_token(uow(), bob, "not mine", for_login="ana")
    assert access.list_tokens(uow(), bob) == []
    with pytest.raises(PermissionDenied, match="'manage_tokens'"):
        access.list_tokens(uow(), bob, everybody=True)
    assert for_ana.token.id is not None
    with pytest.raises(PermissionDenied, match="'manage_tokens'"):
        access.revoke_token(uow(), bob, for_ana.token.id)
    assert access.authenticate_token(uow(), for_ana.secret).id == ana.id
    access.revoke_token(uow(), ana, for_ana.token.id)
    with pytest.raises(InvalidValue, match="revoked already"):
        access.revoke_token(uow(), admin, for_ana.token.id)
    with pytest.raises(NotAuthenticated, match="unknown or revoked"):
        access.authenticate_token(uow(), for_ana.secret)
    with pytest.raises(NotFound, match="no API token 999"):
        access.revoke_token(uow(), admin, 999)
    everybody = access.list_tokens(uow(), admin, everybody=True)
    assert [(t.login, t.token.revoked) for t in everybody] == [("ana", True)]


# -- permissions and the audit ----------------------------------------------------------------
def test_a_refusal_is_written_to_the_audit_trail(world: World, admin: User) -> None:
    uow = world.app.uow
    ana = add(world, admin, "ana", Role.HANDLER)
    rep = add(world, admin, "rep", Role.PARTNER, partner_sites=frozenset({"REP-FR"}))
    access.authorise(uow(), ana, Permission.RECEIVE)
    with pytest.raises(PermissionDenied, match="ana may not override a disposition"):
        access.authorise(uow(), ana, Permission.OVERRIDE_DISPOSITION, target="LPN000000001")
    access.authorise(uow(), rep, Permission.VIEW_UNITS, site_code="REP-FR")
    with pytest.raises(PermissionDenied, match="only at the sites REP-FR, not at HUB-FR"):
        access.authorise(uow(), rep, Permission.VIEW_UNITS, site_code="HUB-FR", target="LPN1")
    assert trail(world, admin, outcome=AuditOutcome.REFUSED) == [
        ("ana", "override_disposition", "refused", "LPN000000001"),
        ("rep", "view_units", "refused", "LPN1"),
    ]
    assert trail(world, admin, actor="rep") == [("rep", "view_units", "refused", "LPN1")]
    with pytest.raises(PermissionDenied, match="'view_audit'"):
        access.audit_trail(uow(), ana)
    page = access.audit_trail(uow(), admin, limit=2)
    # The world's catalogue, set up by "operator", then 3 users added and 3 refusals.
    seeded = access.audit_trail(uow(), admin, AuditFilter(actor="operator")).total
    assert seeded == 15 and len(page.items) == 2 and page.total == seeded + 6
    newest = page.items[0]
    assert (newest.actor, newest.action, newest.outcome) == ("ana", "view_audit", "refused")
