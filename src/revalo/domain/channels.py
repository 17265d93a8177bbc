"""Sales channels: where a unit decided for resale is listed and sold, with the fees the
channel keeps, when it pays, the grades it accepts and the names it gives them."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from revalo.domain.errors import InvalidValue, NotAllowed

#: Revalo's sale grades, best first.
SALE_GRADES = ("A", "B", "C", "D")
_CENT = Decimal("0.01")


class ChannelKind(enum.StrEnum):
    STOCK = "stock"
    WEB_SHOP = "web_shop"
    REFURBISHED_MARKETPLACE = "refurbished_marketplace"
    DISCOUNT_MARKETPLACE = "discount_marketplace"
    OUTLET = "outlet"
    B2B = "b2b"
    CHARITY = "charity"


def cents(value: Decimal) -> Decimal:
    return value.quantize(_CENT, rounding=ROUND_HALF_UP)


def _rate(raw: Any, what: str) -> Decimal:
    value = Decimal(str(raw))
    if not 0 <= value < 1:
        raise InvalidValue(f"{what} must be in [0, 1)", field=what)
    return value


@dataclass(frozen=True, slots=True)
class SalesChannel:
    code: str
    name: str
    kind: ChannelKind
    #: The disposition routes the engine may sell on it (empty: listed by hand only).
    routes: frozenset[str]
    #: Share of the new price by sale grade; the grades accepted are its keys.
    recovery: Mapping[str, Decimal]
    grade_names: Mapping[str, str]
    days_to_sell: float
    commission_rate: Decimal = Decimal("0")
    fixed_fee_eur: Decimal = Decimal("0")
    payment_rate: Decimal = Decimal("0")
    payment_days: int = 0
    floor_rate: Decimal = Decimal("0")
    categories: frozenset[str] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for grade in self.recovery:
            if grade not in SALE_GRADES:
                raise InvalidValue(f"channel {self.code}: no sale grade {grade}", field="recovery")
            if grade not in self.grade_names:
                raise InvalidValue(
                    f"channel {self.code}: grade {grade} is accepted but has no name",
                    field="grade_names",
                )
        if self.payment_days < 0 or self.fixed_fee_eur < 0:
            raise InvalidValue(f"channel {self.code}: fees and days must not be negative")

    @property
    def grades_accepted(self) -> tuple[str, ...]:
        return tuple(g for g in SALE_GRADES if g in self.recovery)

    @property
    def fee_rate(self) -> Decimal:
        """What the channel and the payment keep, as a share of the price."""
        return self.commission_rate + self.payment_rate

    def accepts(self, grade: str, category: str) -> bool:
        return grade in self.recovery and (self.categories is None or category in self.categories)

    def ensure_accepts(self, grade: str, category: str) -> None:
        if grade not in self.recovery:
            raise NotAllowed(
                f"{self.name} does not take grade {grade}; it takes "
                f"{', '.join(self.grades_accepted)}"
            )
        if self.categories is not None and category not in self.categories:
            raise NotAllowed(f"{self.name} does not sell the category {category}")

    def grade_name(self, grade: str) -> str:
        return self.grade_names[grade]

    def fees(self, price: Decimal) -> Decimal:
        """What the channel and the payment keep of a sale at ``price`` (EUR)."""
        if price <= 0:
            return Decimal("0.00")
        return cents(price * self.fee_rate + self.fixed_fee_eur)


def channels_from_config(raw: Mapping[str, Any]) -> tuple[SalesChannel, ...]:
    """The ``[channels.*]`` tables of ``config/channels.toml``."""
    out = []
    for code, c in raw.get("channels", {}).items():
        try:
            cats = c.get("categories")
            out.append(
                SalesChannel(
                    code=code,
                    name=c.get("name", code),
                    kind=ChannelKind(c.get("kind", "discount_marketplace")),
                    routes=frozenset(c.get("routes", ())),
                    recovery={g: Decimal(str(v)) for g, v in c["recovery"].items()},
                    grade_names=dict(c.get("grade_names", {g: g for g in c["recovery"]})),
                    days_to_sell=float(c.get("days_to_sell", 14.0)),
                    commission_rate=_rate(c.get("commission_rate", 0), "commission_rate"),
                    fixed_fee_eur=Decimal(str(c.get("fixed_fee_eur", 0))),
                    payment_rate=_rate(c.get("payment_rate", 0), "payment_rate"),
                    payment_days=int(c.get("payment_days", 0)),
                    floor_rate=_rate(c.get("floor_rate", 0), "floor_rate"),
                    categories=frozenset(cats) if cats is not None else None,
                    extra={k: c[k] for k in ("site", "lat", "lon", "daily_volume") if k in c},
                )
            )
        except (KeyError, ValueError, ArithmeticError) as exc:
            raise InvalidValue(f"channel {code}: {exc}", field="channels") from exc
    return tuple(out)
