"""Value objects: GS1 check digits on real codes, licence plates, distances, site and codes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from revalo.domain.catalog import Site, SiteKind, check_code, check_country
from revalo.domain.errors import InvalidValue
from revalo.domain.values import (
    GeoPoint,
    as_utc,
    format_lpn,
    gs1_check_digit,
    is_lpn,
    normalise_gtin,
)

# Real codes printed on products, and the examples of the GS1 General Specifications.
REAL_GTINS = {
    "4006381333931": "04006381333931",  # GTIN-13, a Stabilo highlighter
    "5901234123457": "05901234123457",  # GTIN-13, GS1 example
    "9780306406157": "09780306406157",  # GTIN-13, an ISBN-13 book
    "036000291452": "00036000291452",  # GTIN-12 (UPC-A)
    "96385074": "00000096385074",  # GTIN-8
    "10614141000415": "10614141000415",  # GTIN-14, GS1 US example case
}


@pytest.mark.parametrize(("code", "as_14"), REAL_GTINS.items())
def test_real_gtins_are_accepted_and_padded_to_14_digits(code: str, as_14: str) -> None:
    assert normalise_gtin(code) == as_14
    assert gs1_check_digit(code[:-1]) == int(code[-1])


def test_the_sscc_of_the_gs1_example_has_its_check_digit() -> None:
    assert gs1_check_digit("37613032110910342") == 0


def test_a_gtin_with_a_wrong_check_digit_names_the_expected_digit() -> None:
    with pytest.raises(InvalidValue) as err:
        normalise_gtin("4006381333932")
    assert err.value.field == "gtin"
    assert err.value.message == ("GTIN '4006381333932' has a wrong check digit: expected 1, got 2")


@pytest.mark.parametrize("code", ["", "123", "4006381333", "400638133393100", "ABC0000000000"])
def test_a_gtin_of_the_wrong_length_or_with_letters_is_refused(code: str) -> None:
    with pytest.raises(InvalidValue, match="must have 8, 12, 13 or 14 digits"):
        normalise_gtin(code)


def test_spaces_around_a_gtin_are_ignored() -> None:
    assert normalise_gtin(" 4006381333931\n") == "04006381333931"


def test_licence_plates_are_lpn_and_nine_digits() -> None:
    assert format_lpn(1) == "LPN000000001"
    assert format_lpn(999_999_999) == "LPN999999999"
    assert is_lpn("LPN000000123") and is_lpn(" lpn000000123 ")
    assert not is_lpn("LPN12345") and not is_lpn("LPN0000001234") and not is_lpn("XPN000000123")
    for n in (0, 10**9):
        with pytest.raises(InvalidValue, match="out of range") as err:
            format_lpn(n)
        assert err.value.field == "lpn"


def test_paris_to_lyon_is_about_392_km_as_the_crow_flies() -> None:
    paris, lyon = GeoPoint(48.8566, 2.3522), GeoPoint(45.7640, 4.8357)
    assert paris.km_to(lyon) == pytest.approx(392, abs=2)
    assert lyon.km_to(paris) == pytest.approx(paris.km_to(lyon))
    assert paris.km_to(paris) == 0


def test_a_point_off_the_globe_is_refused() -> None:
    with pytest.raises(InvalidValue, match="latitude 91") as err:
        GeoPoint(91, 0)
    assert err.value.field == "lat"
    with pytest.raises(InvalidValue, match="longitude -181") as err:
        GeoPoint(0, -181)
    assert err.value.field == "lon"


def test_naive_times_are_taken_as_utc() -> None:
    naive = datetime(2025, 3, 1, 12, 0)
    assert as_utc(naive) == datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    paris = datetime(2025, 3, 1, 13, 0, tzinfo=timezone(timedelta(hours=1)))
    assert as_utc(paris) == datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def test_business_codes_are_upper_case_and_named_when_wrong() -> None:
    assert check_code(" hub-fr ", "site code") == "HUB-FR"
    with pytest.raises(InvalidValue, match="site code 'X'") as err:
        check_code("X", "site code")
    assert err.value.field == "site_code"
    assert check_country("fr") == "FR"
    with pytest.raises(InvalidValue, match="ISO 3166"):
        check_country("FRA")


def test_only_a_recycler_can_be_certified_for_weee() -> None:
    with pytest.raises(InvalidValue, match="only a recycler") as err:
        Site("HUB-FR", "Hub", SiteKind.RETURNS_HUB, "FR", "Lyon", 45.7, 4.8, weee_certified=True)
    assert err.value.field == "weee_certified"
