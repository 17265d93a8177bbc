"""The traceability page: the events of a period download as a valid EPCIS document; a
partner sends its EPCIS file and the page says what was done; a bad file is named."""

from __future__ import annotations

import html
import json

from revalo.adapters.epcis_schema import schema_errors
from revalo.domain.people import Role
from tests.conftest import World
from tests.e2e.conftest import client_of
from tests.e2e.test_epcis_doors import _receipt
from tests.integration.flows import received_unit
from tests.people import add_person


def test_the_events_of_a_period_download_as_epcis(sqlite_world: World) -> None:
    world = sqlite_world
    lpn = received_unit(world, world.laptop, "SN-WEB")
    auditor = client_of(world.app, add_person(world.app, "auditor", {Role.ADMINISTRATOR}))
    assert "EPCIS" in auditor.get("/traceability").text
    day = world.now.date().isoformat()
    r = auditor.get("/traceability/epcis.jsonld", params={"from": day, "to": day})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    doc = r.json()
    assert schema_errors(doc) == []
    assert {e["revalo:lpn"] for e in doc["epcisBody"]["eventList"]} == {lpn}
    bad = auditor.get("/traceability/epcis.jsonld", params={"from": "2026-02-31"})
    assert bad.status_code == 200 and "field-error" in bad.text
    # The administrator exports but does not capture: no form for it.
    assert "/traceability/capture" not in auditor.get("/traceability").text


def test_a_partners_file_is_captured_and_a_bad_one_named(sqlite_world: World) -> None:
    world = sqlite_world
    lpn = received_unit(world, world.laptop, "SN-UP")
    manager = add_person(world.app, "c.moreau", {Role.FLOW_MANAGER})
    web = client_of(world.app, manager, lang="fr")
    page = web.get("/traceability").text
    csrf = page.split('name="csrf" value="')[1].split('"')[0]
    doc = json.dumps(_receipt(world, "SN-UP", "HUB-FR")).encode()
    r = web.post(
        "/traceability/capture",
        data={"csrf": csrf},
        files={"document": ("events.jsonld", doc, "application/ld+json")},
    )
    assert r.status_code == 200, r.text
    assert "1 changement(s) appliqué(s), 0 déjà reçu(s) avant" in r.text and lpn in r.text
    junk = web.post(
        "/traceability/capture",
        data={"csrf": csrf},
        files={"document": ("x.json", b"{oops", "application/json")},
    )
    assert "n'est pas un document JSON" in html.unescape(junk.text)
    wrong = _receipt(world, "SN-UP", "HUB-FR")
    wrong["epcisBody"]["eventList"][0]["colour"] = "red"
    refused = web.post(
        "/traceability/capture",
        data={"csrf": csrf},
        files={"document": ("x.jsonld", json.dumps(wrong).encode(), "application/ld+json")},
    )
    said = html.unescape(refused.text)
    assert "le document n'est pas un document EPCIS 2.0 valide" in said
    assert "epcisBody/eventList/0 : la propriété « colour » n'est pas permise ici" in said
    assert "not allowed" not in said
    empty = web.post("/traceability/capture", data={"csrf": csrf})
    assert "choisissez le document EPCIS" in empty.text
