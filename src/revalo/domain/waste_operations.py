"""Waste treatment operations and the French company number a waste paper names.

The recovery operations R1 to R13 and the disposal operations D1 to D15 are those of the
Waste Framework Directive (2008/98/EC, Annexes I and II); a treatment facility's permit
lists those it may carry out, and a waste-tracking slip names the one planned for the
shipment. A French establishment is named on it by its SIRET: 14 digits, the company's
SIREN and the establishment's NIC, whose Luhn checksum is valid (INSEE; La Poste's
establishments, SIREN 356 000 000, may instead have a sum of digits divisible by 5).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from revalo.domain.errors import InvalidValue

RECOVERY = tuple(f"R{n}" for n in range(1, 14))
DISPOSAL = tuple(f"D{n}" for n in range(1, 16))
_CODE = re.compile(r"([RD])\s*0*(\d{1,2})")
_LA_POSTE = "356000000"


def operation_codes(raw: Iterable[str] | str) -> tuple[str, ...]:
    """The operation codes given (``"R4, R12"`` or a list), normalised and checked, in the
    order given, each once."""
    items = raw.replace(";", ",").replace(" ", ",").split(",") if isinstance(raw, str) else raw
    codes: list[str] = []
    for item in items:
        text = item.strip().upper()
        if not text:
            continue
        m = _CODE.fullmatch(text)
        code = f"{m.group(1)}{int(m.group(2))}" if m else text
        if code not in RECOVERY and code not in DISPOSAL:
            raise InvalidValue(
                f"{item.strip()!r} is not a treatment operation: R1 to R13 (recovery) or D1 "
                "to D15 (disposal), Directive 2008/98/EC Annexes I and II",
                field="operations",
            )
        if code not in codes:
            codes.append(code)
    return tuple(codes)


def planned_operation(allowed: Iterable[str], *, disposal: bool) -> str | None:
    """The operation a slip plans at a facility allowed ``allowed``: its first disposal
    operation for waste sent to be disposed of, its first recovery one otherwise; None when
    its permit lists none of that kind."""
    wanted = DISPOSAL if disposal else RECOVERY
    return next((c for c in allowed if c in wanted), None)


def check_siret(text: str, country: str) -> str | None:
    """A French establishment's SIRET (spaces dropped), checked; None when none is given."""
    digits = "".join(text.split())
    if not digits:
        return None
    if country != "FR":
        raise InvalidValue(
            f"a SIRET names an establishment in France, not in {country}", field="siret"
        )
    if len(digits) != 14 or not digits.isdigit():
        raise InvalidValue(f"SIRET {text.strip()!r} must be 14 digits", field="siret")
    la_poste = digits.startswith(_LA_POSTE) and sum(int(d) for d in digits) % 5 == 0
    if not (_luhn(digits) or la_poste):
        raise InvalidValue(
            f"SIRET {digits} has a wrong check digit: check it on the INSEE's register",
            field="siret",
        )
    return digits


def _luhn(digits: str) -> bool:
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0
