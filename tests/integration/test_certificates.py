"""Certificates of sanitisation per medium, the refurbished claim, the treatment
facilities' certificates and a unit's trail, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pypdfium2 as pdfium
import pytest
import sqlalchemy as sa

from revalo.adapters.certificate_pdf import render_certificates
from revalo.domain.disposition import DispositionRoute as Route
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound, PermissionDenied
from revalo.domain.people import Role, User
from revalo.services import certificates, facilities, stock
from revalo.services import work_orders as wo
from revalo.services.audit_trail import unit_trail
from tests.conftest import World
from tests.integration.certificate_world import (
    OWNER,
    client_user,
    medium,
    own_laptops,
    owned_laptop,
    wiped_laptop,
)
from tests.integration.flows import (
    decide,
    do_work,
    received_unit,
    snapshot,
)
from tests.people import person


@pytest.fixture
def owned(world: World) -> World:
    return own_laptops(world)


def test_each_medium_has_its_certificate_as_pdf_and_json(owned: World) -> None:
    lpn, _ = wiped_laptop(owned, "SSD-A1", "SSD-B2")
    found = certificates.unit_certificates(owned.app.uow(), lpn, by=person("reader"))
    assert [c.number for c in found.certificates] == ["SAN00000001-1", "SAN00000001-2"]
    first = found.certificates[0].as_json()
    assert first["device"]["serial"] == "SN-LAP-1"
    assert first["media"] == {"serial": "SSD-A1", "type": "ssd"}
    assert first["sanitisation"]["method"] == "purge"
    assert first["sanitisation"]["toolVersion"] == "2.8"
    assert first["sanitisation"]["operator"] == "tech"
    assert first["verification"] == {"method": "full read-back", "verified": True}
    pdf = pdfium.PdfDocument(render_certificates(found.certificates))
    assert len(pdf) == 2
    text = pdf[1].get_textpage().get_text_range()
    assert "SN-LAP-1" in text and "SSD-B2" in text and "purge" in text
    assert "SAN00000001-2" in text


def test_a_wipe_with_no_medium_recorded_keeps_one_certificate_for_the_device(
    owned: World,
) -> None:
    lpn, _ = wiped_laptop(owned)
    (only,) = certificates.unit_certificates(owned.app.uow(), lpn, by=person("reader")).certificates
    assert (only.number, only.media_serial, only.tool) == ("SAN00000001", None, "Blancco 7")
    text = pdfium.PdfDocument(render_certificates([only]))[0].get_textpage().get_text_range()
    assert "not recorded" in text


def test_the_client_who_owns_the_unit_downloads_it_and_no_other(owned: World) -> None:
    lpn, _ = wiped_laptop(owned, "SSD-A1")
    mine = certificates.certificate(owned.app.uow(), "san00000001-1", by=client_user(OWNER))
    assert mine.device.lpn == lpn
    with pytest.raises(PermissionDenied, match="for the client CASA-SUD"):
        certificates.certificate(owned.app.uow(), "SAN00000001-1", by=client_user("CASA-SUD"))
    with pytest.raises(NotFound, match="SAN00000001-9"):
        certificates.certificate(owned.app.uow(), "SAN00000001-9", by=person("reader"))
    with pytest.raises(InvalidValue, match="numbered SAN"):
        certificates.certificate(owned.app.uow(), "WO1", by=person("reader"))


def test_a_medium_is_recorded_only_on_a_wipe_in_progress_and_once(owned: World) -> None:
    lpn = owned_laptop(owned)
    wipe = decide(owned, lpn, Route.RESELL).work_orders[0]
    before = snapshot(owned.app)
    with pytest.raises(InvalidValue, match="while the wipe is in progress"):
        medium(owned, wipe, "SSD-A1")
    wo.start_work_order(owned.app.uow(), wipe.id, by=person("tech"))
    medium(owned, wipe, "SSD-A1")
    with pytest.raises(InvalidValue, match="recorded on WO00000001 already"):
        medium(owned, wipe, " ssd-a1 ")
    with pytest.raises(InvalidValue, match="tool version"):
        medium(owned, wipe, "SSD-B2", tool_version=" ")
    assert before != snapshot(owned.app)


def test_two_technicians_recording_media_at_once_take_two_places(owned: World) -> None:
    lpn = owned_laptop(owned)
    wipe = decide(owned, lpn, Route.RESELL).work_orders[0]
    wo.start_work_order(owned.app.uow(), wipe.id, by=person("tech"))
    barrier, errors = threading.Barrier(4), []

    def record(serial: str) -> None:
        barrier.wait()
        try:
            medium(owned, wipe, serial)
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=record, args=(f"DISK-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with owned.app.engine.connect() as conn:
        rows = conn.execute(sa.text("select position, media_serial from wiped_media")).all()
    assert sorted(p for p, _ in rows) == [1, 2, 3, 4]
    assert {s for _, s in rows} == {f"DISK-{i}" for i in range(4)}


def test_refurbished_only_when_tested_repaired_and_wiped(owned: World) -> None:
    lpn, orders = wiped_laptop(owned, "SSD-A1")
    claim = certificates.unit_certificates(owned.app.uow(), lpn, by=person("reader")).refurbished
    assert claim.missing == ("tested",)
    assert not claim.allowed
    for order in orders[1:]:
        do_work(owned, order)
    claim = certificates.unit_certificates(owned.app.uow(), lpn, by=person("reader")).refurbished
    assert claim.allowed and claim.wiped == ("SAN00000001-1",)
    assert claim.tested == orders[1].number


def certify(world: World, number: str, expires_on: date, site: str = "REC-FR") -> None:
    facilities.record_facility_certificate(
        world.app.uow(),
        site,
        by=person("admin"),
        number=number,
        scope="WEEE treatment, categories 1-6",
        issuer="WEEELABEX",
        issued_on=expires_on - timedelta(days=365 * 3),
        expires_on=expires_on,
    )


def test_an_expired_facility_certificate_is_refused_as_a_destination(world: World) -> None:
    today = world.now.date()
    certify(world, "WLX-2023-114", today - timedelta(days=1))
    lpn = received_unit(world, world.laptop, "SN-1")
    before = snapshot(world.app)
    with pytest.raises(NotAllowed, match="WLX-2023-114 of REC-FR expired on"):
        decide(world, lpn, Route.RECYCLE, "REC-FR")
    assert snapshot(world.app) == before
    certify(world, "WLX-2026-007", today + timedelta(days=20))
    decide(world, lpn, Route.RECYCLE, "REC-FR")
    flagged = facilities.expiring_certificates(world.app.uow(), by=person("reader"), on=today)
    assert [(c.number, s.value) for c, s in flagged] == [("WLX-2026-007", "expiring")]


def test_a_unit_is_not_dispatched_to_a_facility_whose_certificate_expired_since(
    world: World,
) -> None:
    today = world.now.date()
    certify(world, "WLX-1", today + timedelta(days=40))
    lpn = received_unit(world, world.sofa, "SN-SOFA")
    decide(world, lpn, Route.RECYCLE, "REC-FR")
    later = world.now + timedelta(days=41)
    with pytest.raises(NotAllowed, match="expired on"):
        stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"), at=later)
    assert stock.dispatch_unit(world.app.uow(), lpn, by=person("bob")).destination_site


def test_facility_certificates_are_a_recyclers_and_kept_once(world: World) -> None:
    day = world.now.date()
    with pytest.raises(InvalidValue, match="treatment certificates are a recycler's"):
        certify(world, "X-1", day, site="HUB-FR")
    certify(world, "X-1", day)
    with pytest.raises(InvalidValue, match="has the certificate X-1 already"):
        certify(world, "X-1", day)


def test_the_trail_has_every_event_decision_with_its_rule_and_document(owned: World) -> None:
    lpn, _ = wiped_laptop(owned, "SSD-A1")
    trail = unit_trail(owned.app.uow(), lpn, by=person("auditor"))
    kinds = [(e.kind.value, e.what) for e in trail.entries]
    assert ("event", "received") in kinds and ("event", "inspected") in kinds
    decision = next(e for e in trail.entries if e.what == "refurbish")
    assert decision.who == "manager" and decision.reason == "refurbish in-house"
    assert "décret 2022-190" in decision.rule and "NIST SP 800-88" in decision.rule
    rma = next(e for e in trail.entries if e.what == "return_authorised")
    assert "2011/83/EU" in rma.rule
    cert = next(e for e in trail.entries if e.what == "certificate_of_sanitisation")
    assert cert.reference == "SAN00000001-1"
    assert [e.at for e in trail.entries] == sorted(e.at for e in trail.entries)
    rows = trail.as_csv().splitlines()
    assert rows[0] == "at,kind,what,who,reason,rule,reference,site"
    assert len(rows) == len(trail.entries) + 1
    with pytest.raises(PermissionDenied, match="audit_units"):
        unit_trail(owned.app.uow(), lpn, by=client_user(OWNER))
    auditor = User(login="aude", name="Aude", roles={Role.AUDITOR})
    assert unit_trail(owned.app.uow(), lpn, by=auditor).entries == trail.entries
