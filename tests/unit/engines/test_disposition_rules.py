"""Every legal or company rule changes a decision somewhere: the same unit, with and without
what the rule looks at, gets a different best route, and the closed route says why."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from revalo.domain.catalog import Product, SiteKind
from revalo.domain.work_orders import WorkOrderKind
from revalo.engines.disposition import ChannelSpec, DispositionParams, SiteSpec, score_unit
from revalo.engines.disposition.explain import UnitScore
from tests.unit.engines import world as w


def _twin(product: Product, **changes: Any) -> Product:
    fields = {
        k: getattr(product, k)
        for k in (
            "sku", "gtin", "name", "category", "brand", "model", "weight_kg", "volume_m3",
            "new_price", "weee_category", "data_bearing", "lithium_battery", "apparel",
            "furniture", "bulky",
        )
    }  # fmt: skip
    fields.update(changes)
    return Product(**fields)


def _score(
    product: Product,
    grades: str,
    *,
    hazardous: bool = False,
    sites: tuple[SiteSpec, ...] | None = None,
    params: DispositionParams | None = None,
    **kwargs: Any,
) -> UnitScore:
    products = (*w.PRODUCTS, product)
    pr = w.problem([(w.LAPTOP, grades, hazardous)], site_specs=sites, **kwargs)
    pr = type(pr)(products, pr.sites, pr.channels, type(pr.units).of(
        product=[len(products) - 1], functional=pr.units.functional,
        cosmetic=pr.units.cosmetic, hazardous=pr.units.hazardous, origin=[0],
    ))  # fmt: skip
    return score_unit(pr, params or w.params())


def _best(score: UnitScore) -> str:
    assert score.best is not None
    return score.best.label


def _reason(score: UnitScore, label: str) -> str:
    return next(e.reason for e in score.excluded if e.label == label)


END_OF_LIFE = w.sites("VEN", "CHA", "REP", "REF")
#: Recycling that costs 1 EUR/kg makes disposal (0.2 EUR/kg) the cheaper way out.
COSTLY_RECYCLING = w.params(recycle_eur_per_kg=-1.0)


def test_weee_goes_only_to_a_certified_recycler() -> None:
    weee = _score(w.DRILL, "DD", sites=END_OF_LIFE)
    assert _best(weee) == "recycle at REC"
    assert "certified" in _reason(weee, "recycle at SCRAP")
    plain = _score(_twin(w.DRILL, weee_category=None), "DD", sites=END_OF_LIFE)
    assert _best(plain) == "recycle at SCRAP"  # nearer, once the rule does not apply


def test_disposal_only_when_hazardous() -> None:
    sound = _score(w.SOFA, "DD", sites=END_OF_LIFE, params=COSTLY_RECYCLING)
    assert _best(sound) == "recycle at SCRAP"
    assert "L541-15-8" in _reason(sound, "dispose at SCRAP")
    hazardous = _score(w.SOFA, "DD", hazardous=True, sites=END_OF_LIFE, params=COSTLY_RECYCLING)
    assert _best(hazardous) == "dispose at SCRAP"


def test_apparel_is_never_destroyed_even_when_hazardous() -> None:
    coat = _twin(w.TSHIRT, weight_kg=5.0)
    apparel = _score(coat, "DD", hazardous=True, sites=END_OF_LIFE, params=COSTLY_RECYCLING)
    assert _best(apparel) == "recycle at SCRAP"
    assert "ESPR" in _reason(apparel, "dispose at SCRAP")
    other = _twin(coat, apparel=False, category="textile")
    assert (
        _best(_score(other, "DD", hazardous=True, sites=END_OF_LIFE, params=COSTLY_RECYCLING))
        == "dispose at SCRAP"
    )


def test_data_wipe_cost_can_tip_a_cheap_device_to_recycling() -> None:
    """A 60 EUR tablet graded C/C: resale brings 60 x 0.35 x 0.99 x 0.9 = 18.71 EUR, less 10
    of cleaning: worth it without data; with data, the 23 EUR wipe makes recycling better."""
    tablet = _twin(w.LAPTOP, new_price=Decimal("60"))
    wiped = _score(tablet, "CC", sites=w.sites("VEN", "CHA", "REP", "REF"))
    assert _best(wiped) == "recycle at REC"
    resell = next(s for s in wiped.ranked if s.label == "resell on DISCOUNT")
    assert resell.breakdown.data_wipe == 23.0
    no_data = _score(
        _twin(tablet, data_bearing=False), "CC", sites=w.sites("VEN", "CHA", "REP", "REF")
    )
    assert _best(no_data) == "resell on DISCOUNT"


def test_refurbished_needs_a_test() -> None:
    base = _score(w.LAPTOP, "BC")
    assert _best(base) == "refurbish at REF on REFURB"
    untestable = w.sites(
        REF=SiteSpec(
            w.site("REF", SiteKind.REFURBISHER, 1.0, skills=["laptop"]),
            capacity={WorkOrderKind.REFURBISH: 100, WorkOrderKind.TEST: 0},
        )
    )
    score = _score(w.LAPTOP, "BC", sites=untestable)
    assert _best(score) != "refurbish at REF on REFURB"
    assert "décret 2022-190" in _reason(score, "refurbish at REF on REFURB")


def test_repair_only_where_the_category_is_handled() -> None:
    rep = w.site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop"])
    unskilled = w.sites("REF", "VEN", REP=SiteSpec(w.site("REP", SiteKind.REPAIR_CENTRE, 1.0)))
    score = _score(w.LAPTOP, "CA", sites=unskilled)
    assert _best(score) == "resell on DISCOUNT"
    assert "does not handle the category laptop" in _reason(score, "repair at REP on DISCOUNT")
    skilled = w.sites("REF", "VEN", REP=SiteSpec(rep))
    assert _best(_score(w.LAPTOP, "CA", sites=skilled)) == "repair at REP on DISCOUNT"


def test_channels_accept_only_their_categories_and_grades() -> None:
    sofa = _score(w.SOFA, "BB", sites=w.sites("VEN"))
    assert _best(sofa) == "resell on DISCOUNT"
    laptops_only = w.channels(
        DISCOUNT=ChannelSpec(
            "DISCOUNT", "Discount marketplace", w.RESALE,
            {"A": 0.6, "B": 0.5, "C": 0.35}, 7.0, fee_rate=0.1, categories=frozenset({"laptop"}),
        )
    )  # fmt: skip
    score = _score(w.SOFA, "BB", sites=w.sites("VEN"), channel_specs=laptops_only)
    assert _best(score) != "resell on DISCOUNT"
    assert "category sofa" in _reason(score, "resell on DISCOUNT")
    worn = _score(w.LAPTOP, "AD", sites=w.sites("REF"))
    assert "grade D" in _reason(worn, "resell on DISCOUNT")


def test_restock_as_new_only_when_graded_a_a() -> None:
    assert _best(_score(w.LAPTOP, "AA")) == "restock on NEW"
    score = _score(w.LAPTOP, "AB")
    assert _best(score) != "restock on NEW"
    assert "A/A" in _reason(score, "restock on NEW")


def test_return_to_vendor_needs_an_agreement() -> None:
    drill = _score(w.DRILL, "DD")
    assert _best(drill) == "return_to_vendor at VEN"
    no_deal = w.sites(VEN=SiteSpec(w.site("VEN", SiteKind.VENDOR, 3.0)))
    score = _score(w.DRILL, "DD", sites=no_deal)
    assert _best(score) == "recycle at REC"
    assert "agreement" in _reason(score, "return_to_vendor at VEN")


def test_return_to_vendor_only_for_the_brands_of_the_agreement() -> None:
    other = w.sites(
        VEN=SiteSpec(
            w.site("VEN", SiteKind.VENDOR, 3.0),
            vendor_credit_rate=0.3,
            vendor_brands=frozenset({"Lumen"}),
        )
    )
    score = _score(w.DRILL, "DD", sites=other)
    assert _best(score) == "recycle at REC"
    assert "brand Brand" in _reason(score, "return_to_vendor at VEN")
    assert _best(_score(_twin(w.DRILL, brand="Lumen"), "DD", sites=other)) == (
        "return_to_vendor at VEN"
    )


def test_data_is_wiped_at_the_origin_before_a_unit_leaves_for_a_partner() -> None:
    """The repair centre's cheaper labour does not apply to the wipe: it happens at the hub,
    before the laptop leaves (20 min at 1 EUR/min + 3 EUR licence)."""
    cheap = w.site("REP", SiteKind.REPAIR_CENTRE, 1.0, skills=["laptop"])
    score = _score(w.LAPTOP, "CA", sites=w.sites(REP=SiteSpec(cheap, labour_eur_per_hour=6.0)))
    repair = next(s for s in score.ranked if s.label == "repair at REP on DISCOUNT")
    assert repair.breakdown.data_wipe == 23.0
    assert repair.breakdown.labour == pytest.approx((60 + 15) * 0.1)  # repair + test, 6 EUR/h
