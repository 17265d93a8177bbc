"""Treatment operation codes (2008/98/EC Annexes I and II) and the SIRET of a French site."""

from __future__ import annotations

import pytest

from revalo.domain.catalog import Site, SiteKind
from revalo.domain.errors import InvalidValue
from revalo.domain.waste_operations import check_siret, operation_codes, planned_operation


def test_operation_codes_are_read_checked_and_kept_once() -> None:
    assert operation_codes("r4, R12 ;R04") == ("R4", "R12")
    assert operation_codes(["D10", "r5"]) == ("D10", "R5")
    assert operation_codes("") == ()
    for wrong in ("R14", "D16", "X1", "R"):
        with pytest.raises(InvalidValue, match="not a treatment operation"):
            operation_codes(wrong)


def test_the_planned_operation_follows_what_the_waste_is_sent_for() -> None:
    allowed = ("D10", "R4", "R12")
    assert planned_operation(allowed, disposal=False) == "R4"
    assert planned_operation(allowed, disposal=True) == "D10"
    assert planned_operation(("R4",), disposal=True) is None


def test_a_siret_is_fourteen_digits_with_their_check_digit() -> None:
    assert check_siret("123 456 789 00015", "FR") == "12345678900015"
    assert check_siret("  ", "FR") is None
    # La Poste's establishments: the sum of the digits is a multiple of 5.
    assert check_siret("35600000000001", "FR") == "35600000000001"
    for wrong, why in (
        ("12345678900016", "wrong check digit"),
        ("1234567890001", "14 digits"),
        ("1234567890001A", "14 digits"),
    ):
        with pytest.raises(InvalidValue, match=why):
            check_siret(wrong, "FR")
    with pytest.raises(InvalidValue, match="in France, not in DE"):
        check_siret("12345678900015", "DE")
    site = Site(
        "HUB-X", "Hub", SiteKind.RETURNS_HUB, "FR", "Lyon", 45.7, 4.8, siret="12345678900015"
    )
    assert site.siret == "12345678900015"
