"""Collection planning in the services: the day's pickups of a region, the stored plan, its
picture, its commit, and the journey of a collected unit. On SQLite and PostgreSQL."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta

import pytest

from revalo.domain.catalog import Customer, CustomerKind
from revalo.domain.collection_plan import CollectionPlanStatus
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed, NotFound
from revalo.domain.journey import ConsignmentKind
from revalo.domain.returns import ReturnReason, ReturnRequest, ReturnState
from revalo.engines.collection.config import (
    default_collection_text,
    load_collection_config,
    parse_collection_config,
)
from revalo.engines.collection.result import Decision, PlanStatus
from revalo.engines.transport.carriers import FleetVehicle, RateCards
from revalo.engines.transport.errors import RateCardError
from revalo.services import catalog, collection_commit, collections, returns
from revalo.services.collection_pickups import next_collection_day
from revalo.services.collections import StoredPlan
from revalo.services.return_labels import book_return_label
from revalo.services.transport import Transport, unit_journey
from tests.conftest import World
from tests.integration.flows import gs1, scan
from tests.people import person
from tests.unit.collection.checker import violations

SVG = "{http://www.w3.org/2000/svg}"


def _authorised(world: World, customer: str, sku: str, quantity: int = 1) -> ReturnRequest:
    reason = ReturnReason.END_OF_LEASE if customer.startswith("B-") else ReturnReason.WITHDRAWAL
    rma = returns.request_return(
        world.app.uow(),
        world.app.policy,
        customer_code=customer,
        lines=[returns.LineRequest(sku, quantity, reason)],
        delivered_at=world.now - timedelta(days=3),
        by=person("portal"),
        requested_at=world.now,
        auto_decide=False,
    )
    return returns.authorise_return(
        world.app.uow(), rma.number, by=person("ines"), reason="ok", at=world.now
    )


def returns_to_collect(world: World) -> dict[str, ReturnRequest]:
    """Two B2B returns and two sofas near Lyon (together cheaper collected than by carrier),
    a sofa in Paris (too far for a day from Lyon), and returns that are no collection of
    the French hub's."""
    for c in (
        Customer(
            "B-BOURG",
            "Bureau Bourgoin",
            CustomerKind.BUSINESS,
            "FR",
            "Bourgoin-Jallieu",
            45.59,
            5.27,
        ),
        Customer("C-PAUL", "Paul Roche", CustomerKind.CONSUMER, "FR", "Vienne", 45.52, 4.87),
    ):
        catalog.add_customer(world.app.uow(), c, by=person("operator"))
    return {
        "acme": _authorised(world, "B-ACME", "LAP-14", 8),
        "bourg": _authorised(world, "B-BOURG", "DRILL-18", 6),
        "sofa_near": _authorised(world, "C-PAUL", "SOFA-3", 2),
        "sofa_paris": _authorised(world, "C-ANNE", "SOFA-3"),
        "parcel": _authorised(world, "C-ANNE", "TEE-M"),  # a parcel: dropped off
        "germany": _authorised(world, "C-JONAS", "SOFA-3"),  # another region
    }


def _plan(world: World, days: int = 8) -> collections.StoredPlan:
    """Planned eight days after authorisation: every pickup is past due (7 days)."""
    return collections.plan_collections(
        world.app.uow(),
        world.app.transport,
        day=world.now.date() + timedelta(days=days),
        region="fr",
        seconds=5,
        seed=1,
        max_iterations=300,
        by=person("operator"),
    )


def test_the_pickups_of_a_region_are_its_b2b_and_bulky_returns(world: World) -> None:
    r = returns_to_collect(world)
    day = world.now.date() + timedelta(days=1)
    pending = collections.pending_pickups(world.app.uow(), "FR", day, transport=world.app.transport)
    by_id = {p.rma_number: p for p in pending}
    expected = {r[k].number for k in ("acme", "bourg", "sofa_near", "sofa_paris")}
    assert set(by_id) == expected
    acme = by_id[r["acme"].number].pickup
    assert acme.kg == pytest.approx(8 * 1.6) and acme.units == 8 and acme.lithium
    assert acme.due_on == world.now.date() + timedelta(days=7)
    # Office hours for a business, longer for a consumer's sofa (collection.toml).
    assert (acme.earliest_min, acme.latest_min) == (9 * 60, 17 * 60)
    sofa = by_id[r["sofa_near"].number]
    assert sofa.pickup.bulky and sofa.pickup.service_min == 20
    # Waiting costs each day a share of the new price; a carrier quote to compare with.
    assert 0 < acme.daily_value_loss_eur < 8 * 899 * 0.01
    assert sofa.pickup.ship_quote_eur is not None and sofa.pickup.ship_quote_eur > 0
    assert sofa.ship_service is not None and not sofa.ship_service.startswith("OWN-")


