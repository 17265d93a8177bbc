"""Signing in with a browser: the session cookie, CSRF protection of every cookie-made
write, cross-site requests refused, signing out, the lock-out and the rate limit."""

from __future__ import annotations

import dataclasses
import re

import pytest
from fastapi.testclient import TestClient

from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.deps import SESSION_COOKIE
from revalo.services import users
from tests.conftest import World
from tests.e2e.conftest import API
from tests.people import TEST_PASSWORD, add_person


@pytest.fixture
def browser(sqlite_world: World) -> TestClient:
    return TestClient(create_app(sqlite_world.app), base_url="http://localhost")


def sign_in(client: TestClient, login: str, password: str = TEST_PASSWORD, **form: str):
    return client.post(
        "/login", data={"login": login, "password": password, **form}, follow_redirects=False
    )


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "the page has a form with its CSRF token"
    return found.group(1)


def _audit(world: World) -> list[tuple[str, str, str]]:
    with world.app.read_uow() as uow:
        from revalo.services.people_ports import AuditFilter

        page = uow.audit.list(AuditFilter(), limit=100, offset=0)
    return [(e.actor, e.action, e.outcome.value) for e in page.items]


def test_signing_in_opens_a_session_in_an_httponly_samesite_cookie(
    browser: TestClient, sqlite_world: World
) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    wrong = sign_in(browser, "hana", "not the password")
    assert wrong.status_code == 401 and "wrong login or password" in wrong.text.lower()
    assert SESSION_COOKIE not in wrong.headers.get("set-cookie", "")
    answer = sign_in(browser, "hana")
    assert answer.status_code == 303
    # A handler's first page is the receiving station (the dashboard is not theirs).
    assert answer.headers["location"] == "/station"
    cookie = next(c for c in answer.headers.get_list("set-cookie") if SESSION_COOKIE in c)
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    page = browser.get("/station")
    assert page.status_code == 200 and "Hana" in page.text
    assert browser.get("/").status_code == 403  # the dashboard: not a handler's
    assert ("hana", "login", "failed_login") in _audit(sqlite_world)
    assert ("hana", "login", "login") in _audit(sqlite_world)
    assert ("hana", "view_dashboard", "refused") in _audit(sqlite_world)


def test_behind_https_the_cookie_is_secure(sqlite_world: World) -> None:
    app = sqlite_world.app
    settings = dataclasses.replace(app.settings, https_proxy=True)
    client = TestClient(
        create_app(dataclasses.replace(app, settings=settings)), base_url="http://localhost"
    )
    add_person(app, "sam", {Role.HANDLER}, password=TEST_PASSWORD)
    cookie = next(
        c for c in sign_in(client, "sam").headers.get_list("set-cookie") if SESSION_COOKIE in c
    )
    assert "Secure" in cookie


def test_a_cookie_made_write_needs_the_session_csrf_token(
    browser: TestClient, sqlite_world: World
) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    sign_in(browser, "hana")
    token = csrf_of(browser.get("/station").text)
    scan = {"code": sqlite_world.laptop.gtin, "site": "HUB-FR"}
    refused = browser.post("/station/scan", data=scan, follow_redirects=False)
    # Signed in, the pages speak her language (French by default): so does the refusal.
    assert refused.status_code == 403 and "jeton de sécurité" in refused.text
    forged = browser.post("/station/scan", data={**scan, "csrf": "x" * 43})
    assert forged.status_code == 403
    assert _units(sqlite_world) == 0
    done = browser.post("/station/scan", data={**scan, "csrf": token}, follow_redirects=False)
    assert done.status_code in (200, 303), done.text[:500]
    assert _units(sqlite_world) == 1
    # A body-less POST with the cookie alone is refused too; with the header it goes on.
    bare = browser.post(f"{API}/returns/RMA00000001/label")
    assert bare.status_code == 403
    with_header = browser.post(f"{API}/returns/RMA00000001/label", headers={"X-CSRF-Token": token})
    assert with_header.status_code == 403  # a handler may not book carriers...
    assert "book_label" in with_header.text  # ...for lack of the permission, not the token


