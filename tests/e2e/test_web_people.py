"""The people's pages: an administrator adds and deactivates users; anybody makes and
revokes their own API tokens, shown once."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from tests.conftest import World
from tests.e2e.conftest import API
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.people import TEST_PASSWORD, add_person


def _browser(world: World) -> TestClient:
    return TestClient(create_app(world.app), base_url="http://localhost")


def test_an_administrator_adds_a_user_who_then_signs_in_and_is_deactivated(
    sqlite_world: World,
) -> None:
    add_person(sqlite_world.app, "ada", {Role.ADMINISTRATOR}, password=TEST_PASSWORD)
    admin = _browser(sqlite_world)
    sign_in(admin, "ada")
    page = admin.get("/users")
    assert page.status_code == 200 and "ada" in page.text
    token = csrf_of(page.text)
    form = {
        "csrf": token,
        "login": "leo",
        "name": "Léo Garcia",
        "language": "fr",
        "password": "a long passphrase",
        "roles": ["handler", "forklift_driver"],
    }
    # A wrong value is named next to its field, and nothing is added.
    short = admin.post("/users", data={**form, "password": "short"})
    assert short.status_code == 422 and "au moins 10 caractères" in short.text
    partner = admin.post("/users", data={**form, "roles": ["partner"]})
    assert partner.status_code == 422 and "site partenaire" in partner.text
    added = admin.post("/users", data=form, follow_redirects=False)
    assert added.status_code == 303
    assert "Léo Garcia" in admin.get("/users").text
    leo = _browser(sqlite_world)
    assert sign_in(leo, "leo", "a long passphrase").headers["location"] == "/station"
    assert leo.get("/station").status_code == 200
    assert leo.get("/users").status_code == 403
    done = admin.post("/users/leo/deactivate", data={"csrf": token}, follow_redirects=False)
    assert done.status_code == 303
    assert leo.get("/station", follow_redirects=False).status_code == 303  # signed out


def test_anybody_makes_and_revokes_their_own_api_token(sqlite_world: World) -> None:
    add_person(sqlite_world.app, "hana", {Role.HANDLER}, password=TEST_PASSWORD)
    browser = _browser(sqlite_world)
    sign_in(browser, "hana")
    page = browser.get("/account")
    assert page.status_code == 200 and "Hana" in page.text
    token = csrf_of(page.text)
    assert browser.post("/account/tokens", data={"csrf": token, "name": ""}).status_code == 422
    made = browser.post("/account/tokens", data={"csrf": token, "name": "scanner dock 3"})
    assert made.status_code == 201
    secret = re.search(r'<code class="secret">(rvl_[^<]+)</code>', made.text)
    assert secret, "the new token is shown once"
    # The list shows its first characters only, never the token again.
    listed = browser.get("/account").text
    assert "scanner dock 3" in listed and secret.group(1) not in listed
    scanner = TestClient(
        browser.app,
        base_url="http://localhost",
        headers={"Authorization": f"Bearer {secret.group(1)}"},
    )
    assert scanner.get(f"{API}/auth/me").json()["login"] == "hana"
    token_id = re.search(r'action="/account/tokens/(\d+)/revoke"', listed)
    assert token_id
    revoked = browser.post(
        f"/account/tokens/{token_id.group(1)}/revoke",
        data={"csrf": token},
        follow_redirects=False,
    )
    assert revoked.status_code == 303
    assert scanner.get(f"{API}/auth/me").status_code == 401
