"""A small scenario for the compliance reports, every figure checkable by hand.

Laptops (WEEE category 2, 1.6 kg), drills (category 5, 1.8 kg), a T-shirt (0.2 kg) and a
sofa (55 kg), all received at HUB-FR:

========  ========  ==========  =====  ======================================  ==========
unit      customer  reason      grade  what became of it                       outcome
========  ========  ==========  =====  ======================================  ==========
L1        C-ANNE    withdrawal  A/A    wiped, restocked at HUB-FR              re-use
L2        C-ANNE    withdrawal  D/C    recycled at REC-FR                      recycled
L3        C-ANNE    withdrawal  D/D !  disposed of at REC-FR (hazardous)       disposed
L4        C-ANNE    withdrawal  C/B    graded, nothing decided yet             pending
D1        C-ANNE    defective   D/C    recycled at REC-FR                      recycled
D2        C-ANNE    defective   D/C    recycled at REC-FR                      recycled
D3        C-ANNE    defective   B/B    returned to its vendor VEN-LUMEN        vendor
D4        C-JONAS   withdrawal  C/C    recycled at REC-FR (collected in DE)    recycled
TEE       C-ANNE    withdrawal  D/D    destruction refused (ESPR), recycled    recycled
SOFA      C-ANNE    withdrawal  C/C    destruction refused (AGEC), pending     pending
========  ========  ==========  =====  ======================================  ==========
"""

from __future__ import annotations

import pytest

from revalo.domain.disposition import DispositionRoute
from revalo.domain.errors import DestructionRefused
from revalo.domain.returns import ReturnReason
from revalo.services import stock
from tests.conftest import World
from tests.integration.flows import ask, decide, do_work, grade, gs1, line, scan
from tests.people import person

R = DispositionRoute


def unit(
    world: World,
    product: str,
    serial: str,
    *,
    customer: str = "C-ANNE",
    reason: ReturnReason = ReturnReason.WITHDRAWAL,
) -> str:
    p = {"LAP-14": world.laptop, "DRILL-18": world.drill, "TEE-M": world.tshirt}.get(
        product, world.sofa
    )
    ask(world, line(p.sku, serial=serial, reason=reason), customer=customer)
    out = scan(world, gs1(p, serial))
    assert out.created and not out.quarantined, out.message
    return out.unit.lpn


def send(world: World, lpn: str, route: DispositionRoute, to: str | None = None) -> None:
    """Decide the route, do its work, dispatch the unit."""
    done = decide(world, lpn, route, to)
    for order in done.work_orders:
        do_work(world, order)
    stock.dispatch_unit(world.app.uow(), lpn, by=person("bob"))


def build(world: World) -> dict[str, str]:
    lpns: dict[str, str] = {}
    lpns["L1"] = unit(world, "LAP-14", "L1")
    grade(world, lpns["L1"], "A", "A")
    send(world, lpns["L1"], R.RESTOCK)
    lpns["L2"] = unit(world, "LAP-14", "L2")
    grade(world, lpns["L2"], "D", "C")
    send(world, lpns["L2"], R.RECYCLE, "REC-FR")
    lpns["L3"] = unit(world, "LAP-14", "L3")
    grade(world, lpns["L3"], "D", "D", hazardous=True)
    send(world, lpns["L3"], R.DISPOSE, "REC-FR")
    lpns["L4"] = unit(world, "LAP-14", "L4")
    grade(world, lpns["L4"], "C", "B")
    for name in ("D1", "D2"):
        lpns[name] = unit(world, "DRILL-18", name, reason=ReturnReason.DEFECTIVE)
        grade(world, lpns[name], "D", "C")
        send(world, lpns[name], R.RECYCLE, "REC-FR")
    lpns["D3"] = unit(world, "DRILL-18", "D3", reason=ReturnReason.DEFECTIVE)
    grade(world, lpns["D3"], "B", "B")
    send(world, lpns["D3"], R.RETURN_TO_VENDOR, "VEN-LUMEN")
    lpns["D4"] = unit(world, "DRILL-18", "D4", customer="C-JONAS")
    grade(world, lpns["D4"], "C", "C")
    send(world, lpns["D4"], R.RECYCLE, "REC-FR")
    lpns["TEE"] = unit(world, "TEE-M", "T1")
    grade(world, lpns["TEE"], "D", "D")
    with pytest.raises(DestructionRefused, match=r"ESPR 2024/1781 art\. 25"):
        decide(world, lpns["TEE"], R.DISPOSE, "REC-X")
    send(world, lpns["TEE"], R.RECYCLE, "REC-X")
    lpns["SOFA"] = unit(world, "SOFA-3", "S1")
    grade(world, lpns["SOFA"], "C", "C")
    with pytest.raises(DestructionRefused, match="L541-15-8"):
        decide(world, lpns["SOFA"], R.DISPOSE, "REC-X")
    return lpns
