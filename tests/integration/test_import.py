"""Checking and importing a CSV file of return lines: every bad row found, all or nothing."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from revalo.bootstrap import App
from revalo.domain.errors import AlreadyExists, InvalidValue, NotAllowed
from revalo.domain.policy import LineContext, PolicyDecision, ReturnPolicy
from revalo.domain.returns import ReturnReason, ReturnState
from revalo.services import csv_records, imports, queries, returns
from revalo.services.imports import CheckResult, RowError
from revalo.services.ports import ReturnFilter
from tests.conftest import World
from tests.people import person

HEADER = "order_ref,customer_code,delivered_at,requested_at,sku,quantity,reason,serial,comment"
NOW = datetime(2025, 3, 20, 12, 0, tzinfo=UTC)


def check(world: World, *rows: str, header: str = HEADER, now: datetime = NOW) -> CheckResult:
    text = "\n".join([header, *rows]) + "\n" if header else "\n".join(rows)
    return imports.check_returns(world.app.uow(), io.StringIO(text, newline=""), now=now)


def problems(result: CheckResult) -> list[tuple[int, str | None]]:
    return [(e.line, e.column) for e in result.errors]


def only_error(result: CheckResult) -> RowError:
    assert len(result.errors) == 1, result.errors
    return result.errors[0]


# -- each kind of bad row ---------------------------------------------------------------------
BAD_ROWS = [
    ("ORD-1,C-NOBODY,2025-03-10,,LAP-14,1,defective,,", "customer_code", "no customer"),
    ("ORD-1,C-ANNE,2025-03-10,,PHONE-9,1,defective,,", "sku", "no product with SKU 'PHONE-9'"),
    ("ORD-1,C-ANNE,10/03/2025,,LAP-14,1,defective,,", "delivered_at", "not an ISO date"),
    ("ORD-1,C-ANNE,2025-02-30,,LAP-14,1,defective,,", "delivered_at", "not an ISO date"),
    ("ORD-1,C-ANNE,2025-03-10,yesterday,LAP-14,1,defective,,", "requested_at", "not an ISO"),
    ("ORD-1,C-ANNE,2025-03-10,2025-04-01,LAP-14,1,defective,,", "requested_at", "future"),
    ("ORD-1,C-ANNE,2025-03-10,2025-03-01,LAP-14,1,defective,,", "delivered_at", "after"),
    ("ORD-1,C-ANNE,2025-03-25,,LAP-14,1,defective,,", "delivered_at", "in the future"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,0,defective,,", "quantity", "from 1 to"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,two,defective,,", "quantity", "whole number"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1.5,defective,,", "quantity", "whole number"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,-3,defective,,", "quantity", "whole number"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,10001,defective,,", "quantity", "10000"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,,defective,,", "quantity", "quantity is empty"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1,bored,,", "reason", "'bored' is not one of"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1,,,", "reason", "reason is empty"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,2,defective,SN-1,", "quantity", "exactly one unit"),
    (",C-ANNE,2025-03-10,,LAP-14,1,defective,,", "order_ref", "order_ref is empty"),
    ("ORD-1,,2025-03-10,,LAP-14,1,defective,,", "customer_code", "customer_code is empty"),
    ("ORD-1,C-ANNE,2025-03-10,,,1,defective,,", "sku", "sku is empty"),
    ("O" * 61 + ",C-ANNE,2025-03-10,,LAP-14,1,defective,,", "order_ref", "longer than 60"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective," + "S" * 41 + ",", "serial", "longer than"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective", None, "has 7 fields"),
    ("ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective,,,extra", None, "has 10 fields"),
]


@pytest.mark.parametrize(("row", "column", "words"), BAD_ROWS)
def test_each_kind_of_bad_row_is_reported_on_its_line(
    sqlite_world: World, row: str, column: str | None, words: str
) -> None:
    good = "ORD-0,C-ANNE,2025-03-10,,TEE-M,1,defective,,"
    result = check(sqlite_world, good, row)
    error = only_error(result)
    assert (error.line, error.column) == (3, column)
    assert words in error.message
    assert not result.ok


def test_rows_that_contradict_each_other(sqlite_world: World) -> None:
    result = check(
        sqlite_world,
        "ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective,SN-1,",  # 2
        "ORD-1,C-JONAS,2025-03-10,,TEE-M,1,defective,,",  # 3: another customer
        "ORD-1,C-ANNE,2025-03-11,,TEE-M,1,defective,,",  # 4: another delivery date
        "ORD-1,C-ANNE,2025-03-10,2025-03-12,TEE-M,1,defective,,",  # 5: another request date
        "ORD-2,C-ANNE,2025-03-10,,LAP-14,1,defective,SN-1,",  # 6: the same laptop again
    )
    assert problems(result) == [
        (3, "customer_code"),
        (4, "delivered_at"),
        (5, "requested_at"),
        (6, "serial"),
    ]
    assert "line 2" in result.errors[0].message
    assert "already on line 2" in result.errors[3].message


def test_an_order_imported_before_is_refused(sqlite_world: World) -> None:
    u = sqlite_world.app.uow
    line = returns.LineRequest("TEE-M", 1, ReturnReason.DEFECTIVE)
    returns.request_return(
        u(),
        sqlite_world.app.policy,
        customer_code="C-ANNE",
        lines=[line],
        delivered_at=None,
        by=person("tt"),
        order_ref="ORD-1",
    )
    result = check(
        sqlite_world,
        "ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective,,",
        "ORD-1,C-ANNE,2025-03-10,,TEE-M,1,defective,,",
    )
    assert problems(result) == [(2, "order_ref"), (3, "order_ref")]
    assert "imported already" in result.errors[0].message


def test_every_problem_of_every_row_is_reported_at_once(sqlite_world: World) -> None:
    result = check(
        sqlite_world,
        'ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective,,"a comment\non two lines"',  # 2-3
        "ORD-2,C-NOBODY,2025-13-01,,PHONE-9,zero,bored,,",  # 4
        "",  # 5: blank lines are skipped
        "ORD-3,C-ANNE,2025-03-10,,TEE-M,1,defective,,",  # 6: fine
        "ORD-4,C-ANNE,2025-03-10,,TEE-M,1,nope,,",  # 7
    )
    assert problems(result) == [
        (4, "customer_code"),
        (4, "delivered_at"),
        (4, "sku"),
        (4, "quantity"),
        (4, "reason"),
        (7, "reason"),
    ]
    assert result.rows == 4


@pytest.mark.parametrize(
    ("header", "words"),
    [
        ("order_ref,customer_code,delivered_at,sku,reason", "missing column(s): quantity"),
        (HEADER + ",colour", "unknown column(s): colour"),
        (HEADER + ",sku", "repeated column(s): sku"),
    ],
)
def test_a_bad_header_is_reported_on_line_1(sqlite_world: World, header: str, words: str) -> None:
    error = only_error(check(sqlite_world, "x", header=header))
    assert error.line == 1 and words in error.message


def test_an_empty_file_or_a_header_alone_is_refused(sqlite_world: World) -> None:
    assert "empty" in only_error(check(sqlite_world, header="")).message
    assert "no rows" in only_error(check(sqlite_world)).message


def test_broken_csv_and_bad_bytes_name_their_line(sqlite_world: World) -> None:
    with pytest.raises(csv_records.UnreadableFile, match="line 2"):
        check(sqlite_world, 'ORD-1,C-ANNE,2025-03-10,,LAP-14,1,defective,,"never closed')
    raw = [HEADER.encode() + b"\n", b"ORD-1,C-ANNE,,,TEE-M,1,other,,\n", b"ORD-2,\xe9t\xe9\n"]
    with pytest.raises(csv_records.UnreadableFile, match="line 3: not UTF-8"):
        list(csv_records.decode_lines(raw))
    assert next(csv_records.decode_lines([b"\xef\xbb\xbforder_ref\n"])) == "order_ref\n"


# -- what a good file becomes -----------------------------------------------------------------
def test_rows_of_one_order_become_one_return(sqlite_world: World) -> None:
    result = check(
        sqlite_world,
        "ORD-1, c-anne ,2025-03-10,,lap-14,1,Defective,SN-1,screen flickers",
        "ORD-2,B-ACME,,2025-03-01T09:30:00+01:00,SOFA-3,3,end_of_lease,,",
        "ORD-1,C-ANNE,2025-03-10T00:00:00+00:00,,TEE-M,2,withdrawal,,",
    )
    assert result.ok, result.errors
    one, two = result.returns
    assert (one.order_ref, one.customer_code, one.file_lines) == ("ORD-1", "C-ANNE", [2, 4])
    assert one.delivered_at == datetime(2025, 3, 10, tzinfo=UTC)
    assert one.requested_at == NOW  # none given: the time of the import
    assert one.lines == [
        returns.LineRequest("LAP-14", 1, ReturnReason.DEFECTIVE, "SN-1", "screen flickers"),
        returns.LineRequest("TEE-M", 2, ReturnReason.WITHDRAWAL, None, ""),
    ]
    assert two.delivered_at is None
    assert two.requested_at == datetime(2025, 3, 1, 8, 30, tzinfo=UTC)
    assert (result.line_count, result.unit_count) == (3, 6)


# -- importing, on SQLite and PostgreSQL ------------------------------------------------------
def days_ago(n: int) -> str:
    return (datetime.now(UTC) - timedelta(days=n)).date().isoformat()


def a_good_file(world: World) -> CheckResult:
    result = check(
        world,
        f"W-1,C-ANNE,{days_ago(3)},,LAP-14,1,withdrawal,SN-1,",
        f"W-1,C-ANNE,{days_ago(3)},,TEE-M,2,withdrawal,,",
        f"W-2,C-JONAS,{days_ago(30)},,DRILL-18,1,withdrawal,,",
        f"W-3,B-ACME,{days_ago(3)},,SOFA-3,1,end_of_lease,,",
        f"W-4,B-ACME,{days_ago(3)},,LAP-14,1,other,,",
        now=datetime.now(UTC),
    )
    assert result.ok, result.errors
    return result


def stored(app: App) -> dict[str, Any]:
    page = queries.list_returns(app.uow(), ReturnFilter(), limit=100, by=person("reader"))
    return {r.order_ref: r for r in page.items}


def table_counts(app: App) -> dict[str, int]:
    with app.engine.connect() as conn:
        return {
            t: int(conn.scalar(sa.text(f"SELECT count(*) FROM {t}")) or 0)
            for t in ("return_requests", "return_lines", "sequences")
        }


def test_a_good_file_is_imported_through_the_policy(world: World) -> None:
    app = world.app
    summary = imports.import_returns(app.uow(), app.policy, a_good_file(world), by=person("tt"))
    assert summary.committed
    assert (summary.returns, summary.lines, summary.units) == (4, 5, 6)
    got = stored(app)
    assert got["W-1"].state is ReturnState.AUTHORISED
    assert got["W-1"].destination_site == "HUB-FR"
    assert [ln.sku for ln in got["W-1"].lines] == ["LAP-14", "TEE-M"]
    assert got["W-2"].state is ReturnState.REJECTED  # 30 days: withdrawal period over
    assert got["W-3"].state is ReturnState.AUTHORISED  # end of lease: under contract
    assert got["W-4"].state is ReturnState.REQUESTED  # a person reviews it
    assert summary.by_state == {
        ReturnState.AUTHORISED: 2,
        ReturnState.REJECTED: 1,
        ReturnState.REQUESTED: 1,
    }


def test_a_dry_run_says_what_would_happen_and_keeps_nothing(world: World) -> None:
    app = world.app
    before = table_counts(app)
    summary = imports.import_returns(
        app.uow(), app.policy, a_good_file(world), by=person("tt"), dry_run=True
    )
    assert not summary.committed
    assert summary.returns == 4 and summary.by_state[ReturnState.AUTHORISED] == 2
    assert table_counts(app) == before


@dataclass(frozen=True)
class PolicyFailingOnSofas(ReturnPolicy):
    """Breaks down in the middle of a file: the third return holds the sofa."""

    def decide(self, lines: Iterable[LineContext], **kw: Any) -> PolicyDecision:
        lines = list(lines)
        if any(ln.category == "sofa" for ln in lines):
            raise NotAllowed("the policy cannot be reached")
        return super().decide(lines, **kw)


def test_a_failure_midway_leaves_the_database_as_it_was(world: World) -> None:
    app = world.app
    before = table_counts(app)
    with pytest.raises(NotAllowed, match=r"order 'W-3'.*cannot be reached"):
        imports.import_returns(
            app.uow(), PolicyFailingOnSofas(), a_good_file(world), by=person("tt")
        )
    assert table_counts(app) == before
    assert stored(app) == {}
    # The policy decides every return before any is numbered: the numbering did not move
    # either, on SQLite and on PostgreSQL (whose sequence would keep numbers once taken).
    line = returns.LineRequest("TEE-M", 1, ReturnReason.DEFECTIVE)
    rma = returns.request_return(
        app.uow(),
        app.policy,
        customer_code="C-ANNE",
        lines=[line],
        delivered_at=None,
        by=person("tt"),
    )
    assert rma.number == "RMA00000001"


def test_an_order_imported_meanwhile_stops_the_whole_import(world: World) -> None:
    app = world.app
    checked = a_good_file(world)
    line = returns.LineRequest("TEE-M", 1, ReturnReason.DEFECTIVE)
    returns.request_return(
        app.uow(),
        app.policy,
        customer_code="C-ANNE",
        lines=[line],
        delivered_at=None,
        by=person("other"),
        order_ref="W-4",
    )
    with pytest.raises(AlreadyExists, match="W-4"):
        imports.import_returns(app.uow(), app.policy, checked, by=person("tt"))
    assert sorted(stored(app)) == ["W-4"]


def test_a_checked_file_with_errors_is_never_imported(sqlite_world: World) -> None:
    app = sqlite_world.app
    bad = check(sqlite_world, "ORD-1,C-NOBODY,2025-03-10,,LAP-14,1,defective,,")
    with pytest.raises(InvalidValue, match="nothing is imported"):
        imports.import_returns(app.uow(), app.policy, bad, by=person("tt"))
    assert stored(app) == {}


def test_a_file_separated_by_semicolons_or_tabs_is_read_as_such(world: World) -> None:
    """As a spreadsheet set to French saves it: the header says which separator."""
    rows = [
        ["order_ref", "customer_code", "delivered_at", "sku", "quantity", "reason"],
        ["SEMI-1", "C-ANNE", world.now.date().isoformat(), "TEE-M", "1", "withdrawal"],
    ]
    for separator in (";", "\t"):
        text = "".join(separator.join(r) + "\n" for r in rows).replace(
            "SEMI-1", f"S{ord(separator)}"
        )
        checked = imports.check_returns(world.app.uow(), io.StringIO(text, newline=""))
        assert checked.ok, checked.errors
        assert checked.separator == separator and checked.line_count == 1
    mixed = "order_ref;customer_code,delivered_at,sku,quantity,reason\n"
    errors = imports.check_returns(world.app.uow(), io.StringIO(mixed, newline="")).errors
    assert any("the header also holds semicolons: use one separator" in e.message for e in errors)
