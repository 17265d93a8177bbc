"""How work orders go in the demo: labour, parts, data-wipe method and tool, failures.

Labour minutes and parts costs are the demo's assumptions. Wipe methods follow NIST SP
800-88 Rev. 2 (Guidelines for Media Sanitization, September 2025): a cryptographic or
firmware erase of flash and disks is a *purge*; a factory reset of a TV is a *clear*.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

from revalo.demo import figures as fig
from revalo.demo.catalogue import CatalogueItem
from revalo.domain.work_orders import WipeMethod
from revalo.domain.work_orders import WorkOrderKind as WK

_LABOUR: dict[WK, dict[str, tuple[int, int]]] = {
    WK.DATA_WIPE: {"electronics": (15, 45)},
    WK.CLEAN: {
        "electronics": (5, 12),
        "large_appliance": (20, 40),
        "small_appliance": (5, 15),
        "furniture": (30, 60),
        "apparel": (4, 10),
    },
    WK.TEST: {"electronics": (15, 40), "large_appliance": (30, 60), "small_appliance": (10, 25)},
    WK.REPAIR: {
        "electronics": (45, 150),
        "large_appliance": (60, 180),
        "small_appliance": (30, 90),
        "furniture": (90, 240),
    },
    WK.REFURBISH: {"electronics": (60, 150)},
}
#: Parts as a share of the new price (the demo's assumption).
_PARTS = {WK.REPAIR: (0.05, 0.25), WK.REFURBISH: (0.03, 0.12)}
_FAILS = {
    WK.REPAIR: fig.REPAIR_FAILS,
    WK.REFURBISH: fig.REFURBISH_FAILS,
    WK.DATA_WIPE: fig.WIPE_FAILS,
}
#: What the demo's technicians note when a piece of work fails.
FAILURE_NOTES = {
    WK.REPAIR: "fault not repairable at a sensible cost",
    WK.REFURBISH: "failed the final functional test",
    WK.DATA_WIPE: "sanitisation could not be verified: medium unreadable",
}
#: Kinds of work that take days (parts ordered, tests run overnight).
LONG_WORK = frozenset({WK.REPAIR, WK.REFURBISH})


@dataclass(frozen=True, slots=True)
class WorkResult:
    succeeded: bool
    labour_minutes: int
    parts_cost: Decimal
    notes: str
    wipe_method: WipeMethod | None = None
    wipe_tool: str = ""


def wipe_tool(item: CatalogueItem) -> tuple[WipeMethod, str]:
    category = item.category
    if category == "tv":
        return WipeMethod.CLEAR, "factory reset, accounts removed"
    if category in ("phone", "tablet"):
        return WipeMethod.PURGE, "cryptographic erase (factory reset of encrypted storage)"
    if category in ("copier", "printer"):
        return WipeMethod.PURGE, "ATA Secure Erase of the internal disk"
    return WipeMethod.PURGE, "NVMe Sanitize, cryptographic erase"


def do_work(rng: random.Random, kind: WK, item: CatalogueItem) -> WorkResult:
    family = item.family
    low, high = _LABOUR[kind].get(family, (10, 30))
    minutes = rng.randint(low, high)
    succeeded = rng.random() >= _FAILS.get(kind, 0.0)
    parts = Decimal("0")
    if kind in _PARTS and succeeded:
        a, b = _PARTS[kind]
        share = Decimal(str(round(rng.uniform(a, b), 3)))
        parts = (item.product.new_price * share).quantize(Decimal("0.01"))
    notes = "" if succeeded else FAILURE_NOTES.get(kind, f"{kind.value} failed")
    if kind is WK.DATA_WIPE:
        method, tool = wipe_tool(item)
        return WorkResult(succeeded, minutes, parts, notes, method, tool)
    return WorkResult(succeeded, minutes, parts, notes)
