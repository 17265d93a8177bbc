"""The compliance doors: the WEEE report and the ESPR disclosure through the API (JSON, CSV,
PDF read back), the pages (a chart per category, in English and French) and a client kept
to its own goods, on the scenario of ``compliance_world``."""

from __future__ import annotations

import csv
import html
import io

import pypdfium2 as pdfium
import pytest

from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import API, client_of
from tests.integration.compliance_world import build, unit
from tests.integration.flows import grade
from tests.people import add_person


@pytest.fixture
def built(sqlite_world: World) -> World:
    build(sqlite_world)
    return sqlite_world


def _period(world: World) -> dict[str, str]:
    day = world.now.date().isoformat()
    return {"from": day, "to": day}


def _text_of(pdf: bytes) -> str:
    return "\n".join(str(p.get_textpage().get_text_range()) for p in pdfium.PdfDocument(pdf))


def test_the_weee_report_through_the_api(built: World) -> None:
    api = client_of(built.app, add_person(built.app, "m.api", {Role.FLOW_MANAGER}))
    r = api.get(f"{API}/compliance/weee", params=_period(built))
    assert r.status_code == 200, r.text
    lines = {(ln["country"], ln["category"]): ln for ln in r.json()["lines"]}
    laptops = lines["FR", 2]
    assert laptops["received_t"] == pytest.approx(0.0064)
    assert [(x["name"], x["value"], x["met"]) for x in laptops["rates"]] == [
        ("recovered", pytest.approx(0.5), False),
        ("reuse_recycled", pytest.approx(0.5), False),
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(api.get(f"{API}/compliance/weee.csv", params=_period(built)).text)
        )
    )
    fr2 = next(
        x
        for x in rows
        if x["section"] == "category" and x["country"] == "FR" and x["category"] == "2"
    )
    assert (fr2["recycled_t"], fr2["disposed_t"], fr2["rate_recovered"]) == (
        "0.002",
        "0.002",
        "0.5000",
    )
    rec = [x for x in rows if x["section"] == "facility" and x["facility"] == "REC-FR"]
    assert {x["category"]: x["recycled_t"] for x in rec} == {"2": "0.002", "5": "0.005"}
    bad = api.get(f"{API}/compliance/weee", params={"from": "2026-03-01", "to": "2026-02-01"})
    assert bad.status_code == 422 and "before it starts" in bad.text


def test_the_weee_pdf_reads_back_in_french(built: World) -> None:
    api = client_of(built.app, add_person(built.app, "m.pdf", {Role.FLOW_MANAGER}))
    r = api.get(
        f"{API}/compliance/weee.pdf", params=_period(built), headers={"accept-language": "fr"}
    )
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    text = " ".join(_text_of(r.content).split())
    assert "Rapport DEEE" in text and "Catégorie 2" in text
    assert (
        "Valorisé : (préparé en vue du réemploi 0,002 t + recyclé 0,002 t) / collecté 0,006 t"
        in text
    )
    assert "non atteint" in text and "Alpes" not in text and "WEEE Recycler Grenoble" in text


def test_the_weee_page_has_a_chart_per_category(built: World) -> None:
    web = client_of(built.app, add_person(built.app, "m.web", {Role.FLOW_MANAGER}), lang="fr")
    page = html.unescape(web.get("/compliance/weee", params=_period(built)).text)
    assert page.count('class="card weee-category"') == 2  # categories 2 and 5
    assert page.count('<svg class="chart"') == 2
    assert "Catégorie 5 : petits équipements" in page and "atteint" in page
    pdf = web.get("/compliance/weee.pdf", params=_period(built))
    assert pdf.headers["content-type"] == "application/pdf"
    bad = html.unescape(web.get("/compliance/weee", params={"from": "2026-02-31"}).text)
    assert "field-error" in bad
    # A download of a wrong period is the page, naming what is wrong.
    wrong = web.get("/compliance/weee.csv", params={"from": "2026-03-01", "to": "2026-02-01"})
    assert wrong.headers["content-type"].startswith("text/html")
    assert "la période finit (2026-02-01) avant de commencer (2026-03-01)" in html.unescape(
        wrong.text
    )


def test_the_espr_disclosure_shows_the_refused_destruction(built: World) -> None:
    web = client_of(built.app, add_person(built.app, "m.espr", {Role.FLOW_MANAGER}))
    year = str(built.now.year)
    page = html.unescape(web.get("/compliance/espr", params={"year": year}).text)
    refused = page.split('id="espr-refused"')[1].split("</table>")[0]
    assert "EU ESPR 2024/1781 art. 25" in refused and "Code de l'environnement L541-15-8" in refused
    rows = list(
        csv.DictReader(io.StringIO(web.get("/compliance/espr.csv", params={"year": year}).text))
    )
    assert [
        (x["section"], x["product_type"], x["law"]) for x in rows if x["section"] == "refused"
    ] == [
        ("refused", "apparel", "espr_art_25"),
        ("refused", "sofa", "agec_l541_15_8"),
    ]
    body = web.get(f"{API}/compliance/espr", params={"year": year}).json()
    assert {d["product_type"] for d in body["discarded"]} == {"apparel", "laptop", "power_tool"}
    pdf = web.get(f"{API}/compliance/espr.pdf", params={"year": year})
    text = " ".join(_text_of(pdf.content).split())
    assert "Destructions refused" in text and "EU ESPR 2024/1781 art. 25" in text
    page_pdf = web.get("/compliance/espr.pdf", params={"year": year})
    assert page_pdf.headers["content-type"] == "application/pdf"


def test_a_client_sees_its_own_goods_only_and_a_handler_nothing(built: World) -> None:
    from revalo.domain.clients import Client
    from revalo.services import clients
    from tests.people import person

    clients.add_client(built.app.uow(), Client("ACME", "Acme"), by=person("admin"))
    acme = client_of(
        built.app, add_person(built.app, "acme.user", {Role.CLIENT}, client_code="ACME")
    )
    r = acme.get(f"{API}/compliance/weee", params=_period(built))
    assert r.status_code == 200 and r.json()["lines"] == [] and r.json()["client_code"] == "ACME"
    other = acme.get(f"{API}/compliance/espr", params={"year": 2026, "client_code": "ZED"})
    assert other.status_code == 403
    handler = client_of(built.app, add_person(built.app, "h.andler", {Role.HANDLER}))
    assert handler.get(f"{API}/compliance/weee", params=_period(built)).status_code == 403


def test_a_destruction_asked_through_the_api_is_refused_and_disclosed(
    sqlite_world: World,
) -> None:
    world = sqlite_world
    api = client_of(world.app, add_person(world.app, "m.ask", {Role.FLOW_MANAGER}))
    tee = unit(world, "TEE-M", "T5")
    grade(world, tee, "D", "D")
    asked = api.post(
        f"{API}/units/{tee}/disposition", json={"route": "dispose", "destination_site": "REC-X"}
    )
    assert asked.status_code == 409 and "art. 25" in asked.text
    assert api.get(f"{API}/units/{tee}").json()["state"] == "graded"
    body = api.get(f"{API}/compliance/espr", params={"year": world.now.year}).json()
    assert [(r["lpn"], r["actor"], r["law"]) for r in body["refusals"]] == [
        (tee, "m.ask", "espr_art_25")
    ]
