"""The stock ledger of the parallel stock: append-only moves, balances derived from them.

A move with no origin brings a unit into the parallel stock; a move with no destination
takes it out (restocked, sold, sent to a partner, recycled...). A unit is in exactly one
place at any time: the destination of its last move.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from revalo.domain.errors import LedgerError


@dataclass(eq=False)
class StockMove:
    unit_id: int
    from_location: str | None
    to_location: str | None
    moved_at: datetime
    actor: str
    reason: str
    id: int | None = None

    def __post_init__(self) -> None:
        if self.from_location is None and self.to_location is None:
            raise LedgerError("a stock move needs an origin or a destination")
        if self.from_location == self.to_location:
            raise LedgerError(f"a unit cannot move from {self.from_location} to itself")


def balances(moves: Iterable[StockMove]) -> dict[str, int]:
    """Units per location, derived from the moves alone (locations at zero left out)."""
    count: Counter[str] = Counter()
    for m in moves:
        if m.to_location is not None:
            count[m.to_location] += 1
        if m.from_location is not None:
            count[m.from_location] -= 1
    return {loc: n for loc, n in count.items() if n != 0}


class Ledger:
    """An in-memory ledger that refuses a move from a place the unit is not in.

    The persistent ledger applies the same rule through ``ReturnedUnit.move``; this class is
    the rule on its own, for checks and tests.
    """

    def __init__(self) -> None:
        self.moves: list[StockMove] = []
        self.where: dict[int, str] = {}

    def apply(self, move: StockMove) -> None:
        current = self.where.get(move.unit_id)
        if current != move.from_location:
            raise LedgerError(
                f"unit {move.unit_id} is at {current or 'no place in stock'}, "
                f"not at {move.from_location or 'no place in stock'}"
            )
        self.moves.append(move)
        if move.to_location is None:
            del self.where[move.unit_id]
        else:
            self.where[move.unit_id] = move.to_location

    def balances(self) -> dict[str, int]:
        return balances(self.moves)
