"""SSCCs of return parcels and their GS1 Digital Link URIs, checked against biip."""

from __future__ import annotations

import biip
import pytest
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.sscc import Sscc
from hypothesis import given
from hypothesis import strategies as st

from revalo.domain.errors import InvalidValue
from revalo.domain.values import digital_link_sscc, format_sscc, normalise_sscc

# GS1 EPC Tag Data Standard example: urn:epc:id:sscc:0614141.1234567890 is the SSCC
# (00) 106141412345678908 - extension digit 1, company prefix 0614141, serial 234567890.
GS1_EXAMPLE = "106141412345678908"


def test_the_gs1_example_sscc_is_built_from_its_parts() -> None:
    assert format_sscc(1, "0614141", 234567890) == GS1_EXAMPLE


def test_the_serial_reference_is_zero_padded_to_17_data_digits() -> None:
    sscc = format_sscc(0, "1234567890", 42)
    assert sscc[:-1] == "0" + "1234567890" + "000042"
    assert Sscc.parse(sscc).payload == sscc[:-1]


@st.composite
def sscc_parts(draw: st.DrawFn) -> tuple[int, str, int]:
    extension = draw(st.integers(0, 9))
    prefix = draw(st.text("0123456789", min_size=7, max_size=10))
    serial = draw(st.integers(0, 10 ** (16 - len(prefix)) - 1))
    return extension, prefix, serial


@given(sscc_parts())
def test_biip_accepts_every_sscc_built_and_finds_its_parts(parts: tuple[int, str, int]) -> None:
    extension, prefix, serial = parts
    sscc = format_sscc(extension, prefix, serial)
    parsed = biip.parse(sscc).sscc
    assert parsed is not None  # biip checks the check digit independently
    assert parsed.value == sscc
    assert parsed.extension_digit == extension
    assert sscc[1 : 1 + len(prefix)] == prefix
    assert int(sscc[1 + len(prefix) : -1]) == serial


@given(sscc_parts(), st.integers(1, 9))
def test_biip_refuses_the_sscc_with_any_other_check_digit(
    parts: tuple[int, str, int], shift: int
) -> None:
    sscc = format_sscc(*parts)
    wrong = sscc[:-1] + str((int(sscc[-1]) + shift) % 10)
    assert biip.parse(wrong).sscc is None
    with pytest.raises(InvalidValue, match="wrong check digit") as err:
        normalise_sscc(wrong)
    assert err.value.field == "sscc"


def test_the_largest_serial_reference_that_fits_is_accepted() -> None:
    assert format_sscc(9, "1234567890", 999_999)[:-1] == "91234567890999999"
    assert format_sscc(0, "1234567", 999_999_999)[:-1] == "01234567999999999"


@pytest.mark.parametrize(
    ("extension", "prefix", "serial", "field", "message"),
    [
        (10, "0614141", 1, "extension_digit", "from 0 to 9"),
        (-1, "0614141", 1, "extension_digit", "from 0 to 9"),
        (True, "0614141", 1, "extension_digit", "whole number"),
        (1.0, "0614141", 1, "extension_digit", "whole number"),
        (1, "061414", 1, "company_prefix", "7 to 10 digits"),
        (1, "06141411234", 1, "company_prefix", "7 to 10 digits"),
        (1, "06141A1", 1, "company_prefix", "7 to 10 digits"),
        (1, "٠٦١٤١٤١", 1, "company_prefix", "7 to 10 digits"),  # Arabic-Indic digits
        (1, "0614141", -1, "serial_reference", "from 0 to 999999999"),
        (1, "0614141", 10**9, "serial_reference", "from 0 to 999999999 (9 digits)"),
        (1, "0614141234", 10**6, "serial_reference", "from 0 to 999999 (6 digits)"),
        (1, "0614141", False, "serial_reference", "whole number"),
        (1, "0614141", "42", "serial_reference", "whole number"),
    ],
)
def test_parts_that_do_not_make_an_sscc_are_refused(
    extension: int, prefix: str, serial: int, field: str, message: str
) -> None:
    with pytest.raises(InvalidValue) as err:
        format_sscc(extension, prefix, serial)
    assert err.value.field == field
    assert message in err.value.message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("10614141234567890", "must have 18 digits"),
        ("1061414123456789080", "must have 18 digits"),
        ("10614141234567890X", "must have 18 digits"),
        ("", "must have 18 digits"),
        ("106141412345678909", "wrong check digit: expected 8, got 9"),
    ],
)
def test_what_is_not_an_sscc_is_refused(value: str, message: str) -> None:
    with pytest.raises(InvalidValue) as err:
        normalise_sscc(value)
    assert err.value.field == "sscc"
    assert message in err.value.message


def test_an_sscc_may_come_with_spaces_around_it() -> None:
    assert normalise_sscc(f" {GS1_EXAMPLE}\n") == GS1_EXAMPLE


def test_the_digital_link_of_an_sscc_uses_the_gs1_resolver_by_default() -> None:
    uri = digital_link_sscc(GS1_EXAMPLE)
    assert uri == f"https://id.gs1.org/00/{GS1_EXAMPLE}"
    parsed = GS1DigitalLinkURI.parse(uri)
    assert [(es.ai.ai, es.value) for es in parsed.element_strings] == [("00", GS1_EXAMPLE)]


@pytest.mark.parametrize(
    ("resolver", "uri"),
    [
        ("https://id.gs1.org/", f"https://id.gs1.org/00/{GS1_EXAMPLE}"),
        ("https://returns.example.com/dl", f"https://returns.example.com/dl/00/{GS1_EXAMPLE}"),
        (" http://localhost:8000/ ", f"http://localhost:8000/00/{GS1_EXAMPLE}"),
    ],
)
def test_a_company_may_resolve_its_own_digital_links(resolver: str, uri: str) -> None:
    assert digital_link_sscc(GS1_EXAMPLE, resolver) == uri
    assert biip.parse(uri).sscc is not None  # biip reads the SSCC back from the URI


@pytest.mark.parametrize(
    "resolver",
    [
        "id.gs1.org",
        "ftp://id.gs1.org",
        "https://",
        "https:///00",
        "https://example.com/?lang=fr",
        "https://example.com/#top",
        "https://example.com/my resolver",
        "",
    ],
)
def test_a_resolver_that_is_not_a_plain_http_url_is_refused(resolver: str) -> None:
    with pytest.raises(InvalidValue) as err:
        digital_link_sscc(GS1_EXAMPLE, resolver)
    assert err.value.field == "resolver"


def test_the_digital_link_of_a_wrong_sscc_is_refused() -> None:
    with pytest.raises(InvalidValue, match="expected 8, got 9") as err:
        digital_link_sscc("106141412345678909")
    assert err.value.field == "sscc"
