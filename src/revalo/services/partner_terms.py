"""A partner's terms: a new version from a day, the history of the versions, and each
partner's record held against the terms in force at the end of its period (with the
disputes opened with it in the period)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from revalo.domain.catalog import Site
from revalo.domain.errors import NotFound
from revalo.domain.partner_disputes import Dispute, DisputeCounts, counts_of
from revalo.domain.partner_records import PARTNER_KINDS, PartnerRecord
from revalo.domain.partner_terms import PartnerTerms, TermCheck, against, in_force, new_terms
from revalo.domain.people import Permission, User
from revalo.domain.values import utcnow
from revalo.services.guard import needs, reads, record_done
from revalo.services.ports import UnitOfWork
from revalo.services.retry import retried
from revalo.services.scoping import sites_for


def partner_site(uow: UnitOfWork, code: str) -> Site:
    """The partner site of that code (a hub of the company's own is not a partner)."""
    site = uow.sites.get(code.strip().upper())
    if site is None or site.kind not in PARTNER_KINDS:
        raise NotFound(f"no partner site {code.strip().upper()}", field="site_code")
    return site


@needs(Permission.SET_PARTNER_TERMS)
@retried
def set_terms(
    uow: UnitOfWork,
    *,
    site_code: str,
    valid_from: date | None = None,
    price_share: Decimal | float | str | None = None,
    turnaround_days: int | str | None = None,
    first_time_right: Decimal | float | str | None = None,
    note: str = "",
    by: User,
    at: datetime | None = None,
) -> PartnerTerms:
    """A new version of the partner's terms, in force from ``valid_from`` (today by
    default); the earlier versions stay. Two managers setting them at once both get a
    version, one after the other. ``at``: when they were agreed (now by default)."""
    now = at or utcnow()
    terms = new_terms(
        site_code, valid_from or now.date(), price_share=price_share,
        turnaround_days=turnaround_days, first_time_right=first_time_right, note=note,
        by=by.login, at=now,
    )  # fmt: skip
    with uow:
        partner_site(uow, terms.site_code)
        uow.partners.hold_terms(terms.site_code)
        uow.partners.add_terms(terms)
        record_done(
            uow, by, "set_partner_terms", terms.site_code,
            detail=f"v{terms.version} {terms.valid_from.isoformat()}",
        )  # fmt: skip
        uow.commit()
    return terms


@reads(Permission.VIEW_PARTNERS)
def terms_history(uow: UnitOfWork, *, by: User, site_code: str) -> list[PartnerTerms]:
    """Every version of a partner's terms, the latest first (a partner: its own)."""
    with uow:
        code = partner_site(uow, site_code).code
        sites_for(by, code, Permission.VIEW_PARTNERS)
        return sorted(uow.partners.terms([code]), key=lambda t: t.version, reverse=True)


@dataclass(frozen=True, slots=True)
class Standing:
    """A partner's terms in force at the end of the period, its record against them, and
    the disputes opened with it in the period."""

    terms: PartnerTerms | None
    checks: list[TermCheck]
    disputes: DisputeCounts = field(default_factory=DisputeCounts)

    @property
    def missed(self) -> list[TermCheck]:
        return [c for c in self.checks if c.met is False]


def standings(
    uow: UnitOfWork, records: Sequence[PartnerRecord], first: date, last: date
) -> dict[str, Standing]:
    """Each record against its site's terms in force on ``last``, with the disputes opened
    from ``first`` to ``last`` (inside a unit of work)."""
    codes = [r.code for r in records]
    since = datetime.combine(first, time(), tzinfo=UTC)
    before = datetime.combine(last + timedelta(days=1), time(), tzinfo=UTC)
    disputes: dict[str, list[Dispute]] = {}
    for d in uow.partners.disputes_between(codes, since, before):
        disputes.setdefault(d.site_code, []).append(d)
    versions: dict[str, list[PartnerTerms]] = {}
    for t in uow.partners.terms(codes):
        versions.setdefault(t.site_code, []).append(t)
    prices = uow.partners.new_prices(u for r in records for u in r.handed_units)
    out = {}
    for r in records:
        terms = in_force(versions.get(r.code, ()), last)
        handed = _sum(prices.get(u, Decimal(0)) for u in r.handed_units)
        out[r.code] = Standing(
            terms, against(r, terms, handed), counts_of(disputes.get(r.code, ()))
        )
    return out


def _sum(values: Iterable[Decimal]) -> Decimal:
    return sum(values, Decimal(0))


@reads(Permission.VIEW_PARTNERS)
def terms_by_site(uow: UnitOfWork, *, by: User) -> dict[str, list[PartnerTerms]]:
    """Every partner's versions of its terms, the latest first (a partner: its own sites)."""
    visible = sites_for(by, None, Permission.VIEW_PARTNERS)
    with uow:
        found: dict[str, list[PartnerTerms]] = {}
        for t in uow.partners.terms(visible):
            found.setdefault(t.site_code, []).insert(0, t)
        return found
