"""Disputes with partners on the shared demo, through the API, the page and the command line:
the demo's disputes, one opened and settled at each door, bad input refused with nothing
written, and a partner kept to its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.bootstrap import App, bootstrap
from revalo.demo.team import DEMO_PASSWORD, PARTNER_SITE
from revalo.entrypoints.api import create_app
from revalo.settings import Settings
from tests.demo_builds import demo_copy
from tests.e2e.conftest import API, revalo
from tests.e2e.test_partner_doors import _user
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.people import token_of


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, Path]]:
    path = tmp_path_factory.mktemp("partner_disputes") / "demo.db"
    app = bootstrap(Settings(database_url=demo_copy(tmp_path_factory, path)))
    yield app, path
    app.close()


def _rows(app: App) -> list[tuple[int, str, str, str | None]]:
    with app.engine.connect() as conn:
        rows = conn.execute(
            sa.text("select id, site_code, state, settled_by from partner_disputes order by id")
        )
        return [(int(i), s, st, by) for i, s, st, by in rows]


def _bearer(app: App, login: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(app, _user(app, login))}"}


def _arrived_at(app: App, site: str) -> str:
    with app.engine.connect() as conn:
        lpn = conn.scalar(
            sa.text(
                "select u.lpn from unit_events e join units u on u.id = e.unit_id"
                " where e.type = 'arrived' and e.site_code = :site order by e.id limit 1"
            ),
            {"site": site},
        )
    assert lpn, f"a unit came to {site} in the demo"
    return str(lpn)


def test_the_demo_has_disputes_opened_and_settled(demo: tuple[App, Path]) -> None:
    app, _ = demo
    states = {(site, state) for _, site, state, _ in _rows(app)}
    assert (PARTNER_SITE, "accepted") in states and ("REF-NL", "open") in states
    assert any(state == "rejected" for _, state in states)


def test_disputes_by_api_with_bad_input_refused_and_partners_kept_to_their_own(
    demo: tuple[App, Path],
) -> None:
    app, _ = demo
    lpn = _arrived_at(app, "REF-NL")
    with TestClient(create_app(app), base_url="http://localhost") as client:
        manager, finance = _bearer(app, "c.moreau"), _bearer(app, "finance")
        partner = _bearer(app, "partner")
        before = _rows(app)
        for bad, said in [
            ({"site_code": "REF-NL", "kind": "angry", "text": "x"}, "kind"),
            ({"site_code": "REF-NL", "kind": "late", "text": ""}, "text"),
            ({"site_code": "REF-NL", "kind": "late", "text": "x", "amount_eur": -1}, "amount"),
            ({"site_code": PARTNER_SITE, "kind": "damaged", "text": "x", "lpn": lpn}, "never"),
        ]:
            refused = client.post(f"{API}/disputes", json=bad, headers=manager)
            assert refused.status_code == 422 and said in refused.text, refused.text
        other = {"site_code": "REF-NL", "kind": "late", "text": "slow"}
        assert client.post(f"{API}/disputes", json=other, headers=partner).status_code == 403
        assert _rows(app) == before
        made = client.post(
            f"{API}/disputes",
            json={"site_code": "REF-NL", "kind": "damaged", "text": "dented", "lpn": lpn,
                  "amount_eur": 60},
            headers=manager,
        )  # fmt: skip
        assert made.status_code == 201, made.text
        body = made.json()
        assert (body["lpn"], body["state"], body["by_partner"]) == (lpn, "open", False)
        settle = f"{API}/disputes/{body['id']}/settle"
        own = client.post(settle, json={"accept": True}, headers=manager)
        assert own.status_code == 409 and "someone else settles it" in own.text
        assert client.post(settle, json={"accept": True}, headers=partner).status_code == 403
        done = client.post(settle, json={"accept": True, "credit_eur": 45}, headers=finance)
        assert done.status_code == 200 and done.json()["credit_eur"] == "45.00", done.text
        again = client.post(settle, json={"accept": False, "note": "no"}, headers=finance)
        assert again.status_code == 409 and "accepted already" in again.text
        theirs = client.get(f"{API}/disputes", headers=partner).json()
        assert theirs["count"] >= 1 and {d["site_code"] for d in theirs["data"]} == {PARTNER_SITE}
        assert client.get(f"{API}/disputes/{body['id']}", headers=partner).status_code == 403
        assert client.get(f"{API}/disputes/{body['id']}", headers=manager).status_code == 200
        assert client.get(f"{API}/disputes/999999", headers=manager).status_code == 404
        record = client.get(f"{API}/partners/{PARTNER_SITE}", headers=partner).json()
        assert record["disputes"]["accepted"] >= 1


def test_disputes_on_the_page_and_by_command(demo: tuple[App, Path]) -> None:
    app, path = demo
    with TestClient(create_app(app), base_url="http://localhost") as browser:
        assert sign_in(browser, "partner", DEMO_PASSWORD).status_code == 303
        browser.get("/lang/en")
        shown = browser.get("/partners/disputes")
        assert shown.status_code == 200 and 'id="dispute-form"' in shown.text
        assert "REF-NL" not in shown.text
        before = _rows(app)
        bad = browser.post(
            "/partners/disputes",
            data={"csrf": csrf_of(shown.text), "site_code": PARTNER_SITE, "kind": "late",
                  "text": "x", "amount_eur": "many"},
        )  # fmt: skip
        assert bad.status_code == 200 and "many" in bad.text
        assert _rows(app) == before
        browser.post(
            "/partners/disputes",
            data={"csrf": csrf_of(shown.text), "site_code": PARTNER_SITE, "kind": "other",
                  "text": "colis incomplet"},
        )  # fmt: skip
        [(made, site, state, _)] = [r for r in _rows(app) if r not in before]
        assert (site, state) == (PARTNER_SITE, "open")
    with TestClient(create_app(app), base_url="http://localhost") as finance:
        assert sign_in(finance, "finance", DEMO_PASSWORD).status_code == 303
        finance.get("/lang/fr")
        page = finance.get("/partners/disputes", params={"state": "open"})
        assert page.status_code == 200 and f"/partners/disputes/{made}/settle" in page.text
        assert "Litiges" in page.text
        finance.post(
            f"/partners/disputes/{made}/settle",
            data={"csrf": csrf_of(page.text), "outcome": "reject", "note": "déjà livré"},
        )
        assert [r[2] for r in _rows(app) if r[0] == made] == ["rejected"]
    said = revalo(
        "disputes", "open", "REF-NL", "--kind", "late", "--text", "slow again",
        "--as", "c.moreau", "--db", path,
    )  # fmt: skip
    assert said.exit_code == 0 and "opened with REF-NL" in said.output, said.output
    number = int(said.output.split("DSP")[1][:6])
    own = revalo("disputes", "settle", str(number), "--reject", "--as", "c.moreau", "--db", path)
    assert own.exit_code != 0
    settled = revalo(
        "disputes", "settle", str(number), "--reject", "--note", "agreed delay", "--as",
        "finance", "--db", path,
    )  # fmt: skip
    assert settled.exit_code == 0 and "rejected" in settled.output, settled.output
    listed = revalo("disputes", "list", "--site", "REF-NL", "--db", path)
    assert listed.exit_code == 0 and "agreed delay" in listed.output
