"""``revalo quote``, ``revalo label`` and ``revalo outbound``: price a shipment, print a
return's label, plan and book what leaves a site."""

from __future__ import annotations

import json
import math
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from revalo.domain.values import utcnow
from revalo.entrypoints.cli_common import (
    AsLogin,
    CliError,
    DayOption,
    DbPath,
    DbUrl,
    acting,
    open_app,
    out,
    parse_day,
    reported,
)
from revalo.entrypoints.cli_messages import language, said
from revalo.entrypoints.cli_tables import Table

if TYPE_CHECKING:
    from revalo.engines.transport.choice import ServiceChoice
    from revalo.engines.transport.pricing import Quote
    from revalo.engines.transport.shipment import Parcel
    from revalo.services.quotes import PlaceRef

_PARCEL = re.compile(r"^\s*([0-9.]+)\s*kg\s*@\s*([0-9.]+)\s*x\s*([0-9.]+)\s*x\s*([0-9.]+)\s*$")
PLACE_HELP = "Site or customer code, or CC:lat,lon (e.g. DE:52.52,13.40)."
_POINT = re.compile(r"^\s*([A-Za-z]{2})\s*:\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*$")


def parse_parcel(text: str) -> Parcel:
    """``2.5kg@40x30x20``: weight in kg, then length x width x height in cm."""
    from revalo.engines.transport.shipment import Parcel

    m = _PARCEL.match(text.lower())
    if not m:
        raise CliError(f"parcel {text!r}: write it as WEIGHTkg@LxWxH in cm, e.g. 2.5kg@40x30x20", 2)
    try:
        return Parcel(*(float(g) for g in m.groups()))
    except ValueError as exc:
        raise CliError(f"parcel {text!r}: {exc}", 2) from exc


def parse_place(text: str) -> PlaceRef:
    """A site or customer code, or ``CC:lat,lon`` for a point."""
    from revalo.services.quotes import PlaceRef

    m = _POINT.match(text)
    if m:
        return PlaceRef(country=m[1].upper(), lat=float(m[2]), lon=float(m[3]))
    return PlaceRef(code=text)


def _money(x: float) -> str:
    return "-" if math.isnan(x) else f"{x:,.2f}"


def _quote_row(q: Quote) -> dict[str, object]:
    return {
        "service_id": q.service_id,
        "carrier": q.carrier,
        "kind": q.kind,
        "km": round(q.km, 1),
        "cost_eur": None if math.isnan(q.cost_eur) else round(q.cost_eur, 2),
        "lead_time_days": q.lead_time_days,
        "arrives_on": q.arrives_on.isoformat() if q.arrives_on else None,
        "co2e_kg": None if math.isnan(q.co2e_kg) else round(q.co2e_kg, 3),
        "refused": q.refused,
    }


def _table(choice: ServiceChoice) -> Table:
    t = Table(title="Services, best first")
    for col in ("service", "carrier", "kind", "km", "EUR", "days", "arrives", "kg CO2e", "note"):
        t.add_column(col, justify="right" if col in {"km", "EUR", "days", "kg CO2e"} else "left")
    for q in choice.quotes:
        t.add_row(
            q.service_id + (" *" if q == choice.chosen else ""),
            q.carrier,
            q.kind,
            f"{q.km:,.0f}",
            _money(q.cost_eur),
            str(q.lead_time_days) if q.allowed else "-",
            q.arrives_on.isoformat() if q.arrives_on else "-",
            _money(q.co2e_kg),
            q.refused or "",
        )
    return t


