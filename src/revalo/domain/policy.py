"""Return policy: authorise, reject or send for review, always with a reason.

Rules are configurable per product category and country; the defaults follow EU consumer
law (see ``config/return_policy.toml`` for the figures and their sources).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from revalo.domain.catalog import CustomerKind
from revalo.domain.errors import InvalidValue
from revalo.domain.returns import ReturnReason


class PolicyOutcome(enum.StrEnum):
    AUTHORISE = "authorise"
    REJECT = "reject"
    REVIEW = "needs_review"


@dataclass(frozen=True, slots=True)
class PolicyDecision:
    outcome: PolicyOutcome
    reason: str


@dataclass(frozen=True, slots=True)
class PolicyTerms:
    withdrawal_days: int = 14
    guarantee_days: int = 730
    review_above_value: Decimal = Decimal("5000")
    business_needs_contract_reason: bool = True


@dataclass(frozen=True, slots=True)
class PolicyRule:
    category: str
    country: str
    terms: PolicyTerms

    def matches(self, category: str, country: str) -> bool:
        return self.category in ("*", category) and self.country in ("*", country)

    @property
    def specificity(self) -> int:
        return (self.category != "*") * 2 + (self.country != "*")


@dataclass(frozen=True, slots=True)
class LineContext:
    """What the policy needs to know about one line of a return."""

    line_no: int
    category: str
    reason: ReturnReason
    value: Decimal


def _amount(raw: Any, where: str) -> Decimal:
    """An amount in EUR from the policy file, or an error naming the setting."""
    try:
        amount = Decimal(str(raw))
    except ArithmeticError:
        amount = Decimal("NaN")
    if isinstance(raw, bool) or not amount.is_finite() or amount < 0:
        raise InvalidValue(
            f"{where}: review_above_value must be an amount in EUR >= 0, not {raw!r}",
            field="review_above_value",
        )
    return amount


_CONTRACT_REASONS = frozenset(
    {
        ReturnReason.END_OF_LEASE,
        ReturnReason.DEFECTIVE,
        ReturnReason.WARRANTY_REPAIR,
        ReturnReason.WRONG_ITEM,
        ReturnReason.DAMAGED_IN_TRANSIT,
    }
)
_CONFORMITY_REASONS = frozenset(
    {ReturnReason.DEFECTIVE, ReturnReason.NOT_AS_DESCRIBED, ReturnReason.WARRANTY_REPAIR}
)


@dataclass(frozen=True)
class ReturnPolicy:
    default: PolicyTerms = PolicyTerms()
    rules: tuple[PolicyRule, ...] = field(default=())

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> ReturnPolicy:
        """Build from the parsed TOML file; raise InvalidValue naming the bad key."""
        known = set(PolicyTerms.__dataclass_fields__)

        def terms(base: PolicyTerms, raw: Mapping[str, Any], where: str) -> PolicyTerms:
            unknown = set(raw) - known - {"category", "country"}
            if unknown:
                raise InvalidValue(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
            values = {k: v for k, v in raw.items() if k in known}
            for k in ("withdrawal_days", "guarantee_days"):
                v = values.get(k, 0)
                if isinstance(v, bool) or not isinstance(v, int) or v < 0:
                    raise InvalidValue(
                        f"{where}: {k} must be a whole number of days >= 0, not {v!r}", field=k
                    )
            if "review_above_value" in values:
                values["review_above_value"] = _amount(values["review_above_value"], where)
            flag = values.get("business_needs_contract_reason", True)
            if not isinstance(flag, bool):
                raise InvalidValue(
                    f"{where}: business_needs_contract_reason must be true or false, not {flag!r}",
                    field="business_needs_contract_reason",
                )
            return replace(base, **values)

        default = terms(PolicyTerms(), data.get("default", {}), "[default]")
        rules = []
        for i, raw in enumerate(data.get("rule", []), start=1):
            if "category" not in raw or "country" not in raw:
                raise InvalidValue(f"[[rule]] number {i}: needs both category and country")
            rules.append(
                PolicyRule(
                    str(raw["category"]).lower(),
                    str(raw["country"]).upper(),
                    terms(default, raw, f"[[rule]] number {i}"),
                )
            )
        return cls(default, tuple(rules))

    def terms_for(self, category: str, country: str) -> PolicyTerms:
        matching = [r for r in self.rules if r.matches(category, country)]
        if not matching:
            return self.default
        return max(matching, key=lambda r: r.specificity).terms

    def decide_line(
        self,
        line: LineContext,
        *,
        country: str,
        customer_kind: CustomerKind,
        delivered_at: datetime | None,
        requested_at: datetime,
    ) -> PolicyDecision:
        t = self.terms_for(line.category, country)
        A, R, V = PolicyOutcome.AUTHORISE, PolicyOutcome.REJECT, PolicyOutcome.REVIEW
        prefix = f"line {line.line_no}: "
        if line.value > t.review_above_value:
            return PolicyDecision(
                V,
                prefix + f"value {line.value} EUR is above the review "
                f"threshold of {t.review_above_value} EUR",
            )
        if customer_kind is CustomerKind.BUSINESS:
            if t.business_needs_contract_reason and line.reason not in _CONTRACT_REASONS:
                return PolicyDecision(
                    V,
                    prefix + f"a business return for '{line.reason.value}' "
                    "is not covered by consumer law: check the contract",
                )
            return PolicyDecision(
                A, prefix + f"business return ({line.reason.value}) under contract"
            )
        if line.reason in (ReturnReason.WRONG_ITEM, ReturnReason.DAMAGED_IN_TRANSIT):
            return PolicyDecision(
                A, prefix + f"{line.reason.value.replace('_', ' ')}: the seller's error"
            )
        if delivered_at is None:
            return PolicyDecision(V, prefix + "no delivery date: the deadlines cannot be checked")
        # Periods count whole days after the day of delivery and end with the last one
        # (Regulation 1182/71 art. 3): a request late on the 14th day is in time.
        days = (requested_at.date() - delivered_at.date()).days
        if line.reason is ReturnReason.WITHDRAWAL:
            end = delivered_at.date() + timedelta(days=t.withdrawal_days)
            if days <= t.withdrawal_days:
                return PolicyDecision(
                    A,
                    prefix + f"within the {t.withdrawal_days}-day withdrawal "
                    "period (Directive 2011/83/EU art. 9)",
                )
            return PolicyDecision(
                R,
                prefix + f"the {t.withdrawal_days}-day withdrawal period "
                f"ended on {end.isoformat()} ({days} days after "
                "delivery)",
            )
        if line.reason in _CONFORMITY_REASONS:
            if days <= t.guarantee_days:
                return PolicyDecision(
                    A,
                    prefix + "lack of conformity within the legal guarantee "
                    f"of {t.guarantee_days} days (Directive (EU) 2019/771)",
                )
            return PolicyDecision(
                V,
                prefix + f"the legal guarantee of {t.guarantee_days} days "
                "has ended: a goodwill decision",
            )
        return PolicyDecision(V, prefix + f"reason '{line.reason.value}' needs a person's review")

    def decide(
        self,
        lines: Iterable[LineContext],
        *,
        country: str,
        customer_kind: CustomerKind,
        delivered_at: datetime | None,
        requested_at: datetime,
    ) -> PolicyDecision:
        """One answer for the whole return: authorised only when every line is, rejected
        when every line is, otherwise a person reviews it."""
        decisions = [
            self.decide_line(
                ln,
                country=country,
                customer_kind=customer_kind,
                delivered_at=delivered_at,
                requested_at=requested_at,
            )
            for ln in lines
        ]
        outcomes = {d.outcome for d in decisions}
        reason = "; ".join(d.reason for d in decisions)
        if outcomes == {PolicyOutcome.AUTHORISE}:
            return PolicyDecision(PolicyOutcome.AUTHORISE, reason)
        if outcomes == {PolicyOutcome.REJECT}:
            return PolicyDecision(PolicyOutcome.REJECT, reason)
        return PolicyDecision(PolicyOutcome.REVIEW, reason)
