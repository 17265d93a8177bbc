"""Every page in French, on a demo with data (lists, charts and timelines full): no word of
the English catalogue is left on it but data (names, codes, what people typed) and the
domain's own words marked as English; and each language writes its own figures."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime, timedelta

import pypdfium2 as pdfium
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from revalo.adapters.db import sqlite_url
from revalo.adapters.migrate import upgrade
from revalo.bootstrap import App, bootstrap
from revalo.demo import build_demo
from revalo.demo.clearance import WHY as CLEARANCE_REASON
from revalo.demo.donations import REASON as DONATION_REASON
from revalo.demo.refunds import CANCEL_REASON
from revalo.demo.rules import rule_reasons
from revalo.demo.workshop import FAILURE_NOTES
from revalo.domain.capacity_plans import monday_of
from revalo.domain.errors import DomainError
from revalo.domain.people import Permission, Role
from revalo.domain.values import utcnow
from revalo.entrypoints.api import create_app
from revalo.entrypoints.web import formats
from revalo.entrypoints.web.system_texts import in_language
from revalo.services import (
    access,
    capacity_plans,
    collection_commit,
    collections,
    disposition_batches,
    users,
)
from revalo.settings import Settings
from tests.e2e.conftest import API, delivered, ok
from tests.e2e.french_pages import MIXED_COLUMNS, FrenchReader, data_of, visible_text
from tests.e2e.test_permissions import routes
from tests.e2e.test_web_pages import field_errors
from tests.people import add_person, bearer, person, token_of

PARAM = re.compile(r"\{(\w+)\}")
#: The addresses of the API and its documentation, and the language switch (it only
#: sends back to the page): no page of their own.
NOT_PAGES = (
    # A portal link's secret is in no table (only its hash): test_portal_pages reads the
    # portal's pages in French.
    "/portal/r/",
    "/api/",
    "/docs",
    "/redoc",
    "/openapi",
    "/static",
    "/health",
    "/lang/",
    "/survey/",  # reached by a link's token only: its French is tested with the desk's pages
    "/traceability/epcis.jsonld",  # a document to download
    "/compliance/weee.csv",
    "/returns/{number}/photos/",  # a customer's photo, as it was sent
    "/compliance/weee.pdf",
    "/compliance/espr.csv",
    "/floor/performance.csv",  # a file to download
    "/jobs/{job_id}/output.csv",  # an export's file to download
    "/compliance/espr.pdf",
)
NNBSP, NBSP = "\u202f", "\u00a0"
RECEIVED = "select min(lpn) from units where state = 'received' and sku is not null"
#: A graded unit that is neither hazardous nor apparel: the law forbids its disposal.
GRADED = """select min(u.lpn) from units u join products p on p.sku = u.sku
where u.state = 'graded' and not p.apparel and u.lpn not in
(select e.lpn from unit_events e where e.detail like '%"hazardous": true%')"""
RECYCLER = "select min(code) from sites where kind = 'recycler'"
REPAIR_CENTRE = "select min(code) from sites where kind = 'repair_centre'"
GRADED_CATEGORY = """select min(p.category) from units u join products p on p.sku = u.sku
where u.state = 'graded'"""


#: The French customers nearest to the central hub, and a sofa: pickups a van can make.
NEAR_THE_HUB = """select c.code from customers c, sites s
where s.code = 'HUB-CENTRAL' and c.country = 'FR'
order by (c.lat - s.lat) * (c.lat - s.lat) + (c.lon - s.lon) * (c.lon - s.lon) limit 2"""
SOFA = "select sku, client_code from products where category = 'sofa' order by sku limit 1"


def _sofas_to_collect(app: App) -> None:
    with app.engine.connect() as conn:
        customers = [code for (code,) in conn.execute(sa.text(NEAR_THE_HUB))]
        sku, owner = conn.execute(sa.text(SOFA)).one()
    with TestClient(create_app(app), base_url="http://localhost", headers=bearer(app, "cs")) as api:
        for code in customers:
            ask = {
                "customer_code": code,
                "client_code": owner,
                "delivered_at": delivered(3),
                "lines": [{"sku": sku, "quantity": 1, "reason": "withdrawal"}],
            }
            ok(api.post(f"{API}/returns", json=ask), 201)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[App, datetime]]:
    """A small demo (two weeks, 150 units), with two sofas to collect near the central hub:
    a plan for tomorrow (they wait) and one a week later, committed (they are collected);
    and tonight's disposition batch previewed."""
    url = sqlite_url(tmp_path_factory.mktemp("fr") / "demo.db")
    upgrade(url)
    app = bootstrap(Settings(database_url=url))
    report = build_demo(app, units=150, weeks=2, seed=11)
    _sofas_to_collect(app)
    planner = person("planner")
    today = utcnow().date()
    for days in (1, 7):
        plan = collections.plan_collections(
            app.uow(),
            app.transport,
            by=planner,
            day=today + timedelta(days=days),
            region="FR",
            seconds=1,
            seed=1,
        )
    assert plan.plan.routes
    collection_commit.commit_plan(app.uow(), app.transport, plan.record.id, by=planner)
    # Tonight's batch previewed within a week's capacity and demand (not committed: the
    # graded units stay for the forms).
    with app.engine.connect() as conn:
        bench = conn.execute(sa.text(REPAIR_CENTRE)).scalar_one()
        category = conn.execute(sa.text(GRADED_CATEGORY)).scalar_one()
    monday = monday_of(today)
    hours = {"repair": 6, "test": 4}
    capacity_plans.set_capacity(app.uow(), site_code=bench, week=monday, hours=hours, by=planner)
    capacity_plans.set_demand(
        app.uow(), channel="B2B-LOT", category=category, week=monday, steps="2@1, 2@0.8",
        by=planner,
    )  # fmt: skip
    batch = disposition_batches.preview_batch(app.uow(), by=planner, day=today)
    assert batch.plan and batch.figures["usage"]
    yield app, report.end
    app.close()