def quote_command(
    origin: Annotated[
        str,
        typer.Option("--from", help="Site or customer code, or CC:lat,lon.", show_default=False),
    ],
    destination: Annotated[
        str, typer.Option("--to", help="Site or customer code, or CC:lat,lon.", show_default=False)
    ],
    parcel: Annotated[
        list[str],
        typer.Option(
            metavar="WEIGHTkg@LxWxH",
            help="A parcel: weight in kg and sides in cm, e.g. 2.5kg@40x30x20 (repeat).",
            show_default=False,
        ),
    ],
    needed_by: Annotated[
        str | None,
        typer.Option(help="Last acceptable day of arrival (YYYY-MM-DD).", show_default=False),
    ] = None,
    lithium: Annotated[bool, typer.Option(help="It holds lithium batteries.")] = False,
    damaged_lithium: Annotated[
        bool,
        typer.Option(
            help="It holds a damaged or defective lithium battery (ADR special provision 376)."
        ),
    ] = False,
    bulky: Annotated[bool, typer.Option(help="It holds bulky items (two-person).")] = False,
    co2_eur_per_kg: Annotated[
        float | None,
        typer.Option(
            min=0.0,
            help="Price of a kg CO2e when ranking (default: the carriers file's).",
            show_default=False,
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    day: DayOption = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Price every carrier service for a shipment ready on a day (today by default) and say
    which is best and why."""
    from revalo.services.quotes import quote_shipment

    with reported():
        ready = parse_day(day) if day else utcnow().date()
        parcels = [parse_parcel(p) for p in parcel]
        try:
            by = date.fromisoformat(needed_by) if needed_by else None
        except ValueError as exc:
            raise CliError(f"--needed-by {needed_by!r}: not a date (YYYY-MM-DD)", 2) from exc
        with open_app(db, url) as rv:
            choice = quote_shipment(
                rv.read_uow(),
                rv.transport,
                origin=parse_place(origin),
                destination=parse_place(destination),
                parcels=parcels,
                ready_on=ready,
                needed_by=by,
                lithium=lithium,
                damaged_lithium=damaged_lithium,
                bulky=bulky,
                co2_eur_per_kg=co2_eur_per_kg,
            )
        if as_json:
            body = {
                "status": choice.status.value,
                "chosen": choice.chosen.service_id if choice.chosen else None,
                "reason": choice.reason,
                "quotes": [_quote_row(q) for q in choice.quotes],
            }
            typer.echo(json.dumps(body, indent=2))
            return
        console = out()
        console.print(_table(choice))
        console.print(f"[bold]{choice.status.value}[/bold]: {choice.reason}")


def label_command(
    number: Annotated[str, typer.Argument(help="The return's number, e.g. RMA00000012.")],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="PDF file to write (default: NUMBER-label.pdf).", dir_okay=False
        ),
    ] = None,
    as_login: AsLogin = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """Write an authorised return's parcel label (PDF): the parcel is booked with the best
    service the first time; later calls give the same label."""
    from revalo.entrypoints.labels import label_pdf
    from revalo.services.return_labels import book_return_label

    with reported():
        target = output or Path(f"{number.strip().upper()}-label.pdf")
        if not target.parent.is_dir():
            raise CliError(f"{target.parent}: no such directory", 2)
        with open_app(db, url) as rv:
            facts = book_return_label(rv.uow(), rv.transport, number, by=acting(rv, as_login))
        target.write_bytes(label_pdf(facts, language()))
        c = facts.consignment
        out().print(
            f"Wrote {target}: {facts.rma.number}, SSCC {c.sscc}, {c.carrier} {c.service_id}, "
            f"{c.km:,.0f} km, {c.cost:.2f} EUR."
        )


def outbound_command(
    site: Annotated[str, typer.Argument(help="The site's code, e.g. HUB-FR.")],
    book: Annotated[
        bool, typer.Option("--book", help="Book what leaves today (else only plan).")
    ] = False,
    as_login: AsLogin = None,
    day: DayOption = None,
    db: DbPath = None,
    url: DbUrl = None,
) -> None:
    """The units waiting at a site to leave, by destination: ship on the day (today by
    default; grouped) or wait for a fuller load, and why; with --book, book what leaves."""
    from revalo.services.consolidation import consolidate_site, ship_planned

    with reported():
        # A day named: as planned at its end, when the day's units are all in.
        at = datetime.combine(parse_day(day), time(23, 59), UTC) if day else None
        with open_app(db, url) as rv:
            plan = consolidate_site(rv.uow(), site, at=at, transport=rv.transport)
            booked = (
                ship_planned(rv.uow(), plan, by=acting(rv, as_login), at=at, transport=rv.transport)
                if book
                else []
            )
        console = out()
        table = Table(title=f"Outbound lanes of {plan.site_code} on {plan.day}")
        for col in ("destination", "kind", "units", "decision", "EUR today", "reason"):
            table.add_column(col, justify="right" if col in {"units", "EUR today"} else "left")
        for lane in plan.lanes:
            d = lane.decision
            decision = d.action.value + (f" {d.wait_days} d" if d.wait_days else "")
            table.add_row(
                lane.destination,
                lane.kind.value,
                str(len(lane.lpns)),
                decision,
                f"{d.cost_now_eur:,.2f}",
                d.reason,
            )
        console.print(table if plan.lanes else said(f"No unit waits to leave {plan.site_code}."))
        for shipped in booked:
            c = shipped.consignment
            console.print(
                f"Booked {c.reference}: {c.units} unit(s) to {c.destination} by {c.carrier} "
                f"{c.service_id}, {c.cost:.2f} EUR, {c.km:,.0f} km."
            )
