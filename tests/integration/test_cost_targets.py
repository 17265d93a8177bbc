"""The manager's cost targets on SQLite and PostgreSQL: set, replaced, removed, refused when
wrong; the period's figures against them; two managers setting one target at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa

from revalo.adapters.orm_costs import cost_targets
from revalo.domain.errors import InvalidValue, NotFound, PermissionDenied
from revalo.domain.people import Role, User
from revalo.services import cost_targets as service
from tests.conftest import World
from tests.integration.test_concurrency import no_violations, together
from tests.integration.test_costs import DAY, MANAGER, T0, repaired_and_sold

WINDOW = {"first": T0.date(), "last": T0.date() + 9 * DAY}


def _rows(world: World) -> list[tuple[str, str, str, str]]:
    c = cost_targets.c
    with world.app.engine.connect() as conn:
        stmt = sa.select(c.metric, c.scope, c.code, c.value).order_by(c.id)
        return [tuple(r) for r in conn.execute(stmt)]


def test_targets_are_set_replaced_checked_and_removed(world: World) -> None:
    repaired_and_sold(world)
    u = world.app.uow
    service.set_target(u(), metric="cost_per_return", scope="all", value="100", by=MANAGER)
    service.set_target(u(), metric="cost_per_return", scope="all", value="200", by=MANAGER)
    service.set_target(u(), metric="km_per_unit", scope="site", code="hub-fr", value=50, by=MANAGER)
    service.set_target(
        u(), metric="share_recovered", scope="category", code="Laptop", value="0.4", by=MANAGER
    )
    assert _rows(world) == [
        ("cost_per_return", "all", "", "200"),
        ("km_per_unit", "site", "HUB-FR", "50"),
        ("share_recovered", "category", "laptop", "0.4"),
    ]
    checks = service.check_targets(u(), by=MANAGER, **WINDOW)
    got = {c.target.metric.value: (c.actual, c.missed) for c in checks.checks}
    cost, missed = got["cost_per_return"]
    # One return: its 136.22 EUR of handling, work and fees and its return parcel.
    assert cost is not None and 136.22 < cost < 200 and not missed
    km, missed = got["km_per_unit"]
    assert km is not None and km > 50 and missed, "the parcel came from Paris to Lyon"
    share, missed = got["share_recovered"]
    assert share == pytest.approx(420 / 899) and not missed
    assert [c.target.metric.value for c in checks.missed] == ["km_per_unit"]
    service.remove_target(u(), metric="km_per_unit", scope="site", code="HUB-FR", by=MANAGER)
    assert len(_rows(world)) == 2


def test_a_wrong_target_is_refused_and_nothing_is_written(world: World) -> None:
    u = world.app.uow
    cases = [
        ({"metric": "speed", "value": 1}, InvalidValue, "unknown target 'speed'"),
        ({"metric": "share_recovered", "value": "1.5"}, InvalidValue, "between 0 and 1"),
        ({"metric": "km_per_unit", "value": "-1"}, InvalidValue, "zero or more"),
        ({"metric": "km_per_unit", "scope": "site", "value": 1}, InvalidValue, "names the site"),
        ({"metric": "km_per_unit", "code": "HUB-FR", "value": 1}, InvalidValue, "names no site"),
        (
            {"metric": "dwell_days", "scope": "category", "code": "laptop", "value": 1},
            InvalidValue,
            "per site or for all",
        ),
        (
            {"metric": "km_per_unit", "scope": "site", "code": "NOWHERE", "value": 1},
            NotFound,
            "NOWHERE",
        ),
        (
            {"metric": "km_per_unit", "scope": "category", "code": "boats", "value": 1},
            NotFound,
            "category boats",
        ),
    ]
    for kwargs, error, words in cases:
        with pytest.raises(error, match=words):
            service.set_target(u(), by=MANAGER, **{"scope": "all", **kwargs})  # type: ignore[arg-type]
    with pytest.raises(NotFound, match="no target dwell_days for all"):
        service.remove_target(u(), metric="dwell_days", scope="all", by=MANAGER)
    tech = User(login="tech", name="Tech", roles=frozenset({Role.FINANCE}))
    with pytest.raises(PermissionDenied):
        service.set_target(u(), metric="dwell_days", scope="all", value=3, by=tech)
    assert _rows(world) == []


def test_two_managers_setting_one_target_at_once_leave_one(world: World) -> None:
    def work(i: int) -> object:
        return service.set_target(
            world.app.uow(), metric="dwell_days", scope="site", code="HUB-FR",
            value=Decimal(10 + i), by=MANAGER,
        )  # fmt: skip

    results = together(4, work)
    assert not [r for r in results if isinstance(r, BaseException)], results
    rows = _rows(world)
    assert len(rows) == 1 and rows[0][:3] == ("dwell_days", "site", "HUB-FR")
    assert rows[0][3] in {"10", "11", "12", "13"}
    no_violations(world)