def _client(app: App, login: str, lang: str) -> TestClient:
    user = add_person(app, login)
    headers = {"Authorization": f"Bearer {token_of(app, user)}"}
    return TestClient(
        create_app(app), base_url="http://localhost", headers=headers, cookies={"lang": lang}
    )


@pytest.fixture(scope="module")
def french(demo: tuple[App, datetime]) -> Iterator[TestClient]:
    with _client(demo[0], "lectrice", "fr") as client:
        yield client


@pytest.fixture(scope="module")
def english(demo: tuple[App, datetime]) -> Iterator[TestClient]:
    with _client(demo[0], "reader", "en") as client:
        yield client


def _values(app: App) -> dict[str, list[str]]:
    """Values for each parameter of the pages' paths: a return and a unit of each state,
    each site that holds stock, each collection plan, a work order of each state and kind."""
    queries = {
        "number": "select min(number) from return_requests group by state",
        "lpn": "select min(lpn) from units group by state",
        "code": "select code from sites where kind in ('returns_hub', 'store')",
        "plan_id": "select id from collection_plans",
        "job_id": "select id from jobs",
        "order_id": "select min(id) from work_orders group by state, kind",
        "lot_id": "select min(id) from lots group by state",
        "listing_id": "select min(id) from listings group by status",
        "invoice_number": "select min(number) from invoices group by kind",
    }
    with app.engine.connect() as conn:
        return {k: [str(v) for (v,) in conn.execute(sa.text(q))] for k, q in queries.items()}


def page_urls(app: App) -> list[str]:
    """Every GET page of the application, each path parameter filled with real values (a
    new page whose parameter has none fails here)."""
    values = _values(app)
    urls = ["/?per=week&period=all"]
    for method, path, _ in routes(create_app(app)):
        if method != "GET" or path.startswith(NOT_PAGES):
            continue
        names = PARAM.findall(path)
        if not names:
            urls.append(path)
            continue
        assert len(names) == 1 and values.get(names[0]), f"no value for {path}"
        urls += [path.replace("{" + names[0] + "}", v) for v in values[names[0]]]
    return urls


def test_every_page_speaks_french(demo: tuple[App, datetime], french: TestClient) -> None:
    app = demo[0]
    reader = FrenchReader(data_of(app))
    urls = page_urls(app)
    assert len(urls) > 40  # the walk itself works
    left = {}
    for url in urls:
        response = french.get(url)
        assert response.status_code == 200, (url, response.text[:300])
        assert '<html lang="fr">' in response.text
        found = sorted(set(reader.english_on(response.text)))
        if found:
            left[url] = found
    assert left == {}, "English words on French pages: (word, the text it is in)"


def test_the_reader_finds_the_english_of_an_english_page(
    demo: tuple[App, datetime], english: TestClient
) -> None:
    """The same reader on the English pages: it finds their words (it would find them on
    a French page that kept them)."""
    reader = FrenchReader(data_of(demo[0]))

    def as_if_french(url: str) -> str:
        return english.get(url).text.replace('<html lang="en">', '<html lang="fr">')

    words = {w.lower() for w, _ in reader.english_on(as_if_french("/"))}
    assert {"received", "graded", "waiting", "left"} <= words
    assert "stock" not in words, "a word that is French too is no sign of English"
    units = [url for url in page_urls(demo[0]) if url.startswith("/units/")]
    assert all(reader.english_on(as_if_french(url)) for url in units)


