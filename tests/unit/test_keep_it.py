"""Keep it, by hand: the best route's value less the trip back and the processing, against
the threshold of the item's category and country."""

from __future__ import annotations

from decimal import Decimal

import pytest

from revalo.domain.errors import InvalidValue
from revalo.domain.keep_it import KeepItRules, KeepItTerms, figures

TERMS = KeepItTerms(threshold_eur=Decimal("5"), processing_eur=Decimal("6"))


def test_a_15_eur_kettle_that_costs_9_to_ship_and_6_to_process_is_offered_keep_it() -> None:
    f = figures(route="restock", route_net=15, trip_back=9, km=480, co2_kg=0.4, terms=TERMS)
    # 15 - 9 - 6 = 0 EUR left, below the 5 EUR threshold.
    assert f.net_after_eur == Decimal("0.00")
    assert f.offered
    assert f.saved_eur == Decimal("0.00")
    assert "= 0.00 EUR, below the threshold of 5.00 EUR" in f.explain()


def test_a_120_eur_drill_is_worth_bringing_back() -> None:
    f = figures(route="restock", route_net=120, trip_back=9, km=480, co2_kg=0.4, terms=TERMS)
    # 120 - 9 - 6 = 105 EUR: far above the threshold.
    assert f.net_after_eur == Decimal("105.00")
    assert not f.offered


def test_exactly_the_threshold_is_not_below_it() -> None:
    f = figures(route="resell", route_net=20, trip_back=9, km=1, co2_kg=0, terms=TERMS)
    assert f.net_after_eur == Decimal("5.00") and not f.offered
    f = figures(route="resell", route_net="19.99", trip_back=9, km=1, co2_kg=0, terms=TERMS)
    assert f.net_after_eur == Decimal("4.99") and f.offered
    # A route that loses money is kept the more: what keeping saves is what returning loses.
    f = figures(route="recycle", route_net=-2, trip_back="7.50", km=1, co2_kg=0, terms=TERMS)
    assert f.net_after_eur == Decimal("-15.50") and f.saved_eur == Decimal("15.50")


def test_the_most_specific_rule_wins_and_a_wrong_setting_is_named() -> None:
    rules = KeepItRules.from_mapping(
        {
            "default": {"threshold_eur": 5, "processing_eur": 6},
            "rule": [
                {"category": "apparel", "country": "*", "threshold_eur": 8},
                {"category": "apparel", "country": "DE", "threshold_eur": 10},
                {"category": "laptop", "country": "*", "enabled": False},
            ],
        }
    )
    assert rules.terms_for("apparel", "FR").threshold_eur == Decimal("8")
    assert rules.terms_for("apparel", "DE").threshold_eur == Decimal("10")
    assert rules.terms_for("apparel", "DE").processing_eur == Decimal("6")
    assert rules.terms_for("kettle", "FR") == KeepItTerms(Decimal("5"), Decimal("6"))
    assert not rules.terms_for("laptop", "FR").enabled
    with pytest.raises(InvalidValue, match="unknown setting"):
        KeepItRules.from_mapping({"default": {"treshold_eur": 5}})
    with pytest.raises(InvalidValue, match="threshold_eur must be an amount in EUR"):
        KeepItRules.from_mapping(
            {"rule": [{"category": "*", "country": "FR", "threshold_eur": "x"}]}
        )


def test_the_shipped_file_reads() -> None:
    from revalo.services.keep_it import load_keep_it_rules

    rules = load_keep_it_rules()
    assert rules.default.threshold_eur == Decimal("5")
    assert not rules.terms_for("laptop", "FR").enabled
