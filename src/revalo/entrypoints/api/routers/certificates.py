"""Certificates and papers: the media wiped on a data wipe, a unit's certificates of
sanitisation (JSON and PDF, for the client who owns the unit too) with its refurbished
claim, and the treatment facilities' certificates."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from revalo.domain.certificates import MediaKind
from revalo.domain.facilities import CertificateStatus, FacilityCertificate
from revalo.domain.papers import CSV_COLUMNS
from revalo.domain.people import Permission
from revalo.domain.values import utcnow
from revalo.domain.work_orders import WipeMethod
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.types import LpnPath, SiteCodePath, Storable, WorkOrderPath, text
from revalo.services import certificates, facilities, papers
from revalo.services.exports_csv import rows_csv

router = APIRouter(tags=["certificates"])

CertificatePath = Annotated[
    str, Path(min_length=1, max_length=20, examples=["SAN00000012-1"]), Storable
]


class MediumWiped(BaseModel):
    media_serial: Annotated[str, text(60, min_length=1), Storable]
    media_kind: MediaKind
    method: WipeMethod
    tool: Annotated[str, text(100, min_length=1), Storable]
    tool_version: Annotated[str, text(40, min_length=1), Storable]
    verification: Annotated[str, text(200), Storable] = Field(
        "", description="how the result was verified (full read-back, sample...)"
    )
    verified: bool


class MediumPublic(MediumWiped):
    work_order_id: int
    position: int
    recorded_by: str


class RefurbishedPublic(BaseModel):
    allowed: bool = Field(description="whether it may be sold as 'reconditionné'")
    missing: list[str]
    tested: str | None
    repaired: str | None
    wiped: list[str]


class UnitCertificatesPublic(BaseModel):
    lpn: str
    certificates: list[dict[str, Any]]
    refurbished: RefurbishedPublic


class FacilityCertificateIn(BaseModel):
    number: Annotated[str, text(60, min_length=1), Storable]
    scope: Annotated[str, text(300, min_length=1), Storable]
    issuer: Annotated[str, text(200, min_length=1), Storable]
    issued_on: date
    expires_on: date
    operations: Annotated[
        list[Annotated[str, Field(max_length=4)]],
        Field(
            default_factory=list,
            max_length=28,
            description="the treatment operations its permit allows: R1-R13, D1-D15 "
            "(Directive 2008/98/EC Annexes I and II)",
            examples=[["R4", "R12"]],
        ),
    ]


class FacilityCertificatePublic(FacilityCertificateIn):
    site_code: str
    status: CertificateStatus


def _public(c: FacilityCertificate, status: CertificateStatus) -> FacilityCertificatePublic:
    return FacilityCertificatePublic(
        site_code=c.site_code,
        number=c.number,
        scope=c.scope,
        issuer=c.issuer,
        issued_on=c.issued_on,
        expires_on=c.expires_on,
        operations=list(c.operations),
        status=status,
    )


@router.post(
    "/work-orders/{order_id}/media",
    dependencies=[need(Permission.FINISH_WORK_ORDER)],
    status_code=201,
    tags=["work orders"],
)
def record_medium(
    order_id: WorkOrderPath, body: MediumWiped, uow: UowDep, user: CurrentUser
) -> MediumPublic:
    """Record a medium sanitised on a data wipe in progress; it has its own certificate
    once the wipe is done."""
    m = certificates.record_wiped_medium(
        uow, int(order_id.upper().removeprefix("WO")), by=user, **body.model_dump()
    )
    return MediumPublic(
        **body.model_dump(),
        work_order_id=m.work_order_id,
        position=m.position,
        recorded_by=m.recorded_by,
    )


@router.get("/units/{lpn}/certificates", dependencies=[need(Permission.VIEW_UNITS)])
def unit_certificates(lpn: LpnPath, uow: ReadUowDep, user: CurrentUser) -> UnitCertificatesPublic:
    """A unit's certificates of sanitisation (one per medium), and whether it may be sold
    as refurbished, with the proofs."""
    found = certificates.unit_certificates(uow, lpn, by=user)
    claim = found.refurbished
    return UnitCertificatesPublic(
        lpn=found.unit.lpn,
        certificates=[c.as_json() for c in found.certificates],
        refurbished=RefurbishedPublic(
            allowed=claim.allowed,
            missing=list(claim.missing),
            tested=claim.tested,
            repaired=claim.repaired,
            wiped=list(claim.wiped),
        ),
    )


@router.get("/certificates/{number}", dependencies=[need(Permission.VIEW_UNITS)])
def certificate_json(number: CertificatePath, uow: ReadUowDep, user: CurrentUser) -> Any:
    """One certificate of sanitisation, as JSON."""
    return certificates.certificate(uow, number, by=user).as_json()


@router.get(
    "/certificates/{number}/pdf",
    dependencies=[need(Permission.VIEW_UNITS)],
    response_class=Response,
    responses={200: {"content": {"application/pdf": {}}}},
)
def certificate_pdf(number: CertificatePath, uow: ReadUowDep, user: CurrentUser) -> Response:
    """One certificate of sanitisation, as a one-page PDF."""
    from revalo.adapters.certificate_pdf import render_certificates

    found = certificates.certificate(uow, number, by=user)
    headers = {"Content-Disposition": f'attachment; filename="{found.number}.pdf"'}
    return Response(render_certificates([found]), media_type="application/pdf", headers=headers)


@router.get("/sites/{code}/certificates", dependencies=[need(Permission.VIEW_CATALOGUE)])
def site_certificates(
    code: SiteCodePath, uow: ReadUowDep, user: CurrentUser
) -> list[FacilityCertificatePublic]:
    """A treatment facility's certificates, by expiry, each valid, expiring (within 30
    days) or expired today."""
    return [_public(c, s) for c, s in facilities.site_certificates(uow, code, by=user)]


@router.post(
    "/sites/{code}/certificates", dependencies=[need(Permission.MANAGE_SITES)], status_code=201
)
def add_site_certificate(
    code: SiteCodePath, body: FacilityCertificateIn, uow: UowDep, user: CurrentUser
) -> FacilityCertificatePublic:
    """Keep a recycler's treatment certificate; once it has one, units are sent there only
    while one is in force."""
    c = facilities.record_facility_certificate(uow, code, by=user, **body.model_dump())
    return _public(c, c.status_on(utcnow().date()))


@router.get("/facility-certificates/expiring", dependencies=[need(Permission.VIEW_CATALOGUE)])
def expiring_certificates(
    uow: ReadUowDep,
    user: CurrentUser,
    on: Annotated[date | None, Query(description="the day (today)")] = None,
) -> list[FacilityCertificatePublic]:
    """The facilities whose certificate has expired or expires within 30 days."""
    return [_public(c, s) for c, s in facilities.expiring_certificates(uow, by=user, on=on)]


ConsignmentPath = Annotated[
    str, Path(min_length=1, max_length=20, examples=["SHP00000042"]), Storable
]


@router.get(
    "/consignments/{reference}/bsd",
    dependencies=[need(Permission.VIEW_STOCK)],
    tags=["transport"],
)
def waste_tracking_slip(reference: ConsignmentPath, uow: ReadUowDep, user: CurrentUser) -> Any:
    """The waste-tracking slip (France's BSD fields) of a consignment to a treatment
    facility: emitter, transporter, destination with its certificate in force, each item's
    European List of Waste code and mass; what Revalo does not hold is null."""
    return papers.waste_tracking_slip(uow, reference, by=user).as_json()


@router.get(
    "/consignments/{reference}/bsd.csv",
    dependencies=[need(Permission.VIEW_STOCK)],
    response_class=Response,
    responses={200: {"content": {"text/csv": {}}}},
    tags=["transport"],
)
def waste_tracking_slip_csv(
    reference: ConsignmentPath, uow: ReadUowDep, user: CurrentUser
) -> Response:
    """The slip's items as CSV, a row per unit."""
    slip = papers.waste_tracking_slip(uow, reference, by=user)
    return Response(rows_csv(CSV_COLUMNS, [i.as_json() for i in slip.items]), media_type="text/csv")


@router.get(
    "/consignments/{reference}/annex-vi",
    dependencies=[need(Permission.VIEW_STOCK)],
    tags=["transport"],
)
def annex_vi(reference: ConsignmentPath, uow: ReadUowDep, user: CurrentUser) -> Any:
    """The test record of each item of used electrical equipment a consignment carries
    across a border (Directive 2012/19/EU Annex VI)."""
    return papers.annex_vi_records(uow, reference, by=user)
