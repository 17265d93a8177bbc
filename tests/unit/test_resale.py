"""Listings without a database: the banned wordings, the price as it ages, the statuses."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from revalo.domain.channels import channels_from_config
from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed
from revalo.domain.listing_text import banned_wording
from revalo.domain.resale import Listing, ListingStatus, price_model
from revalo.engines.disposition.params import load_channel_config, load_config
from revalo.engines.disposition.problem import channels_from_config as engine_channels

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
CHANNELS = {c.code: c for c in channels_from_config(load_channel_config())}


@pytest.mark.parametrize(
    "text",
    [
        "Comme neuf",
        "COMME-NEUF",
        "état neuf",
        "Etat de neuf",
        "remis à neuf",
        "As new!",
        "like-new condition",
        "Looks like new",
    ],
)
def test_claims_of_newness_are_found(text: str) -> None:
    assert banned_wording(text) is not None


@pytest.mark.parametrize(
    "text", ["Il y a neuf vis", "brand new battery fitted? no: tested battery", "renewed"]
)
def test_other_words_are_not(text: str) -> None:
    assert banned_wording(text) is None


def test_the_engine_and_the_listings_read_one_list_of_channels() -> None:
    engine = {c.code: c for c in engine_channels(load_config())}
    # The engine takes the channels that serve a route, with the same rates and fees.
    assert set(engine) == {code for code, c in CHANNELS.items() if c.routes}
    for code, spec in engine.items():
        ch = CHANNELS[code]
        assert {g: Decimal(str(r)) for g, r in spec.recovery.items()} == dict(ch.recovery)
        assert Decimal(str(spec.fee_rate)) == ch.fee_rate
        assert Decimal(str(spec.fee_eur)) == ch.fixed_fee_eur
    assert {c.kind.value for c in CHANNELS.values()} >= {
        "web_shop",
        "refurbished_marketplace",
        "discount_marketplace",
        "outlet",
        "b2b",
        "charity",
    }


def test_the_price_decays_to_the_floor_and_never_below() -> None:
    model = price_model(
        CHANNELS["DISCOUNT-MKT"],
        "B",
        new_price=Decimal("100.00"),
        resale_factor=1.0,
        decay_rate=0.02,
        decay_period_days=7.0,
    )
    assert (model.reference, model.floor) == (Decimal("50.00"), Decimal("20.00"))
    assert model.price_at(0) == Decimal("50.00")
    assert model.price_at(7) == Decimal("49.00")
    assert model.price_at(14) == Decimal("48.02")
    assert model.price_at(10_000) == Decimal("20.00")


def listing(**over: object) -> Listing:
    values: dict[str, object] = {
        "unit_id": 1,
        "lpn": "LPN000000001",
        "channel": "DISCOUNT-MKT",
        "grade": "B",
        "channel_grade": "Used - Good",
        "category": "laptop",
        "title": "Lumen L14",
        "description": "Tested.",
        "reference_price": Decimal("50"),
        "floor_price": Decimal("20"),
        "asking_price": Decimal("50"),
        "created_at": NOW,
        "created_by": "manager",
    }
    values.update(over)
    return Listing(**values)  # type: ignore[arg-type]


def test_a_listing_refuses_a_claim_of_newness_and_a_price_below_its_floor() -> None:
    with pytest.raises(InvalidValue, match="décret 2022-190"):
        listing(title="Lumen L14 comme neuf")
    with pytest.raises(InvalidValue, match="below the floor"):
        listing(asking_price=Decimal("19.99"))


def test_the_statuses_and_their_guards() -> None:
    x = listing()
    with pytest.raises(InvalidTransition):
        x.sell(CHANNELS["DISCOUNT-MKT"], price=None, buyer="b", at=NOW)
    x.publish(NOW)
    x.reserve("anna")
    with pytest.raises(NotAllowed, match="reserved for anna"):
        x.sell(CHANNELS["DISCOUNT-MKT"], price=None, buyer="bob", at=NOW)
    with pytest.raises(NotAllowed, match="only a draft or listed"):
        x.reprice(Decimal("30"), at=NOW, actor="m", reason="")
    sale = x.sell(CHANNELS["DISCOUNT-MKT"], price=None, buyer="", at=NOW + timedelta(days=1))
    # 15 % and 0.50 EUR of 50.00.
    assert (sale.buyer, sale.fees, sale.net, x.status) == (
        "anna",
        Decimal("8.00"),
        Decimal("42.00"),
        ListingStatus.SOLD,
    )
    with pytest.raises(InvalidTransition, match="sold is final"):
        x.withdraw("too late")
