"""The compliance reports as documents: JSON (the API), CSV (one table for a spreadsheet or
an eco-organisation's portal, figures with a dot) and PDF (in the reader's language), for
the API, the pages and the command line alike."""

from __future__ import annotations

import csv
import io
from typing import Any

from starlette.responses import Response

from revalo.domain.espr import Derogation, EsprReport, Step
from revalo.domain.weee import CategoryLine, Masses, Outcome, Rate, WeeeReport

CSV = "text/csv; charset=utf-8"
#: The outcomes in the order the documents show them.
OUTCOMES = tuple(Outcome)
WEEE_COLUMNS = (
    "section",
    "country",
    "category",
    "facility",
    "facility_name",
    "facility_country",
    "certified",
    "units",
    "received_t",
    *(f"{o.value}_t" for o in OUTCOMES),
    "recovered_t",
    "collected_t",
    "rate_recovered",
    "target_recovered",
    "rate_reuse_recycled",
    "target_reuse_recycled",
    "rate_recycled",
    "target_recycled",
)
ESPR_COLUMNS = (
    "year",
    "section",
    "product_type",
    "units",
    "kg",
    *(f"reason_{d.value}_units" for d in Derogation),
    *(f"step_{s.value}_units" for s in Step),
    *(f"step_{s.value}_kg" for s in Step),
    "law",
)


def tonnes(kg: float) -> str:
    return f"{kg / 1000:.3f}"


def _share(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def _masses(m: Masses) -> dict[str, Any]:
    return {
        "units": m.units,
        "received_t": round(m.received / 1000, 6),
        **{f"{o.value}_t": round(m.kg[o] / 1000, 6) for o in OUTCOMES},
        "recovered_t": round(m.recovered / 1000, 6),
        "collected_t": round(m.collected / 1000, 6),
    }


def _rate(r: Rate) -> dict[str, Any]:
    return {
        "name": r.name,
        "numerator_t": round(r.numerator_kg / 1000, 6),
        "denominator_t": round(r.denominator_kg / 1000, 6),
        "value": r.value,
        "target": r.target,
        "met": r.met,
    }


def _line(ln: CategoryLine) -> dict[str, Any]:
    return {
        "country": ln.country or None,
        "category": ln.category,
        **_masses(ln.masses),
        "rates": [_rate(r) for r in ln.rates],
        "provisional": ln.provisional,
    }


def weee_json(report: WeeeReport) -> dict[str, Any]:
    return {
        "from": report.since.isoformat(),
        "to": report.until.isoformat(),
        "country": report.country,
        "client_code": report.client_code,
        "lines": [_line(ln) for ln in report.lines],
        "totals": [_line(ln) for ln in report.totals],
        "facilities": [
            {
                "code": f.facility.code,
                "name": f.facility.name,
                "country": f.facility.country,
                "city": f.facility.city,
                "kind": f.facility.kind,
                "weee_certified": f.facility.weee_certified,
                "category": f.category,
                **_masses(f.masses),
            }
            for f in report.facilities
        ],
    }


def _rates_cells(rates: list[Rate]) -> list[str]:
    by = {r.name: r for r in rates}
    cells = []
    for name in ("recovered", "reuse_recycled", "recycled"):
        r = by.get(name)
        cells += [_share(r.value), f"{r.target:.2f}"] if r else ["", ""]
    return cells


def _mass_cells(m: Masses) -> list[str]:
    return [
        str(m.units),
        tonnes(m.received),
        *(tonnes(m.kg[o]) for o in OUTCOMES),
        tonnes(m.recovered),
        tonnes(m.collected),
    ]


def weee_csv(report: WeeeReport) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(WEEE_COLUMNS)
    for ln in report.lines:
        w.writerow(
            [
                "category",
                ln.country,
                ln.category,
                "",
                "",
                "",
                "",
                *_mass_cells(ln.masses),
                *_rates_cells(ln.rates),
            ]
        )
    for f in report.facilities:
        fac = f.facility
        w.writerow(
            ["facility", "", f.category, fac.code, fac.name, fac.country]
            + [str(fac.weee_certified).lower()]
            + _mass_cells(f.masses)
            + [""] * 6
        )
    return out.getvalue()


def espr_json(report: EsprReport) -> dict[str, Any]:
    return {
        "year": report.year,
        "client_code": report.client_code,
        "discarded": [
            {
                "product_type": ln.product_type,
                "units": ln.total.units,
                "kg": round(ln.total.kg, 3),
                "by_reason": {d.value: ln.by_reason[d].units for d in Derogation},
                "by_step": {
                    s.value: {"units": ln.by_step[s].units, "kg": round(ln.by_step[s].kg, 3)}
                    for s in Step
                },
            }
            for ln in report.lines
        ],
        "refused": [
            {
                "product_type": r.product_type,
                "law": r.law,
                "units": r.count.units,
                "kg": round(r.count.kg, 3),
            }
            for r in report.refused
        ],
        "refusals": [
            {
                "lpn": f.lpn,
                "sku": f.sku,
                "product_type": f.product_type,
                "kg": f.kg,
                "refused_at": f.refused_at.isoformat(),
                "actor": f.actor,
                "law": f.law,
                "reason": f.reason,
            }
            for f in report.refusals
        ],
    }


def espr_csv(report: EsprReport) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(ESPR_COLUMNS)
    empty = [""] * (len(Derogation) + 2 * len(Step))
    for ln in report.lines:
        w.writerow(
            [report.year, "discarded", ln.product_type, ln.total.units, f"{ln.total.kg:.3f}"]
            + [str(ln.by_reason[d].units) for d in Derogation]
            + [str(ln.by_step[s].units) for s in Step]
            + [f"{ln.by_step[s].kg:.3f}" for s in Step]
            + [""]
        )
    for r in report.refused:
        w.writerow(
            [
                report.year,
                "refused",
                r.product_type,
                r.count.units,
                f"{r.count.kg:.3f}",
                *empty,
                r.law,
            ]
        )
    return out.getvalue()


def attachment(body: str | bytes, media_type: str, name: str) -> Response:
    """A document to download, named ``name``."""
    return Response(
        body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
