"""The WEEE report and the ESPR disclosure on the small scenario of ``compliance_world``,
every figure computed by hand (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from revalo.adapters.invariants import check_database
from revalo.domain.errors import DestructionRefused, InvalidValue, PermissionDenied
from revalo.domain.espr import Derogation, Step
from revalo.domain.people import Role, User
from revalo.domain.weee import Outcome
from revalo.services import compliance_reports as reports
from tests.conftest import World
from tests.integration.compliance_world import R, build, unit
from tests.integration.flows import decide, grade
from tests.integration.test_concurrency import together
from tests.people import person

OUT = Outcome


def _today() -> date:
    return date.today()


@pytest.fixture
def scenario(world: World) -> dict[str, str]:
    return build(world)


def _weee(world: World, **kw: object) -> reports.weee.WeeeReport:
    day = _today()
    return reports.weee_report(
        world.app.uow(), by=person("manager"), since=day - timedelta(days=1), until=day, **kw
    )


def test_weee_tonnes_by_country_category_and_outcome(
    world: World, scenario: dict[str, str]
) -> None:
    report = _weee(world)
    lines = {(ln.country, ln.category): ln for ln in report.lines}
    assert sorted(lines) == [("DE", 5), ("FR", 2), ("FR", 5)]
    laptops = lines["FR", 2].masses
    # L1 re-used, L2 recycled, L3 disposed of, L4 pending: 1.6 kg each.
    assert laptops.kg == pytest.approx(
        {
            OUT.PREPARED_FOR_REUSE: 1.6,
            OUT.RECYCLED: 1.6,
            OUT.DISPOSED: 1.6,
            OUT.DISMANTLED: 0.0,
            OUT.RETURNED_TO_VENDOR: 0.0,
            OUT.PENDING: 1.6,
        }
    )
    assert laptops.units == 4 and laptops.received == pytest.approx(6.4)
    assert laptops.recovered == pytest.approx(3.2) and laptops.collected == pytest.approx(6.4)
    drills = lines["FR", 5].masses
    assert drills.kg[OUT.RECYCLED] == pytest.approx(3.6)
    assert drills.kg[OUT.RETURNED_TO_VENDOR] == pytest.approx(1.8)
    assert drills.collected == pytest.approx(3.6)  # what went back to its vendor is not in
    # D4's customer lives in Germany: collected there, though received at the Lyon hub.
    assert lines["DE", 5].masses.kg[OUT.RECYCLED] == pytest.approx(1.8)
    # Neither the T-shirt nor the sofa is WEEE.
    assert sum(ln.masses.units for ln in report.lines) == 8


def test_weee_annex_v_rates_against_their_targets(world: World, scenario: dict[str, str]) -> None:
    lines = {(ln.country, ln.category): ln for ln in _weee(world).lines}
    laptops = {r.name: r for r in lines["FR", 2].rates}
    # Category 2: recovered 80 %, re-use + recycling 70 %. (1.6 + 1.6) / 6.4 = 50 %.
    assert laptops["recovered"].value == pytest.approx(0.5)
    assert laptops["recovered"].target == 0.80 and laptops["recovered"].met is False
    assert laptops["reuse_recycled"].value == pytest.approx(0.5)
    assert laptops["reuse_recycled"].target == 0.70 and laptops["reuse_recycled"].met is False
    assert lines["FR", 2].provisional  # L4 is still pending
    drills = {r.name: r for r in lines["FR", 5].rates}
    # Category 5: 75 % and 55 %. 3.6 / (5.4 - 1.8) = 100 %.
    assert drills["recovered"].value == pytest.approx(1.0) and drills["recovered"].met
    assert drills["reuse_recycled"].target == 0.55 and drills["reuse_recycled"].met
    assert not lines["FR", 5].provisional
    totals = {t.category: t for t in _weee(world).totals}
    assert totals[5].masses.received == pytest.approx(7.2)
    assert totals[5].rates[0].numerator_kg == pytest.approx(5.4)
    assert totals[5].rates[0].denominator_kg == pytest.approx(5.4)


def test_weee_by_treatment_facility(world: World, scenario: dict[str, str]) -> None:
    got = {
        (f.facility.code, f.category): {o: round(kg, 3) for o, kg in f.masses.kg.items() if kg}
        for f in _weee(world).facilities
    }
    assert got == {
        ("HUB-FR", 2): {OUT.PREPARED_FOR_REUSE: 1.6},
        ("REC-FR", 2): {OUT.RECYCLED: 1.6, OUT.DISPOSED: 1.6},
        ("REC-FR", 5): {OUT.RECYCLED: 5.4},
        ("VEN-LUMEN", 5): {OUT.RETURNED_TO_VENDOR: 1.8},
    }
    rec = next(f.facility for f in _weee(world).facilities if f.facility.code == "REC-FR")
    assert rec.weee_certified and rec.city == "Grenoble"


def test_weee_of_one_country_and_of_another_period(world: World, scenario: dict[str, str]) -> None:
    assert {ln.country for ln in _weee(world, country="de").lines} == {"DE"}
    later = reports.weee_report(
        world.app.uow(),
        by=person("manager"),
        since=_today() + timedelta(days=1),
        until=_today() + timedelta(days=30),
    )
    assert later.lines == [] and later.facilities == []


def test_espr_disclosure_and_the_destructions_refused(
    world: World, scenario: dict[str, str]
) -> None:
    report = reports.espr_report(world.app.uow(), by=person("manager"), year=_today().year)
    lines = {ln.product_type: ln for ln in report.lines}
    # Unsold: a consumer's withdrawal. D1-D3 were defective; L1 was re-used; L4 is pending.
    assert sorted(lines) == ["apparel", "laptop", "power_tool"]
    laptop = lines["laptop"]
    assert (laptop.total.units, laptop.total.kg) == (2, pytest.approx(3.2))
    assert laptop.by_reason[Derogation.DANGEROUS].units == 1  # L3, hazardous
    assert laptop.by_reason[Derogation.DAMAGED_BEYOND_REPAIR].units == 1  # L2, graded D
    assert laptop.by_step[Step.RECYCLING].units == 1 and laptop.by_step[Step.DISPOSAL].units == 1
    assert lines["power_tool"].by_reason[Derogation.REUSE_IMPOSSIBLE].units == 1  # D4, C
    assert lines["apparel"].by_step[Step.RECYCLING].kg == pytest.approx(0.2)
    refused = {(r.product_type, r.law): (r.count.units, r.count.kg) for r in report.refused}
    assert refused == {
        ("apparel", "espr_art_25"): (1, pytest.approx(0.2)),
        ("sofa", "agec_l541_15_8"): (1, pytest.approx(55.0)),
    }
    tee = next(r for r in report.refusals if r.product_type == "apparel")
    assert tee.lpn == scenario["TEE"] and tee.actor == "manager"
    assert "ESPR 2024/1781 art. 25" in tee.reason


def test_a_refused_destruction_records_nothing_else(world: World) -> None:

    lpn = unit(world, "TEE-M", "T9")
    grade(world, lpn, "D", "D")
    with world.app.engine.connect() as conn:
        before = conn.execute(sa.text("select count(*) from dispositions")).scalar_one()
    with pytest.raises(DestructionRefused, match=r"art\. 25"):
        decide(world, lpn, R.DISPOSE, "REC-X")
    with world.app.engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from dispositions")).scalar_one() == before
        state = conn.execute(sa.text(f"select state from units where lpn = '{lpn}'")).scalar_one()
        kept = conn.execute(sa.text("select lpn, law from destruction_refusals")).all()
    assert state == "graded"
    assert kept == [(lpn, "espr_art_25")]


def test_bad_periods_and_a_client_kept_to_its_own(world: World) -> None:
    with pytest.raises(InvalidValue, match=r"ends .* before it starts"):
        _weee_between(world, _today(), _today() - timedelta(days=1))
    with pytest.raises(InvalidValue, match="at most 366 days"):
        _weee_between(world, _today() - timedelta(days=400), _today())
    with pytest.raises(InvalidValue, match="year 1900"):
        reports.espr_report(world.app.uow(), by=person("manager"), year=1900)
    client = User(login="acme", name="Acme", roles=frozenset({Role.CLIENT}), client_code="ACME")
    with pytest.raises(PermissionDenied, match="the goods of the client OTHER"):
        reports.espr_report(world.app.uow(), by=client, year=2026, client_code="OTHER")
    handler = User(login="hand", name="Hand", roles=frozenset({Role.HANDLER}))
    with pytest.raises(PermissionDenied):
        reports.espr_report(world.app.uow(), by=handler, year=2026)


def _weee_between(world: World, since: date, until: date) -> object:
    return reports.weee_report(world.app.uow(), by=person("manager"), since=since, until=until)


def test_destructions_asked_at_once_are_each_refused_and_kept(world: World) -> None:
    """Eight people ask at once to destroy the same T-shirt (the unit's row locked by each
    in turn): every request is refused and kept once, nothing else is written."""

    tee = unit(world, "TEE-M", "T7")
    grade(world, tee, "D", "D")
    n = 8

    results = together(n, lambda i: decide(world, tee, R.DISPOSE, "REC-X"))
    assert all(isinstance(r, DestructionRefused) for r in results), results
    with world.app.engine.connect() as conn:
        kept = conn.execute(sa.text("select count(*) from destruction_refusals")).scalar_one()
        decided = conn.execute(sa.text("select count(*) from dispositions")).scalar_one()
        state = conn.execute(sa.text(f"select state from units where lpn = '{tee}'")).scalar_one()
    assert (kept, decided, state) == (n, 0, "graded")
    assert check_database(world.app.engine) == []
    report = reports.espr_report(world.app.uow(), by=person("manager"), year=_today().year)
    assert [(r.product_type, r.count.units) for r in report.refused] == [("apparel", n)]
