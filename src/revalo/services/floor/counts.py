"""Cycle counts: a supervisor makes a "count a bin" task, a handler takes it and scans
what is in the bin, the differences from the ledger wait as adjustments, and someone other
than the counter approves them; only then does the ledger move (never silently).

Locks: planning locks the bin (one live count of a bin at a time); submitting locks the
task, then the bin, so that no put-away into the bin slips between the ledger's list and
the count; approving locks the count, then the units it moves (by LPN), then the bin — the
order of the put-aways (unit, then bin), so that neither waits for the other in a circle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from revalo.domain.catalog import LocationKind, location_code
from revalo.domain.errors import AlreadyExists, InvalidValue, NotAllowed, NotFound
from revalo.domain.floor.bins import Fill
from revalo.domain.floor.counts import (
    Accuracy,
    AdjustmentKind,
    BinCount,
    CountAdjustment,
    CountState,
    Period,
    Scanned,
    accuracy,
)
from revalo.domain.floor.putaway import over_capacity, refusal
from revalo.domain.floor.tasks import FloorTask, Priority, TaskKind, requirements_for
from revalo.domain.people import Permission, User
from revalo.domain.scan import ScanKind, ScannedCode
from revalo.domain.units import ReturnedUnit
from revalo.domain.values import utcnow
from revalo.services.common import get_site, get_unit, record, when
from revalo.services.floor.putaway import get_bin, item_for
from revalo.services.floor.tasks import LIVE, get_task, make_put_away_task
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitFilter, UnitOfWork
from revalo.services.receiving import receive_found
from revalo.services.retry import retried

#: The most scans one count takes (a bin holds far fewer).
MAX_SCANS = 2000

#: One scan of a count: a barcode read, or a code that is none the entrypoint could read.
CountScan = ScannedCode | str


@needs(Permission.ASSIGN_TASKS)
@retried
def plan_count(
    uow: UnitOfWork,
    bin_code: str,
    *,
    by: User,
    priority: int = Priority.NORMAL,
    at: datetime | None = None,
) -> FloorTask:
    """A "count a bin" task on the board, with what the bin needs of whoever counts it;
    refused while the bin has a count task open or a count awaiting approval."""
    if priority not in tuple(Priority):
        raise InvalidValue(f"priority {priority} must be 1, 2 or 3", field="priority")
    with uow:
        b = get_bin(uow, bin_code, lock=True)
        live = uow.counts.live_task(b.code)
        if live is not None:
            raise AlreadyExists(f"bin {b.code} has a count task open already: task {live.id}")
        waiting = uow.counts.awaiting(b.code)
        if waiting is not None:
            raise AlreadyExists(
                f"bin {b.code} has count {waiting.id} awaiting approval: decide it first"
            )
        task = FloorTask(
            kind=TaskKind.COUNT,
            site_code=b.site_code,
            zone=b.zone.value,
            created_at=when(at),
            priority=priority,
            bin_code=b.code,
        )
        task.require(requirements_for(None, b))
        uow.floor.add_task(task)
        uow.commit()
    return task


@needs(Permission.ASSIGN_TASKS)
def plan_site_counts(
    uow: UnitOfWork, site_code: str, *, bins: int, by: User, at: datetime | None = None
) -> list[FloorTask]:
    """Count tasks for the site's ``bins`` bins counted longest ago (never counted first),
    passing over those with a count open or awaiting approval: a cycle through the site."""
    if not 1 <= bins <= 500:
        raise InvalidValue(f"bins {bins} must be 1 to 500", field="bins")
    with uow:
        site = get_site(uow, site_code)
        codes = [b.code for b in uow.floor.bins(site.code)]
        last = uow.counts.last_counted(site.code)
    codes.sort(key=lambda code: (code in last, last.get(code), code))
    made: list[FloorTask] = []
    for code in codes:
        if len(made) >= bins:
            break
        try:
            made.append(plan_count(uow, code, by=by, at=at))
        except AlreadyExists:
            continue
    return made


def in_bin(uow: UnitOfWork, bin_code: str) -> list[str]:
    """The LPNs the ledger puts in the bin now."""
    out: list[str] = []
    offset = 0
    while True:
        page = uow.units.list(UnitFilter(location_code=bin_code), limit=500, offset=offset)
        out += [u.lpn for u in page.items]
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return out


def _find(uow: UnitOfWork, scan: CountScan, *, lock: bool = False) -> ReturnedUnit | None:
    """The unit a scan names: by our LPN label, by the GTIN and serial or the SSCC of a GS1
    barcode in whatever form it was printed, else by the code it was received under."""
    units = uow.units
    if isinstance(scan, str):
        return units.by_lpn(scan.upper(), lock=lock) or units.by_scanned_code(scan, lock=lock)
    unit = None
    if scan.kind is ScanKind.LPN and scan.lpn:
        unit = units.by_lpn(scan.lpn, lock=lock)
    elif scan.kind is ScanKind.PARCEL and scan.sscc:
        unit = units.by_sscc(scan.sscc, lock=lock)
    elif scan.gtin and scan.serial:
        unit = units.by_gtin_serial(scan.gtin, scan.serial, lock=lock)
    return unit or units.by_scanned_code(scan.raw.strip(), lock=lock)


def _scanned(uow: UnitOfWork, scan: CountScan) -> Scanned:
    """A unit Revalo knows, with where the ledger puts it, else an unknown item."""
    code = scan if isinstance(scan, str) else scan.raw.strip()
    unit = _find(uow, scan)
    if unit is not None:
        return Scanned(code, unit.lpn, unit.location_code)
    if isinstance(scan, str) or scan.kind is not ScanKind.ITEM:
        return Scanned(code)
    return Scanned(code, gtin=scan.gtin, serial=scan.serial)


def _clean(scans: Iterable[CountScan]) -> list[CountScan]:
    codes = [s for s in scans if (s if isinstance(s, str) else s.raw).strip()]
    if len(codes) > MAX_SCANS:
        raise InvalidValue(f"a count takes at most {MAX_SCANS} scans", field="scans")
    for s in codes:
        raw = (s if isinstance(s, str) else s.raw).strip()
        if len(raw) > 200:
            raise InvalidValue(f"scan {raw[:20]!r}... is longer than 200 characters", field="scans")
    return [s.strip() if isinstance(s, str) else s for s in codes]


@needs(Permission.DO_TASKS)
@retried
def submit_count(
    uow: UnitOfWork,
    task_id: int,
    scans: Sequence[CountScan],
    *,
    by: User,
    at: datetime | None = None,
) -> BinCount:
    """The counter scanned what is in the bin (nothing: it is empty): the count task is
    done, and each difference from the ledger awaits approval as an adjustment.

    Each scan is a barcode as the entrypoint read it, or a code it could not read as one
    (a label of someone else's): that is matched by what was scanned, exactly."""
    codes = _clean(scans)
    t = when(at)
    with uow:
        task = get_task(uow, task_id, lock=True)
        if task.kind is not TaskKind.COUNT:
            raise NotAllowed(f"task {task_id} is a {task.kind.value}, not a count", field="task_id")
        task.finish(by.login, t)
        b = get_bin(uow, task.bin_code, lock=True)
        count = BinCount.record(
            site_code=b.site_code,
            bin_code=b.code,
            counter=by.login,
            at=t,
            on_ledger=in_bin(uow, b.code),
            scanned=[_scanned(uow, c) for c in codes],
            task_id=task.id,
        )
        uow.counts.add(count)
        uow.commit()
    return count


def get_count(uow: UnitOfWork, count_id: int, *, lock: bool = False) -> BinCount:
    count = uow.counts.get(count_id, lock=lock)
    if count is None:
        raise NotFound(f"no count {count_id}", field="count_id")
    return count


@needs(Permission.APPROVE_COUNTS)
@retried
def approve_count(
    uow: UnitOfWork,
    count_id: int,
    *,
    by: User,
    rejected: Iterable[int] = (),
    note: str = "",
    at: datetime | None = None,
) -> BinCount:
    """Approve the count's adjustments but the ``rejected`` ones: a missing unit leaves the
    bin for the site's ``missing`` location, a found unit is moved into the bin, an item
    Revalo did not know is received into quarantine. All of them or, refused, none."""
    t = when(at)
    with uow:
        count = get_count(uow, count_id, lock=True)
        approved = count.decide(by.login, t, rejected, note)
        units = {
            lpn: get_unit(uow, lpn, lock=True) for lpn in sorted({a.lpn for a in approved if a.lpn})
        }
        get_bin(uow, count.bin_code, lock=True)
        for a in approved:
            _apply(uow, count, a, units.get(a.lpn or ""), by.login, t)
        record_done(
            uow,
            by,
            "approve_count",
            f"count {count.id} of {count.bin_code}",
            detail=f"{len(approved)} of {len(count.adjustments)} approved",
        )
        uow.commit()
    return count


def _apply(
    uow: UnitOfWork,
    count: BinCount,
    a: CountAdjustment,
    unit: ReturnedUnit | None,
    actor: str,
    at: datetime,
) -> None:
    where = count.bin_code
    if unit is None:
        # Received meanwhile (found by another count, approved first, or scanned at
        # receiving in another form of its barcode): a unit we know now.
        unit = (
            uow.units.by_gtin_serial(a.gtin, a.serial, lock=True) if a.gtin and a.serial else None
        ) or uow.units.by_scanned_code(a.scanned, lock=True)
        if unit is not None:
            a.lpn = unit.lpn
    if unit is None:
        site = get_site(uow, count.site_code)
        found = receive_found(
            uow,
            site,
            code=a.scanned,
            reason=f"found in bin {where} at count {count.id}: {a.scanned} is not in Revalo",
            actor=actor,
            at=at,
            gtin=a.gtin,
            serial=a.serial,
        )
        a.lpn = found.lpn
        return
    if a.kind is AdjustmentKind.MISSING:
        if unit.location_code != where:
            raise NotAllowed(
                f"{unit.lpn} is no longer in {where} (the ledger puts it at "
                f"{unit.location_code or 'no place'}): reject its adjustment, or count again",
                field="rejected",
            )
        missing = location_code(count.site_code, LocationKind.MISSING)
        change = unit.move(
            from_location=where,
            to_location=missing,
            at=at,
            actor=actor,
            reason=f"missing at count {count.id} of {where}",
        )
        record(uow, change)
        return
    if unit.location_code == where:
        raise NotAllowed(
            f"{unit.lpn} is in {where} already: reject its adjustment, or count again",
            field="rejected",
        )
    b = get_bin(uow, where)
    item, fill = item_for(uow, unit), uow.floor.fills([where]).get(where, Fill())
    full = over_capacity(b, item, fill)
    if full is not None:
        raise NotAllowed(
            f"{unit.lpn} cannot be moved into {where}: {full}; move a unit out first",
            field="rejected",
        )
    misplaced = refusal(b, item, fill) is not None
    change = unit.move(
        from_location=unit.location_code,
        to_location=where,
        at=at,
        actor=actor,
        reason=f"found at count {count.id} of {where}",
    )
    record(uow, change)
    if misplaced:
        # The ledger says where it is; the rules say it does not belong there (a damaged
        # battery on a shelf): a put-away task takes it to its bin, in place of one that
        # the count overtook (made for where the unit was before).
        stale = uow.floor.open_task_for(unit.lpn)
        if stale is not None and stale.id is not None:
            stale = get_task(uow, stale.id, lock=True)
            if stale.state in LIVE and stale.from_location != unit.location_code:
                stale.cancel(at, f"overtaken by count {count.id}")
        make_put_away_task(uow, unit, at)


@reads(Permission.VIEW_FLOOR)
def counts(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    state: CountState | None = None,
    limit: int = 200,
) -> list[BinCount]:
    """The counts, the newest first."""
    with uow:
        site = get_site(uow, site_code).code if site_code else None
        return list(uow.counts.list(site_code=site, state=state, limit=limit))


@reads(Permission.VIEW_FLOOR)
def count(uow: UnitOfWork, count_id: int, *, by: User) -> BinCount:
    with uow:
        return get_count(uow, count_id)


@reads(Permission.VIEW_FLOOR)
def count_accuracy(
    uow: UnitOfWork,
    *,
    by: User,
    site_code: str | None = None,
    period: Period = Period.MONTH,
    days: int = 365,
    now: datetime | None = None,
) -> list[Accuracy]:
    """How far the ledger was right at each site, period by period, over the last
    ``days`` days."""
    if not 1 <= days <= 3660:
        raise InvalidValue(f"days {days} must be 1 to 3660", field="days")
    since = (now or utcnow()) - timedelta(days=days)
    with uow:
        site = get_site(uow, site_code).code if site_code else None
        return accuracy(uow.counts.figures(site_code=site, since=since), period)
