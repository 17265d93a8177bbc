"""B2B lots and harvested parts on their own: the best offer at or above the reserve, the
price shared to the cent, the VAT of a sale; the parts' grades, values and one place."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from revalo.domain.catalog import SiteKind
from revalo.domain.errors import InvalidTransition, InvalidValue, LedgerError, NotAllowed
from revalo.domain.lots import Lot, LotState, LotUnit, Offer, OfferState, vat_of
from revalo.domain.parts import HarvestedPart, PartGrade, PartState, grades_for, part_value

NOW = datetime(2026, 3, 2, 10, tzinfo=UTC)


def unit(n: int, grade: str = "B", price: str = "899.00") -> LotUnit:
    return LotUnit(n, f"LPN{n:09d}", "LAP-14", f"SN{n}", grade, "B", ("F-KEY",), Decimal(price))


def lot(*units: LotUnit, reserve: str = "300") -> Lot:
    made = Lot(1, "HUB-FR", "Laptop", "b", Decimal(reserve), NOW, "claire")
    for u in units:
        made.add(u, category="laptop", site_code="HUB-FR")
    return made


def offer(made: Lot, n: int, amount: str, kind: SiteKind = SiteKind.OUTLET) -> Offer:
    return made.offer(
        id=n, buyer_site="OUT-FR", buyer_kind=kind, amount=Decimal(amount), at=NOW, by="c"
    )


def test_only_units_of_the_lots_site_category_and_grade_go_in_once() -> None:
    made = lot(unit(1))
    assert (made.category, made.grade) == ("laptop", "B")
    with pytest.raises(NotAllowed, match="graded A"):
        made.add(unit(2, "A"), category="laptop", site_code="HUB-FR")
    with pytest.raises(NotAllowed, match="is a sofa"):
        made.add(unit(3), category="sofa", site_code="HUB-FR")
    with pytest.raises(NotAllowed, match="is at HUB-DE"):
        made.add(unit(4), category="laptop", site_code="HUB-DE")
    with pytest.raises(NotAllowed, match="already"):
        made.add(unit(1), category="laptop", site_code="HUB-FR")
    with pytest.raises(InvalidValue, match="grade is one of"):
        Lot(2, "HUB-FR", "laptop", "D", Decimal("1"), NOW, "c")
    with pytest.raises(InvalidValue, match="reserve price"):
        Lot(2, "HUB-FR", "laptop", "B", Decimal("0"), NOW, "c")


def test_the_best_offer_at_or_above_the_reserve_is_accepted_and_the_others_declined() -> None:
    made = lot(unit(1), unit(2))
    offers = [offer(made, 1, "280"), offer(made, 2, "350"), offer(made, 3, "320")]
    with pytest.raises(NotAllowed, match="below"):
        made.accept(offers[0], offers, at=NOW)
    with pytest.raises(NotAllowed, match=r"offer 2 of 350\.00 EUR is better"):
        made.accept(offers[2], offers, at=NOW)
    with pytest.raises(NotAllowed, match="outlets and resale partners"):
        offer(made, 4, "900", SiteKind.RECYCLER)
    declined = made.accept(offers[1], offers, at=NOW)
    assert [o.id for o in declined] == [1, 3]
    assert [o.state for o in offers] == [
        OfferState.DECLINED,
        OfferState.ACCEPTED,
        OfferState.DECLINED,
    ]
    assert (made.state, made.price, made.buyer_site) == (LotState.SOLD, Decimal("350.00"), "OUT-FR")
    with pytest.raises(InvalidTransition, match="only while it is open"):
        made.add(unit(5), category="laptop", site_code="HUB-FR")


def test_the_price_is_shared_over_the_units_by_new_price_to_the_cent() -> None:
    made = lot(unit(1, price="100"), unit(2, price="200"), unit(3, price="200"))
    o = offer(made, 1, "333.33")
    made.accept(o, [o], at=NOW)
    shares = made.shares()
    assert sum(shares) == Decimal("333.33")
    assert shares[0] == Decimal("66.67") and shares[1] + shares[2] == Decimal("266.66")


def test_the_vat_of_a_lot() -> None:
    assert vat_of("FR", "FR", "") == (Decimal("20"), "standard rate 20 % (FR)")
    assert vat_of("FR", "DE", "DE123456789")[0] == 0  # intra-Community supply, art. 138
    assert vat_of("FR", "DE", "")[0] == Decimal("20")  # no VAT number: the seller's rate
    assert vat_of("DE", "CH", "")[0] == 0  # an export, art. 146
    made = lot(unit(1))
    o = offer(made, 1, "400")
    made.accept(o, [o], at=NOW)
    bill = made.invoice(seller_country="FR", buyer_country="FR")
    assert (bill.net, bill.vat, bill.gross) == (
        Decimal("400.00"),
        Decimal("80.00"),
        Decimal("480.00"),
    )


def test_parts_are_graded_valued_and_in_one_place() -> None:
    with pytest.raises(InvalidValue, match="grade every part: keyboard, ssd"):
        grades_for("laptop", {"screen": "A", "battery": "B"})
    with pytest.raises(InvalidValue, match="has no pump"):
        grades_for("laptop", {"pump": "A"})
    with pytest.raises(NotAllowed, match="no bill of parts"):
        grades_for("sofa", {})
    assert part_value(Decimal("899"), Decimal("0.12"), PartGrade.B) == Decimal("64.73")
    assert part_value(Decimal("899"), Decimal("0.12"), PartGrade.D) == 0
    part = HarvestedPart(
        7, "screen", 1, "LPN1", "LAP-14", PartGrade.A, Decimal("107.88"), "HUB-FR", NOW, "t", 3
    )
    assert part.number == "PRT000000007"
    move = part.stock("HUB-FR:graded_stock", at=NOW, actor="t")
    assert (move.from_location, move.to_location) == (None, "HUB-FR:graded_stock")
    with pytest.raises(LedgerError):
        part.stock("HUB-FR:graded_stock", at=NOW, actor="t")
    out = part.fit(order_id=9, order_number="WO00000009", lpn="LPN2", at=NOW, actor="t")
    assert (out.from_location, out.to_location, part.state) == (
        "HUB-FR:graded_stock",
        None,
        PartState.FITTED,
    )
    with pytest.raises(NotAllowed, match="not in stock"):
        part.sell(price=Decimal("1"), buyer="x", at=NOW, actor="t")
