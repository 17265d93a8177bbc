"""``revalo plan collections`` on a temporary SQLite file."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import timedelta
from pathlib import Path

from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import returns
from tests.conftest import World
from tests.e2e.conftest import revalo
from tests.people import person


def _authorised(world: World, customer: str, sku: str, quantity: int = 1) -> str:
    reason = ReturnReason.END_OF_LEASE if customer.startswith("B-") else ReturnReason.WITHDRAWAL
    rma = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code=customer,
        lines=[returns.LineRequest(sku, quantity, reason)],
        delivered_at=world.now - timedelta(days=3),
        by=person("portal"),
        auto_decide=False,
    )
    returns.authorise_return(world.app.uow(), rma.number, by=person("ines"), reason="ok")
    return rma.number


def _week_later(world: World) -> str:
    return (world.now.date() + timedelta(days=8)).isoformat()


def test_plan_show_draw_and_commit(db: tuple[Path, World], tmp_path: Path) -> None:
    path, world = db
    acme = _authorised(world, "B-ACME", "LAP-14", 8)  # next to the hub: worth a van's trip
    paris = _authorised(world, "C-ANNE", "SOFA-3")
    picture = tmp_path / "plan.svg"
    args = ["plan", "collections", "--date", _week_later(world), "--region", "FR"]
    shown = revalo(*args, "--seconds", "1", "--svg", picture, "--db", path)
    assert shown.exit_code == 0, shown.output
    for words in ("COL00000001", "Routes of", "OWN-", acme, "Not collected today", paris):
        assert words in shown.output, words
    assert "Collect or ship" in shown.output and "no vehicle can collect it" in shown.output
    assert f"Handed to a carrier today: {paris}" in shown.output
    assert "1 collected, 1 to a carrier, 0 waiting" in shown.output
    svg = ET.parse(picture).getroot()
    assert len(svg.findall("{http://www.w3.org/2000/svg}polyline")) == 1

    committed = revalo(*args, "--seconds", "1", "--commit", "--json", "--db", path)
    assert committed.exit_code == 0, committed.output
    body = json.loads(committed.output)
    assert body["reference"] == "COL00000002" and body["status"] == "committed"
    assert [s["rma_number"] for r in body["routes"] for s in r["stops"]] == [acme]
    with world.app.uow() as uow:
        rma = uow.returns.get(acme)
        consignment = uow.consignments.for_rma(acme)
        handed = uow.consignments.for_rma(paris)
    assert rma is not None and rma.state is ReturnState.IN_TRANSIT
    assert consignment is not None and consignment.carrier == "Own fleet"
    assert consignment.km == body["collections"][0]["km"]
    # The Paris sofa went to the carrier the plan priced: its parcel is booked.
    assert handed is not None and handed.service_id == "BULKY-2MAN"

    # Nothing is left to collect near Lyon: the plan is shown, the commit refused.
    empty = revalo(*args, "--seconds", "1", "--commit", "--db", path)
    assert empty.exit_code == 1
    assert "COL00000003" in empty.output and "collects nothing" in empty.output


def test_wrong_options_are_refused(db: tuple[Path, World]) -> None:
    path, _ = db
    bad_date = revalo("plan", "collections", "--date", "10/03/2025", "--region", "FR", "--db", path)
    assert bad_date.exit_code == 2 and "--date '10/03/2025': not a date" in bad_date.output
    no_hub = revalo("plan", "collections", "--date", "2025-03-10", "--region", "BE", "--db", path)
    assert no_hub.exit_code == 1 and "no returns hub in BE" in no_hub.output
    bad_region = revalo(
        "plan", "collections", "--date", "2025-03-10", "--region", "F1", "--db", path
    )
    assert bad_region.exit_code == 1 and "region 'F1'" in bad_region.output
    too_long = revalo(
        "plan",
        "collections",
        "--date",
        "2025-03-10",
        "--region",
        "FR",
        "--seconds",
        "601",
        "--db",
        path,
    )
    assert too_long.exit_code == 2
