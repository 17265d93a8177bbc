"""The stock ledger: moves in, across and out; balances from the moves alone."""

from __future__ import annotations

import pytest

from revalo.domain.errors import LedgerError
from revalo.domain.ledger import Ledger, StockMove, balances
from tests.unit.domain_world import NOW


def mv(unit: int, src: str | None, dst: str | None) -> StockMove:
    return StockMove(unit, src, dst, NOW, "bob", "test")


def test_a_move_needs_an_origin_or_a_destination_and_must_go_somewhere_else() -> None:
    with pytest.raises(LedgerError, match="needs an origin or a destination"):
        mv(1, None, None)
    with pytest.raises(LedgerError, match="cannot move from HUB:receiving to itself"):
        mv(1, "HUB:receiving", "HUB:receiving")


def test_balances_count_what_came_in_minus_what_went_out() -> None:
    moves = [
        mv(1, None, "HUB:receiving"),
        mv(2, None, "HUB:receiving"),
        mv(3, None, "HUB:receiving"),
        mv(1, "HUB:receiving", "HUB:graded_stock"),
        mv(2, "HUB:receiving", "HUB:quarantine"),
        mv(1, "HUB:graded_stock", None),
    ]
    # HUB:graded_stock is back to zero and is left out.
    assert balances(moves) == {"HUB:receiving": 1, "HUB:quarantine": 1}
    assert balances([]) == {}


def test_the_ledger_knows_where_each_unit_is() -> None:
    ledger = Ledger()
    ledger.apply(mv(1, None, "HUB:receiving"))
    ledger.apply(mv(1, "HUB:receiving", "HUB:inspection"))
    assert ledger.where == {1: "HUB:inspection"}
    ledger.apply(mv(1, "HUB:inspection", None))
    assert ledger.where == {} and ledger.balances() == {}
    assert len(ledger.moves) == 3


@pytest.mark.parametrize(
    ("move", "message"),
    [
        (mv(1, "HUB:quarantine", "HUB:graded_stock"), "is at HUB:receiving, not at HUB:quarantine"),
        (mv(1, None, "HUB:graded_stock"), "is at HUB:receiving, not at no place in stock"),
        (mv(2, "HUB:receiving", None), "unit 2 is at no place in stock, not at HUB:receiving"),
    ],
)
def test_a_move_from_where_the_unit_is_not_is_refused_and_changes_nothing(
    move: StockMove, message: str
) -> None:
    ledger = Ledger()
    ledger.apply(mv(1, None, "HUB:receiving"))
    with pytest.raises(LedgerError, match=message):
        ledger.apply(move)
    assert ledger.where == {1: "HUB:receiving"}
    assert len(ledger.moves) == 1


def test_a_unit_that_left_cannot_leave_twice() -> None:
    ledger = Ledger()
    ledger.apply(mv(1, None, "HUB:outbound"))
    ledger.apply(mv(1, "HUB:outbound", None))
    with pytest.raises(LedgerError):
        ledger.apply(mv(1, "HUB:outbound", None))
    assert ledger.balances() == {}
