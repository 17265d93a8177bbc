"""The carriers' receipts as waste transporters at every door: the API keeps one and lists
the carriers with theirs; the carriers page shows them and its form keeps one;
``revalo carriers receipt`` and ``revalo carriers list`` do the same; a handler is kept
out; a wrong receipt is refused by name with nothing written; the page speaks French."""

from __future__ import annotations

import html
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from revalo.domain.people import Role
from revalo.services.transporter_receipts import carrier_names
from tests.conftest import World
from tests.e2e.conftest import API, client_of, revalo
from tests.people import add_person


def _kept(world: World) -> list[tuple[str, str]]:
    with world.app.engine.connect() as conn:
        rows = conn.execute(sa.text("select carrier, number from transporter_receipts order by id"))
        return [(c, n) for c, n in rows]


def test_receipts_by_api_page_and_command(db: tuple[Path, World]) -> None:
    path, world = db
    names = carrier_names(world.app.transport)
    manager = add_person(world.app, "flow", [Role.FLOW_MANAGER])
    handler = add_person(world.app, "h.lyon", [Role.HANDLER])
    later = (datetime.now(UTC).date() + timedelta(days=900)).isoformat()
    body = {"carrier": names[0], "number": "69-2026-001", "department": "69", "valid_until": later}
    with client_of(world.app, manager) as c, client_of(world.app, handler) as h:
        made = c.post(f"{API}/carriers/receipts", json=body)
        assert made.status_code == 201, made.text
        assert made.json()["status"] == "valid" and made.json()["recorded_by"] == "flow"
        bad = c.post(f"{API}/carriers/receipts", json={**body, "carrier": "Nobody Freight"})
        assert bad.status_code == 422 and "is not a carrier of the rate cards" in bad.text
        twice = c.post(f"{API}/carriers/receipts", json=body)
        assert twice.status_code == 422 and "has the receipt 69-2026-001 already" in twice.text
        assert h.post(f"{API}/carriers/receipts", json=body).status_code == 403
        listed = {x["name"]: x for x in c.get(f"{API}/carriers").json()}
        assert list(listed) == names
        assert listed[names[0]]["in_force"] == "69-2026-001"
        assert listed[names[1]]["receipts"] == [] and listed[names[1]]["services"]
        assert _kept(world) == [(names[0], "69-2026-001")]

        page = html.unescape(c.get("/carriers").text)
        assert "69-2026-001" in page and names[1] in page and 'action="/carriers/receipts"' in page
        form = {
            "carrier": names[1],
            "number": "13-2025-9",
            "department": "13",
            "valid_until": later,
        }
        posted = c.post("/carriers/receipts", data=form, follow_redirects=False)
        assert posted.status_code == 303, posted.text
        shown = html.unescape(c.get(posted.headers["location"]).text)
        assert f"Receipt 13-2025-9 of {names[1]} kept." in shown
        refused = html.unescape(
            c.post("/carriers/receipts", data={**form, "department": "20"}).text
        )
        assert "département 20 is not a French département's code" in refused
        assert len(_kept(world)) == 2
        # A handler reads the carriers but has no form to keep a receipt.
        seen = html.unescape(h.get("/carriers").text)
        assert "13-2025-9" in seen and 'action="/carriers/receipts"' not in seen
    with client_of(world.app, manager, "fr") as f:
        french = html.unescape(f.get("/carriers").text)
        assert "Récépissés de transport de déchets" in french and "Valable jusqu'au" in french
        refusal = html.unescape(
            f.post("/carriers/receipts", data={**form, "department": "99"}).text
        )
        assert "le département 99 n'est pas un code de département français" in refusal

    kept = revalo(
        "carriers", "receipt", names[2], "59-2024-3", "--department", "59",
        "--valid-until", later, "--db", path,
    )  # fmt: skip
    assert kept.exit_code == 0, kept.output
    assert f"Kept the receipt 59-2024-3 of {names[2]} as a waste transporter" in kept.output
    wrong = revalo(
        "carriers", "receipt", names[2], "59-X", "--department", "5", "--valid-until", later,
        "--db", path,
    )  # fmt: skip
    assert wrong.exit_code != 0 and "is not a French département's code" in wrong.output
    listed_cli = revalo("carriers", "list", "--db", path)
    assert listed_cli.exit_code == 0, listed_cli.output
    assert "59-2024-3" in listed_cli.output and "69-2026-001" in listed_cli.output
    assert len(_kept(world)) == 3
