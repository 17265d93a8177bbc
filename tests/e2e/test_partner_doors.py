"""The partners' records on the shared demo, through the service, the API, the page and the
command line: every figure is what the units' events say, and a partner sees its own."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.bootstrap import App, bootstrap
from revalo.demo.team import DEMO_PASSWORD
from revalo.domain.errors import InvalidValue, PermissionDenied
from revalo.domain.people import User
from revalo.entrypoints.api import create_app
from revalo.services import partners
from revalo.settings import Settings
from tests.demo_builds import LAST, demo_copy
from tests.e2e.conftest import API, revalo
from tests.e2e.test_sessions import sign_in
from tests.people import token_of

FIRST = date(2025, 1, 1)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, Path]]:
    path = tmp_path_factory.mktemp("partners") / "demo.db"
    app = bootstrap(Settings(database_url=demo_copy(tmp_path_factory, path)))
    yield app, path
    app.close()


def _user(app: App, login: str) -> User:
    with app.read_uow() as uow:
        user = uow.users.by_login(login)
    assert user is not None
    return user


def _count(app: App, sql: str) -> dict[str, int]:
    with app.engine.connect() as conn:
        return {code: int(n) for code, n in conn.execute(sa.text(sql))}


def test_every_figure_is_what_the_units_events_say(demo: tuple[App, Path]) -> None:
    app, _ = demo
    found = partners.partner_records(
        app.read_uow(), by=_user(app, "c.moreau"), first=FIRST, last=LAST
    )
    records = {r.code: r for r in found.records}
    arrived = _count(
        app, "select site_code, count(*) from unit_events where type = 'arrived' group by 1"
    )
    worked = _count(
        app, "select site_code, count(*) from unit_events where type = 'work_completed' group by 1"
    )
    # Handed over: sent to the site for good, or sold in a B2B lot the site bought.
    handed = _count(
        app,
        "select code, count(distinct unit_id) from ("
        " select json_extract(detail, '$.destination_site') as code, unit_id from unit_events"
        " where type = 'dispatched' and json_extract(detail, '$.destination_site') is not null"
        " union all select l.buyer_site, e.unit_id from unit_events e join lots l on l.id ="
        " cast(substr(json_extract(e.detail, '$.lot'), 4) as integer) where e.type ="
        " 'dispatched' and json_extract(e.detail, '$.lot') is not null"
        ") group by code",
    )
    kinds = _count(
        app, "select kind, count(*) from sites where kind not like 'returns_hub' group by 1"
    )
    assert len(records) == sum(kinds.values())
    for code, r in records.items():
        assert r.arrived == arrived.get(code, 0), code
        assert r.work_done == worked.get(code, 0), code
        assert r.handed_over == handed.get(code, 0), code
        assert r.left <= r.arrived
    busy = [r for r in records.values() if r.left]
    assert busy, "units came back from a workshop in the demo"
    for r in busy:
        assert r.turnaround_median_days is not None and r.turnaround_p90_days is not None
        assert 0 <= r.turnaround_median_days <= r.turnaround_p90_days
    assert any(r.handed_over for r in records.values())


def test_a_partner_sees_its_own_record_only(demo: tuple[App, Path]) -> None:
    app, _ = demo
    partner = _user(app, "partner")
    own = partners.partner_records(app.read_uow(), by=partner, first=FIRST, last=LAST)
    assert [r.code for r in own.records] == sorted(partner.partner_sites)
    with pytest.raises(PermissionDenied):
        partners.partner_records(app.read_uow(), by=partner, site_code="REF-NL")
    with pytest.raises(InvalidValue, match="after it ends"):
        partners.partner_records(app.read_uow(), by=partner, first=LAST, last=FIRST)
    with pytest.raises(InvalidValue, match="at most 366 days"):
        partners.partner_records(app.read_uow(), by=partner, first=date(2020, 1, 1), last=LAST)


def test_the_records_by_api_page_and_command(demo: tuple[App, Path]) -> None:
    app, path = demo
    manager = {"Authorization": f"Bearer {token_of(app, _user(app, 'c.moreau'))}"}
    period = {"from": FIRST.isoformat(), "to": LAST.isoformat()}
    with TestClient(create_app(app), base_url="http://localhost") as client:
        listed = client.get(f"{API}/partners", params=period, headers=manager)
        assert listed.status_code == 200, listed.text
        body = listed.json()
        assert body["first"] == FIRST.isoformat() and body["items"]
        one = client.get(f"{API}/partners/REF-NL", params=period, headers=manager)
        assert one.status_code == 200 and one.json()["code"] == "REF-NL"
        assert one.json() == next(i for i in body["items"] if i["code"] == "REF-NL")
        assert client.get(f"{API}/partners/HUB-CENTRAL", headers=manager).status_code == 404
        bad = client.get(
            f"{API}/partners", params={"from": "2025-02-10", "to": "2025-02-01"}, headers=manager
        )
        assert bad.status_code == 422 and "after it ends" in bad.text
        partner = {"Authorization": f"Bearer {token_of(app, _user(app, 'partner'))}"}
        theirs = client.get(f"{API}/partners", params=period, headers=partner).json()["items"]
        assert [i["code"] for i in theirs] == sorted(_user(app, "partner").partner_sites)
        assert client.get(f"{API}/partners/REF-NL", headers=partner).status_code == 403
        client_user = {"Authorization": f"Bearer {token_of(app, _user(app, 'client'))}"}
        assert client.get(f"{API}/partners", headers=client_user).status_code == 403
    with TestClient(create_app(app), base_url="http://localhost") as browser:
        assert sign_in(browser, "c.moreau", DEMO_PASSWORD).status_code == 303
        browser.get("/lang/en")
        shown = browser.get("/partners", params=period)
        assert shown.status_code == 200 and "REF-NL" in shown.text and "Turnaround" in shown.text
        wrong = browser.get("/partners", params={"from": "2025-02-10", "to": "2025-02-01"})
        assert wrong.status_code == 422 and "after it ends" in wrong.text
    said = revalo("partners", "--db", path, "--from", "2025-01-01", "--to", LAST.isoformat())
    assert said.exit_code == 0, said.output
    assert "REF-NL" in said.output and "right first time" in said.output