def test_plan_commit_and_a_collected_unit_carries_its_share(world: World) -> None:
    r = returns_to_collect(world)
    stored = _plan(world)
    rec = stored.record
    assert rec.status is CollectionPlanStatus.PLANNED and rec.region == "FR"
    plan = stored.plan
    assert plan.status is PlanStatus.FEASIBLE
    assert violations(stored.problem, plan, world.app.transport.distances) == []
    near = {r[k].number for k in ("acme", "bourg", "sofa_near")}
    assert set(plan.collected) == near
    # Each costs less on the route than a carrier would charge for it.
    compared = {c.pickup_id: c for c in plan.collect_or_ship}
    for n in near:
        cost = compared[n].collect_eur
        assert compared[n].decision is Decision.COLLECT
        assert cost is not None and cost < compared[n].ship_eur
    # Paris is out of a day's reach from Lyon: handed to a carrier, and the plan says why.
    (paris,) = plan.deferred
    assert paris.pickup_id == r["sofa_paris"].number
    assert paris.decision is Decision.CARRIER
    assert "no vehicle can collect it" in paris.reason
    # Totals and each collection's share of its route add up.
    assert rec.collected == 3 and rec.deferred == 1
    assert float(rec.cost) == pytest.approx(plan.cost_eur, abs=0.01)
    assert sum(stored.cost_shares.values()) == pytest.approx(plan.cost_eur, abs=0.01)
    assert {c.pickup_id for c in plan.collect_or_ship} == near | {r["sofa_paris"].number}

    # Read back from the database: the same plan.
    again = collections.get_plan(world.app.uow(), rec.id)
    assert again.plan == plan and again.problem == stored.problem

    # The picture: well-formed SVG, one line per route, the deferred pickup in grey.
    svg = ET.fromstring(collections.plan_picture(world.app.uow(), rec.id))
    assert len(svg.findall(f"{SVG}polyline")) == len(plan.routes) >= 1
    assert len(svg.findall(f"{SVG}circle[@class='deferred']")) == 1

    done = collection_commit.commit_plan(
        world.app.uow(), world.app.transport, rec.id, by=person("ines")
    )
    assert done.plan.record.status is CollectionPlanStatus.COMMITTED
    assert {c.rma_number for c in done.consignments} == near
    # The Paris sofa's parcel is booked with the carrier service the plan priced.
    (handed,) = done.handed
    assert handed.rma_number == r["sofa_paris"].number
    assert handed.service_id == stored.ship_services[handed.rma_number] == "BULKY-2MAN"
    assert float(handed.cost) == pytest.approx(compared[handed.rma_number].ship_eur, abs=0.01)
    assert stored.record.reference in handed.reason
    for c in done.consignments:
        assert (c.kind, c.carrier, c.destination) == (ConsignmentKind.RETURN, "Own fleet", "HUB-FR")
        assert c.service_id.startswith("OWN-") and c.sscc is not None
        share = stored.shares[c.rma_number or ""]
        assert c.km == pytest.approx(share.km, abs=0.05)
        assert c.co2e_g == round(share.co2e_kg * 1000)
    with world.app.uow() as uow:
        states = {n: uow.returns.get(n).state for n in near}  # type: ignore[union-attr]
        paris_state = uow.returns.get(handed.rma_number).state  # type: ignore[union-attr]
        committed = uow.collection_plans.get(rec.id)
        assert committed is not None and committed.committed_by == "ines"
    assert set(states.values()) == {ReturnState.IN_TRANSIT}
    # Handed over, it waits for the carrier's pickup; no plan counts it as a pickup again.
    assert paris_state is ReturnState.AUTHORISED
    later = world.now.date() + timedelta(days=8)
    pending = collections.pending_pickups(world.app.uow(), "FR", later)
    assert handed.rma_number not in {p.rma_number for p in pending}

    # A drill of the Bourgoin return is received: its journey starts with the fleet's trip.
    out = scan(world, gs1(world.drill))
    assert out.unit.rma_number == r["bourg"].number
    journey = unit_journey(world.app.uow(), out.unit.lpn, by=person("reader"))
    first = journey.legs[0].consignment
    bourg = next(c for c in done.consignments if c.rma_number == r["bourg"].number)
    assert first.id == bourg.id and first.carrier == "Own fleet"
    # Six drills of equal mass: the unit carries a sixth of the cost and CO2e, the whole km.
    assert journey.legs[0].leg.km == bourg.km
    assert journey.legs[0].leg.co2e_g == pytest.approx(bourg.co2e_g / 6, abs=1)

    with pytest.raises(InvalidTransition, match="committed"):
        collection_commit.commit_plan(
            world.app.uow(), world.app.transport, rec.id, by=person("ines")
        )


