"""Monthly billing through the services, on SQLite and PostgreSQL, on the case of
billing_world.py (March and April 2025), every figure worked out by hand:

- client A (VELO-NORD, French, VAT 20 %) in March: 2 returns received (RMA1 on 3 March,
  RMA4 on 5 March, its second unit on 6 March), 2 gradings (SN-1, AC-1), 2 data wipes
  done, 90 minutes of refurbishment (1.50 h), storage 10 + 27 + 26 = 63 unit-days (SN-1
  from 3 March until its sale on 13 March; AC-1 from 5 March, AC-2 from 6 March, both still
  held), no outbound consignment (SN-1 was sold in house);
- client A in April: 30 + 30 unit-days of storage only (the cleaning priced at nothing);
- client B (CASA-SUD, German with a VAT number: reverse charge) in March: 2 returns, 1
  grading, storage 3 (the drill, 4 to 7 March) + 24 (the sofa, from 8 March) unit-days,
  1 outbound consignment (the drill to the recycler).
"""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from revalo.domain.billing import REVERSE_CHARGE, Activity, Rates
from revalo.domain.errors import InvalidValue, NotAllowed, NotFound, PermissionDenied
from revalo.domain.invoices import DocumentKind
from revalo.domain.people import Role, User
from revalo.services import billing, billing_rates
from revalo.services.billing_ports import InvoiceFilter
from tests.conftest import World
from tests.integration.billing_world import (
    CARDS,
    FINANCE,
    A,
    B,
    billing_case,
    repaired_in_march_and_april,
)
from tests.integration.flows import snapshot
from tests.integration.test_concurrency import no_violations, together

D = Decimal
APRIL_2 = date(2025, 4, 2)


@pytest.fixture
def case(world: World) -> World:
    billing_case(world)
    repaired_in_march_and_april(world)
    return world


def lines(invoice: billing.Invoice) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [
        (line.activity.value if line.activity else "", line.quantity, line.unit_price, line.amount)
        for line in invoice.lines
    ]


def test_a_run_prices_exactly_the_clients_activities_of_the_month_once(case: World) -> None:
    u = case.app.uow
    first = billing.run_billing(u(), A, "2025-03", today=APRIL_2, by=FINANCE)
    inv = first.invoice
    assert first.created and inv.number == "INV-2025-00001"
    assert (inv.client_code, inv.period, inv.issued_on, inv.due_on) == (
        A,
        "2025-03",
        APRIL_2,
        date(2025, 5, 2),
    )
    assert lines(inv) == [
        ("return_received", D(2), D("2.50"), D("5.00")),
        ("unit_graded", D(2), D("1.20"), D("2.40")),
        ("data_wipe", D(2), D("4.00"), D("8.00")),
        ("repair_hours", D("1.50"), D("42.00"), D("63.00")),
        ("storage_unit_days", D(63), D("0.05"), D("3.15")),
    ]
    assert (inv.net, inv.vat_rate, inv.vat, inv.gross) == (
        D("81.55"),
        D(20),
        D("16.31"),
        D("97.86"),
    )
    items = billing.invoice_items(u(), inv.number, by=FINANCE)
    assert sorted((i.activity.value, i.ref, i.quantity) for i in items) == sorted(
        [
            ("return_received", "RMA00000001", D(1)),
            ("return_received", "RMA00000004", D(1)),
            ("unit_graded", items[2].ref, D(1)),
            ("unit_graded", items[3].ref, D(1)),
            ("data_wipe", "WO00000001", D(1)),
            ("data_wipe", "WO00000003", D(1)),
            ("repair_hours", "WO00000005", D(90)),
            ("storage_unit_days", "LPN000000001", D(10)),
            ("storage_unit_days", "LPN000000003", D(27)),
            ("storage_unit_days", "LPN000000004", D(26)),
        ]
    )
    assert all(i.ref.startswith("event ") for i in items if i.activity is Activity.UNIT_GRADED)
    # A second run, however asked, changes nothing and gives the same invoice.
    before = snapshot(case.app)
    again = billing.run_billing(u(), "velo-nord", "2025-03", today=date(2025, 6, 1), by=FINANCE)
    assert not again.created and again.invoice == inv
    after = snapshot(case.app)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }
    # Client B's month: its own activities only, reverse charged.
    theirs = billing.run_billing(u(), B, "2025-03", today=APRIL_2, by=FINANCE).invoice
    assert theirs.number == "INV-2025-00002"
    assert lines(theirs) == [
        ("return_received", D(2), D("3.00"), D("6.00")),
        ("unit_graded", D(1), D("1.00"), D("1.00")),
        ("storage_unit_days", D(27), D("0.08"), D("2.16")),
        ("outbound_consignment", D(1), D("9.00"), D("9.00")),
    ]
    assert (theirs.net, theirs.vat, theirs.gross) == (D("18.16"), D(0), D("18.16"))
    assert theirs.vat_mention == REVERSE_CHARGE and theirs.buyer.country == "DE"
    no_violations(case)


