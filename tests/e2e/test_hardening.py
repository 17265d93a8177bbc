"""A server others can reach: only its own host names, and the headers a reviewer expects."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi.testclient import TestClient

from revalo.entrypoints.api import create_app
from revalo.entrypoints.api.hardening import host_allowed, host_name
from revalo.entrypoints.api.server import exposure_warnings
from revalo.settings import LOOPBACK_HOSTS, Settings
from tests.conftest import World
from tests.e2e.conftest import API, refused
from tests.people import bearer

TEMPLATES = Path(__file__).resolve().parents[2] / "src/revalo/entrypoints/web/templates"


def test_a_request_naming_another_host_is_refused_and_changes_nothing(client: TestClient) -> None:
    before = client.get(f"{API}/returns").json()["count"]
    body = {"customer_code": "C-ANNE", "order_ref": "SO-EVIL", "lines": []}
    r = client.post(f"{API}/returns", json=body, headers={"Host": "attacker.example"})
    message = refused(r, 400, "host")
    assert "attacker.example" in message and "REVALO_ALLOWED_HOSTS" in message
    assert client.get("/", headers={"Host": "attacker.example:8000"}).status_code == 400
    assert client.get(f"{API}/returns").json()["count"] == before


def test_loopback_names_are_served(client: TestClient) -> None:
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000"):
        assert client.get(f"{API}/sites", headers={"Host": host}).status_code == 200, host


def test_host_names_and_patterns() -> None:
    assert host_name("Example.COM:443") == "example.com"
    assert host_name("[::1]:8000") == "[::1]"
    assert host_allowed("returns.example.com", [".example.com"])
    assert host_allowed("example.com", [".example.com"])
    assert not host_allowed("badexample.com", [".example.com"])
    assert host_allowed("anything", ["*"])
    assert not host_allowed("attacker.example", LOOPBACK_HOSTS)


def test_every_answer_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/", f"{API}/sites", "/static/app.css", "/no-such-page", "/openapi.json"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp, path
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, path
        assert r.headers["x-content-type-options"] == "nosniff", path
        assert r.headers["referrer-policy"] == "same-origin", path


def test_no_page_has_inline_script_or_style() -> None:
    for template in sorted(TEMPLATES.glob("*.html")):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), template.name
        assert not re.search(r"\sstyle=|<style|\son[a-z]+=", text), template.name


def test_the_api_documentation_runs_only_its_own_inline_script(client: TestClient) -> None:
    r = client.get("/docs")
    assert r.status_code == 200
    inline = re.search(r"<script>(.*?)</script>", r.text, re.DOTALL)
    assert inline is not None
    digest = base64.b64encode(hashlib.sha256(inline.group(1).encode()).digest()).decode()
    csp = r.headers["content-security-policy"]
    assert f"'sha256-{digest}'" in csp and "unsafe-inline" not in csp


def test_allowed_hosts_come_from_the_settings(sqlite_world: World, monkeypatch) -> None:
    monkeypatch.setenv("REVALO_ALLOWED_HOSTS", "returns.example.com, .acme.test")
    settings = Settings.from_env(sqlite_world.app.settings.database_url)
    assert settings.allowed_hosts == ("returns.example.com", ".acme.test")
    sqlite_world.app.settings = settings
    headers = bearer(sqlite_world.app)
    with TestClient(
        create_app(sqlite_world.app), base_url="http://returns.example.com", headers=headers
    ) as http:
        assert http.get(f"{API}/sites").status_code == 200
        assert http.get(f"{API}/sites", headers={"Host": "wms.acme.test"}).status_code == 200
        assert http.get(f"{API}/sites", headers={"Host": "localhost"}).status_code == 400


def test_serving_beyond_this_machine_warns_until_https_and_hosts_are_declared() -> None:
    local = Settings(database_url="sqlite://")
    assert exposure_warnings("127.0.0.1", local) == []
    assert exposure_warnings("::1", local) == []
    warned = exposure_warnings("0.0.0.0", local)
    assert len(warned) == 2
    assert "REVALO_HTTPS_PROXY" in warned[0] and "REVALO_ALLOWED_HOSTS" in warned[1]
    declared = Settings(database_url="sqlite://", https_proxy=True, allowed_hosts=("wms.acme",))
    assert exposure_warnings("0.0.0.0", declared) == []