def test_a_plan_out_of_date_is_not_committed(world: World) -> None:
    r = returns_to_collect(world)
    stored = _plan(world)
    # Since the plan, a label was issued for one of its returns: a carrier takes it.
    book_return_label(world.app.uow(), world.app.transport, r["acme"].number, by=person("operator"))
    with pytest.raises(NotAllowed, match=f"{r['acme'].number} is booked already"):
        collection_commit.commit_plan(
            world.app.uow(), world.app.transport, stored.record.id, by=person("ines")
        )
    with world.app.uow() as uow:
        rma = uow.returns.get(r["bourg"].number)
        plan = uow.collection_plans.get(stored.record.id)
        assert rma is not None and rma.state is ReturnState.AUTHORISED
        assert plan is not None and plan.status is CollectionPlanStatus.PLANNED


def test_a_plan_collecting_nothing_is_not_committed(world: World) -> None:
    catalog.add_customer(
        world.app.uow(),
        Customer("C-PAUL", "Paul Roche", CustomerKind.CONSUMER, "FR", "Vienne", 45.52, 4.87),
        by=person("operator"),
    )
    _authorised(world, "C-PAUL", "SOFA-3")
    # The day after authorisation the sofa is not due, and a van's day for it alone would
    # cost more than the carrier's price: it waits for a route that passes by.
    stored = _plan(world, days=1)
    assert stored.plan.collected == () and stored.record.deferred == 1
    (waiting,) = stored.plan.waiting
    assert "it waits for a route that passes by" in waiting.reason
    with pytest.raises(NotAllowed, match="collects nothing"):
        collection_commit.commit_plan(
            world.app.uow(), world.app.transport, stored.record.id, by=person("ines")
        )


def test_bad_requests_are_refused_with_the_field(world: World) -> None:
    uow, tr = world.app.uow, world.app.transport
    day = world.now.date()
    with pytest.raises(NotFound, match="no collection plan 99") as e:
        collections.get_plan(uow(), 99)
    assert e.value.field == "plan_id"
    with pytest.raises(NotFound, match="no collection plan 99"):
        collection_commit.commit_plan(uow(), tr, 99, by=person("ines"))
    with pytest.raises(NotFound, match="no returns hub in BE") as e:
        collections.plan_collections(
            uow(), tr, day=day, region="BE", seconds=1, by=person("operator")
        )
    assert e.value.field == "region"
    for region in ("", "France", "FR,X1"):
        with pytest.raises(InvalidValue) as e:
            collections.plan_collections(
                uow(), tr, day=day, region=region, seconds=1, by=person("operator")
            )
        assert e.value.field == "region"
    with pytest.raises(InvalidValue, match="at most 600") as e:
        collections.plan_collections(
            uow(), tr, day=day, region="FR", seconds=601, by=person("operator")
        )
    assert e.value.field == "seconds"
    # The German hub: the default fleet's own van does not drive in Germany; the own rigid
    # truck and the hired vans do.
    stored = collections.plan_collections(
        uow(), tr, day=day, region="DE", seconds=1, by=person("operator")
    )
    assert [f.vehicle.id for f in stored.problem.fleet] == ["OWN-RIGID", "HIRED-VAN"]


def _shipped() -> str:
    return default_collection_text()[1]


def test_the_shipped_collection_file_loads() -> None:
    config = load_collection_config()
    assert config.due_days >= 1
    assert {e.vehicle for e in config.hub_defaults.fleet} == {"OWN-VAN", "OWN-RIGID", "HIRED-VAN"}
    assert config.hub("HUB-ANY") is config.hub_defaults


@pytest.mark.parametrize(
    ("extra", "where"),
    [
        ('\n[hubs.HUB-FR]\ncloses = "25:61"\n', "hubs.HUB-FR.closes"),
        ("\n[hubs.HUB-FR]\nwings = 2\n", "hubs.HUB-FR.wings: unknown key"),
        ('\n[hubs.HUB-FR]\n[[hubs.HUB-FR.fleet]]\nvehicle = "OWN-VAN"\ncount = 0\n', "count"),
        ('\n[hubs.HUB-FR]\nopens = "20:00"\n', "closes before it opens"),
    ],
)
def test_a_wrong_collection_file_names_file_line_and_key(extra: str, where: str) -> None:
    text = _shipped() + extra
    line = len(_shipped().splitlines()) + 3
    with pytest.raises(RateCardError, match=r"^custom\.toml:\d+: ") as e:
        parse_collection_config(text, "custom.toml")
    assert where in e.value.message
    assert int(e.value.message.split(":")[1]) >= line - 1


