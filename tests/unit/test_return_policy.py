"""The return policy: EU consumer law by default, rules per category and country."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from revalo.domain.catalog import CustomerKind
from revalo.domain.errors import InvalidValue
from revalo.domain.policy import (
    LineContext,
    PolicyDecision,
    PolicyOutcome,
    PolicyTerms,
    ReturnPolicy,
)
from revalo.domain.returns import ReturnReason
from revalo.settings import load_policy

DELIVERED = datetime(2025, 3, 1, 10, 0, tzinfo=UTC)
Out = PolicyOutcome
Reason = ReturnReason


def decide(
    policy: ReturnPolicy,
    *,
    after: timedelta,
    reason: ReturnReason = Reason.WITHDRAWAL,
    category: str = "laptop",
    value: str = "899",
    country: str = "FR",
    kind: CustomerKind = CustomerKind.CONSUMER,
    delivered: datetime | None = DELIVERED,
) -> PolicyDecision:
    return policy.decide_line(
        LineContext(1, category, reason, Decimal(value)),
        country=country,
        customer_kind=kind,
        delivered_at=delivered,
        requested_at=DELIVERED + after,
    )


EU = ReturnPolicy()


# -- withdrawal and guarantee -------------------------------------------------------------


def test_withdrawal_on_the_fourteenth_day_is_authorised() -> None:
    d = decide(EU, after=timedelta(days=14))
    assert d.outcome is Out.AUTHORISE
    assert d.reason == ("line 1: within the 14-day withdrawal period (Directive 2011/83/EU art. 9)")


def test_withdrawal_late_on_the_fourteenth_day_is_still_in_time() -> None:
    # Delivered at 10:00 on 1 March: the period runs to the end of 15 March.
    assert decide(EU, after=timedelta(days=14, hours=13)).outcome is Out.AUTHORISE


def test_withdrawal_on_the_fifteenth_day_is_rejected_with_the_end_date() -> None:
    d = decide(EU, after=timedelta(days=15))
    assert d.outcome is Out.REJECT
    assert d.reason == (
        "line 1: the 14-day withdrawal period ended on 2025-03-15 (15 days after delivery)"
    )


def test_a_defect_within_two_years_is_covered_by_the_legal_guarantee() -> None:
    d = decide(EU, after=timedelta(days=730), reason=Reason.DEFECTIVE)
    assert d.outcome is Out.AUTHORISE
    assert "legal guarantee of 730 days (Directive (EU) 2019/771)" in d.reason


@pytest.mark.parametrize("reason", [Reason.DEFECTIVE, Reason.NOT_AS_DESCRIBED])
def test_after_the_guarantee_a_defect_is_a_goodwill_decision(reason: ReturnReason) -> None:
    d = decide(EU, after=timedelta(days=731), reason=reason)
    assert d.outcome is Out.REVIEW
    assert "has ended: a goodwill decision" in d.reason


@pytest.mark.parametrize("reason", [Reason.WRONG_ITEM, Reason.DAMAGED_IN_TRANSIT])
def test_the_sellers_error_is_always_taken_back(reason: ReturnReason) -> None:
    assert decide(EU, after=timedelta(days=900), reason=reason).outcome is Out.AUTHORISE


def test_without_a_delivery_date_a_person_checks_the_deadlines() -> None:
    d = decide(EU, after=timedelta(days=1), delivered=None)
    assert d.outcome is Out.REVIEW and "no delivery date" in d.reason


def test_an_unusual_reason_goes_to_a_person() -> None:
    d = decide(EU, after=timedelta(days=1), reason=Reason.OTHER)
    assert d == PolicyDecision(Out.REVIEW, "line 1: reason 'other' needs a person's review")


# -- value and business customers ---------------------------------------------------------


def test_a_line_above_the_review_threshold_goes_to_a_person() -> None:
    assert decide(EU, after=timedelta(days=1), value="5000.00").outcome is Out.AUTHORISE
    d = decide(EU, after=timedelta(days=1), value="5000.01")
    assert d.outcome is Out.REVIEW
    assert "above the review threshold of 5000 EUR" in d.reason


def test_a_business_return_follows_its_contract_not_consumer_law() -> None:
    lease = decide(
        EU, after=timedelta(days=1000), reason=Reason.END_OF_LEASE, kind=CustomerKind.BUSINESS
    )
    assert lease.outcome is Out.AUTHORISE and "under contract" in lease.reason
    change_of_mind = decide(EU, after=timedelta(days=2), kind=CustomerKind.BUSINESS)
    assert change_of_mind.outcome is Out.REVIEW
    assert "not covered by consumer law" in change_of_mind.reason


def test_a_company_may_accept_business_returns_for_any_reason() -> None:
    lenient = ReturnPolicy(PolicyTerms(business_needs_contract_reason=False))
    d = decide(lenient, after=timedelta(days=2), kind=CustomerKind.BUSINESS)
    assert d.outcome is Out.AUTHORISE


# -- one answer for the whole return ------------------------------------------------------


def lines(*reasons: ReturnReason) -> list[LineContext]:
    return [LineContext(i, "laptop", r, Decimal("10")) for i, r in enumerate(reasons, start=1)]


def decide_all(*reasons: ReturnReason, after: timedelta) -> PolicyDecision:
    return EU.decide(
        lines(*reasons),
        country="FR",
        customer_kind=CustomerKind.CONSUMER,
        delivered_at=DELIVERED,
        requested_at=DELIVERED + after,
    )


def test_a_return_is_authorised_or_rejected_only_when_every_line_agrees() -> None:
    assert decide_all(Reason.WITHDRAWAL, Reason.DEFECTIVE, after=timedelta(days=3)).outcome is (
        Out.AUTHORISE
    )
    assert decide_all(Reason.WITHDRAWAL, Reason.WITHDRAWAL, after=timedelta(days=30)).outcome is (
        Out.REJECT
    )
    mixed = decide_all(Reason.WITHDRAWAL, Reason.DEFECTIVE, after=timedelta(days=30))
    assert mixed.outcome is Out.REVIEW
    assert mixed.reason.startswith("line 1: the 14-day withdrawal period ended")
    assert "; line 2: lack of conformity" in mixed.reason


# -- rules per category and country -------------------------------------------------------


def test_the_most_specific_rule_wins() -> None:
    policy = ReturnPolicy.from_mapping(
        {
            "default": {"withdrawal_days": 14},
            "rule": [
                {"category": "*", "country": "DE", "withdrawal_days": 20},
                {"category": "sofa", "country": "*", "withdrawal_days": 30},
                {"category": "sofa", "country": "DE", "withdrawal_days": 40},
            ],
        }
    )
    assert policy.terms_for("laptop", "FR").withdrawal_days == 14
    assert policy.terms_for("laptop", "DE").withdrawal_days == 20
    assert policy.terms_for("sofa", "FR").withdrawal_days == 30
    assert policy.terms_for("sofa", "DE").withdrawal_days == 40
    # The rule changes the answer: day 25 is late for a laptop in France, not for a sofa.
    assert decide(policy, after=timedelta(days=25)).outcome is Out.REJECT
    assert decide(policy, after=timedelta(days=25), category="sofa").outcome is Out.AUTHORISE


def test_a_rule_inherits_what_it_does_not_say_from_the_default() -> None:
    policy = ReturnPolicy.from_mapping(
        {
            "default": {"guarantee_days": 1095, "review_above_value": 800},
            "rule": [{"category": "phone", "country": "*", "withdrawal_days": 30}],
        }
    )
    phone = policy.terms_for("phone", "IT")
    assert (phone.withdrawal_days, phone.guarantee_days) == (30, 1095)
    assert phone.review_above_value == Decimal("800")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"default": {"withdrawl_days": 14}}, "[default]: unknown setting(s) withdrawl_days"),
        (
            {"rule": [{"category": "sofa", "country": "*", "colour": "red"}]},
            "[[rule]] number 1: unknown setting(s) colour",
        ),
        ({"default": {"withdrawal_days": -1}}, "withdrawal_days must be a whole number of days"),
        ({"default": {"guarantee_days": "2y"}}, "guarantee_days must be a whole number of days"),
        ({"default": {"guarantee_days": True}}, "guarantee_days must be a whole number of days"),
        ({"default": {"review_above_value": "lots"}}, "review_above_value must be an amount"),
        (
            {"default": {"business_needs_contract_reason": "yes"}},
            "business_needs_contract_reason must be true or false",
        ),
        (
            {"rule": [{"category": "*", "country": "FR"}, {"category": "sofa"}]},
            "[[rule]] number 2: needs both category and country",
        ),
    ],
)
def test_a_bad_policy_file_names_the_bad_key(data: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidValue) as err:
        ReturnPolicy.from_mapping(data)
    assert message in err.value.message


def test_the_shipped_policy_file_loads_with_the_eu_defaults() -> None:
    policy = load_policy()
    assert policy.default == PolicyTerms(
        withdrawal_days=14,
        guarantee_days=730,
        review_above_value=Decimal("5000"),
        business_needs_contract_reason=True,
    )
    assert policy.terms_for("copier", "FR").review_above_value == Decimal("50000")
    assert policy.terms_for("washing_machine", "BE").review_above_value == Decimal("3000")


def test_a_policy_file_with_an_error_says_which_file(tmp_path: Path) -> None:
    bad = tmp_path / "policy.toml"
    bad.write_text("[default]\nwithdrawal_days = 14\nwarranty = 2\n", encoding="utf-8")
    with pytest.raises(
        InvalidValue, match=r"policy.toml: \[default\]: unknown setting\(s\) warranty"
    ):
        load_policy(bad)
    bad.write_text("[default\n", encoding="utf-8")
    with pytest.raises(InvalidValue, match=r"policy\.toml: "):
        load_policy(bad)
