"""The shop's delivered orders, that customers return from on the portal: recorded one at a
time or imported from a CSV file (all or nothing), and read back by their reference."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, status

from revalo.domain.people import Permission
from revalo.domain.portal import CustomerOrder, OrderLine
from revalo.entrypoints.api.deps import CurrentUser, ReadUowDep, UowDep, need
from revalo.entrypoints.api.schemas.orders import (
    OrderCreate,
    OrderRecorded,
    OrdersImport,
    OrdersImported,
)
from revalo.services import portal_orders

router = APIRouter(prefix="/orders", tags=["orders"])


@router.post(
    "", dependencies=[need(Permission.MANAGE_CUSTOMERS)], status_code=status.HTTP_201_CREATED
)
def record_order(body: OrderCreate, uow: UowDep, user: CurrentUser) -> OrderRecorded:
    """Record an order the shop delivered, so that its customer may return from it on the
    portal with its reference and the order's e-mail or postcode."""
    order = CustomerOrder(
        body.order_ref,
        body.customer_code.strip().upper(),
        body.email,
        body.postcode,
        body.placed_at,
        body.delivered_at,
        [OrderLine(**ln.model_dump()) for ln in body.lines],
        body.client_code.strip().upper() if body.client_code else None,
    )
    return OrderRecorded.model_validate(portal_orders.record_order(uow, order, by=user))


@router.post("/import", dependencies=[need(Permission.MANAGE_CUSTOMERS)])
def import_orders(body: OrdersImport, uow: UowDep, user: CurrentUser) -> OrdersImported:
    """Record the orders of a CSV file, one row per order line: all of them, or none with
    every bad line named."""
    lines = body.csv.splitlines(keepends=True)
    added = portal_orders.import_orders(uow, lines, by=user)
    return OrdersImported(data=[OrderRecorded.model_validate(o) for o in added], count=len(added))


@router.get("/{order_ref}", dependencies=[need(Permission.MANAGE_CUSTOMERS)])
def get_order(
    order_ref: Annotated[str, Path(min_length=1, max_length=60)],
    uow: ReadUowDep,
    user: CurrentUser,
) -> OrderRecorded:
    """A recorded order with its lines."""
    return OrderRecorded.model_validate(portal_orders.get_order(uow, order_ref, by=user))
