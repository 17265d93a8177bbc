"""The partners' terms on the shared demo, through the API, the page and the command line:
the demo's terms with their versions, a new version agreed at each door, bad input refused
with nothing written, and a partner reading its own terms only."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.bootstrap import App, bootstrap
from revalo.demo.partner_terms import REF_NL_LATER, TERMS
from revalo.demo.team import DEMO_PASSWORD
from revalo.entrypoints.api import create_app
from revalo.settings import Settings
from tests.demo_builds import LAST, demo_copy
from tests.e2e.conftest import API, revalo
from tests.e2e.test_partner_doors import _user
from tests.e2e.test_sessions import csrf_of, sign_in
from tests.people import token_of

PERIOD = {"from": "2025-01-27", "to": LAST.isoformat()}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, Path]]:
    path = tmp_path_factory.mktemp("partner_terms") / "demo.db"
    app = bootstrap(Settings(database_url=demo_copy(tmp_path_factory, path)))
    yield app, path
    app.close()


def _versions(app: App, code: str) -> list[tuple[int, str | None, int | None]]:
    with app.engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "select version, price_share, turnaround_days from partner_terms"
                " where site_code = :code order by version"
            ),
            {"code": code},
        )
        return [(int(v), s, d) for v, s, d in rows]


def _bearer(app: App, login: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_of(app, _user(app, login))}"}


def test_the_demo_agreed_its_partners_terms_and_renegotiated_one(demo: tuple[App, Path]) -> None:
    app, _ = demo
    with app.engine.connect() as conn:
        sites = {
            c for (c,) in conn.execute(sa.text("select distinct site_code from partner_terms"))
        }
    assert sites == set(TERMS)
    assert [d for _, _, d in _versions(app, "REF-NL")] == [TERMS["REF-NL"][1], REF_NL_LATER]
    with TestClient(create_app(app), base_url="http://localhost") as client:
        manager = _bearer(app, "c.moreau")
        listed = client.get(f"{API}/partners/REF-NL/terms", headers=manager)
        assert listed.status_code == 200, listed.text
        assert [t["version"] for t in listed.json()] == [2, 1]
        record = client.get(f"{API}/partners/REF-NL", params=PERIOD, headers=manager).json()
        # The version in force on the period's last day, held against the record.
        assert record["terms"]["version"] == 2
        checks = {c["term"]: c for c in record["checks"]}
        assert float(checks["turnaround"]["agreed"]) == REF_NL_LATER
        p90 = record["turnaround_p90_days"]
        measured = checks["turnaround"]["measured"]
        assert (measured is None) == (p90 is None)
        if p90 is not None:
            assert float(measured) == p90
            assert checks["turnaround"]["met"] == (p90 <= REF_NL_LATER)


def test_terms_agreed_by_api_bad_ones_refused_and_partners_kept_to_their_own(
    demo: tuple[App, Path],
) -> None:
    app, _ = demo
    with TestClient(create_app(app), base_url="http://localhost") as client:
        manager, partner = _bearer(app, "c.moreau"), _bearer(app, "partner")
        before = _versions(app, "REP-FR-IT")
        for bad, said in [
            ({"price_share": 1.5}, "less than or equal to 1"),
            ({}, "agree at least one term"),
            ({"turnaround_days": 5, "colour": "red"}, "colour"),
        ]:
            refused = client.post(f"{API}/partners/REP-FR-IT/terms", json=bad, headers=manager)
            assert refused.status_code == 422 and said in refused.text, refused.text
        assert (
            client.post(
                f"{API}/partners/HUB-CENTRAL/terms", json={"turnaround_days": 5}, headers=manager
            ).status_code
            == 404
        )
        assert (
            client.post(
                f"{API}/partners/REP-FR-IT/terms", json={"turnaround_days": 5}, headers=partner
            ).status_code
            == 403
        )
        assert _versions(app, "REP-FR-IT") == before
        made = client.post(
            f"{API}/partners/REP-FR-IT/terms",
            json={"valid_from": "2025-02-10", "turnaround_days": 6, "first_time_right": 0.9},
            headers=manager,
        )
        assert made.status_code == 201, made.text
        assert made.json()["version"] == len(before) + 1 and made.json()["set_by"] == "c.moreau"
        own = client.get(f"{API}/partners/REP-FR-IT/terms", headers=partner)
        assert own.status_code == 200 and own.json()[0]["turnaround_days"] == 6
        assert client.get(f"{API}/partners/REF-NL/terms", headers=partner).status_code == 403
        assert (
            client.get(f"{API}/partners/REF-NL/terms", headers=_bearer(app, "client")).status_code
            == 403
        )


def test_terms_on_the_page_and_by_command(demo: tuple[App, Path]) -> None:
    app, path = demo
    with TestClient(create_app(app), base_url="http://localhost") as browser:
        assert sign_in(browser, "c.moreau", DEMO_PASSWORD).status_code == 303
        browser.get("/lang/en")
        shown = browser.get("/partners", params=PERIOD)
        assert shown.status_code == 200
        assert 'id="partner-terms-table"' in shown.text and "version 2" in shown.text
        token = csrf_of(shown.text)
        before = _versions(app, "RES-FR")
        bad = browser.post(
            "/partners/terms",
            data={"csrf": token, "site_code": "RES-FR", "price_share": "a third"},
        )
        assert bad.status_code == 200 and "price_share must be a share" in bad.text
        assert _versions(app, "RES-FR") == before
        browser.post(
            "/partners/terms",
            data={"csrf": token, "site_code": "RES-FR", "price_share": "35", "note": "new deal"},
        )
        assert _versions(app, "RES-FR")[-1][1:] == ("0.35", None)
        browser.get("/lang/fr")
        french = browser.get("/partners", params=PERIOD).text
        assert "Conditions" in french and "Part du prix" in french
    with TestClient(create_app(app), base_url="http://localhost") as partner:
        assert sign_in(partner, "partner", DEMO_PASSWORD).status_code == 303
        page = partner.get("/partners", params=PERIOD).text
        assert 'id="partner-terms-form"' not in page and "REF-NL" not in page
    said = revalo(
        "partner-terms", "set", "rep-es-it", "--turnaround", "6", "--first-time-right", "92 %",
        "--as", "c.moreau", "--db", path,
    )  # fmt: skip
    assert said.exit_code == 0, said.output
    assert "Terms of REP-ES-IT agreed: version 2" in said.output
    refused = revalo(
        "partner-terms", "set", "REP-ES-IT", "--price-share", "2", "--as", "c.moreau", "--db", path
    )
    assert refused.exit_code != 0 and "price_share must be from 0 to 100 %" in refused.output
    listed = revalo("partner-terms", "list", "REP-ES-IT", "--db", path)
    assert listed.exit_code == 0 and "92.0 %" in listed.output and "c.moreau" in listed.output
