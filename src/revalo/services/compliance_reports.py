"""The compliance reports: the WEEE report of a period (Directive 2012/19/EU) and the yearly
ESPR and AGEC disclosure of unsold products discarded, with the destructions refused.

Both are reads, over the goods the user may see (a client its own); a destruction that a
ban refuses is written down by ``note_refused_destruction`` from the decision's use case.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from revalo.domain import espr, weee
from revalo.domain.catalog import Product, check_country
from revalo.domain.errors import DestructionRefused, InvalidValue
from revalo.domain.people import Permission, User
from revalo.domain.units import ReturnedUnit
from revalo.services.compliance_ports import ComplianceFilter
from revalo.services.guard import reads
from revalo.services.ports import UnitOfWork
from revalo.services.scoping import client_for

#: The longest period one WEEE report covers (the Directive reports by calendar year).
MAX_DAYS = 366
#: The years a disclosure may be asked for.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


@reads(Permission.VIEW_COMPLIANCE)
def weee_report(
    uow: UnitOfWork,
    *,
    by: User,
    since: date,
    until: date,
    country: str | None = None,
    client_code: str | None = None,
) -> weee.WeeeReport:
    """The WEEE received from ``since`` to ``until`` (days, both included), in tonnes by
    country of collection and category, what became of it, by facility, and the Annex V
    rates."""
    weee.check_period(since, until)
    if since.year < FIRST_YEAR or until.year > LAST_YEAR:
        raise InvalidValue(
            f"a WEEE report covers days of the years {FIRST_YEAR} to {LAST_YEAR}", field="from"
        )
    if (until - since).days >= MAX_DAYS:
        raise InvalidValue(
            f"a WEEE report covers at most {MAX_DAYS} days: ask for a year or less", field="to"
        )
    code = check_country(country) if country else None
    client = client_for(by, client_code, Permission.VIEW_COMPLIANCE)
    flt = ComplianceFilter(_start(since), _start(until + timedelta(days=1)), code, client)
    with uow:
        rows = uow.compliance.weee_rows(flt)
        facilities = uow.compliance.facilities([r.facility for r in rows if r.facility])
    return weee.weee_report(
        rows, facilities, since=since, until=until, country=code, client_code=client
    )


@reads(Permission.VIEW_COMPLIANCE)
def espr_report(
    uow: UnitOfWork, *, by: User, year: int, client_code: str | None = None
) -> espr.EsprReport:
    """The unsold products discarded in ``year`` by product type, reason and destination,
    and the destructions refused that year."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise InvalidValue(f"year {year} must be {FIRST_YEAR} to {LAST_YEAR}", field="year")
    client = client_for(by, client_code, Permission.VIEW_COMPLIANCE)
    flt = ComplianceFilter(
        _start(date(year, 1, 1)), _start(date(year + 1, 1, 1)), client_code=client
    )
    with uow:
        rows = uow.compliance.discard_rows(flt)
        refusals = uow.compliance.refusals(flt)
    return espr.espr_report(year, rows, refusals, client_code=client)


def note_refused_destruction(
    uow: UnitOfWork,
    unit: ReturnedUnit,
    product: Product,
    exc: DestructionRefused,
    *,
    by: User,
    at: datetime,
) -> None:
    """Keep a refused destruction, in the caller's transaction, and commit it: the caller
    changed nothing else before the refusal, and raises it after."""
    uow.compliance.add_refusal(
        espr.DestructionRefusal(
            unit_id=unit.id,
            lpn=unit.lpn,
            sku=product.sku,
            product_type=product.category,
            kg=product.weight_kg,
            refused_at=at,
            actor=by.login,
            law=exc.law,
            reason=exc.message,
            client_code=unit.client_code,
        )
    )
    uow.commit()
