"""The technician's bench: the work orders at one's sites, filtered by state; on an order's
page it is started, its work recorded (minutes, results, parts), and finished, a data wipe
with its certificate of sanitisation. The same rules as the API: each form in the state it
applies to, for the roles that may, a partner at its own sites only; bad input is named
next to its field and changes nothing."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from revalo.domain.disposition import DispositionRoute
from revalo.domain.people import Role
from revalo.domain.work_orders import WorkOrder
from revalo.entrypoints.api import create_app
from revalo.services import stock
from tests.conftest import World
from tests.e2e.conftest import API, ok
from tests.integration.flows import decide, do_work, received_unit, snapshot
from tests.people import TEST_PASSWORD, add_person, person, token_of


def _as(world: World, login: str, role: Role, **scope: object) -> TestClient:
    user = add_person(world.app, login, {role}, **scope)  # type: ignore[arg-type]
    headers = {"Authorization": f"Bearer {token_of(world.app, user)}"}
    return TestClient(create_app(world.app), base_url="http://localhost", headers=headers)


@pytest.fixture
def laptop(sqlite_world: World) -> tuple[World, str, WorkOrder, WorkOrder]:
    """A laptop decided for resale at HUB-FR: its data wipe and its cleaning, both open."""
    w = sqlite_world
    lpn = received_unit(w, w.laptop, "SN-B1")
    wipe, clean = decide(w, lpn, DispositionRoute.RESELL).work_orders
    return w, lpn, wipe, clean


def _order(client: TestClient, order: WorkOrder) -> dict[str, object]:
    return ok(client.get(f"{API}/work-orders/{order.id}"))


def _error(page: str, field: str) -> str:
    """The message shown next to a field (``form``: the form's own, at the top)."""
    found = re.search(rf'id="{field}-error"[^>]*>([^<]*)<', page)
    assert found, f"no error next to {field}"
    return html.unescape(found.group(1))


def test_the_bench_lists_the_work_to_do_and_filters_by_state(
    client: TestClient, laptop: tuple[World, str, WorkOrder, WorkOrder]
) -> None:
    _, lpn, wipe, clean = laptop
    bench = client.get("/bench").text
    assert wipe.number in bench and clean.number in bench and lpn in bench
    assert f'href="/bench/{wipe.number}"' in bench and f'href="/units/{lpn}"' in bench
    ok(client.post(f"{API}/work-orders/{wipe.id}/start"))
    running = client.get("/bench", params={"state": "in_progress"}).text
    assert wipe.number in running and clean.number not in running
    assert clean.number in client.get("/bench", params={"state": "open", "site": "HUB-FR"}).text
    assert wipe.number not in client.get("/bench", params={"state": "done"}).text
    wrong = client.get("/bench", params={"state": "finished"})
    assert "must be one of: todo, open, in_progress" in _error(wrong.text, "state")
    assert wipe.number in wrong.text  # the work to do, meanwhile
    french = client.get("/bench", headers={"accept-language": "fr"}).text
    assert "Atelier : ordres de travail" in french and "effacement des données" in french


def test_an_order_is_started_recorded_and_finished_from_its_page(
    client: TestClient, laptop: tuple[World, str, WorkOrder, WorkOrder]
) -> None:
    _, lpn, _, clean = laptop
    page = client.get(f"/bench/{clean.number}").text
    assert 'id="start"' in page and 'id="record"' not in page and 'id="finish"' not in page
    started = client.post(f"/bench/{clean.number}/start", follow_redirects=False)
    assert (started.status_code, started.headers["location"]) == (303, f"/bench/{clean.number}")
    page = client.get(f"/bench/{clean.number}").text
    assert f"{clean.number} is started" in page
    assert 'id="start"' not in page and 'id="record"' in page and 'id="finish"' in page
    assert 'id="wipe"' not in page  # a cleaning has no certificate to fill in
    recorded = client.post(
        f"/bench/{clean.number}/record",
        data={
            "labour_minutes": "12",
            "notes": "keyboard cleaned, two keycaps missing",
            "part_reference": ["KEYCAP-FR", "", "FOAM-PAD"],
            "part_quantity": ["2", "", ""],
            "part_cost": ["0,80", "", "1.5"],
        },
    )
    assert f"{clean.number}: the work is recorded" in recorded.text
    assert "KEYCAP-FR" in recorded.text and "FOAM-PAD" in recorded.text
    order = _order(client, clean)
    assert (order["state"], order["labour_minutes"], order["parts_cost"]) == (
        "in_progress",
        12,
        "3.10",
    )
    assert [(p["reference"], p["quantity"]) for p in order["parts"]] == [  # type: ignore[attr-defined]
        ("KEYCAP-FR", 2),
        ("FOAM-PAD", 1),
    ]
    done = client.post(
        f"/bench/{clean.number}/finish",
        data={"outcome": "done", "labour_minutes": "3", "notes": "screen polished"},
    )
    assert f"{clean.number} is done." in done.text and 'id="closed"' in done.text
    order = _order(client, clean)
    assert (order["state"], order["labour_minutes"], order["operator"]) == ("done", 15, "operator")
    assert order["notes"] == "keyboard cleaned, two keycaps missing\nscreen polished"
    timeline = ok(client.get(f"{API}/units/{lpn}/timeline"))["data"]
    assert [e["type"] for e in timeline][-3:] == ["work_started", "work_recorded", "work_completed"]


def test_a_data_wipe_is_done_with_its_certificate_shown_on_the_page(
    client: TestClient, laptop: tuple[World, str, WorkOrder, WorkOrder]
) -> None:
    w, lpn, wipe, _ = laptop
    client.post(f"/bench/{wipe.number}/start")
    page = client.get(f"/bench/{wipe.number}").text
    assert 'id="wipe"' in page and 'name="wipe_method"' in page
    before = snapshot(w.app)
    refused = client.post(
        f"/bench/{wipe.number}/finish",
        data={"outcome": "done", "labour_minutes": "20", "wipe_tool": "Blancco 7"},
    )
    assert refused.status_code == 422
    assert "certificate of sanitisation" in _error(refused.text, "wipe_method")
    assert 'value="Blancco 7"' in refused.text  # what was typed is kept
    assert snapshot(w.app) == before
    done = client.post(
        f"/bench/{wipe.number}/finish",
        data={
            "outcome": "done",
            "labour_minutes": "20",
            "wipe_method": "purge",
            "wipe_tool": "Blancco Drive Eraser 7.9",
            "wipe_verified": "1",
        },
    )
    assert f"{wipe.number} is done: certificate of sanitisation SAN00000001" in done.text
    assert 'id="certificate"' in done.text and "Blancco Drive Eraser 7.9" in done.text
    order = _order(client, wipe)
    assert (order["wipe_certificate"], order["wipe_method"], order["wipe_verified"]) == (
        "SAN00000001",
        "purge",
        True,
    )
    unit_page = client.get(f"/units/{lpn}").text
    assert "SAN00000001" in unit_page and f'href="/bench/{wipe.number}"' in unit_page


def test_bad_input_is_named_next_to_its_field_and_changes_nothing(
    client: TestClient, laptop: tuple[World, str, WorkOrder, WorkOrder]
) -> None:
    w, _, wipe, clean = laptop
    assert clean.number in client.get("/bench").text  # (the token's first use is noted)
    before = snapshot(w.app)
    # Work is recorded on an order in progress only: the crafted form is refused.
    early = client.post(f"/bench/{clean.number}/record", data={"labour_minutes": "5"})
    assert early.status_code == 409
    assert "only on an order in progress" in _error(early.text, "form")
    assert snapshot(w.app) == before
    for order in (clean, wipe):
        client.post(f"/bench/{order.number}/start")
    before = snapshot(w.app)
    bad = client.post(
        f"/bench/{clean.number}/record",
        data={
            "labour_minutes": "lots",
            "notes": "x" * 2001,
            "part_reference": ["FAN", "", "BAT"],
            "part_quantity": ["0", "2", ""],
            "part_cost": ["", "", "cheap"],
        },
    )
    assert bad.status_code == 422
    assert "'lots' is not a whole number" in _error(bad.text, "labour_minutes")
    assert "at most 2000 characters" in _error(bad.text, "notes")
    parts = _error(bad.text, "parts")
    assert "part 1, quantity: must be between 1 and 1000" in parts
    assert "part 2, reference: it is required" in parts
    assert "part 3, cost of one: 'cheap' is not an amount in EUR" in parts
    assert 'value="FAN"' in bad.text
    nothing = client.post(f"/bench/{clean.number}/record", data={"notes": " "})
    assert "the minutes worked, the results or a part" in _error(nothing.text, "labour_minutes")
    no_outcome = client.post(f"/bench/{clean.number}/finish", data={"labour_minutes": "-1"})
    assert "choose the outcome" in _error(no_outcome.text, "outcome")
    assert "must be between 0 and" in _error(no_outcome.text, "labour_minutes")
    odd = client.post(f"/bench/{wipe.number}/finish", data={"outcome": "yes", "wipe_method": "x"})
    assert "must be one of: done, failed" in _error(odd.text, "outcome")
    assert "'x' is not one of: clear, purge, destroy" in _error(odd.text, "wipe_method")
    assert snapshot(w.app) == before
    for ref in ("WO99999999", "12abc", "WO"):
        assert client.get(f"/bench/{ref}").status_code == 404, ref
        assert client.post(f"/bench/{ref}/start").status_code == 404, ref


def test_each_action_is_offered_to_the_roles_that_may_and_refused_to_the_others(
    laptop: tuple[World, str, WorkOrder, WorkOrder],
) -> None:
    w, _, wipe, clean = laptop
    handler = _as(w, "hana", Role.HANDLER)  # sees the work orders, does not do them
    page = handler.get(f"/bench/{clean.number}").text
    assert 'id="not-yours"' in page and "start_work_order" in page
    assert f'action="/bench/{clean.number}/start"' not in page
    refused = handler.post(f"/bench/{clean.number}/start")
    assert refused.status_code == 403 and "start_work_order" in refused.text
    service = _as(w, "sam", Role.CUSTOMER_SERVICE)  # does not see them
    assert service.get("/bench").status_code == 403
    assert service.get(f"/bench/{clean.number}").status_code == 403
    tech = _as(w, "tom", Role.TECHNICIAN)
    assert "/bench" in tech.get("/bench").text
    assert tech.post(f"/bench/{wipe.number}/start").status_code == 200
    assert _as(w, "fin", Role.FINANCE).post(f"/bench/{wipe.number}/record").status_code == 403
    assert ok(tech.get(f"{API}/work-orders/{wipe.id}"))["operator"] == "tom"


def test_a_technician_signs_in_to_the_bench(sqlite_world: World) -> None:
    add_person(sqlite_world.app, "tom", {Role.TECHNICIAN}, password=TEST_PASSWORD)
    browser = TestClient(create_app(sqlite_world.app), base_url="http://localhost")
    form = {"login": "tom", "password": TEST_PASSWORD}
    answer = browser.post("/login", data=form, follow_redirects=False)
    assert (answer.status_code, answer.headers["location"]) == (303, "/bench")
    page = browser.get("/bench").text
    assert 'href="/bench" aria-current="page"' in page
    assert "Atelier : ordres de travail" in page  # in the language of the user (French)


def test_a_partner_sees_and_works_only_at_its_sites(sqlite_world: World) -> None:
    w = sqlite_world
    sent = received_unit(w, w.laptop, "SN-P1")
    repair = decide(w, sent, DispositionRoute.REPAIR, "REP-FR").work_orders
    kept = received_unit(w, w.drill, "SN-P2")
    at_hub = decide(w, kept, DispositionRoute.RESELL).work_orders
    rep = _as(w, "rep.lille", Role.PARTNER, partner_sites={"REP-FR"})
    bench = rep.get("/bench", params={"state": "all"}).text
    assert all(o.number in bench for o in repair)
    assert not any(o.number in bench for o in at_hub)
    assert 'value="REP-FR"' in bench and 'value="HUB-FR"' not in bench
    assert rep.get("/bench", params={"site": "HUB-FR"}).status_code == 403
    other = at_hub[0]
    assert rep.get(f"/bench/{other.number}").status_code == 403
    assert rep.post(f"/bench/{other.number}/start").status_code == 403
    # Its own order waits for the unit: the refusal says so on the order's page.
    early = rep.post(f"/bench/{repair[0].number}/start")
    assert early.status_code == 409 and "ship it there first" in _error(early.text, "form")
    assert rep.get(f"{API}/work-orders/{repair[0].id}").json()["state"] == "open"


def test_an_order_of_a_unit_on_its_way_is_not_offered_to_start(
    client: TestClient, sqlite_world: World
) -> None:
    w = sqlite_world
    lpn = received_unit(w, w.laptop, "SN-ROAD")
    orders = decide(w, lpn, DispositionRoute.REPAIR, "REP-FR").work_orders
    for order in orders:
        if order.site_code == "HUB-FR":  # the wipe before it leaves
            do_work(w, order)
    stock.ship_unit(w.app.uow(), lpn, to_site="REP-FR", by=person("bob"))
    repair = next(o for o in orders if o.site_code == "REP-FR")
    page = client.get(f"/bench/{repair.number}").text
    assert 'id="on-its-way"' in page and "on its way to REP-FR" in page
    assert f'action="/bench/{repair.number}/start"' not in page
