"""Users, roles and the permission table: who may do what, and on which goods."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from revalo.domain.credentials import (
    TOKEN_MARK,
    TOKEN_PREFIX_LENGTH,
    ApiToken,
    LockoutPolicy,
    hash_token,
    new_token_secret,
)
from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.people import (
    PERMISSION_DESCRIPTIONS,
    ROLE_PERMISSIONS,
    Permission,
    Role,
    User,
    check_password,
    ensure_can,
    ensure_sees_client,
    ensure_sees_site,
    parse_role,
    roles_with,
)

P = Permission
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def user(*roles: Role, **kw: object) -> User:
    return User(login=kw.pop("login", "ana"), name="Ana", roles=frozenset(roles), **kw)  # type: ignore[arg-type]


#: The use cases that change the warehouse's goods, stock, decisions, transport or catalogue.
WAREHOUSE_WRITES = frozenset(
    p
    for p in Permission
    if not p.value.startswith("view_") and p not in (P.EXPORT_UNITS, P.EXPORT_EVENTS)
)


def test_every_role_and_permission_is_in_the_table() -> None:
    assert set(ROLE_PERMISSIONS) == set(Role)
    assert set(PERMISSION_DESCRIPTIONS) == set(Permission)
    given = frozenset().union(*ROLE_PERMISSIONS.values())
    assert given == set(Permission), "a permission nobody has is a use case nobody can run"


def test_a_handler_receives_grades_and_moves_but_does_not_decide() -> None:
    handler = user(Role.HANDLER)
    for p in (P.RECEIVE, P.INSPECT, P.MOVE):
        assert handler.can(p)
    for p in (P.DECIDE_DISPOSITION, P.OVERRIDE_DISPOSITION, P.BOOK_LABEL, P.RECORD_PROCEEDS):
        assert not handler.can(p)


@pytest.mark.parametrize(
    "permission",
    [
        P.DECIDE_DISPOSITION,
        P.OVERRIDE_DISPOSITION,
        P.ACCEPT_DECISIONS,
        P.COMMIT_COLLECTION_PLAN,
        P.BOOK_LABEL,
        P.SHIP,
        P.BOOK_OUTBOUND,
    ],
)
def test_only_a_flow_manager_decides_commits_plans_or_books_carriers(
    permission: Permission,
) -> None:
    assert roles_with(permission) == [Role.FLOW_MANAGER]


def test_finance_records_proceeds() -> None:
    assert roles_with(P.RECORD_PROCEEDS) == [Role.FINANCE]
    assert user(Role.FINANCE).can(P.VIEW_COSTS)


def test_only_an_administrator_manages_people_tokens_and_reads_the_audit() -> None:
    for p in (P.MANAGE_USERS, P.MANAGE_TOKENS, P.VIEW_AUDIT):
        assert roles_with(p) == [Role.ADMINISTRATOR]
    admin = user(Role.ADMINISTRATOR)
    assert not admin.can(P.DECIDE_DISPOSITION), "the work belongs to those who do it"


def test_a_partner_accepts_deliveries_reports_repairs_sends_on_records_sales_and_disputes() -> None:
    partner = user(Role.PARTNER, partner_sites=frozenset({"rep-fr"}))
    assert partner.partner_sites == {"REP-FR"}
    assert {P.RECEIVE, P.FINISH_WORK_ORDER, P.SELL} <= partner.permissions
    assert not partner.can(P.VIEW_CUSTOMERS)
    assert not partner.can(P.DECIDE_DISPOSITION)
    assert partner.permissions & WAREHOUSE_WRITES == {
        P.RECEIVE,
        P.START_WORK_ORDER,
        P.FINISH_WORK_ORDER,
        P.DISPATCH,
        P.SELL,
        P.CAPTURE_EVENTS,  # its receipts and repairs, as EPCIS events
        P.OPEN_DISPUTES,  # with the company, about what it received or was paid
        P.ACKNOWLEDGE_DONATIONS,  # a charity: the units donated to it
        P.MAKE_OFFERS,  # an outlet or a resale partner: on the open lots, for itself
        P.RECORD_PAYMENTS,  # what it paid for the units handed over to it
        P.RECORD_RESALES,  # an outlet or a resale partner: what it sold again, and for how much
    }
    assert not partner.can(P.SETTLE_DISPUTES) and not partner.can(P.SET_PARTNER_TERMS)


def test_a_client_reads_its_own_and_changes_nothing() -> None:
    client = user(Role.CLIENT, client_code="ACME")
    assert client.can(P.VIEW_UNITS) and client.can(P.VIEW_COSTS)
    assert client.permissions & WAREHOUSE_WRITES == set()


def test_several_roles_add_up() -> None:
    both = user(Role.HANDLER, Role.FINANCE)
    assert both.can(P.RECEIVE) and both.can(P.RECORD_PROCEEDS)


def test_a_deactivated_user_may_do_nothing() -> None:
    gone = user(Role.FLOW_MANAGER, active=False)
    assert gone.permissions == set()
    with pytest.raises(PermissionDenied, match="deactivated"):
        ensure_can(gone, P.VIEW_UNITS)


def test_a_refusal_names_the_permission_and_who_has_it() -> None:
    with pytest.raises(PermissionDenied) as exc:
        ensure_can(user(Role.HANDLER), P.OVERRIDE_DISPOSITION)
    assert exc.value.permission == "override_disposition"
    assert "'override_disposition'" in exc.value.message
    assert "flow_manager" in exc.value.message
    assert "override a disposition" in exc.value.message
    ensure_can(user(Role.FLOW_MANAGER), P.OVERRIDE_DISPOSITION)


def test_a_partner_sees_only_its_sites() -> None:
    partner = user(Role.PARTNER, partner_sites=frozenset({"REP-FR", "OUT-FR"}))
    assert partner.visible_sites == {"REP-FR", "OUT-FR"}
    assert partner.sees_site("rep-fr") and not partner.sees_site("HUB-FR")
    assert not partner.sees_site(None)
    ensure_sees_site(partner, P.VIEW_UNITS, "OUT-FR")
    with pytest.raises(PermissionDenied, match="only at the sites OUT-FR, REP-FR, not at HUB-FR"):
        ensure_sees_site(partner, P.VIEW_UNITS, "HUB-FR")
    with pytest.raises(PermissionDenied, match="'view_customers'"):
        ensure_sees_site(partner, P.VIEW_CUSTOMERS, "OUT-FR")
    staff = user(Role.HANDLER)
    assert staff.visible_sites is None and staff.sees_site("HUB-FR")


def test_a_client_sees_only_its_own_goods() -> None:
    client = user(Role.CLIENT, client_code="acme")
    assert client.bound_client == "ACME"
    assert client.sees_client("ACME") and not client.sees_client("OTHER")
    assert not client.sees_client(None)
    with pytest.raises(PermissionDenied, match="only for the client ACME, not for OTHER"):
        ensure_sees_client(client, P.VIEW_UNITS, "OTHER")
    assert user(Role.FINANCE).bound_client is None


@pytest.mark.parametrize(
    ("roles", "extra", "message"),
    [
        ((), {}, "at least one role"),
        ((Role.PARTNER,), {}, "needs at least one partner site"),
        ((Role.CLIENT,), {}, "needs its client code"),
        ((Role.PARTNER, Role.HANDLER), {"partner_sites": frozenset({"REP-FR"})}, "one role only"),
        ((Role.CLIENT, Role.PARTNER), {"client_code": "ACME"}, "one role only"),
        ((Role.HANDLER,), {"partner_sites": frozenset({"REP-FR"})}, "partner role only"),
        ((Role.HANDLER,), {"client_code": "ACME"}, "client role only"),
        ((Role.PARTNER,), {"partner_sites": frozenset({"a b"})}, "partner site 'a b'"),
    ],
)
def test_roles_go_with_their_sites_and_client(
    roles: tuple[Role, ...], extra: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidValue, match=message):
        user(*roles, **extra)


def test_a_change_of_roles_is_checked_and_leaves_the_user_as_it_was_when_refused() -> None:
    u = user(Role.HANDLER)
    with pytest.raises(InvalidValue, match="partner site"):
        u.change_roles(frozenset({Role.PARTNER}), frozenset(), None)
    assert u.roles == {Role.HANDLER}
    u.change_roles(frozenset({Role.PARTNER}), frozenset({"rep-fr"}), None)
    assert u.roles == {Role.PARTNER} and u.visible_sites == {"REP-FR"}


def test_logins_and_names() -> None:
    assert user(Role.HANDLER, login=" Ana.Lopez@Example ").login == "ana.lopez@example"
    with pytest.raises(InvalidValue, match="login 'a'"):
        user(Role.HANDLER, login="a")
    with pytest.raises(InvalidValue, match="login 'ana lopez'"):
        user(Role.HANDLER, login="ana lopez")
    with pytest.raises(InvalidValue, match="needs a name"):
        User(login="ana", name=" ", roles=frozenset({Role.HANDLER}))


def test_an_unknown_role_names_the_valid_ones() -> None:
    assert parse_role("Flow-Manager") is Role.FLOW_MANAGER
    with pytest.raises(InvalidValue) as exc:
        parse_role("boss")
    assert "unknown role 'boss'" in exc.value.message
    assert all(r.value in exc.value.message for r in Role)


def test_passwords_are_long_enough_and_not_the_login() -> None:
    check_password("correct horse battery", "ana")
    with pytest.raises(InvalidValue, match="at least 10"):
        check_password("short", "ana")
    with pytest.raises(InvalidValue, match="not be the login"):
        check_password("ana.lopez1", "ana.lopez1")
    with pytest.raises(InvalidValue, match="at most 256"):
        check_password("x" * 257, "ana")


def test_a_lock_out_lasts_its_minutes() -> None:
    policy = LockoutPolicy(max_failures=3, minutes=10)
    until = policy.locked_until(NOW)
    u = user(Role.HANDLER, locked_until=until)
    assert u.is_locked(NOW + timedelta(minutes=9, seconds=59))
    assert not u.is_locked(NOW + timedelta(minutes=10))
    with pytest.raises(InvalidValue, match="at least one minute"):
        LockoutPolicy(minutes=0)
    with pytest.raises(InvalidValue, match=">= 1"):
        LockoutPolicy(max_failures=0)


def test_a_token_is_random_marked_and_stored_as_a_hash() -> None:
    a, b = new_token_secret(), new_token_secret()
    assert a != b and a.startswith(TOKEN_MARK) and len(a) > 40
    assert hash_token(a) == hash_token(a) != hash_token(b)
    assert len(hash_token(a)) == 64 and a not in hash_token(a)
    token = ApiToken(1, " scanner 3 ", hash_token(a), a[:TOKEN_PREFIX_LENGTH], NOW)
    assert token.name == "scanner 3" and not token.revoked
    token.revoke(NOW)
    assert token.revoked
    with pytest.raises(InvalidValue, match="revoked already"):
        token.revoke(NOW)
    with pytest.raises(InvalidValue, match="needs a name"):
        ApiToken(1, "", hash_token(a), a[:TOKEN_PREFIX_LENGTH], NOW)