def _units(world: World) -> int:
    with world.app.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM units").scalar() or 0)


def test_a_request_from_another_site_is_refused_even_with_the_token(
    browser: TestClient, sqlite_world: World
) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    sign_in(browser, "hana")
    token = csrf_of(browser.get("/station").text)
    scan = {"code": sqlite_world.laptop.gtin, "site": "HUB-FR", "csrf": token}
    for headers in (
        {"Origin": "http://attacker.example"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "null"},
    ):
        answer = browser.post("/station/scan", data=scan, headers=headers)
        assert answer.status_code == 403, headers
        assert "un autre site" in answer.text
    assert _units(sqlite_world) == 0
    same = browser.post(
        "/station/scan",
        data=scan,
        headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
        follow_redirects=False,
    )
    assert same.status_code in (200, 303)
    # Signing in from another site's page is refused as well (login CSRF).
    add_person(sqlite_world.app, "other", {Role.HANDLER}, password=TEST_PASSWORD)
    assert sign_in(TestClient(browser.app, base_url="http://localhost"), "other").status_code == 303
    elsewhere = TestClient(browser.app, base_url="http://localhost")
    answer = elsewhere.post(
        "/login",
        data={"login": "other", "password": TEST_PASSWORD},
        headers={"Origin": "http://attacker.example"},
        follow_redirects=False,
    )
    assert answer.status_code == 403 and SESSION_COOKIE not in answer.headers.get("set-cookie", "")


def test_signing_out_ends_the_session(browser: TestClient, sqlite_world: World) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    sign_in(browser, "hana")
    cookie = browser.cookies.get(SESSION_COOKIE)
    token = csrf_of(browser.get("/station").text)
    assert browser.post("/logout", follow_redirects=False).status_code == 403  # no token
    out = browser.post("/logout", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303 and out.headers["location"] == "/login"
    # The old cookie is worth nothing now, even sent again by hand.
    replay = TestClient(browser.app, base_url="http://localhost", cookies={SESSION_COOKIE: cookie})
    again = replay.get("/station", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith("/login")
    assert replay.get(f"{API}/units").status_code == 401
    assert ("hana", "logout", "allowed") in _audit(sqlite_world)


def test_a_deactivated_user_is_signed_out(browser: TestClient, sqlite_world: World) -> None:
    app = sqlite_world.app
    admin = add_person(app, "ada", {Role.ADMINISTRATOR})
    add_person(app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    sign_in(browser, "hana")
    assert browser.get("/station").status_code == 200
    users.deactivate_user(app.uow(), admin, "hana")
    assert browser.get("/station", follow_redirects=False).status_code == 303


def test_repeated_failures_lock_the_login_and_one_address_is_slowed_down(
    browser: TestClient, sqlite_world: World
) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    for _ in range(sqlite_world.app.settings.lockout.max_failures):
        assert sign_in(browser, "hana", "guess guess guess").status_code == 401
    locked = sign_in(browser, "hana")  # the right password, too late
    assert locked.status_code == 401 and "locked until" in locked.text
    # 10 tries a minute from one address, whatever the logins: then 429.
    answers = [sign_in(browser, f"nobody{i}", "whatever whatever") for i in range(6)]
    assert [a.status_code for a in answers][-2:] == [429, 429]
    assert int(answers[-1].headers["retry-after"]) >= 1
    tokens = [browser.post(f"{API}/auth/tokens", json={"name": "x"}).status_code for _ in range(3)]
    assert tokens == [401, 401, 401]  # no user: refused before any count


def test_the_api_documentation_is_for_signed_in_people(
    browser: TestClient, sqlite_world: World
) -> None:
    for path in ("/docs", "/redoc"):
        answer = browser.get(path, follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].startswith("/login")
    assert browser.get("/openapi.json").status_code == 401
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    sign_in(browser, "hana")
    assert "swagger" in browser.get("/docs").text.lower()
    spec = browser.get("/openapi.json").json()
    assert "api_token" in spec["components"]["securitySchemes"]