def test_the_next_day_to_plan_is_the_hubs_next_working_day() -> None:
    friday, saturday, monday = date(2026, 12, 4), date(2026, 12, 5), date(2026, 12, 7)
    assert next_collection_day(date(2026, 12, 1)) == date(2026, 12, 2)
    assert next_collection_day(friday) == next_collection_day(saturday) == monday
    six_days = parse_collection_config(
        _shipped().replace('"Thu", "Fri"]', '"Thu", "Fri", "Sat"]'), "custom.toml"
    )
    assert next_collection_day(friday, six_days) == saturday
    with pytest.raises(RateCardError, match=r"custom\.toml:\d+: working_days: must be a list"):
        parse_collection_config(_shipped().replace('"Mon", ', '"Monday", '), "custom.toml")


def test_a_hub_override_replaces_the_defaults() -> None:
    text = _shipped() + '\n[hubs.HUB-FR]\ncloses = "20:00"\n'
    hub = parse_collection_config(text).hub("HUB-FR")
    assert hub.closes_min == 20 * 60 and hub.opens_min == 7 * 60 and hub.overridden
    assert hub.fleet == load_collection_config().hub_defaults.fleet


def test_a_hub_fleet_override_must_drive_in_the_hubs_country(world: World) -> None:
    text = _shipped() + '\n[hubs.HUB-DE]\n[[hubs.HUB-DE.fleet]]\nvehicle = "OWN-VAN"\ncount = 1\n'
    config = parse_collection_config(text, "custom.toml")
    with pytest.raises(InvalidValue, match="OWN-VAN does not drive in DE"):
        collections.plan_collections(
            world.app.uow(),
            world.app.transport,
            day=world.now.date(),
            region="DE",
            seconds=1,
            config=config,
            by=person("operator"),
        )


def _two_loads_past_due(world: World, transport: Transport) -> tuple[list[str], StoredPlan]:
    """Two past-due loads of 5 sofas (9.5 m3 each) near Lyon, planned with one 12 m3 van
    that may not reload: it can collect only one of them."""
    catalog.add_customer(
        world.app.uow(),
        Customer("B-VILLE", "Villeurbanne Co", CustomerKind.BUSINESS, "FR", "Lyon", 45.77, 4.88),
        by=person("operator"),
    )
    big = [_authorised(world, c, "SOFA-3", 5).number for c in ("B-ACME", "B-VILLE")]
    text = _shipped().replace("overdue_eur_per_day = 25.0", "overdue_eur_per_day = 150.0")
    text += (
        '\n[hubs.HUB-FR]\nreload = false\n[[hubs.HUB-FR.fleet]]\nvehicle = "OWN-VAN"\ncount = 1\n'
    )
    stored = collections.plan_collections(
        world.app.uow(),
        transport,
        day=world.now.date() + timedelta(days=8),
        region="FR",
        seconds=2,
        max_iterations=300,
        config=parse_collection_config(text),
        by=person("operator"),
    )
    assert stored.plan.status is PlanStatus.FEASIBLE
    assert len(stored.plan.collected) == 1 and set(stored.plan.collected) < set(big)
    assert violations(stored.problem, stored.plan, world.app.transport.distances) == []
    return big, stored


def test_a_past_due_load_the_fleet_cannot_fit_goes_to_a_carrier(world: World) -> None:
    big, stored = _two_loads_past_due(world, world.app.transport)
    (other,) = stored.plan.deferred
    assert other.pickup_id in set(big) - set(stored.plan.collected)
    assert other.decision is Decision.CARRIER and other.reason.startswith("due ")


def _fleet_only(world: World) -> Transport:
    """The shipped transport without its carriers: only the fleet can take a pickup."""
    cards = world.app.transport.cards
    fleet = RateCards(tuple(s for s in cards.services if isinstance(s, FleetVehicle)))
    return replace(world.app.transport, cards=fleet)


def test_a_pickup_past_due_that_nobody_can_take_waits_with_a_note(world: World) -> None:
    paris = _authorised(world, "C-ANNE", "SOFA-3").number
    stored = collections.plan_collections(
        world.app.uow(),
        _fleet_only(world),
        day=world.now.date() + timedelta(days=8),
        region="FR",
        seconds=1,
        max_iterations=100,
        by=person("operator"),
    )
    (waiting,) = stored.plan.waiting
    assert waiting.pickup_id == paris and "no vehicle can collect it" in waiting.reason
    (note,) = stored.record.detail["solver"]["notes"]
    assert paris in note and "no carrier can take it" in note


def test_more_past_due_than_the_fleet_can_collect_still_gives_a_plan(world: World) -> None:
    """With no carrier for them, both past-due loads must be collected: no plan does, so
    the plan collects one and the other waits."""
    big, stored = _two_loads_past_due(world, _fleet_only(world))
    assert [d.pickup_id for d in stored.plan.waiting] == sorted(
        set(big) - set(stored.plan.collected)
    )
    (note,) = stored.record.detail["solver"]["notes"]
    assert "no plan collecting all 2 pickups past due" in note
