"""``revalo floor assign``: the shift's proposed assignment of a site's tasks (accepted with
``--accept``)."""

from __future__ import annotations

from typing import Annotated

import typer

from revalo.entrypoints.cli_common import AsLogin, DbPath, DbUrl, acting, open_app, out, reported
from revalo.entrypoints.cli_floor import Site, floor_app
from revalo.entrypoints.cli_messages import said
from revalo.entrypoints.cli_tables import Table


def register(app: typer.Typer) -> None:
    """The commands join ``revalo floor`` (``app`` registers that group itself)."""
    floor_app.command("assign")(assign)


def assign(
    site: Site,
    shift: Annotated[
        str | None, typer.Option(help="morning, afternoon or night (default: working now).")
    ] = None,
    accept: Annotated[bool, typer.Option(help="Assign the tasks as proposed.")] = False,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Propose the shift's assignment of the site's open tasks (each person's planned hours
    and zones, beside the greedy baseline); with --accept, assign them."""
    from revalo.domain.errors import InvalidValue
    from revalo.domain.floor.team import Shift
    from revalo.services.floor import assignment

    with reported(), open_app(db, url) as rv:
        chosen = None
        if shift is not None:
            try:
                chosen = Shift(shift.strip().lower())
            except ValueError:
                allowed = ", ".join(s.value for s in Shift)
                raise InvalidValue(f"shift {shift!r} must be one of {allowed}") from None
        user = acting(rv, as_login)
        p = assignment.propose_assignment(rv.read_uow(), site, by=user, shift=chosen, compare=True)
        r, b = p.result, p.baseline
        table = Table(title=f"{len(r.assigned)} task(s) given, {len(r.unassigned)} left open")
        for column in ("who", "hours", "of", "tasks", "zones", "walked"):
            table.add_column(column)
        for x in r.plans:
            table.add_row(
                x.login,
                f"{x.hours:.2f}",
                f"{x.max_hours:.1f}",
                str(len(x.tasks)),
                ", ".join(x.zones),
                f"{x.walk_h:.2f}",
            )
        out().print(table)
        assert b is not None
        out().print(
            said(
                f"HiGHS: {r.status} in {r.run_time_s:.2f} s, spread {r.spread:.3f}, "
                f"{r.walk_h:.2f} h walked; greedy: spread {b.spread:.3f}, {b.walk_h:.2f} h "
                f"walked, {len(b.assigned)} task(s) given."
            ),
            markup=False,
        )
        for task_id, why in sorted(r.unassigned.items()):
            out().print(said(f"Task {task_id} left open: {why}."), markup=False)
        if not accept:
            return
        done = assignment.accept_assignment(rv.uow(), sorted(r.assigned.items()), by=user)
        for task_id, login, why in done.reported:
            out().print(said(f"Task {task_id} not given to {login}: {why}."), markup=False)
        out().print(said(f"Assigned {len(done.assigned)} task(s)."), markup=False)
