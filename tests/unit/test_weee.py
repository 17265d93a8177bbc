"""The WEEE report's arithmetic and the ESPR disclosure's sums on rows made by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from revalo.domain.errors import InvalidValue
from revalo.domain.espr import Derogation, DestructionRefusal, DiscardRow, Step, espr_report
from revalo.domain.units import UnitState as S
from revalo.domain.weee import Facility, Outcome, WeeeRow, outcome_of, weee_report

DAY = date(2026, 11, 30)
REC = Facility("REC", "Recycler", "FR", "Grenoble", "recycler", True)


def _report(*rows: WeeeRow) -> list:
    return weee_report(rows, [REC], since=DAY, until=DAY).lines


def test_each_state_has_its_outcome() -> None:
    assert outcome_of(S.SOLD) is Outcome.PREPARED_FOR_REUSE
    assert outcome_of(S.HARVESTED) is Outcome.DISMANTLED
    assert outcome_of(S.IN_PROCESS) is Outcome.PENDING
    assert outcome_of(S.RETURNED_TO_VENDOR) is Outcome.RETURNED_TO_VENDOR


def test_lamps_are_judged_on_recycling_alone() -> None:
    # 10 kg of lamps: 7 recycled, 2 re-used, 1 dismantled. Recycled 7 / 10 = 70 % < 80 %.
    (lamps,) = _report(
        WeeeRow("FR", 3, S.RECYCLED, "REC", 7, 7.0),
        WeeeRow("FR", 3, S.RESTOCKED, "HUB", 2, 2.0),
        WeeeRow("FR", 3, S.HARVESTED, "HUB", 1, 1.0),
    )
    (rate,) = lamps.rates
    assert (rate.name, rate.value, rate.target, rate.met) == ("recycled", 0.7, 0.8, False)


def test_large_equipment_on_its_two_targets() -> None:
    # 100 kg: 60 re-used, 25 recycled, 5 disposed, 10 returned to the vendor (left out).
    (large,) = _report(
        WeeeRow("FR", 4, S.SENT_TO_PARTNER, "OUT", 3, 60.0),
        WeeeRow("FR", 4, S.RECYCLED, "REC", 1, 25.0),
        WeeeRow("FR", 4, S.DISPOSED, "REC", 1, 5.0),
        WeeeRow("FR", 4, S.RETURNED_TO_VENDOR, "VEN", 1, 10.0),
    )
    recovered, reuse_recycled = large.rates
    # (60 + 25) / (100 - 10) = 94.4 %: both targets (85 %, 80 %) met.
    assert recovered.value == pytest.approx(85 / 90) and recovered.met
    assert reuse_recycled.target == 0.80 and reuse_recycled.met
    assert not large.provisional


def test_a_rate_exactly_on_its_target_is_met_and_nothing_collected_has_none() -> None:
    (small,) = _report(
        WeeeRow("FR", 5, S.RECYCLED, "REC", 1, 55.0),
        WeeeRow("FR", 5, S.DISPOSED, "REC", 1, 45.0),
    )
    assert [r.met for r in small.rates] == [False, True]  # 55 % < 75 %; 55 % = 55 %
    (vendor,) = _report(WeeeRow("DE", 6, S.RETURNED_TO_VENDOR, "VEN", 1, 1.0))
    assert [(r.value, r.met) for r in vendor.rates] == [(None, None), (None, None)]


def test_a_period_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidValue, match="before it starts"):
        weee_report([], [], since=DAY, until=date(2026, 11, 1))


def test_the_espr_sums_by_reason_and_step() -> None:
    rows = [
        DiscardRow("coat", S.RECYCLED, False, "D", 2, 2.4),
        DiscardRow("coat", S.HARVESTED, True, "C", 1, 1.1),
        DiscardRow("coat", S.SOLD, False, "A", 5, 6.0),  # not discarded
    ]
    at = datetime(2026, 11, 3, tzinfo=UTC)
    refused = [DestructionRefusal(1, "LPN1", "COAT-M", "coat", 1.2, at, "m", "espr_art_25", "x")]
    report = espr_report(2026, rows, refused)
    (coat,) = report.lines
    assert (coat.total.units, coat.total.kg) == (3, pytest.approx(3.5))
    assert coat.by_reason[Derogation.DAMAGED_BEYOND_REPAIR].units == 2
    assert coat.by_reason[Derogation.DANGEROUS].units == 1
    assert coat.by_step[Step.PREPARING_FOR_REUSE].kg == pytest.approx(1.1)
    assert [(r.law, r.count.units) for r in report.refused] == [("espr_art_25", 1)]


def test_a_report_out_of_the_years_it_covers_is_refused() -> None:
    from revalo.services import compliance_reports as reports
    from tests.people import person

    with pytest.raises(InvalidValue, match="years 2000 to 2100"):
        reports.weee_report(
            None,  # type: ignore[arg-type]  # refused before any storage is asked
            by=person("manager"),
            since=date(9999, 12, 31),
            until=date(9999, 12, 31),
        )
