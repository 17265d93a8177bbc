"""What the inspectors find: grades drawn by reason (``figures.py``), the checklist of each
product family, fault codes, hazards, and how long an inspection takes."""

from __future__ import annotations

import random
from dataclasses import dataclass

from revalo.demo import figures as fig
from revalo.demo.catalogue import CatalogueItem
from revalo.domain.inspection import CosmeticGrade, FunctionalGrade
from revalo.domain.returns import ReturnReason

_GRADES = ("A", "B", "C", "D")

#: Checks per family: the first are functional, the last one or two cosmetic.
_CHECKS = {
    "electronics": (("powers_on", "screen_ok", "battery_ok", "ports_ok"), ("housing_ok",)),
    "large_appliance": (("powers_on", "runs_full_cycle", "no_leak"), ("panels_ok",)),
    "small_appliance": (("powers_on", "runs", "accessories_complete"), ("housing_ok",)),
    "furniture": (("frame_intact", "all_parts"), ("upholstery_clean", "no_odour")),
    "apparel": (("seams_intact", "zips_buttons_ok"), ("no_stains", "tags_attached")),
}
_FAULTS = {
    "electronics": (
        ("BATTERY-WEAR", "DEAD-PIXEL", "LOOSE-PORT", "SPEAKER-NOISE"),
        ("NO-BOOT", "SCREEN-CRACK", "KEYBOARD", "NO-CHARGE", "MAINBOARD"),
    ),
    "large_appliance": (
        ("DOOR-SEAL", "NOISE", "DISPLAY"),
        ("DRUM-BEARING", "PUMP", "COMPRESSOR", "CONTROL-BOARD", "NO-COOLING"),
    ),
    "small_appliance": (
        ("NOISE", "LOOSE-PART", "MISSING-ACCESSORY"),
        ("MOTOR", "NO-POWER", "HEATING-ELEMENT", "BATTERY-DEAD"),
    ),
    "furniture": (("LOOSE-LEG", "ZIP", "SQUEAK"), ("FRAME-BROKEN", "SPRING-BROKEN", "MECHANISM")),
    "apparel": (
        ("LOOSE-THREAD", "MISSING-BUTTON"),
        ("TORN-SEAM", "BROKEN-ZIP", "SOLE-DETACHED"),
    ),
}
_COSMETIC_FAULTS = {"C": ("SCRATCHES", "STAIN", "SCUFFS"), "D": ("DENT", "HEAVY-STAIN", "TEAR")}
#: Inspection time in seconds, by family (the demo's assumption).
_DURATION = {
    "electronics": (300, 900),
    "large_appliance": (900, 1800),
    "small_appliance": (180, 480),
    "furniture": (600, 1200),
    "apparel": (60, 180),
}


@dataclass(frozen=True, slots=True)
class Grading:
    functional: FunctionalGrade
    cosmetic: CosmeticGrade
    hazardous: bool
    checklist: dict[str, bool]
    fault_codes: list[str]
    duration_s: int
    notes: str


def grade(rng: random.Random, item: CatalogueItem, reason: ReturnReason | None) -> Grading:
    why = reason or ReturnReason.WITHDRAWAL
    f = rng.choices(_GRADES, weights=fig.FUNCTIONAL[why])[0]
    c = rng.choices(_GRADES, weights=fig.COSMETIC[why])[0]
    family = item.family
    minor, major = _FAULTS[family]
    faults = []
    if f == "B":
        faults.append(rng.choice(minor))
    elif f in ("C", "D"):
        faults.append(rng.choice(major))
    if c in _COSMETIC_FAULTS:
        faults.append(rng.choice(_COSMETIC_FAULTS[c]))
    functional_checks, cosmetic_checks = _CHECKS[family]
    checklist = {name: f == "A" or (f == "B" and i > 0) for i, name in enumerate(functional_checks)}
    checklist.update({name: c in ("A", "B") for name in cosmetic_checks})
    if family == "apparel":
        checklist["tags_attached"] = c == "A"
    p = item.product
    hazardous, notes = False, ""
    if p.furniture and (c == "D" or (p.category == "mattress" and c == "C")):
        if rng.random() < 0.3:
            hazardous, notes = True, "soiled or infested: handle with PPE, keep apart"
            faults.append("HYGIENE")
    elif p.lithium_battery and f == "D" and rng.random() < 0.1:
        hazardous, notes = True, "swollen lithium battery: stored in the fire-safe cage"
        faults.append("BATTERY-SWOLLEN")
    low, high = _DURATION[family]
    return Grading(
        functional=FunctionalGrade(f),
        cosmetic=CosmeticGrade(c),
        hazardous=hazardous,
        checklist=checklist,
        fault_codes=faults,
        duration_s=rng.randint(low, high),
        notes=notes,
    )
