"""The carriers file: the shipped one loads; bad files are refused naming line and key."""

from __future__ import annotations

import pytest

from revalo.engines.transport.carriers import ServiceKind
from revalo.engines.transport.errors import RateCardError
from revalo.engines.transport.rate_cards import load_transport_config, parse_transport_config

from .cards import TINY


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line starting with ``needle``."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if line.strip().startswith(needle)]
    return hits[occurrence - 1]


def refused(text: str) -> str:
    with pytest.raises(RateCardError) as info:
        parse_transport_config(text, "bad.toml")
    return info.value.message


def test_shipped_file_has_every_kind_of_service() -> None:
    config = load_transport_config()
    kinds = {s.kind for s in config.rate_cards.services}
    assert kinds == set(ServiceKind)
    assert config.circuity.default == 1.3
    assert any(s.handling.accepts_lithium for s in config.rate_cards.services)
    assert any(s.handling.accepts_bulky for s in config.rate_cards.services)


def test_a_wrong_number_of_prices_names_the_zone_and_its_line() -> None:
    text = TINY.replace("prices = [10.0, 16.0, 24.0, 40.0]", "prices = [10.0, 16.0, 24.0]")
    message = refused(text)
    assert message == (
        f"bad.toml:{line_of(text, 'prices', 2)}: parcel[0].zone[1].prices: "
        "has 3 prices for 4 weight breaks"
    )


def test_a_missing_key_names_the_table_line() -> None:
    text = TINY.replace("max_girth_cm = 800\n", "")
    assert refused(text) == (
        f"bad.toml:{line_of(text, '[[parcel]]', 3)}: parcel[2]: missing key 'max_girth_cm'"
    )


def test_a_misspelt_key_is_not_silently_ignored() -> None:
    text = TINY.replace("per_km_eur = 1.5", "per_kms_eur = 1.5")
    message = refused(text)
    assert message.startswith(f"bad.toml:{line_of(text, 'per_kms_eur')}: truck[0].per_kms_eur: ")
    assert "unknown key" in message


@pytest.mark.parametrize(
    ("old", "new", "key", "words"),
    [
        (
            'vehicle = "van_diesel"',
            'vehicle = "hovercraft"',
            "parcel[0].vehicle",
            "unknown vehicle",
        ),
        ("fixed_eur = 200.0", "fixed_eur = -5", "truck[0].fixed_eur", "zero or more, not -5"),
        ('lanes = ["FR>*"]', 'lanes = ["FR-DE"]', "parcel[0].zone[1].lanes", "'FR-DE'"),
        (
            "accepts_bulky = true\ncountries",
            "accepts_bulky = 1\ncountries",
            "fleet[0].accepts_bulky",
            "true or false",
        ),
        (
            "weight_breaks_kg = [2, 5, 10, 30]",
            "weight_breaks_kg = [2, 10, 5, 30]",
            "parcel[0].weight_breaks_kg",
            "increasing",
        ),
        ("max_pallets = 4", "max_pallets = 2.5", "pallet[0].max_pallets", "whole number"),
        ('id = "FTL"', 'id = "PARCEL"', "truck[0].id", "used twice"),
        ('lanes = ["FR>*"]', 'lanes = ["FR>FR"]', "parcel[0].zone[1].lanes", "already in zone"),
    ],
)
def test_bad_values_name_their_key(old: str, new: str, key: str, words: str) -> None:
    assert old in TINY
    message = refused(TINY.replace(old, new, 1))
    assert f": {key}: " in message and words in message
    assert message.startswith("bad.toml:")


def test_broken_toml_names_the_line() -> None:
    message = refused(TINY.replace("fuel_surcharge_pct = 10.0", "fuel_surcharge_pct = 10,0"))
    assert "bad.toml: not valid TOML" in message and f"line {line_of(TINY, 'fuel_')}" in message


def test_circuity_section_is_checked() -> None:
    ok = parse_transport_config("[circuity]\nby_country = {DE = 1.25}\n" + TINY)
    assert ok.circuity.factor("DE", "DE") == 1.25
    message = refused("[circuity]\ndefault = 0.8\n" + TINY)
    assert message.startswith("bad.toml:1: circuity: circuity default = 0.8 must be between")


def test_a_file_without_services_is_refused() -> None:
    assert "no service" in refused("[circuity]\ndefault = 1.3\n")


def test_the_co2_weight_of_the_choice_is_read_and_checked() -> None:
    assert parse_transport_config(TINY).choice.co2_eur_per_kg == 0.0
    priced = parse_transport_config("[choice]\nco2_eur_per_kg = 0.08\n" + TINY)
    assert priced.choice.co2_eur_per_kg == 0.08
    negative = refused("[choice]\nco2_eur_per_kg = -1\n" + TINY)
    assert negative.startswith("bad.toml:2: choice.co2_eur_per_kg: ")
    assert "unknown key" in refused("[choice]\nco2_price = 1\n" + TINY)


def test_damaged_lithium_needs_lithium_and_is_named_when_wrong() -> None:
    config = load_transport_config()
    takes = {s.id for s in config.rate_cards.services if s.handling.accepts_damaged_lithium}
    assert takes == {"FTL-ARTIC", "OWN-VAN", "OWN-RIGID", "OWN-ARTIC"}
    first = line_of(TINY, "accepts_lithium = false")
    lines = TINY.splitlines()
    lines.insert(first, "accepts_damaged_lithium = true")
    message = refused("\n".join(lines))
    assert "accepts_damaged_lithium" in message
    assert "must accept lithium batteries" in message
