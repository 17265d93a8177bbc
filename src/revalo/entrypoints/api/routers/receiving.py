"""Receiving: scan what arrives; what cannot be identified waits in quarantine."""

from fastapi import APIRouter, status

from revalo.adapters.barcodes import parse_scan
from revalo.domain.people import Permission
from revalo.entrypoints.api.deps import CurrentUser, TransportDep, UowDep, need
from revalo.entrypoints.api.schemas import (
    ScanCreate,
    ScanResultPublic,
    UnidentifiedCreate,
    UnitPublic,
)
from revalo.services import receiving
from revalo.services.receiving import ReceiveOutcome

router = APIRouter(prefix="/receiving", tags=["receiving"])


def _public(outcome: ReceiveOutcome) -> ScanResultPublic:
    return ScanResultPublic(
        unit=UnitPublic.model_validate(outcome.unit) if outcome.unit else None,
        created=outcome.created,
        message=outcome.message,
        quarantined=outcome.quarantined,
        rma_number=outcome.rma_number,
    )


@router.post("/scan", dependencies=[need(Permission.RECEIVE)])
def receive_scan(
    body: ScanCreate, uow: UowDep, user: CurrentUser, transport: TransportDep
) -> ScanResultPublic:
    """Receive what was scanned at a site. A unit a return expects is received for it; an
    unexpected or unknown one gets an LPN and goes to quarantine with the reason. Scanning
    the same unit again answers with that unit (``created`` is false)."""
    outcome = receiving.receive_scan(
        uow,
        parse_scan(body.code),
        site_code=body.site_code,
        by=user,
        rma_number=body.rma_number,
        transport=transport,
    )
    return _public(outcome)


@router.post(
    "/unidentified", dependencies=[need(Permission.RECEIVE)], status_code=status.HTTP_201_CREATED
)
def quarantine_unidentified(
    body: UnidentifiedCreate, uow: UowDep, user: CurrentUser
) -> ScanResultPublic:
    """An item with no readable or known barcode: it gets an LPN and waits in quarantine with
    the handler's description until someone identifies it."""
    outcome = receiving.quarantine_unidentified(
        uow,
        site_code=body.site_code,
        description=body.description,
        by=user,
        code=body.code,
    )
    return _public(outcome)
