"""The web application in a real browser: the manager's pages load, a handler receives and
grades a unit at the station with the keyboard, the manager accepts the engine's proposal
and overrides it, and the unit page shows every new event. Each page is saved as a
screenshot in tests/browser/artifacts/."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.bootstrap import App
from revalo.demo.floor import MANAGER
from revalo.services.decision_queue import unit_explanation
from tests.browser.conftest import shot
from tests.people import person

pytestmark = pytest.mark.slow


def _expected_item(app: App) -> tuple[str, str, str]:
    """A product a return still expects (authorised, a line not yet received), as a scanner
    reads its label: GS1 AI 01 (GTIN) and AI 21 (serial) when the line names one; and the
    hub the return is bound for, where it is scanned."""
    r, ln, p = orm.return_requests.c, orm.return_lines.c, orm.products.c
    stmt = (
        sa.select(r.number, p.gtin, ln.serial, r.destination_site)
        .join_from(orm.return_lines, orm.return_requests, ln.rma_id == r.id)
        .join(orm.products, p.sku == ln.sku)
        .where(r.state == "authorised", ln.received_quantity < ln.quantity)
        .order_by(r.id, ln.line_no)
        .limit(1)
    )
    with app.engine.connect() as conn:
        number, gtin, serial, hub = conn.execute(stmt).one()
    return number, f"01{gtin}" + (f"21{serial}" if serial else ""), hub


def test_every_page_loads_and_is_saved(page: Page) -> None:
    for path, name, heading in [
        ("/", "dashboard", "Dashboard"),
        ("/?period=all&per=week", "dashboard-all-weeks", "Dashboard"),
        ("/returns", "returns", "Returns"),
        ("/returns?state=received&page=2", "returns-filtered", "Returns"),
        ("/queue", "queue-empty", "Disposition queue"),
        ("/station", "station", None),
        ("/sites", "sites", "Sites and stock"),
        ("/sites/HUB-CENTRAL", "site", None),
        ("/map", "map", "Network map"),
    ]:
        response = page.goto(path)
        assert response is not None and response.status == 200, path
        if heading:
            expect(page.locator("h1").first).to_have_text(heading)
        shot(page, name)
    page.goto("/returns")
    page.locator("table a[href^='/returns/RMA']").first.click()
    expect(page.locator("h1")).to_contain_text("Return RMA")
    shot(page, "return")


def test_the_language_follows_the_switch(page: Page) -> None:
    page.goto("/")
    page.get_by_role("link", name="FR", exact=True).click()
    expect(page.locator("h1").first).to_have_text("Tableau de bord")
    shot(page, "dashboard-fr")
    page.goto("/station")
    expect(page.get_by_label("Scanner un code-barres")).to_be_visible()
    page.get_by_role("link", name="EN", exact=True).click()
    expect(page.get_by_label("Scan a barcode")).to_be_visible()


def test_receive_grade_decide_and_override(page: Page, demo_app: App) -> None:
    rma, code, hub = _expected_item(demo_app)
    page.goto("/")
    expect(page.locator(".kpi").first).to_be_visible()

    # The station of the hub the return is bound for: the scan field has the focus; a
    # scanner types the code and Enter.
    page.goto(f"/station?site={hub}")
    expect(page.locator("#code")).to_be_focused()
    page.keyboard.type(code)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/station/units/LPN\d{9}$"))
    lpn = page.url.rsplit("/", 1)[1]
    expect(page.locator(".flash")).to_contain_text(f"received for return {rma}")
    expect(page.locator(".lpn-big")).to_have_text(lpn)
    expect(page.locator("#label svg.barcode")).to_be_visible()
    shot(page, "station-received")

    # Grading with the keyboard only: 2 = functional B, back to the checklist with
    # Shift+Tab and Space, Shift+2 = cosmetic B, Tab to the fault codes, Ctrl+Enter saves.
    page.keyboard.press("Digit2")
    expect(page.locator("input[name=functional_grade][value=B]")).to_be_checked()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Shift+Digit2")
    expect(page.locator("input[name=cosmetic_grade][value=B]")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.locator("#fault_codes")).to_be_focused()
    page.keyboard.type("SCRATCHES")
    shot(page, "station-grading")
    page.keyboard.press("Control+Enter")
    expect(page.locator(".flash")).to_contain_text(f"{lpn} graded B/B")
    shot(page, "station-graded")

    # The manager accepts the engine's proposal from the queue.
    # The queue of that hub (the demo leaves its last day's units there too), last page:
    # the unit just graded has waited the least.
    page.goto(f"/queue?site={hub}")
    last = page.locator("nav.pager a[rel=next]")
    while last.count():
        last.first.click()
        last = page.locator("nav.pager a[rel=next]")
    row = page.locator("tr", has=page.locator(f"a[href='/units/{lpn}']"))
    expect(row).to_be_visible()
    proposal = row.locator("td strong").inner_text()
    shot(page, "queue")
    row.locator("input[name=lpn]").check()
    page.locator("#accept").click()
    expect(page.locator(".flash")).to_contain_text("1 decision(s) recorded")

    # ...then overrides it with the second-best route, with a reason.
    explanation = unit_explanation(demo_app.uow(), lpn, by=person("reader"))
    assert explanation is not None and len(explanation.ranked) >= 2
    # The queue proposes with the week's capacities and channels' demand (a later price
    # step, another site); the unit's own explanation ranks it alone: compare the routes.
    decided = proposal.split()[0]
    assert decided in {s.option.route.value for s in explanation.ranked}, proposal
    other = next(s for s in explanation.ranked if s.option.route.value != decided)
    page.goto(f"/units/{lpn}")
    page.select_option("#route", other.option.route.value)
    dest = other.option.destination
    site = explanation_site(demo_app, lpn, dest)
    page.select_option("#destination_site", site or "")
    page.fill("#reason", "buyer found for this lot")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator(".flash")).to_contain_text(f"Decision recorded: {other.option.route.value}")
    events = page.locator("#timeline li")
    kinds = [e.get_attribute("data-event") for e in events.all()]
    assert kinds[:4] == ["disposition_recorded", "disposition_recorded", "inspected", "received"]
    expect(page.locator("#timeline")).to_contain_text("buyer found for this lot")
    expect(page.locator("#timeline")).to_contain_text(MANAGER)
    shot(page, "unit")


def explanation_site(app: App, lpn: str, destination: int | None) -> str | None:
    """The code of the site an option's destination index names (None: kept in-house)."""
    if destination is None:
        return None
    from revalo.engines.disposition.params import load_config
    from revalo.services.decision_inputs import site_specs

    with app.uow() as uow:
        sites = list(uow.sites.list())
    return site_specs(sites, load_config())[destination].site.code


def test_an_unknown_barcode_gets_a_message_and_a_quarantine(page: Page) -> None:
    page.goto("/station")
    page.keyboard.type("%%garbage%%")
    page.keyboard.press("Enter")
    expect(page.locator(".field-error")).to_be_visible()
    expect(page.locator("#unknown")).to_be_visible()
    shot(page, "station-unknown")
    page.fill("#description", "grey kettle, no label")
    page.get_by_role("button", name="Quarantine as unidentified").click()
    expect(page.locator(".notice.alert")).to_contain_text("unidentified: grey kettle, no label")
    shot(page, "station-quarantined")
