"""A laptop whose lithium battery is found swollen at inspection: the engine prices its trips
under ADR special provision 376, and it leaves with a service that may carry it, never with
a parcel or express network."""

from __future__ import annotations

from revalo.domain.disposition import DispositionRoute
from revalo.domain.journey import Consignment
from revalo.engines.disposition.explain import DAMAGED_LITHIUM_NOTE
from revalo.services import deciding, stock
from revalo.services.transport import default_transport
from tests.conftest import World
from tests.integration.flows import decide, do_work, expected_unit, grade
from tests.people import person


def test_a_swollen_battery_is_priced_and_shipped_under_special_provision_376(
    world: World,
) -> None:
    sound = expected_unit(world, world.laptop, "SN-SOUND")
    grade(world, sound, "D", "D")
    swollen = expected_unit(world, world.laptop, "SN-SWOLLEN")
    grade(world, swollen, "D", "D", hazardous=True)

    assert deciding.explain_unit(world.app.uow(), swollen).notes == (DAMAGED_LITHIUM_NOTE,)
    assert deciding.explain_unit(world.app.uow(), sound).notes == ()

    def recycling_at_rec_fr(lpn: str) -> float:
        score = deciding.explain_unit(world.app.uow(), lpn)
        [option] = [
            s
            for s in score.ranked
            if s.option.route is DispositionRoute.RECYCLE and "REC-FR" in s.label
        ]
        return option.breakdown.transport

    cards = default_transport().cards
    sp376 = {s.id for s in cards.services if s.handling.accepts_damaged_lithium}
    # The same trip costs more for the swollen battery: no parcel network takes it.
    assert recycling_at_rec_fr(swollen) > recycling_at_rec_fr(sound)

    dangerous = consignment_of(world, swollen)
    assert dangerous.service_id in sp376
    assert "cannot carry it" in dangerous.reason
    assert consignment_of(world, sound).service_id not in sp376  # an ordinary parcel does


def consignment_of(world: World, lpn: str) -> Consignment:
    """Recycle the unit at REC-FR (its wipe done first) and dispatch it: the consignment it
    left with."""
    for order in decide(world, lpn, DispositionRoute.RECYCLE, "REC-FR").work_orders:
        do_work(world, order)
    unit = stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"))
    uow = world.app.uow()
    with uow:
        [leg] = [leg for leg in uow.legs.for_unit(unit.id) if leg.destination == "REC-FR"]
        consignment = uow.consignments.get(leg.consignment_id)
    assert consignment is not None
    return consignment