def _kpi(page: str, key: str) -> str:
    return dict(re.findall(r'kpi-label">([^<]+)</span><span class="kpi-value">([^<]+)<', page))[key]


def test_each_language_writes_its_own_figures(
    demo: tuple[App, datetime], french: TestClient, english: TestClient
) -> None:
    fr, en = french.get("/?period=all").text, english.get("/?period=all").text
    # Money: the currency after the amount in French, before it in English; thousands
    # grouped by a narrow no-break space in French, a comma in English.
    assert re.fullmatch(
        rf"\d{{1,3}}(?:{NNBSP}\d{{3}})+,\d\d{NBSP}€", _kpi(fr, "Valeur des retours reçus")
    )
    assert re.fullmatch(r"€\d{1,3}(?:,\d{3})+\.\d\d", _kpi(en, "Value of returns received"))
    # Percentages: a decimal comma and a space before the sign in French.
    assert re.fullmatch(rf"\d+,\d{NBSP}%", _kpi(fr, "Taux de valorisation"))
    assert re.fullmatch(r"\d+\.\d%", _kpi(en, "Recovery rate"))
    # Dates: the period's first day in the heading, and the flow chart's days from it.
    first = re.search(r'<p class="muted">(\d+ \w+ \d{4}) →', en)
    assert first
    day = datetime.strptime(first[1], "%d %b %Y").date()
    assert f'<p class="muted">{formats.day(day, lang="fr")} →' in fr
    chart_days = [re.findall(r'class="bar c0"[^>]*><title>([^<·]+) · ', p)[0] for p in (fr, en)]
    assert chart_days == [formats.short_day(day, lang="fr"), formats.short_day(day, lang="en")]
    assert chart_days[1] == day.strftime("%-d %b")
    # Numbers in the charts' tooltips, with the donut's shares.
    shares_fr = re.findall(rf"\((\d+,\d){NBSP}%\)</title>", fr)
    shares_en = re.findall(r"\((\d+\.\d)%\)</title>", en)
    assert shares_fr and [s.replace(",", ".") for s in shares_fr] == shares_en


def test_a_french_form_answers_in_french(demo: tuple[App, datetime], french: TestClient) -> None:
    """A scan, a grading form sent without grades, wrong filters, an address with no page:
    the message after the scan, the problems next to the fields, the error page are
    French."""
    reader = FrenchReader(data_of(demo[0]))
    scanned = french.post(
        "/station/scan",
        data={"code": "04006381333931", "site": "HUB-CENTRAL"},
        follow_redirects=True,
    )
    assert scanned.status_code == 200
    flash = re.search(r'<div class="flash" role="status">([^<]+)</div>', scanned.text)
    assert flash
    assert "en quarantaine : produit inconnu : aucun produit n'a le GTIN" in html.unescape(flash[1])
    assert re.search(r"/station/units/LPN\d+$", str(scanned.url))
    with demo[0].engine.connect() as conn:
        lpn = conn.execute(sa.text(RECEIVED)).scalar()
    graded = french.post(f"/station/units/{lpn}/grade", data={"duration_s": "x"})
    assert graded.status_code == 422
    errors = field_errors(graded.text)
    assert errors["duration_s"] == "'x' n'est pas un nombre entier"
    assert errors["functional_grade"] == "grade fonctionnel : à choisir"
    assert reader.english_on(graded.text) == []
    listing = french.get("/returns?state=lost&from=2025-13-01&country=%00").text
    errors = field_errors(listing)
    assert errors["state"].startswith("'lost' n'est pas parmi : requested, ")
    assert errors["from"] == "'2025-13-01' n'est pas une date (AAAA-MM-JJ)"
    assert errors["country"] == "pays : ne doit pas contenir de caractère NUL"
    # A refusal of the rules, next to its field, in French, as every refusal of the domain.
    with demo[0].engine.connect() as conn:
        graded = conn.execute(sa.text(GRADED)).scalar()
        recycler = conn.execute(sa.text(RECYCLER)).scalar()
    refused = french.post(
        f"/units/{graded}/disposition", data={"route": "dispose", "destination_site": recycler}
    )
    assert refused.status_code == 422
    assert field_errors(refused.text)["route"].startswith("les invendus non alimentaires")
    nowhere = french.post(f"/units/{graded}/disposition", data={"route": "dispose"})
    said = field_errors(nowhere.text)["destination_site"]
    assert said.startswith("la filière élimination ne peut pas aller sans destination"), said
    assert '<span lang="en">' not in nowhere.text
    no_page = french.get("/nowhere", headers={"accept": "text/html"})
    assert no_page.status_code == 404 and "cette page n'existe pas" in html.unescape(no_page.text)
    assert visible_text("<p>a<span lang='en'>b</span></p>") == ["a"]