def test_the_monthly_minimum_tops_up_a_quiet_month(case: World) -> None:
    inv = billing.run_billing(case.app.uow(), A, "2025-04", today=date(2025, 5, 1), by=FINANCE)
    assert lines(inv.invoice) == [
        ("storage_unit_days", D(60), D("0.05"), D("3.00")),
        ("minimum_top_up", D(1), D("7.00"), D("7.00")),
    ]
    assert (inv.invoice.net, inv.invoice.vat, inv.invoice.gross) == (D("10.00"), D("2.00"), D(12))


def test_what_cannot_be_billed_is_refused_and_nothing_is_written(case: World) -> None:
    u = case.app.uow
    before = snapshot(case.app)
    with pytest.raises(InvalidValue, match="month 2025-04 is not over"):
        billing.run_billing(u(), A, "2025-04", today=date(2025, 4, 30), by=FINANCE)
    with pytest.raises(InvalidValue, match="write it YYYY-MM"):
        billing.run_billing(u(), A, "2025-13", by=FINANCE)
    with pytest.raises(NotFound, match="no rate card valid on 2024-12-01"):
        billing.run_billing(u(), A, "2024-12", by=FINANCE)
    with pytest.raises(NotAllowed, match="nothing to bill client CASA-SUD for 2025-02"):
        billing.run_billing(u(), B, "2025-02", by=FINANCE)
    with pytest.raises(NotFound, match="no client 'NOBODY'"):
        billing.run_billing(u(), "NOBODY", "2025-02", by=FINANCE)
    with pytest.raises(PermissionDenied, match="run_billing"):
        billing.run_billing(
            u(), A, "2025-03", by=User(login="hands", name="Hands", roles=frozenset({Role.HANDLER}))
        )
    after = snapshot(case.app)
    assert {k: v for k, v in after.items() if k != "audit_log"} == {
        k: v for k, v in before.items() if k != "audit_log"
    }


def test_an_issued_invoice_cannot_be_edited_only_credited(case: World) -> None:
    u = case.app.uow
    inv = billing.run_billing(u(), A, "2025-03", today=APRIL_2, by=FINANCE).invoice
    with pytest.raises(NotAllowed, match="INV-2025-00001 was issued on 2025-04-02: it cannot"):
        inv.ensure_editable()
    with pytest.raises(dataclasses.FrozenInstanceError):
        inv.net = D(1)  # type: ignore[misc]
    part = billing.credit_invoice(
        u(),
        inv.number,
        amount=D("20.00"),
        reason="storage overcharged",
        today=date(2025, 4, 9),
        by=FINANCE,
    )
    assert (part.number, part.kind, part.corrects) == (
        "AV-2025-00001",
        DocumentKind.CREDIT_NOTE,
        inv.number,
    )
    assert (part.net, part.vat, part.gross) == (D("-20.00"), D("-4.00"), D("-24.00"))
    with pytest.raises(NotAllowed, match=r"has 61\.55 EUR left to credit, not 70\.00"):
        billing.credit_invoice(u(), inv.number, amount=D("70.00"), reason="x", by=FINANCE)
    with pytest.raises(InvalidValue, match="needs its reason"):
        billing.credit_invoice(u(), inv.number, reason="  ", by=FINANCE)
    rest = billing.credit_invoice(
        u(), inv.number, reason="contract ended", today=date(2025, 4, 10), by=FINANCE
    )
    assert (rest.number, rest.net, rest.vat) == ("AV-2025-00002", D("-61.55"), D("-12.31"))
    with pytest.raises(NotAllowed, match="already credited in full"):
        billing.credit_invoice(u(), inv.number, reason="again", by=FINANCE)
    with pytest.raises(NotAllowed, match="is a credit note"):
        billing.credit_invoice(u(), rest.number, reason="no", by=FINANCE)
    view = billing.get_invoice(u(), inv.number, by=FINANCE)
    assert view.invoice == inv and view.creditable == 0
    assert [c.number for c in view.credits] == ["AV-2025-00001", "AV-2025-00002"]
    assert billing.run_billing(u(), A, "2025-03", by=FINANCE).invoice == inv
    no_violations(case)


