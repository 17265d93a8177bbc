"""Certificates and the auditor's trail through every door: the API (JSON and PDF), the
pages (the unit's certificates, the bench's media form, a recycler's certificates, the
trail) and the command line."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import sqlalchemy as sa

from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.people import Role
from revalo.services import work_orders as wo
from tests.conftest import World
from tests.e2e.conftest import API, client_of, ok, refused, revalo
from tests.integration.certificate_world import OWNER, own_laptops, owned_laptop, wiped_laptop
from tests.integration.flows import decide
from tests.people import add_person, person


@pytest.fixture
def wiped(sqlite_world: World) -> tuple[World, str]:
    world = own_laptops(sqlite_world)
    lpn, _ = wiped_laptop(world, "SSD-A1")
    return world, lpn


def pdf_text(content: bytes) -> str:
    return "".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(content))


def test_the_client_who_owns_the_unit_downloads_its_certificate(wiped: tuple[World, str]) -> None:
    world, lpn = wiped
    owner = add_person(world.app, "velo", {Role.CLIENT}, client_code=OWNER)
    other = add_person(world.app, "casa", {Role.CLIENT}, client_code="CASA-SUD")
    with client_of(world.app, owner) as api:
        listed = ok(api.get(f"{API}/units/{lpn}/certificates"))
        assert [c["certificate"] for c in listed["certificates"]] == ["SAN00000001-1"]
        assert listed["refurbished"]["allowed"] is False
        assert listed["refurbished"]["missing"] == ["tested"]
        pdf = api.get(f"{API}/certificates/SAN00000001-1/pdf")
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        text = pdf_text(pdf.content)
        assert "SN-LAP-1" in text and "purge" in text and "SSD-A1" in text
        assert ok(api.get(f"{API}/certificates/SAN00000001-1"))["media"]["serial"] == "SSD-A1"
    with client_of(world.app, other) as api:
        assert api.get(f"{API}/certificates/SAN00000001-1/pdf").status_code == 403
        assert api.get(f"{API}/units/{lpn}/certificates").status_code == 403


def test_media_are_recorded_through_the_api_and_bad_ones_named(sqlite_world: World) -> None:
    world = own_laptops(sqlite_world)
    lpn = owned_laptop(world)
    wipe = decide(world, lpn, Route.RESELL).work_orders[0]
    wo.start_work_order(world.app.uow(), wipe.id, by=person("tech"))
    body = {
        "media_serial": "HDD-9",
        "media_kind": "hdd",
        "method": "clear",
        "tool": "nwipe",
        "tool_version": "0.36",
        "verification": "full",
        "verified": True,
    }
    tech = add_person(world.app, "tech.one", {Role.TECHNICIAN})
    with client_of(world.app, tech) as api:
        made = ok(api.post(f"{API}/work-orders/{wipe.number}/media", json=body), 201)
        assert (made["position"], made["recorded_by"]) == (1, "tech.one")
        again = api.post(f"{API}/work-orders/{wipe.number}/media", json=body)
        assert "recorded on WO00000001 already" in refused(again, 422, "media_serial")
        wrong = api.post(f"{API}/work-orders/{wipe.number}/media", json={**body, "method": "x"})
        assert wrong.status_code == 422
    with world.app.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from wiped_media")).scalar_one() == 1


def test_a_recycler_keeps_its_certificate_and_is_flagged_before_it_expires(
    sqlite_world: World,
) -> None:
    soon = date.today() + timedelta(days=10)
    body = {
        "number": "WLX-7",
        "scope": "WEEE 1-6",
        "issuer": "WEEELABEX",
        "issued_on": "2024-01-01",
        "expires_on": soon.isoformat(),
    }
    admin = add_person(sqlite_world.app, "adm", {Role.ADMINISTRATOR})
    with client_of(sqlite_world.app, admin) as api:
        kept = ok(api.post(f"{API}/sites/REC-FR/certificates", json=body), 201)
        assert kept["status"] == "expiring"
        hub = api.post(f"{API}/sites/HUB-FR/certificates", json=body)
        assert "recycler's" in refused(hub, 422, "site_code")
        expiring = api.get(f"{API}/facility-certificates/expiring").json()
        assert [c["number"] for c in expiring] == ["WLX-7"]
        page = api.get("/sites/REC-FR")
        assert page.status_code == 200 and "WLX-7" in page.text and "renew it" in page.text
        form = {**body, "number": "WLX-8", "expires_on": "2030-01-01", "operations": "R4 r12"}
        sent = api.post("/sites/REC-FR/certificates", data=form, follow_redirects=False)
        assert sent.status_code == 303
        listed = api.get(f"{API}/sites/REC-FR/certificates").json()
        assert [(c["number"], c["operations"]) for c in listed] == [
            ("WLX-7", []),
            ("WLX-8", ["R4", "R12"]),
        ]
        bad = api.post(
            f"{API}/sites/REC-FR/certificates",
            json={**body, "number": "WLX-9", "operations": ["R99"]},
        )
        assert "R1 to R13" in refused(bad, 422, "operations")
        # A French site's SIRET, by the API and the site's page; a wrong one named.
        assert (
            ok(api.put(f"{API}/sites/HUB-FR/siret", json={"siret": "12345678900015"}))["siret"]
            == "12345678900015"
        )
        wrong = api.put(f"{API}/sites/HUB-FR/siret", json={"siret": "12345678900016"})
        assert "wrong check digit" in refused(wrong, 422, "siret")
        assert 'id="siret">12345678900015' in api.get("/sites/HUB-FR").text
        saved = api.post("/sites/HUB-FR/siret", data={"siret": ""}, follow_redirects=False)
        assert saved.status_code == 303
        assert ok(api.get(f"{API}/sites/HUB-FR"))["siret"] is None
        assert 'id="site-papers"' not in api.get("/sites/HUB-DE").text
        # Renewed: the certificate in force is the one that expires last, no warning.
        assert "renew it" not in api.get("/sites/REC-FR").text


def test_the_pages_show_the_certificates_the_media_form_and_the_trail(
    wiped: tuple[World, str],
) -> None:
    world, lpn = wiped
    auditor = add_person(world.app, "aude", {Role.AUDITOR})
    with client_of(world.app, auditor, "fr") as pages:
        unit = pages.get(f"/units/{lpn}").text
        assert "/api/v1/certificates/SAN00000001-1/pdf" in unit
        assert "Pas reconditionné" in unit and f"/units/{lpn}/trail" in unit
        trail = pages.get(f"/units/{lpn}/trail")
        assert trail.status_code == 200
        assert "décret 2022-190" in trail.text and "SAN00000001-1" in trail.text
        csv = pages.get(f"{API}/units/{lpn}/trail.csv")
        assert csv.text.startswith("at,kind,what,who,reason,rule,reference,site")
        assert f"/api/v1/units/{lpn}/trail.pdf" in trail.text
        pdf = pages.get(f"{API}/units/{lpn}/trail.pdf", headers={"Accept-Language": "fr"})
        assert pdf.headers["content-type"] == "application/pdf"
        text = "".join(pdf_text(pdf.content).split())  # the table wraps words in its cells
        assert f"Pisted'auditde{lpn}" in text and "SAN00000001-1" in text
        assert "décret2022-190" in text and "Pourquoi" in text
        assert pages.post("/bench/WO00000001/media", data={}).status_code == 403
    owner = add_person(world.app, "velo", {Role.CLIENT}, client_code=OWNER)
    with client_of(world.app, owner) as pages:
        assert pages.get(f"/units/{lpn}/trail").status_code == 403


def test_the_bench_records_a_medium_and_names_a_missing_field(sqlite_world: World) -> None:
    world = own_laptops(sqlite_world)
    lpn = owned_laptop(world)
    wipe = decide(world, lpn, Route.RESELL).work_orders[0]
    wo.start_work_order(world.app.uow(), wipe.id, by=person("tech"))
    tech = add_person(world.app, "tech.two", {Role.TECHNICIAN})
    form = {
        "media_serial": "SSD-77",
        "media_kind": "ssd",
        "method": "purge",
        "tool": "hdparm",
        "tool_version": "9.65",
        "verified": "1",
    }
    with client_of(world.app, tech) as pages:
        missing = pages.post(f"/bench/{wipe.number}/media", data={**form, "tool_version": ""})
        assert missing.status_code == 422 and "tool version" in missing.text
        done = pages.post(f"/bench/{wipe.number}/media", data=form, follow_redirects=False)
        assert done.status_code == 303
        assert "SSD-77" in pages.get(f"/bench/{wipe.number}").text


def test_the_command_line_writes_certificates_and_trails(
    db: tuple[Path, World], tmp_path: Path
) -> None:
    path, world = db
    own_laptops(world)
    lpn, _ = wiped_laptop(world, "SSD-A1")
    pdf = tmp_path / "cert.pdf"
    got = revalo("certificates", "get", "SAN00000001-1", pdf, "--db", path)
    assert got.exit_code == 0, got.output
    assert "SN-LAP-1" in pdf_text(pdf.read_bytes())
    listed = revalo("certificates", "list", lpn, "--db", path)
    assert "SAN00000001-1" in listed.output and "missing: tested" in listed.output
    csv = tmp_path / "trail.csv"
    trail = revalo("trail", lpn, csv, "--db", path)
    assert trail.exit_code == 0, trail.output
    assert csv.read_text().startswith("at,kind,what,who,reason,rule,reference,site")
    bad = revalo("trail", lpn, tmp_path / "trail.txt", "--db", path)
    assert bad.exit_code == 2 and "write a .csv, a .json or a .pdf file" in bad.output
    assert not (tmp_path / "trail.txt").exists()
    as_pdf = tmp_path / "trail.pdf"
    assert revalo("trail", lpn, as_pdf, "--db", path).exit_code == 0
    text = "".join(pdf_text(as_pdf.read_bytes()).split())
    assert f"Trailof{lpn}" in text and "SAN00000001-1" in text
    assert "certificateofsanitisation" in text and "certificate_of" not in text
    kept = revalo(
        "certificates",
        "facility",
        "REC-FR",
        "WLX-1",
        "--scope",
        "WEEE",
        "--issuer",
        "WLX",
        "--issued",
        "2024-01-01",
        "--expires",
        "2020-01-01",
        "--db",
        path,
    )
    assert kept.exit_code == 1 and "expires (2020-01-01) before it is issued" in kept.output
    allowed = revalo(
        *("certificates", "facility", "REC-FR", "WLX-2", "--scope", "WEEE", "--issuer", "WLX"),
        *("--issued", "2024-01-01", "--expires", "2030-01-01", "--operations", "R4,R5"),
        *("--db", path),
    )
    assert allowed.exit_code == 0, allowed.output
    named = revalo("certificates", "siret", "HUB-FR", "12345678900015", "--db", path)
    assert named.exit_code == 0 and "Recorded the SIRET of site HUB-FR." in named.output


def test_the_slip_of_a_shipment_to_a_recycler_as_json_and_csv(sqlite_world: World) -> None:
    from revalo.services import stock
    from tests.integration.certificate_world import consignment_of
    from tests.integration.flows import received_unit

    lpn = received_unit(sqlite_world, sqlite_world.sofa, "SN-S")
    decide(sqlite_world, lpn, Route.RECYCLE, "REC-FR")
    stock.dispatch_unit(sqlite_world.app.uow(), lpn, by=person("bob"))
    ref = consignment_of(sqlite_world.app.uow(), lpn)
    auditor = add_person(sqlite_world.app, "aude", {Role.AUDITOR})
    with client_of(sqlite_world.app, auditor) as api:
        slip = ok(api.get(f"{API}/consignments/{ref}/bsd"))
        assert slip["slip"] == f"BSD-{ref}"
        assert slip["waste"]["items"][0]["waste_code"] == "20 03 07"
        rows = api.get(f"{API}/consignments/{ref}/bsd.csv").text.splitlines()
        assert rows[0] == "lpn,serial,product,waste_code,hazardous,mass_kg,adr"
        assert rows[1].startswith(f"{lpn},SN-S,")
        across = api.get(f"{API}/consignments/{ref}/annex-vi")
        assert "stays in FR" in refused(across, 422, "reference")


def test_the_command_line_says_it_in_french(wiped: tuple[World, str], tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from revalo.entrypoints.cli import app as cli

    world, _ = wiped
    add_person(world.app, "operator")
    path = Path(world.app.settings.database_url.removeprefix("sqlite:///"))
    env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8", "COLUMNS": "250"}
    file = tmp_path / "c.json"
    args = ["certificates", "get", "SAN00000001-1", str(file), "--db", str(path)]
    said = CliRunner().invoke(cli, args, env=env)
    assert said.exit_code == 0, said.output
    assert said.output.strip() == f"Document SAN00000001-1 écrit dans {file}."
