"""Where a unit may be put away, and which bin to propose.

The rules, in the order they are asked: a unit whose lithium battery was found damaged goes
only into a battery store (ADR special provision 376: stored apart with fire precautions),
and a battery store takes nothing else; a data-bearing unit not yet wiped only into a
secure cage; a bulky item only into a bulky area; a heavy item only low (level 0 or 1);
and the bin must have room left (places, volume, mass).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from revalo.domain.errors import NotAllowed
from revalo.domain.floor.bins import Bin, BinKind, Fill, Item

#: Above this mass (kg) an item is put away low only (level 0 or 1). Configurable default.
HEAVY_KG = 25.0
LOW_LEVELS = 1


def required_kind(item: Item) -> BinKind | None:
    """The kind of bin the item must go into, if the rules name one."""
    if item.damaged_lithium:
        return BinKind.BATTERY_STORE
    if item.data_bearing and not item.wiped:
        return BinKind.SECURE_CAGE
    if item.bulky:
        return BinKind.BULKY_AREA
    return None


def refusal(bin: Bin, item: Item, fill: Fill) -> str | None:
    """Why ``item`` may not go into ``bin`` holding ``fill``; None when it may."""
    needed = required_kind(item)
    if needed is BinKind.BATTERY_STORE and bin.kind is not needed:
        return (
            f"{item.lpn} has a damaged lithium battery: it goes only into a battery store, "
            f"and {bin.code} is {bin.kind.value}"
        )
    if bin.kind is BinKind.BATTERY_STORE and needed is not BinKind.BATTERY_STORE:
        return f"{bin.code} is a battery store: it takes only units with a damaged battery"
    if needed is BinKind.SECURE_CAGE and bin.kind is not needed:
        return (
            f"{item.lpn} holds data not yet wiped: it goes only into a secure cage, "
            f"and {bin.code} is {bin.kind.value}"
        )
    if needed is BinKind.BULKY_AREA and bin.kind is not needed:
        return (
            f"{item.lpn} is bulky: it goes only into a bulky area, and {bin.code} is "
            f"{bin.kind.value}"
        )
    if item.mass_kg > HEAVY_KG and bin.level > LOW_LEVELS:
        return (
            f"{item.lpn} weighs {item.mass_kg:g} kg: over {HEAVY_KG:g} kg it goes only at "
            f"level {LOW_LEVELS} or below, and {bin.code} is at level {bin.level}"
        )
    return over_capacity(bin, item, fill)


def over_capacity(bin: Bin, item: Item, fill: Fill) -> str | None:
    if bin.places is not None and fill.units + 1 > bin.places:
        return f"{bin.code} is full: {fill.units} of its {bin.places} places are taken"
    if bin.max_volume_m3 is not None and fill.volume_m3 + item.volume_m3 > bin.max_volume_m3:
        return (
            f"{bin.code} has {bin.max_volume_m3 - fill.volume_m3:.3f} m3 left, "
            f"{item.lpn} needs {item.volume_m3:.3f} m3"
        )
    if bin.max_mass_kg is not None and fill.mass_kg + item.mass_kg > bin.max_mass_kg:
        return (
            f"{bin.code} takes {bin.max_mass_kg - fill.mass_kg:g} kg more, "
            f"{item.lpn} weighs {item.mass_kg:g} kg"
        )
    return None


def ensure_fits(bin: Bin, item: Item, fill: Fill) -> None:
    reason = refusal(bin, item, fill)
    if reason is not None:
        raise NotAllowed(reason, field="bin")


@dataclass(frozen=True, slots=True)
class Proposal:
    bin: Bin | None
    #: Why no bin was proposed (every bin refused, the first reasons given).
    reason: str = ""


def propose(item: Item, bins: Iterable[tuple[Bin, Fill]]) -> Proposal:
    """The bin to propose: one the rules allow, of the kind the item needs, the lowest
    level first (less lifting, no truck), then the emptiest, then by code."""
    allowed: list[tuple[Bin, Fill]] = []
    reasons: list[str] = []
    for b, fill in bins:
        why = refusal(b, item, fill)
        if why is None:
            allowed.append((b, fill))
        elif len(reasons) < 3:
            reasons.append(why)
    if not allowed:
        return Proposal(None, "; ".join(reasons) or "the site has no bins in that zone")

    def rank(pair: tuple[Bin, Fill]) -> tuple[bool, int, float, str]:
        b, fill = pair
        # A plain item takes no room the special bins are kept for.
        special = required_kind(item) is None and b.kind in (
            BinKind.SECURE_CAGE,
            BinKind.BULKY_AREA,
        )
        share = fill.units / b.places if b.places else 0.0
        return (special, b.level, share, b.code)

    return Proposal(min(allowed, key=rank)[0])