#: What the demo's people type into the records it builds (a reviewer's reasons, a
#: recycler's statement, a technician's note, the manager's rules): data, kept as typed.
DEMO_TYPED = {
    "reviewed: accepted as a goodwill gesture",
    "reviewed: outside the legal periods and not covered by a contract",
    "recycler's statement",
    CANCEL_REASON,
    *FAILURE_NOTES.values(),
    DONATION_REASON,
    CLEARANCE_REASON,
    *rule_reasons(),
}


def test_what_revalo_wrote_in_the_records_is_recognised(demo: tuple[App, datetime]) -> None:
    """Every text Revalo wrote into the demo's records (events, quarantines, decisions,
    consignments, the policy's answers) is one the pages show in French: a new wording of
    the domain's that the catalogue does not know fails here."""
    left = set()
    with demo[0].engine.connect() as conn:
        for table, columns in MIXED_COLUMNS.items():
            for column in columns:
                rows = conn.execute(sa.text(f"select distinct {column} from {table}"))
                left |= {v for (v,) in rows if v and in_language(v, "fr") == v}
    assert left <= DEMO_TYPED


def test_a_refusal_of_the_roles_in_french(demo: tuple[App, datetime]) -> None:
    app = demo[0]
    handler = add_person(app, "manutentionnaire", {Role.HANDLER})
    headers = {"Authorization": f"Bearer {token_of(app, handler)}"}
    with TestClient(
        create_app(app), base_url="http://localhost", headers=headers, cookies={"lang": "fr"}
    ) as client:
        denied = client.get("/audit")
    assert denied.status_code == 403
    shown = html.unescape(denied.text)
    assert "manutentionnaire ne peut pas voir le journal d'audit : il faut pour cela la " in shown
    assert "(rôles : administrateur)" in shown
    # The permission is named by its code ('view_audit'), the rest is French.
    assert '<span lang="en">' not in denied.text


def test_the_audit_trail_in_french(demo: tuple[App, datetime], french: TestClient) -> None:
    app = demo[0]
    admin = add_person(app, "auditrice", password="un long secret")
    for wrong in ("nobody", "auditrice"):
        with pytest.raises(DomainError):
            access.authenticate(app.uow(), app.passwords, app.settings.lockout, wrong, "x" * 12)
    users.update_user(
        app.uow(),
        admin,
        "auditrice",
        name="Audrey",
        roles=frozenset({Role.ADMINISTRATOR, Role.TECHNICIAN}),
    )
    new = access.create_token(app.uow(), admin, "scanner")
    assert new.token.id is not None
    access.revoke_token(app.uow(), admin, new.token.id)
    with pytest.raises(DomainError):
        access.authenticate_token(app.uow(), new.secret)
    page = french.get("/audit")
    assert page.status_code == 200
    shown = html.unescape(page.text)
    for said in ("identifiant inconnu", "mot de passe incorrect (1 de suite)", "nom : Audrey"):
        assert said in shown
    assert '<span lang="en">' not in page.text
    # A refusal names the permission by its code ('view_audit'): data, as the actions are.
    codes = [p.value for p in Permission]
    assert FrenchReader([*data_of(app), *codes]).english_on(page.text) == []


def test_a_label_printed_from_a_french_page_has_french_captions(
    demo: tuple[App, datetime], french: TestClient, english: TestClient
) -> None:
    with demo[0].engine.connect() as conn:
        number = conn.execute(
            sa.text("select min(number) from return_requests where state = 'authorised'")
        ).scalar()
    assert number is not None
    texts = {}
    for lang, client in (("fr", french), ("en", english)):
        answer = client.post(f"/returns/{number}/label")
        assert answer.headers["content-type"] == "application/pdf"
        page = pdfium.PdfDocument(answer.content)[0]
        texts[lang] = page.get_textpage().get_text_range()
    for caption in ("RETOUR", "EXPÉDITEUR", "DESTINATAIRE", "POIDS", "COLIS", "CONTENU"):
        assert caption in texts["fr"]
    assert "RETURN" in texts["en"] and "WEIGHT" in texts["en"] and "POIDS" not in texts["en"]
    assert number in texts["fr"] and number in texts["en"]