def test_a_client_sees_only_its_own_invoices(case: World) -> None:
    u = case.app.uow
    mine = billing.run_billing(u(), A, "2025-03", today=APRIL_2, by=FINANCE).invoice
    theirs = billing.run_billing(u(), B, "2025-03", today=APRIL_2, by=FINANCE).invoice
    a_user = User(login="velo", name="Velo", roles=frozenset({Role.CLIENT}), client_code=A)
    got, count = billing.list_invoices(u(), InvoiceFilter(), by=a_user)
    assert ([i.number for i in got], count) == ([mine.number], 1)
    with pytest.raises(PermissionDenied, match="only for the client VELO-NORD"):
        billing.list_invoices(u(), InvoiceFilter(client_code=B), by=a_user)
    with pytest.raises(NotFound, match="no invoice"):
        billing.get_invoice(u(), theirs.number, by=a_user)
    with pytest.raises(NotFound, match="no invoice"):
        billing.invoice_items(u(), theirs.number, by=a_user)
    assert [c.client_code for c in billing_rates.rate_cards(u(), by=a_user)] == [A]
    with pytest.raises(PermissionDenied):
        billing_rates.rate_cards(u(), B, by=a_user)
    everything, n = billing.list_invoices(u(), InvoiceFilter(), by=FINANCE)
    assert n == 2 and {i.number for i in everything} == {mine.number, theirs.number}


def test_rate_cards_load_once_and_a_new_version_prices_the_months_after(case: World) -> None:
    u = case.app.uow
    assert billing_rates.load_rate_cards(u(), CARDS, by=FINANCE) == (0, 2)
    changed = CARDS.replace('return_received = "2.50"', 'return_received = "2.60"')
    with pytest.raises(NotAllowed, match="a version is never changed"):
        billing_rates.load_rate_cards(u(), changed, by=FINANCE)
    with pytest.raises(InvalidValue, match=r"cards\[1\]\.rates: unknown key per_pallet_day"):
        billing_rates.load_rate_cards(
            u(), CARDS.replace("monthly_minimum", "per_pallet_day"), by=FINANCE
        )
    billing_rates.add_rate_card(
        u(), A, valid_from=date(2025, 4, 1), rates=Rates(storage_unit_day=D("0.04")), by=FINANCE
    )
    versions = billing_rates.rate_cards(u(), A, by=FINANCE)
    assert [(c.valid_from, c.rates.storage_unit_day) for c in versions] == [
        (date(2025, 1, 1), D("0.05")),
        (date(2025, 4, 1), D("0.04")),
    ]
    assert versions[1].buyer == versions[0].buyer  # the parties carry over
    april = billing.run_billing(u(), A, "2025-04", today=date(2025, 5, 1), by=FINANCE).invoice
    assert lines(april) == [("storage_unit_days", D(60), D("0.04"), D("2.40"))]


def test_the_documents_lines_and_items_as_csv(case: World) -> None:
    u = case.app.uow
    inv = billing.run_billing(u(), A, "2025-03", today=APRIL_2, by=FINANCE).invoice
    text = billing.lines_csv([inv]).splitlines()
    assert text[0].split(",") == list(billing.LINE_COLUMNS)
    assert text[4].split(",")[5:11] == [
        "4",
        "repair_hours",
        "Repair hours / Heures de réparation",
        "1.50",
        "42.00",
        "63.00",
    ]
    items = billing.items_csv(inv.number, billing.invoice_items(u(), inv.number, by=FINANCE))
    assert "INV-2025-00001,repair_hours,WO00000005,LPN000000003,2025-03-10,90" in items
    assert len(items.splitlines()) == 11


def test_runs_at_once_issue_one_invoice_per_client_and_month_numbered_without_gaps(
    case: World,
) -> None:
    u = case.app.uow

    def run(i: int) -> str:
        outcome = billing.run_billing(u(), (A, B)[i % 2], "2025-03", today=APRIL_2, by=FINANCE)
        return outcome.invoice.number

    results = together(6, run)
    assert all(isinstance(r, str) for r in results), results
    assert {results[0], results[2], results[4]} == {results[0]}  # every A run: one invoice
    assert {results[1], results[3], results[5]} == {results[1]}
    assert {results[0], results[1]} == {"INV-2025-00001", "INV-2025-00002"}
    _, count = billing.list_invoices(u(), InvoiceFilter(), by=FINANCE)
    assert count == 2
    no_violations(case)
