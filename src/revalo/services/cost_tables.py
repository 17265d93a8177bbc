"""The cost analysis as plain tables (a title, the columns, the rows): what the exports
write to CSV and Excel and what the page's tables show, built once from the use cases'
answers. Amounts in EUR (Decimal), kilometres and kg CO2e per unit rounded to 0.1 and 0.01."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from revalo.domain.costs import CostStage, Driver, Row, eur
from revalo.services.cost_ports import JourneyRow, UnitCost
from revalo.services.costs import CostAnalysis, Journeys, UnitCosts

Cell = str | int | float | Decimal | None


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    columns: list[str]
    rows: list[list[Cell]]


def _money_row(key: Sequence[str], r: Row, stages: Sequence[CostStage]) -> list[Cell]:
    return [
        *key,
        r.units,
        r.cost,
        r.cost_per_unit,
        *(r.stage(s) for s in stages),
        r.recovered,
        r.refunded,
        r.net,
    ]


def groups_table(a: CostAnalysis) -> Table:
    """The groups of the dimensions asked, the costliest first, and the total last."""
    stages = a.stages
    columns = [*(a.by or ("all",)), "units", "cost_eur", "cost_per_unit_eur"]
    columns += [f"{s.value}_eur" for s in stages] + ["recovered_eur", "refunded_eur", "net_eur"]
    rows = [_money_row(r.key or ("all",), r, stages) for r in a.rows]
    rows.append(_money_row(["total"] + [""] * (max(1, len(a.by)) - 1), a.total, stages))
    return Table("groups", columns, rows)


def weeks_table(a: CostAnalysis) -> Table:
    columns = ["week", "units", "cost_eur", "cost_per_unit_eur", "recovered_eur"]
    rows: list[list[Cell]] = [
        [w.key[0], w.units, w.cost, w.cost_per_unit, w.recovered] for w in a.weeks
    ]
    return Table("weeks", columns, rows)


def _driver_row(d: Driver) -> list[Cell]:
    pct = None if d.change_pct is None else round(d.change_pct, 1)
    return [d.stage.value, d.part, d.site, eur(d.cents), eur(d.previous_cents), eur(d.change), pct]


_DRIVER_COLUMNS = ["stage", "part", "site", "cost_eur", "previous_eur", "change_eur", "change_pct"]


def drivers_table(a: CostAnalysis) -> Table:
    return Table("drivers", _DRIVER_COLUMNS, [_driver_row(d) for d in a.drivers])


def movers_table(a: CostAnalysis) -> Table:
    return Table("changes", _DRIVER_COLUMNS, [_driver_row(d) for d in a.movers])


def analysis_tables(a: CostAnalysis) -> list[Table]:
    return [groups_table(a), weeks_table(a), drivers_table(a), movers_table(a)]


def journey_row(key: Sequence[str], r: JourneyRow) -> list[Cell]:
    units = r.units or 1
    return [
        *key,
        r.units,
        r.legs,
        round(r.km, 1),
        round(r.km / units, 1),
        round(r.co2e_g / 1000, 2),
        round(r.co2e_g / 1000 / units, 2),
    ]


def journeys_table(j: Journeys) -> Table:
    columns = [*j.by, "units", "legs", "km", "km_per_unit", "kg_co2e", "kg_co2e_per_unit"]
    return Table("journeys", columns, [journey_row(r.key, r) for r in j.rows])


def units_table(items: Sequence[UnitCost]) -> Table:
    columns = ["lpn", "return", "cost_eur", "recovered_eur", "refunded_eur"]
    rows: list[list[Cell]] = [
        [u.lpn, u.rma_number or "", eur(u.cost), eur(u.recovered), eur(u.refunded)] for u in items
    ]
    return Table("units", columns, rows)


def ledger_table(costs: Sequence[UnitCosts]) -> Table:
    columns = ["lpn", "at", "stage", "flow", "part", "site", "amount_eur", "source", "source_id"]
    columns += ["detail", "km", "kg_co2e"]
    rows: list[list[Cell]] = []
    for u in costs:
        for x in u.ledger.lines:
            rows.append(
                [
                    x.lpn, x.at.isoformat(), x.stage.value, x.flow.value, x.part, x.site,
                    x.amount, x.source, x.source_id, x.detail, round(x.km, 1),
                    round(x.co2e_g / 1000, 3),
                ]
            )  # fmt: skip
    return Table("ledger", columns, rows)
