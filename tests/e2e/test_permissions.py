"""Every route and page declares the permission of its use case, and answers by it: 401
(or the login page) without a user, 403 for a role the permission table does not give it,
and neither for a role it does. A new route that forgets its permission fails here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient

from revalo.domain.people import ROLE_PERMISSIONS, Permission, Role
from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.deps import SIGNED_IN, requirement_of
from tests.conftest import World
from tests.people import add_person, token_of

#: What anybody may ask: the login form, the health check, the language switch (a cookie of
#: the pages' language, nothing else), and the customers' return portal (``PORTAL``).
#: the pages' language, nothing else), the satisfaction survey (its link's token is the
#: customer's proof).
PUBLIC = {
    ("GET", "/login"),
    ("POST", "/login"),
    ("GET", "/health"),
    ("GET", "/lang/{code}"),
    ("GET", "/survey/{token}"),
    ("POST", "/survey/{token}"),
}
#: The return portal's doors: finding an order needs its e-mail or postcode; a return's
#: doors need its link's secret, and open that one return only (tests/e2e/test_portal_*).
PORTAL = {
    ("GET", "/portal"),
    ("POST", "/portal/find"),
    ("POST", "/portal/return"),
    ("GET", "/portal/r/{token}"),
    ("POST", "/portal/r/{token}/label"),
    ("GET", "/portal/r/{token}/label.pdf"),
    ("POST", "/portal/r/{token}/keep"),
    ("POST", "/portal/r/{token}/photos"),
    ("GET", "/portal/r/{token}/photos/{photo_id}"),
    ("POST", "/api/v1/portal/orders/find"),
    ("POST", "/api/v1/portal/returns"),
    ("GET", "/api/v1/portal/returns/{token}"),
    ("POST", "/api/v1/portal/returns/{token}/label"),
    ("GET", "/api/v1/portal/returns/{token}/label"),
    ("POST", "/api/v1/portal/returns/{token}/keep"),
    ("POST", "/api/v1/portal/returns/{token}/photos"),
}
PUBLIC |= PORTAL
PUBLIC_FORMS = {"/login", "/survey/{}"}
TEMPLATES = Path(__file__).resolve().parents[2] / "src/revalo/entrypoints/web/templates"


def _requirements(dependant: Dependant) -> list[Permission | str]:
    found = []
    for sub in dependant.dependencies:
        need = requirement_of(sub.call)
        if need is not None:
            found.append(need)
        found += _requirements(sub)
    return found


def routes(api: FastAPI) -> Iterator[tuple[str, str, list[Permission | str]]]:
    """Every route of the application, those of included routers too."""
    for route in iter_route_contexts(api.routes):
        dependant = getattr(route, "dependant", None)
        if isinstance(dependant, Dependant) and route.path and route.methods:
            for method in sorted(route.methods - {"HEAD"}):
                yield method, route.path, _requirements(dependant)


@pytest.fixture
def api(sqlite_world: World) -> FastAPI:
    return create_app(sqlite_world.app)


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "X-1", path)


def test_every_route_declares_one_permission(api: FastAPI) -> None:
    missing, several = [], []
    for method, path, needs in routes(api):
        if (method, path) in PUBLIC:
            assert not needs, f"{method} {path} is public: it needs no user"
        elif not needs:
            missing.append(f"{method} {path}")
        elif len(set(needs)) > 1:
            several.append(f"{method} {path}: {needs}")
    assert missing == [], "these routes need need(Permission.X) or need_signed_in"
    assert several == []
    # The walk covers every route of the OpenAPI schema.
    schema = {
        (m.upper(), p)
        for p, ops in api.openapi()["paths"].items()
        for m in ops
        if m in {"get", "post", "put", "patch", "delete"}
    }
    walked = {(m, p) for m, p, _ in routes(api)}
    assert schema and schema <= walked


def test_every_web_form_posts_to_a_route_with_a_permission_and_carries_the_csrf_token(
    api: FastAPI,
) -> None:
    posts = {re.sub(r"\{[^}]+\}", "{}", p): needs for m, p, needs in routes(api) if m == "POST"}
    forms = 0
    for template in TEMPLATES.glob("*.html"):
        for form in re.findall(
            r"<form[^>]*method=\"post\"[^>]*>.*?</form>", template.read_text(), re.S
        ):
            forms += 1
            action = re.search(r'action="([^"]*)"', form)
            assert action, f"a form of {template.name} has no action"
            # A trailing expression is the query string (the page's filters, kept).
            path = re.sub(r"\{\{[^}]*\}\}", "{}", action.group(1))
            path = path if path in posts else path.removesuffix("{}")
            assert path in posts, f"{template.name} posts to {path}, which is no route"
            if path not in PUBLIC_FORMS:
                assert posts[path], f"{path} has no permission"
                assert 'name="csrf" value="{{ csrf }}"' in form, f"{template.name}: {path}"
    assert forms >= 10


def test_without_a_user_nothing_answers_but_the_public_doors(api: FastAPI) -> None:
    client = TestClient(api, base_url="http://localhost")
    for method, path, _ in routes(api):
        if (method, path) in PUBLIC:
            continue
        answer = client.request(method, _url(path), follow_redirects=False)
        where = f"{method} {path}"
        if path.startswith("/api/") or path == "/openapi.json":
            assert answer.status_code == 401, where
            assert answer.headers["www-authenticate"].startswith("Bearer"), where
        else:
            assert answer.status_code == 303, where
            assert answer.headers["location"].startswith("/login"), where
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/login").status_code == 200
    assert client.get("/static/app.css").status_code == 200


def test_the_public_doors_are_the_listed_ones_and_the_portal_forms_carry_its_token(
    api: FastAPI,
) -> None:
    """Every route without a permission is listed above: a new public door is a choice."""
    public = {(m, p) for m, p, needs in routes(api) if not needs}
    assert public == PUBLIC
    for template in (TEMPLATES / "portal").glob("*.html"):
        for form in re.findall(
            r"<form[^>]*method=\"post\"[^>]*>.*?</form>", template.read_text(), re.S
        ):
            action = re.search(r'action="([^"]*)"', form)
            assert action and action.group(1).startswith("/portal/"), template.name
            assert 'name="csrf" value="{{ csrf }}"' in form, f"{template.name}: {action.group(1)}"


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_gets_what_the_permission_table_gives_it(
    api: FastAPI, sqlite_world: World, role: Role
) -> None:
    user = add_person(
        sqlite_world.app,
        f"walk.{role.value}".replace("_", "-"),
        {role},
        partner_sites={"REP-FR"} if role is Role.PARTNER else (),
        client_code="ACME" if role is Role.CLIENT else None,
    )
    headers = {"Authorization": f"Bearer {token_of(sqlite_world.app, user)}"}
    client = TestClient(api, base_url="http://localhost", headers=headers)
    checked = 0
    for method, path, needs in routes(api):
        if (method, path) in PUBLIC:
            continue
        need = needs[0]
        allowed = need == SIGNED_IN or need in ROLE_PERMISSIONS[role]
        answer = client.request(method, _url(path), follow_redirects=False)
        where = f"{role.value}: {method} {path} ({need})"
        assert answer.status_code != 401, where
        if allowed:
            assert answer.status_code != 403, f"{where}: {answer.text[:300]}"
        else:
            assert answer.status_code == 403, where
            assert str(need) in answer.text, where
        checked += 1
    assert checked > 60
