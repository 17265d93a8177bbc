"""The demo's billing: Maison Borea and Nido Home, each with its rate card, billed for the
demo's month that is over (January 2025, the demo running from 20 January to 16 February);
Volt & Casa has no rate card and is not billed. Each invoice prices what the demo recorded
for its client, at least the card's minimum, with French VAT."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from revalo.adapters.invariants import check_database
from revalo.bootstrap import bootstrap
from revalo.demo.billing import months_over
from revalo.services import billing
from revalo.services.billing_ports import InvoiceFilter
from revalo.settings import Settings
from tests.demo_builds import demo_copy
from tests.people import person

LAST = date(2025, 2, 16)


def test_months_over() -> None:
    assert months_over(date(2025, 1, 20), date(2025, 2, 17)) == ["2025-01"]
    assert months_over(date(2024, 12, 2), date(2025, 3, 1)) == ["2024-12", "2025-01", "2025-02"]


def test_the_demo_bills_two_clients_for_its_month(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    url = demo_copy(tmp_path_factory, tmp_path / "demo.db")
    app = bootstrap(Settings(database_url=url))
    reader = person("reader")
    try:
        found, count = billing.list_invoices(app.uow(), InvoiceFilter(), by=reader)
        assert count == 2
        assert sorted((i.client_code, i.period, i.number) for i in found) == [
            ("MAISON-BOREA", "2025-01", "INV-2025-00001"),
            ("NIDO-HOME", "2025-01", "INV-2025-00002"),
        ]
        minimum = {"MAISON-BOREA": Decimal("250.00"), "NIDO-HOME": Decimal("400.00")}
        for inv in found:
            assert inv.net >= minimum[inv.client_code] and inv.vat_rate == 20
            assert inv.vat == (inv.net * Decimal("0.2")).quantize(Decimal("0.01"))
            # What it priced is what the demo recorded: priced again now, the same lines.
            again = billing.preview_billing(app.uow(), inv.client_code, inv.period, by=reader)
            assert again.draft.lines == inv.lines
            items = billing.invoice_items(app.uow(), inv.number, by=reader)
            assert len(items) == len(again.items) > 0
        assert check_database(app.engine) == []
    finally:
        app.close()
