"""A customer on their phone (390 px wide): find the order, return one item, get the label,
follow the status by the link; a wrong e-mail or another customer's order reveals nothing."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, expect

from revalo.adapters import orm_portal
from revalo.bootstrap import App
from tests.browser.conftest import shot

pytestmark = pytest.mark.slow
NO_MATCH = "no order matches this reference and e-mail or postcode"


def _orders(app: App) -> list[tuple[str, str]]:
    """Orders of the demo no return was started from: (reference, e-mail)."""
    o, p = orm_portal.customer_orders.c, orm_portal.portal_returns.c
    stmt = (
        sa.select(o.order_ref, o.email)
        .outerjoin(orm_portal.portal_returns, p.order_ref == o.order_ref)
        .where(p.order_ref.is_(None))
        .order_by(o.order_ref)
    )
    with app.engine.connect() as conn:
        return [(str(r), str(m)) for r, m in conn.execute(stmt)]


@pytest.fixture
def phone(browser: Browser, server: str) -> Iterator[Page]:
    ctx = browser.new_context(
        base_url=server,
        viewport={"width": 390, "height": 844},
        locale="en-GB",
        is_mobile=True,
        has_touch=True,
    )
    tab = ctx.new_page()
    yield tab
    ctx.close()


def _fits(tab: Page) -> None:
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width} px wide on a 390 px screen"


def _find(tab: Page, ref: str, proof: str) -> None:
    tab.goto("/portal")
    tab.fill("input[name=order_ref]", ref)
    tab.fill("input[name=proof]", proof)
    tab.locator("form[action='/portal/find'] button[type=submit]").click()


def test_a_customer_returns_an_item_and_follows_it(phone: Page, demo_app: App) -> None:
    tab = phone
    (ref, mail), (other_ref, other_mail) = _orders(demo_app)[:2]
    tab.goto("/portal")
    expect(tab.locator("h1")).to_have_text("Return an item")
    _fits(tab)
    shot(tab, "portal-find-390")

    _find(tab, ref.lower(), mail.upper())
    expect(tab.locator("h1")).to_have_text(f"Order {ref}")
    _fits(tab)
    tab.check("#line-2")
    tab.select_option("#reason-2", "withdrawal")
    tab.check("input[name=outcome][value=refund]")
    tab.check("input[name=way_back][value=label]")
    shot(tab, "portal-order-390")
    tab.click("#send-return")

    expect(tab).to_have_url(re.compile(r"/portal/r/[A-Za-z0-9_-]{43}$"))
    link = tab.url
    expect(tab.locator("#return-state")).to_have_text("Accepted")
    expect(tab.locator("#policy-answer")).to_contain_text("within the 14-day withdrawal period")
    expect(tab.locator("#refund-due")).to_contain_text("due by")
    tab.click("#get-label")
    label = tab.locator("#label-link")
    expect(label).to_be_visible()
    expect(tab.locator("svg.qr")).to_be_visible()
    _fits(tab)
    shot(tab, "portal-status-390")
    pdf = tab.request.get(str(label.get_attribute("href")))
    assert pdf.ok and pdf.body().startswith(b"%PDF")

    # The link, opened again later, follows the same return.
    tab.goto("/portal")
    tab.goto(link)
    expect(tab.locator("#return-state")).to_have_text("Accepted")
    expect(tab.locator("#label-link")).to_be_visible()

    # In French, from the switch.
    tab.click("nav.lang a[hreflang=fr]")
    expect(tab.locator("#return-state")).to_have_text("Accepté")
    tab.click("nav.lang a[hreflang=en]")

    # A wrong e-mail, another customer's order, an order that does not exist: one answer.
    answers = []
    for r, proof in ((ref, "someone.else@example.org"), (other_ref, mail), ("SHOP-0000", mail)):
        _find(tab, r, proof)
        expect(tab.locator(".field-error")).to_have_text(NO_MATCH)
        answers.append(tab.locator("main").inner_text().replace(r, "REF"))
    assert answers[0] == answers[1] == answers[2]
    assert other_mail not in tab.content()
