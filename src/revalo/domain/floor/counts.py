"""Cycle counts: a bin counted by scanning what is in it, its differences from the ledger
made explicit adjustments, and the accuracy of the records over time.

A count never changes the ledger by itself. What the counter scanned is set against what
the ledger puts in the bin: a unit of the ledger not scanned is *missing*, a unit scanned
that the ledger puts elsewhere (or that Revalo does not know) is *found*. Each difference is
an adjustment that someone other than the counter approves or rejects; only an approved
one moves a unit (a move of the ledger, to the site's ``missing`` location or into the bin),
so that every unit stays in exactly one place and every change says who made it and why.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from revalo.domain.errors import InvalidTransition, InvalidValue, NotAllowed


class AdjustmentKind(enum.StrEnum):
    FOUND = "found"
    MISSING = "missing"


class AdjustmentState(enum.StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


class CountState(enum.StrEnum):
    #: What was scanned is what the ledger holds: nothing to approve.
    MATCHED = "matched"
    AWAITING_APPROVAL = "awaiting_approval"
    #: Its adjustments were approved or rejected, each.
    DECIDED = "decided"


@dataclass(eq=False)
class CountAdjustment:
    """One difference between a count and the ledger."""

    kind: AdjustmentKind
    #: The unit's LPN; None for a found item Revalo did not know (until it is received).
    lpn: str | None
    #: What the counter scanned (empty for a missing unit).
    scanned: str = ""
    #: Where the ledger put the unit when it was counted (a found unit: elsewhere).
    ledger_location: str | None = None
    state: AdjustmentState = AdjustmentState.PROPOSED
    #: What the scan's barcode says the item is (GS1 AIs 01 and 21), when it says so: an
    #: item Revalo did not know is received with them, so that a later scan finds it.
    gtin: str | None = None
    serial: str | None = None
    count_id: int | None = None
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Scanned:
    """What one scan of the count is: a unit Revalo knows (its LPN and where the ledger
    puts it), or a code it does not know."""

    code: str
    lpn: str | None = None
    location: str | None = None
    gtin: str | None = None
    serial: str | None = None

    @property
    def key(self) -> str:
        """What makes two scans one item: its LPN; else its GTIN and serial, whatever form
        the barcode took (GS1-128 or a Digital Link); else the code as scanned."""
        if self.lpn:
            return self.lpn
        if self.gtin and self.serial:
            return f"{self.gtin}/{self.serial}"
        return self.code


def differences(
    bin_code: str, on_ledger: Iterable[str], scanned: Iterable[Scanned]
) -> tuple[int, list[CountAdjustment]]:
    """How many units the scans and the ledger agree on, and the adjustments for the rest:
    each unit the ledger puts in the bin and nobody scanned is missing, each one scanned
    and not in the bin by the ledger is found. A unit scanned twice counts once."""
    expected = set(on_ledger)
    seen: set[str] = set()
    found: list[CountAdjustment] = []
    for s in scanned:
        if s.key in seen:
            continue
        seen.add(s.key)
        if s.lpn is None or s.lpn not in expected:
            found.append(
                CountAdjustment(
                    AdjustmentKind.FOUND,
                    s.lpn,
                    s.code,
                    s.location,
                    gtin=None if s.lpn else s.gtin,
                    serial=None if s.lpn else s.serial,
                )
            )
    missing = [
        CountAdjustment(AdjustmentKind.MISSING, lpn, "", bin_code)
        for lpn in sorted(expected - seen)
    ]
    return len(expected & seen), missing + found


@dataclass(eq=False)
class BinCount:
    """A bin counted: what the ledger held, what was scanned, the differences."""

    site_code: str
    bin_code: str
    counter: str
    counted_at: datetime
    #: Units the ledger put in the bin, units scanned (once each), units in both.
    on_ledger: int
    counted: int
    matched: int
    state: CountState = CountState.AWAITING_APPROVAL
    task_id: int | None = None
    approver: str | None = None
    decided_at: datetime | None = None
    note: str = ""
    adjustments: list[CountAdjustment] = field(default_factory=list)
    id: int | None = None

    @classmethod
    def record(
        cls,
        *,
        site_code: str,
        bin_code: str,
        counter: str,
        at: datetime,
        on_ledger: Iterable[str],
        scanned: list[Scanned],
        task_id: int | None = None,
    ) -> BinCount:
        expected = sorted(set(on_ledger))
        matched, adjustments = differences(bin_code, expected, scanned)
        counted = len({s.key for s in scanned})
        return cls(
            site_code=site_code,
            bin_code=bin_code,
            counter=counter,
            counted_at=at,
            on_ledger=len(expected),
            counted=counted,
            matched=matched,
            state=CountState.AWAITING_APPROVAL if adjustments else CountState.MATCHED,
            task_id=task_id,
            adjustments=adjustments,
        )

    def ensure_can_decide(self, approver: str) -> None:
        if self.state is not CountState.AWAITING_APPROVAL:
            raise InvalidTransition(
                f"count {self.id} of {self.bin_code} is {self.state.value}: it awaits no approval"
            )
        if approver == self.counter:
            raise NotAllowed(
                f"{approver} counted {self.bin_code}: someone else approves the count",
                field="approver",
            )

    def decide(
        self, approver: str, at: datetime, rejected: Iterable[int], note: str = ""
    ) -> list[CountAdjustment]:
        """Approve every adjustment but the ``rejected`` ones (by id); the approved ones."""
        self.ensure_can_decide(approver)
        refused = set(rejected)
        known = {a.id for a in self.adjustments}
        unknown = sorted(refused - known, key=str)
        if unknown:
            raise InvalidValue(
                f"count {self.id} has no adjustment {', '.join(str(i) for i in unknown)}",
                field="rejected",
            )
        approved = []
        for a in self.adjustments:
            a.state = AdjustmentState.REJECTED if a.id in refused else AdjustmentState.APPROVED
            if a.state is AdjustmentState.APPROVED:
                approved.append(a)
        self.state, self.approver, self.decided_at, self.note = (
            CountState.DECIDED,
            approver,
            at,
            note.strip(),
        )
        return approved


class Period(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"


def period_start(day: date, period: Period) -> date:
    if period is Period.WEEK:
        return day - timedelta(days=day.weekday())
    return day.replace(day=1)


@dataclass(frozen=True, slots=True)
class Accuracy:
    """The counts of one site over one period: how far the ledger was right."""

    site_code: str
    start: date
    counts: int
    #: Bins whose count matched the ledger exactly.
    exact: int
    on_ledger: int
    counted: int
    matched: int

    @property
    def rate(self) -> float | None:
        """Units in both the ledger and the count, of the units in either (1: all agree);
        None when nothing was counted or held."""
        either = self.on_ledger + self.counted - self.matched
        return self.matched / either if either else None


@dataclass(frozen=True, slots=True)
class CountFigures:
    """What the accuracy needs of one count."""

    site_code: str
    counted_at: datetime
    on_ledger: int
    counted: int
    matched: int


def accuracy(counts: Iterable[CountFigures], period: Period) -> list[Accuracy]:
    """The counts' accuracy per site and period: by site, the oldest period first."""
    totals: dict[tuple[str, date], list[int]] = {}
    for c in counts:
        key = (c.site_code, period_start(c.counted_at.date(), period))
        t = totals.setdefault(key, [0, 0, 0, 0, 0])
        exact = c.matched == c.on_ledger == c.counted
        for i, n in enumerate((1, int(exact), c.on_ledger, c.counted, c.matched)):
            t[i] += n
    return [
        Accuracy(site, start, *t) for (site, start), t in sorted(totals.items(), key=lambda x: x[0])
    ]
