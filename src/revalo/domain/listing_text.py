"""What a listing says: its title and description, built from the product and the unit's
inspection, and the wordings a listing of second-hand goods may never carry.

Décret 2022-190 (Code de la consommation R122-4) bans "état neuf", "comme neuf" and "à neuf"
on refurbished goods; Revalo refuses them, and their English equivalents ("as new", "like
new"), in every listing: in the text it builds and in any text a user edits.
"""

from __future__ import annotations

import re
import unicodedata

from revalo.domain.catalog import Product
from revalo.domain.errors import InvalidValue
from revalo.domain.inspection import Inspection

#: The banned wordings, as patterns on the text folded to lower case without accents (the
#: French "à neuf" keeps its accent: "il y a neuf jours" is not a claim of newness).
_FOLDED_BANS = (
    r"\betat\s*(?:de\s+)?neuf\b",
    r"\bcomme\s*[- ]?\s*neu(?:f|ve)s?\b",
    r"\bas\s*[- ]?\s*new\b",
    r"\blike\s*[- ]?\s*new\b",
    r"\bmint\s+condition\b",
)
_ACCENTED_BANS = (r"(?<!\w)à\s+neu(?:f|ve)s?\b",)

#: What the functional and cosmetic grades say, in the listing's words.
_FUNCTIONAL = {
    "A": "fully working, every function tested",
    "B": "working, with minor faults noted below",
    "C": "working with faults noted below",
    "D": "for parts or repair",
}
_COSMETIC = {
    "A": "no visible marks",
    "B": "light marks of use",
    "C": "visible marks of use",
    "D": "heavy marks of use",
}


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def banned_wording(text: str) -> str | None:
    """The first banned wording ``text`` carries, as it is written there, or None."""
    folded, lower = _fold(text), unicodedata.normalize("NFC", text.casefold())
    for pattern in _FOLDED_BANS:
        hit = re.search(pattern, folded)
        if hit:
            return hit.group(0)
    for pattern in _ACCENTED_BANS:
        hit = re.search(pattern, lower)
        if hit:
            return hit.group(0)
    return None


def check_wording(text: str, field: str) -> str:
    """``text`` stripped, or InvalidValue naming the banned wording it carries."""
    found = banned_wording(text)
    if found is not None:
        raise InvalidValue(
            f"the {field} says {found!r}: a second-hand or refurbished item may not be "
            "described as new (décret 2022-190: no 'état neuf', 'comme neuf', 'à neuf', "
            "'as new', 'like new')",
            field=field,
        )
    return text.strip()


def listing_title(product: Product, channel_grade: str, *, refurbished: bool) -> str:
    kind = "refurbished" if refurbished else "second-hand"
    return check_wording(
        f"{product.brand} {product.model} – {kind}, {channel_grade}".strip(), "title"
    )


def listing_description(
    product: Product,
    inspection: Inspection,
    channel_grade: str,
    *,
    refurbished: bool,
    repaired: bool = False,
) -> str:
    """A description from the product and the inspection: what was tested, the grades in
    words, the faults found (fixed, when the unit was repaired). Never a claim of newness."""
    restored = refurbished or repaired
    f = "A" if restored else inspection.functional_grade.value
    c = inspection.cosmetic_grade.value
    if refurbished and c in "CD":
        c = "B"
    lines = [
        f"{product.name} ({product.brand} {product.model}), condition: {channel_grade}.",
        f"Function: {_FUNCTIONAL[f]}. Appearance: {_COSMETIC[c]}.",
    ]
    if refurbished:
        lines.append(
            "Refurbished: all functions tested, needed repairs done"
            + (", previous user's data erased." if product.data_bearing else ".")
        )
    if inspection.fault_codes:
        faults = ", ".join(inspection.fault_codes)
        lines.append(
            f"Faults found at inspection and repaired: {faults}."
            if restored
            else f"Faults noted at inspection: {faults}."
        )
    return check_wording(" ".join(lines), "description")
