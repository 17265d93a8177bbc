"""The cost ledger's arithmetic and its rates file: cents rounded half up once per line,
a bad rates file refused with what is wrong."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from revalo.domain.costs import (
    ChannelFee,
    CostStage,
    Flow,
    GroupTotal,
    drivers,
    labour_cents,
    rows_of,
    storage_cents,
    total_row,
)
from revalo.domain.errors import InvalidValue
from revalo.services.cost_rates import load_rates, rates_from_dict


def test_lines_round_half_up_to_the_cent() -> None:
    assert labour_cents(15, 3500) == 875
    assert labour_cents(1, 3503) == 58  # 58.383...
    assert labour_cents(1, 3510) == 59  # 58.5 rounds up
    assert storage_cents(86_400, 5) == 5
    assert storage_cents(13_800, 10) == 2  # 3 h 50 min at 0.10 a day: 1.597 cents
    assert ChannelFee("MKT", Decimal("0.15"), 50).cents(42_000) == 6_350


def test_the_shipped_rates_say_what_they_charge() -> None:
    rates = load_rates()
    assert rates.labour_rate("ANYWHERE") == 3500
    assert rates.storage_rate("graded_stock") == 5 and rates.storage_rate("in_transit") == 0
    assert rates.channel_of("refurbish") == "REFURB-MKT" and rates.channel_of(None) == ""


def test_a_bad_rates_file_is_refused_with_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(InvalidValue, match=r"\[handling\] needs receipt_eur_per_unit"):
        rates_from_dict({"labour": {"default_eur_per_hour": 30, "data_wipe_licence_eur": 1}})
    bad = tmp_path / "costs.toml"
    bad.write_text("[labour\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match="is not TOML"):
        load_rates(bad)
    with pytest.raises(InvalidValue, match="cannot read"):
        load_rates(tmp_path / "none.toml")
    raw = {
        "labour": {"default_eur_per_hour": -1, "data_wipe_licence_eur": 1},
        "handling": {"receipt_eur_per_unit": 1, "outbound_eur_per_unit": 1},
    }
    with pytest.raises(InvalidValue, match="cannot be negative"):
        rates_from_dict(raw)


def test_rows_total_and_drivers() -> None:
    totals = [
        GroupTotal(("A",), CostStage.REPAIR, 1_000, 0),
        GroupTotal(("A",), CostStage.SALE, 5_000, 0),
        GroupTotal(("B",), CostStage.TRANSPORT, 3_000, 0),
    ]
    rows = rows_of(totals, {("A",): 2, ("B",): 1})
    assert [r.key for r in rows] == [("B",), ("A",)], "the costliest first"
    total = total_row(rows, 3)
    assert total.cents(Flow.COST) == 4_000 and total.recovered == Decimal("50.00")
    assert rows[1].cost_per_unit == Decimal("5.00")
    top = drivers({("repair", "labour", "S"): 1_180}, {("repair", "labour", "S"): 1_000})
    assert top[0].change == 180 and top[0].change_pct == pytest.approx(18.0)
