"""Inspection and grading: functional and cosmetic grades kept apart, checklist, fault codes."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime

from revalo.domain.errors import InvalidValue

_FAULT = re.compile(r"^[A-Z0-9][A-Z0-9_-]{0,31}$")


class FunctionalGrade(enum.StrEnum):
    A = "A"  # every function works
    B = "B"  # works, with a minor fault
    C = "C"  # a major fault, worth repairing
    D = "D"  # does not work: parts or recycling


class CosmeticGrade(enum.StrEnum):
    A = "A"  # as new, no sign of use
    B = "B"  # light signs of use
    C = "C"  # visible wear or marks
    D = "D"  # heavy damage


FUNCTIONAL_LABELS = {
    FunctionalGrade.A: "fully working",
    FunctionalGrade.B: "working, minor fault",
    FunctionalGrade.C: "major fault, repairable",
    FunctionalGrade.D: "not working",
}
COSMETIC_LABELS = {
    CosmeticGrade.A: "as new",
    CosmeticGrade.B: "light signs of use",
    CosmeticGrade.C: "visible wear",
    CosmeticGrade.D: "heavy damage",
}


@dataclass(eq=False)
class Inspection:
    unit_id: int
    operator: str
    inspected_at: datetime
    functional_grade: FunctionalGrade
    cosmetic_grade: CosmeticGrade
    duration_s: int
    checklist: dict[str, bool] = field(default_factory=dict)
    fault_codes: list[str] = field(default_factory=list)
    #: Hazardous or unfit for any re-use or recycling: the only case where disposal may be
    #: allowed (Code de l'environnement L541-15-8).
    hazardous: bool = False
    notes: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if not self.operator.strip():
            raise InvalidValue("the inspection needs the operator's name", field="operator")
        if self.duration_s < 0:
            raise InvalidValue("the inspection duration must not be negative", field="duration_s")
        codes = []
        for code in self.fault_codes:
            c = code.strip().upper()
            if not _FAULT.match(c):
                raise InvalidValue(
                    f"fault code {code!r} must be 1-32 characters of A-Z, 0-9, '-', '_'",
                    field="fault_codes",
                )
            codes.append(c)
        self.fault_codes = codes
        for name in self.checklist:
            if not name.strip():
                raise InvalidValue("a checklist item needs a name", field="checklist")

    @property
    def all_functions_tested_ok(self) -> bool:
        return bool(self.checklist) and all(self.checklist.values())
