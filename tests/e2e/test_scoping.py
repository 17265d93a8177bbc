"""A partner sees and handles only what is at or sent to its sites, a client only its own
goods, by every route: lists, details, timelines, journeys, exports, work orders, pages and
the writes a partner may make."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from revalo.domain.clients import Client
from revalo.domain.credentials import AuditOutcome
from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import Role, User
from revalo.entrypoints.api import create_app
from revalo.services import catalog, clients, queries, returns
from revalo.services.people_ports import AuditFilter
from revalo.services.ports import UnitFilter
from tests.conftest import World
from tests.e2e.conftest import API, ok
from tests.integration.flows import decide, gs1, line, received_unit, scan
from tests.people import add_person, person, token_of


def _as(world: World, login: str, role: Role, **scope: object) -> TestClient:
    user = add_person(world.app, login, {role}, **scope)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token_of(world.app, user)}"}
    return TestClient(create_app(world.app), base_url="http://localhost", headers=headers)


@pytest.fixture
def partner_case(sqlite_world: World) -> tuple[World, str, str]:
    """A laptop decided for repair at REP-FR (sent there), and a drill left at HUB-FR."""
    w = sqlite_world
    sent = received_unit(w, w.laptop, "SN-P1")
    decide(w, sent, DispositionRoute.REPAIR, "REP-FR")
    kept = received_unit(w, w.drill, "SN-P2")
    return w, sent, kept


def test_a_partner_sees_only_what_is_at_or_sent_to_its_sites(
    partner_case: tuple[World, str, str],
) -> None:
    w, sent, kept = partner_case
    rep = _as(w, "rep.lille", Role.PARTNER, partner_sites={"REP-FR"})
    listed = ok(rep.get(f"{API}/units"))
    assert [u["lpn"] for u in listed["data"]] == [sent] and listed["count"] == 1
    assert ok(rep.get(f"{API}/units/{sent}"))["lpn"] == sent
    for path in (f"/units/{kept}", f"/units/{kept}/timeline", f"/units/{kept}/journey"):
        answer = rep.get(API + path)
        assert answer.status_code == 403, path
        assert "REP-FR" in answer.text, path
    assert rep.get(f"{API}/units", params={"site_code": "HUB-FR"}).status_code == 403
    # Each refusal is in the audit trail, with whom and what.
    with w.app.read_uow() as uow:
        trail = uow.audit.list(AuditFilter(actor="rep.lille"), limit=50, offset=0).items
    refused = [e for e in trail if e.outcome is AuditOutcome.REFUSED]
    assert len(refused) == 4 and {e.action for e in refused} == {"view_units"}
    assert any(kept in e.target for e in refused)
    assert rep.get(f"/units/{kept}").status_code == 403  # the page too
    assert rep.get(f"/units/{sent}").status_code == 200
    station = rep.get("/station").text  # it receives at its own sites only
    assert 'value="REP-FR"' in station and 'value="HUB-FR"' not in station
    # Its work orders are those at its sites; another site's are refused.
    orders = ok(rep.get(f"{API}/work-orders"))["data"]
    assert orders and {o["site_code"] for o in orders} == {"REP-FR"}
    with w.app.uow() as uow:
        elsewhere = [
            o
            for o in uow.work_orders.list(site_codes=None, states=None, limit=100, offset=0).items
            if o.site_code != "REP-FR"
        ]
    for order in elsewhere:
        assert rep.get(f"{API}/work-orders/{order.id}").status_code == 403
        assert rep.post(f"{API}/work-orders/{order.id}/start").status_code == 403
    # It accepts deliveries at its own site only.
    refused = rep.post(f"{API}/receiving/scan", json={"code": kept, "site_code": "HUB-FR"})
    assert refused.status_code == 403 and "receive" in refused.text


def test_a_partner_export_holds_only_its_units(partner_case: tuple[World, str, str]) -> None:
    w, sent, _ = partner_case
    out = io.StringIO()
    from revalo.services import exports

    rep = add_person(w.app, "rep.export", {Role.PARTNER}, partner_sites={"REP-FR"})
    assert exports.export_units(w.app.read_uow(), out, UnitFilter(), by=rep) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["lpn"] for r in rows] == [sent]


@pytest.fixture
def client_case(sqlite_world: World) -> tuple[World, str, str]:
    """A unit of client ACME's return, and one of the provider's own."""
    w = sqlite_world
    clients.add_client(w.app.uow(), Client("ACME", "Acme Shoes"), by=person("operator"))
    catalog.give_product_to_client(w.app.uow(), "TEE-M", "ACME", by=person("operator"))
    mine = returns.request_return(
        w.app.uow(),
        w.app.policy,
        customer_code="C-ANNE",
        lines=[line("TEE-M")],
        delivered_at=w.now - timedelta(days=5),
        by=person("portal"),
        requested_at=w.now,
        client_code="ACME",
    )
    own = scan(w, gs1(w.tshirt)).unit
    theirs = received_unit(w, w.laptop, "SN-C2")
    assert own is not None and own.client_code == "ACME"
    return w, mine.number, theirs


def test_a_client_sees_only_its_own_goods_in_every_list_and_total(
    client_case: tuple[World, str, str],
) -> None:
    w, number, other = client_case
    acme = _as(w, "acme.viewer", Role.CLIENT, client_code="ACME")
    units = ok(acme.get(f"{API}/units"))
    assert units["count"] == 1 and {u["client_code"] for u in units["data"]} == {"ACME"}
    returns = ok(acme.get(f"{API}/returns"))
    assert [r["number"] for r in returns["data"]] == [number]
    assert acme.get(f"{API}/units/{other}").status_code == 403
    assert acme.get(f"{API}/units/{other}/timeline").status_code == 403
    assert acme.get(f"{API}/units/{other}/journey").status_code == 403
    with w.app.read_uow() as uow:
        others = [
            r
            for r in uow.returns.list(queries.ReturnFilter(), limit=50, offset=0).items
            if r.client_code != "ACME"
        ]
    assert others
    for rma in others:
        assert acme.get(f"{API}/returns/{rma.number}").status_code == 403
        assert acme.get(f"/returns/{rma.number}").status_code == 403
    # Another client's figures are refused, not answered empty.
    assert acme.get(f"{API}/units", params={"client_code": "OTHER"}).status_code == 403
    # The dashboard counts ACME's goods only: the same as the manager's filtered by ACME.
    page = acme.get("/")
    assert page.status_code == 200
    other_client = "Other Firm"
    clients.add_client(w.app.uow(), Client("OTHER", other_client), by=person("operator"))
    assert "Acme Shoes" in acme.get("/").text and other_client not in acme.get("/").text
    from revalo.services import dashboard as board

    admin = person("reader")
    theirs = board.dashboard(w.app.read_uow(), by=admin, client_code="ACME", days=None)
    everybody = board.dashboard(w.app.read_uow(), by=admin, days=None)
    seen = board.dashboard(w.app.read_uow(), by=acme_user(w), days=None)
    assert seen.received == theirs.received == 1 < everybody.received
    assert seen.in_stock == theirs.in_stock
    # It changes nothing of the warehouse's.
    assert acme.post(f"{API}/units/{other}/quarantine", json={"reason": "x"}).status_code == 403


def acme_user(w: World) -> User:
    """The client user the test added, as the services see it."""
    with w.app.read_uow() as uow:
        user = uow.users.by_login("acme.viewer")
    assert user is not None
    return user
