"""EPCIS 2.0 by the API and the command: a query answers a valid EPCISQueryDocument, paged by
a Link header; a capture applies a partner's document; the command exports a period and
imports a document; a bad document is refused with where it is wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from revalo.adapters.epcis_schema import schema_errors
from revalo.domain import epcis as ep
from revalo.domain.people import Role
from revalo.entrypoints.api import create_app
from revalo.entrypoints.cli import app as cli
from tests.conftest import World
from tests.e2e.conftest import API, CLI_ENV, ok, revalo
from tests.integration.flows import received_unit
from tests.people import bearer


def _receipt(world: World, serial: str, site: str) -> dict[str, Any]:
    at = ep.format_time(world.now)
    return {
        "@context": ep.CONTEXT,
        "type": "EPCISDocument",
        "schemaVersion": "2.0",
        "creationDate": at,
        "epcisBody": {
            "eventList": [
                {
                    "type": "ObjectEvent",
                    "eventID": "urn:uuid:11111111-2222-4333-8444-555555555555",
                    "eventTime": at,
                    "eventTimeZoneOffset": "+01:00",
                    "action": "OBSERVE",
                    "epcList": [f"https://id.gs1.org/01/{world.laptop.gtin}/21/{serial}"],
                    "bizStep": "inspecting",
                    "disposition": "non_conformant",
                    "bizLocation": {"id": f"urn:revalo:epcis:site:{site}"},
                }
            ]
        },
    }


def test_the_api_answers_a_valid_query_document_paged(
    client: TestClient, sqlite_world: World
) -> None:
    received_unit(sqlite_world, sqlite_world.laptop, "SN-API")
    r = client.get(f"{API}/epcis/events", params={"limit": 1})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/ld+json")
    doc = r.json()
    assert schema_errors(doc) == []
    assert len(doc["epcisBody"]["queryResults"]["resultsBody"]["eventList"]) == 1
    assert 'rel="next"' in r.headers["link"] and "offset=1" in r.headers["link"]
    nxt = client.get(r.headers["link"].split(">")[0].lstrip("<"))
    assert nxt.status_code == 200 and "link" not in nxt.headers
    bad = client.get(f"{API}/epcis/events", params={"bizStep": "inspectin"})
    assert bad.status_code == 422 and "CBV" in bad.text


def test_the_api_captures_a_partners_document(sqlite_world: World) -> None:
    world = sqlite_world
    lpn = received_unit(world, world.laptop, "SN-CAP")
    api = create_app(world.app)
    manager = bearer(world.app, "c.moreau", [Role.FLOW_MANAGER])
    partner = TestClient(api, base_url="http://localhost", headers=manager)
    body = ok(partner.post(f"{API}/epcis/capture", json=_receipt(world, "SN-CAP", "HUB-FR")))
    assert body == {
        "applied": [f"{lpn} reported by HUB-FR: inspecting / non_conformant"],
        "already": 0,
    }
    broken = _receipt(world, "SN-CAP", "HUB-FR")
    broken["epcisBody"]["eventList"][0]["eventTime"] = "yesterday"
    r = partner.post(f"{API}/epcis/capture", json=broken)
    assert r.status_code == 422 and "eventTime" in r.text
    # In French, the schema's refusal too, the place in the document kept.
    fr = partner.post(f"{API}/epcis/capture", json=broken, headers={"Accept-Language": "fr"})
    assert fr.status_code == 422
    assert fr.json()["detail"][0]["message"] == (
        "le document n'est pas un document EPCIS 2.0 valide : "
        'epcisBody/eventList/0/eventTime : "yesterday" n\'est pas une date-heure RFC 3339'
    )
    # A handler reads the floor's goods but does not capture partners' events.
    handler = TestClient(
        api, base_url="http://localhost", headers=bearer(world.app, "hand", [Role.HANDLER])
    )
    refused = handler.post(f"{API}/epcis/capture", json=_receipt(world, "SN-CAP", "HUB-FR"))
    assert refused.status_code == 403


def test_the_command_exports_a_period_and_imports_a_document(
    db: tuple[Path, World], tmp_path: Path
) -> None:
    path, world = db
    received_unit(world, world.laptop, "SN-CLI")
    out = tmp_path / "events.jsonld"
    day = world.now.date().isoformat()
    r = revalo("export", "epcis", out, "--from", day, "--to", day, "--db", path)
    assert r.exit_code == 0, r.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert schema_errors(doc) == []
    assert len(doc["epcisBody"]["eventList"]) == 2  # received, inspected
    assert "Wrote 2 EPCIS event(s)" in r.output
    sent = tmp_path / "partner.jsonld"
    sent.write_text(json.dumps(_receipt(world, "SN-CLI", "HUB-FR")), encoding="utf-8")
    r = revalo("import", "epcis", sent, "--db", path)
    assert r.exit_code == 0, r.output
    assert "1 change(s) applied, 0 already captured before" in r.output
    again = revalo("import", "epcis", sent, "--db", path)
    assert "0 change(s) applied, 1 already captured before" in again.output
    junk = tmp_path / "junk.jsonld"
    junk.write_text("{not json", encoding="utf-8")
    r = revalo("import", "epcis", junk, "--db", path)
    assert r.exit_code == 2 and "not a JSON document" in r.output
    wrong = _receipt(world, "SN-CLI", "HUB-FR")
    del wrong["epcisBody"]["eventList"][0]["action"]
    sent.write_text(json.dumps(wrong), encoding="utf-8")
    french = CliRunner().invoke(
        cli,
        ["import", "epcis", str(sent), "--db", str(path)],
        env={**CLI_ENV, "LANG": "fr_FR.UTF-8"},
    )
    assert french.exit_code == 1
    assert "epcisBody/eventList/0 : la propriété « action » est requise" in french.output
    assert "required" not in french.output
