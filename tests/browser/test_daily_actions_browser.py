"""Each daily action of the pages in a real browser, by the person whose work it is:
customer service authorises and rejects returns left for review, the flow manager prints a
return's parcel label, the team supervisor releases a unit from quarantine, finance records
a sale and a payment for a unit that left, the technician starts, records and finishes a
data wipe at the bench and reads its certificate's number."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from revalo.adapters import orm
from revalo.bootstrap import App
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import receiving, returns
from revalo.services.returns import LineRequest
from tests.browser.conftest import SignedIn, shot, sign_in
from tests.people import person

pytestmark = pytest.mark.slow


def _one(app: App, stmt: sa.Select[tuple[str]]) -> str:
    with app.engine.connect() as conn:
        return str(conn.execute(stmt.limit(1)).scalar_one())


def _returns_for_review(app: App, n: int) -> list[str]:
    """Returns with no delivery date: the policy cannot check the deadlines and leaves them
    for review."""
    c, p = orm.customers.c, orm.products.c
    customer = _one(app, sa.select(c.code).order_by(c.code))
    sku = _one(app, sa.select(p.sku).where(p.client_code.is_(None)).order_by(p.sku))
    numbers = []
    for _ in range(n):
        rma = returns.request_return(
            app.uow(),
            app.policy,
            customer_code=customer,
            lines=[LineRequest(sku, 1, ReturnReason.WITHDRAWAL)],
            delivered_at=None,
            by=person("web-portal"),
        )
        assert rma.state is ReturnState.REQUESTED
        numbers.append(rma.number)
    return numbers


def test_customer_service_authorises_and_rejects_returns_left_for_review(
    signed_in: SignedIn, demo_app: App
) -> None:
    first, second = _returns_for_review(demo_app, 2)
    page = signed_in("service")  # Emma Laurent works in French
    page.goto(f"/returns/{first}")
    review = page.locator("#review")
    expect(review).to_contain_text("Examen")
    hubs = review.locator("select[name=destination_site] option")
    hub = hubs.nth(1).get_attribute("value")
    assert hub
    review.locator("select[name=destination_site]").select_option(hub)
    review.locator("input[name=reason]").first.fill("ticket de caisse présenté au magasin")
    shot(page, "review")
    review.get_by_role("button", name="Autoriser").click()
    expect(page.locator(".flash")).to_contain_text(f"Le retour {first} est autorisé, vers {hub}")
    expect(page.locator("#review")).to_have_count(0)
    expect(page.locator("h1 .badge")).to_have_text("autorisé")

    page.goto(f"/returns/{second}")
    page.locator("#review").get_by_role("button", name="Refuser").click()
    expect(page.locator(".flash")).to_contain_text("donnez la raison du refus")
    page.get_by_label("Raison du refus").fill("acheté dans une autre enseigne")
    page.locator("#review").get_by_role("button", name="Refuser").click()
    expect(page.locator(".flash")).to_contain_text(f"Le retour {second} est refusé")
    expect(page.locator("h1 .badge")).to_have_text("refusé")


def test_the_flow_manager_prints_a_return_label_booked_once(page: Page, demo_app: App) -> None:
    r, k = orm.return_requests.c, orm.consignments.c
    unbooked = sa.select(k.id).where(k.rma_number == r.number).exists()
    number = _one(
        demo_app,
        sa.select(r.number).where(r.state == "authorised", ~unbooked).order_by(r.id.desc()),
    )
    page.goto(f"/returns/{number}")
    button = page.get_by_role("button", name="Parcel label (PDF)")
    shot(page, "return-label")
    for _ in range(2):  # the second print gives the same label: nothing is booked again
        with (
            page.context.expect_event(
                "response", lambda answer: answer.url.endswith(f"/returns/{number}/label")
            ) as printed,
            page.expect_popup() as opened,
        ):
            button.click()
        assert printed.value.status == 200
        expect(opened.value).to_have_url(re.compile(rf"/returns/{number}/label$"))
        opened.value.close()
    # What the new tab shows (in the browser's PDF viewer): the label, a PDF.
    token = page.locator("input[name=csrf]").first.get_attribute("value")
    label = page.request.post(f"/returns/{number}/label", form={"csrf": token or ""})
    assert label.ok and label.headers["content-type"] == "application/pdf"
    assert f"{number}-label.pdf" in label.headers["content-disposition"]
    assert label.body().startswith(b"%PDF")
    with demo_app.engine.connect() as conn:
        booked = conn.execute(sa.select(k.sscc).where(k.rma_number == number)).scalars().all()
    assert len(booked) == 1 and re.fullmatch(r"\d{18}", booked[0] or "")


def test_the_supervisor_names_an_unidentified_unit_and_releases_it(
    signed_in: SignedIn, demo_app: App
) -> None:
    hub = _one(demo_app, sa.select(orm.sites.c.code).where(orm.sites.c.kind == "returns_hub"))
    sku = _one(demo_app, sa.select(orm.products.c.sku).order_by(orm.products.c.sku.desc()))
    kept = receiving.quarantine_unidentified(
        demo_app.uow(), site_code=hub, description="carton sans étiquette", by=person("handler")
    ).unit
    assert kept is not None
    lpn = kept.lpn
    page = signed_in("supervisor")  # Julien Dubois works in French
    page.goto(f"/units/{lpn}")
    release = page.locator("#release")
    expect(release).to_contain_text("Sortir de quarantaine")
    release.get_by_role("button", name="Sortir").click()
    expect(page.locator(".flash")).to_contain_text("nommez son produit pour la libérer")
    page.locator("#release input[name=sku]").fill(sku.lower())
    page.locator("#release input[name=reason]").fill("identifié au déballage")
    shot(page, "release")
    page.locator("#release").get_by_role("button", name="Sortir").click()
    expect(page.locator(".flash")).to_contain_text(f"{lpn} est sortie de quarantaine")
    expect(page.locator("#release")).to_have_count(0)
    expect(page.locator("#timeline li").first).to_have_attribute("data-event", "released")


def test_finance_records_the_sale_of_a_listed_unit(signed_in: SignedIn, demo_app: App) -> None:
    u = orm.units.c
    lpn = _one(demo_app, sa.select(u.lpn).where(u.state == "listed").order_by(u.id.desc()))
    page = signed_in("finance")
    page.goto(f"/units/{lpn}")
    sale = page.locator("#sale")
    sale.get_by_label("Price (EUR)").fill("a hundred")
    sale.get_by_role("button", name="Sold").click()
    expect(page.locator(".flash")).to_contain_text("'a hundred' is not an amount in EUR")
    expect(page.locator("h1 .badge")).to_have_text("listed")
    page.locator("#sale").get_by_label("Price (EUR)").fill("149,90")
    page.locator("#sale").get_by_label("Sales order").fill("SO-2026-0042")
    shot(page, "sale")
    page.locator("#sale").get_by_role("button", name="Sold").click()
    expect(page.locator(".flash")).to_contain_text(f"{lpn} is sold at €149.90")
    expect(page.locator("h1 .badge")).to_have_text("sold")
    expect(page.locator("#sale")).to_have_count(0)
    expect(page.locator("#timeline li").first).to_contain_text("SO-2026-0042")


def test_finance_records_a_payment_for_a_unit_that_left(signed_in: SignedIn, demo_app: App) -> None:
    u = orm.units.c
    gone = u.state.in_(["recycled", "harvested", "restocked"])
    # A recycler's or a parts buyer's payment first; a restocked unit's credit otherwise.
    later = sa.select(u.lpn).where(gone, u.proceeds.is_(None))
    lpn = _one(demo_app, later.order_by(u.state == "restocked", u.id))
    page = signed_in("finance")
    page.goto(f"/units/{lpn}")
    proceeds = page.locator("#proceeds")
    expect(proceeds).to_contain_text("It brought €0.00 so far")
    proceeds.get_by_label("Amount (EUR)").fill("-4")
    proceeds.get_by_role("button", name="Record the payment").click()
    expect(page.locator(".flash")).to_contain_text("the amount must be between 0 and")
    proceeds = page.locator("#proceeds")
    proceeds.get_by_label("Amount (EUR)").fill("18,40")
    proceeds.get_by_label("Payment or credit note").fill("CN-2026-0113")
    proceeds.get_by_label("Reason").fill("partner's payment for the lot")
    shot(page, "proceeds")
    proceeds.get_by_role("button", name="Record the payment").click()
    expect(page.locator(".flash")).to_contain_text(f"€18.40 recorded for {lpn}")
    expect(page.locator("#proceeds")).to_contain_text("It brought €18.40 so far")
    event = page.locator("#timeline li").first
    expect(event).to_have_attribute("data-event", "proceeds_recorded")
    expect(event).to_contain_text("partner's payment for the lot")


def _open_wipe(app: App) -> tuple[str, str, str, bool]:
    """An open data wipe whose unit is in stock at the order's site: its number, its site,
    the unit's LPN, and whether the unit has other orders still to do (then it is not ready
    when the wipe is done). The unit with nothing else to do is taken when there is one."""
    w, u = orm.work_orders.c, orm.units.c
    other = orm.work_orders.alias("other").c
    others = (
        sa.select(other.id)
        .where(other.unit_id == w.unit_id, other.id != w.id)
        .where(other.state.in_(["open", "in_progress"]))
        .exists()
    )
    stmt = (
        sa.select(w.id, w.site_code, u.lpn, others)
        .join(orm.units, u.id == w.unit_id)
        .where(w.kind == "data_wipe", w.state == "open", u.site_code == w.site_code)
        .where(u.location_code != u.site_code + ":in_transit")
        .order_by(others, w.id)
        .limit(1)
    )
    with app.engine.connect() as conn:
        order_id, site, lpn, more = conn.execute(stmt).one()
    return f"WO{order_id:08d}", site, lpn, bool(more)


def test_the_technician_wipes_a_laptop_at_the_bench_and_reads_its_certificate(
    guest: Page, demo_app: App
) -> None:
    page = guest
    number, site, lpn, more_to_do = _open_wipe(demo_app)
    sign_in(page, "technician")
    expect(page).to_have_url(re.compile(r"/bench$"))  # the technician's first page
    page.get_by_label("Site").select_option(site)
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(rf"/bench\?site={site}&state=todo$"))
    shot(page, "bench")
    page.get_by_role("link", name=number).click()
    expect(page.locator("h1")).to_contain_text(number)
    page.locator("#start").get_by_role("button", name="Start").click()
    expect(page.locator(".flash")).to_contain_text(f"{number} is started")
    shot(page, "bench-order")

    record = page.locator("#record")
    record.get_by_label("Minutes worked").fill("12")
    record.get_by_label("Results").fill("SSD 256 GB, firmware sanitize started")
    record.get_by_label("Part 1: Reference").fill("SATA-CABLE-30")
    record.get_by_label("Part 1: Cost of one (EUR)").fill("3,20")
    record.get_by_role("button", name="Record").click()
    expect(page.locator(".flash")).to_contain_text(f"{number}: the work is recorded")
    expect(page.locator("#parts")).to_contain_text("SATA-CABLE-30")
    expect(page.locator("#labour")).to_have_text("12")

    finish = page.locator("#finish")
    finish.get_by_role("radio", name="Done").check()
    finish.get_by_label("Minutes worked").fill("8")
    finish.get_by_role("button", name="Finish").click()
    expect(page.locator("#wipe_method-error")).to_contain_text("certificate of sanitisation")
    finish = page.locator("#finish")
    expect(finish.get_by_role("radio", name="Done")).to_be_checked()  # what was typed is kept
    finish.get_by_label("Method").select_option("purge")
    finish.get_by_label("Tool (and its version)").fill("Blancco Drive Eraser 7.9")
    finish.get_by_label("The result was verified").check()
    finish.get_by_role("button", name="Finish").click()
    flash = page.locator(".flash")
    expect(flash).to_contain_text(f"{number} is done: certificate of sanitisation SAN")
    certificate = re.search(r"SAN\d{8}", flash.inner_text())
    assert certificate
    expect(page.locator("#certificate")).to_contain_text(certificate.group(0))
    expect(page.locator("#certificate")).to_contain_text("Blancco Drive Eraser 7.9")
    expect(page.locator("#labour")).to_have_text("20")
    shot(page, "bench-certificate")

    page.locator("#facts").get_by_role("link", name=lpn).click()
    expect(page.locator("h1")).to_contain_text(lpn)
    expect(page.locator("h1 .badge")).to_have_text("in process" if more_to_do else "ready")
    # In the unit's work orders, and among its certificates of sanitisation.
    expect(
        page.locator("#certificates").get_by_role("cell", name=certificate.group(0))
    ).to_be_visible()
